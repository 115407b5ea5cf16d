import { ApartmentOutlined, AuditOutlined, FileDoneOutlined, HomeOutlined, TeamOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import type { Permission } from '../../contracts/permissions.js';
import type zhCN from '../shared/locales/zh-CN.js';

export interface MenuItem {
  /** Route path; also the menu key. */
  path: string;
  /** Catalogue key under `nav.` */
  label: keyof typeof zhCN.nav;
  icon: ReactNode;
  /** Shown and routed only for users holding this permission; undefined = every signed-in user. */
  permission?: Permission;
  page: LazyExoticComponent<ComponentType>;
}

/**
 * The side menu, in display order. Each entry is also a route (see App.tsx), guarded by its permission.
 * To add a feature: add its page under features/<domain>/ and one entry here.
 */
export const MENU_ITEMS: MenuItem[] = [
  {
    path: '/',
    label: 'home',
    icon: <HomeOutlined />,
    page: lazy(() => import('../features/home/HomePage.js')),
  },
  {
    // 困难职工档案; its sub-pages (new, import, detail, edit) are routed in App.tsx.
    path: '/households',
    label: 'households',
    icon: <FolderOpenOutlined />,
    permission: 'household.read',
    page: lazy(() => import('../features/households/HouseholdsPage.js')),
  },
  {
    // 档案导入审核: archive imports awaiting a second person (next to the archive and its import).
    path: '/households/import-approvals',
    label: 'importApprovals',
    icon: <FileDoneOutlined />,
    permission: 'household.review',
    page: lazy(() => import('../features/households/ImportApprovalsPage.js')),
  },
  {
    path: '/orgs',
    label: 'orgs',
    icon: <ApartmentOutlined />,
    permission: 'org.read',
    page: lazy(() => import('../features/orgs/OrgsPage.js')),
  },
  {
    path: '/users',
    label: 'users',
    icon: <TeamOutlined />,
    permission: 'user.read',
    page: lazy(() => import('../features/users/UsersPage.js')),
  },
  {
    path: '/audit',
    label: 'audit',
    icon: <AuditOutlined />,
    permission: 'audit.read',
    page: lazy(() => import('../features/audit/AuditPage.js')),
  },
];
