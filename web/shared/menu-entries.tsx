import { ApartmentOutlined, AccountBookOutlined, AuditOutlined, FileDoneOutlined, FileTextOutlined, FolderOpenOutlined, GiftOutlined, HomeOutlined, ReconciliationOutlined, TeamOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { HeartOutlined } from '@ant-design/icons';
import { InboxOutlined, WalletOutlined } from '@ant-design/icons';
import { CustomerServiceOutlined, NotificationOutlined } from '@ant-design/icons';
import { SolutionOutlined } from '@ant-design/icons';
import { ShopOutlined } from '@ant-design/icons';
import { FileSearchOutlined, ProfileOutlined } from '@ant-design/icons';
import type { Permission } from '../../contracts/permissions.js';
import type zhCN from './locales/zh-CN.js';

export interface MenuEntry {
  /** Route path; also the menu key. */
  path: string;
  /** Catalogue key under `nav.` */
  label: keyof typeof zhCN.nav;
  icon: ReactNode;
  /** Shown and routed only for users holding this permission; undefined = every signed-in user. */
  permission?: Permission;
}

/**
 * The side menu's entries, in display order: what a feature may know of the menu (the home page's
 * shortcuts). Which page each one opens is the app's business (web/app/menu.tsx).
 */
export const MENU_ENTRIES: MenuEntry[] = [
  { path: '/', label: 'home', icon: <HomeOutlined /> },
  // 困难职工档案; its sub-pages (new, import, detail, edit) are routed in App.tsx.
  { path: '/households', label: 'households', icon: <FolderOpenOutlined />, permission: 'household.read' },
  // 档案导入审核: archive imports awaiting a second person (next to the archive and its import).
  { path: '/households/import-approvals', label: 'importApprovals', icon: <FileDoneOutlined />, permission: 'household.review' },
  // 帮扶活动 (金秋助学 …) and the applications across campaigns.
  { path: '/campaigns', label: 'campaigns', icon: <GiftOutlined />, permission: 'campaign.read' },
  { path: '/applications', label: 'applications', icon: <FileTextOutlined />, permission: 'application.read' },
  // 资金管理 (a fund's page is routed in App.tsx) and 对账, the ledger's reconciliation.
  { path: '/funds', label: 'funds', icon: <AccountBookOutlined />, permission: 'fund.read' },
  // 发放批次: payment batches (a batch's page is routed in App.tsx).
  { path: '/payment-batches', label: 'paymentBatches', icon: <WalletOutlined />, permission: 'fund.read' },
  // 实物发放: the in-kind items handed out with payment batches.
  { path: '/in-kind-issues', label: 'inKindIssues', icon: <InboxOutlined />, permission: 'fund.read' },
  { path: '/ledger/reconcile', label: 'reconcile', icon: <ReconciliationOutlined />, permission: 'fund.read' },
  // 募捐: donation drives, their gifts and receipts (a drive's page and a receipt are routed in App.tsx).
  { path: '/donation-drives', label: 'donationDrives', icon: <HeartOutlined />, permission: 'fund.read' },
  // 用人单位: enterprises of the job board (new, import, an enterprise's page and its edit are routed in App.tsx).
  { path: '/enterprises', label: 'enterprises', icon: <ShopOutlined />, permission: 'job.read' },
  // 岗位信息 and 岗位审核 (new, import, a posting's page and its edit are routed in App.tsx; the public board is /jobs, served by the server).
  { path: '/job-postings', label: 'jobPostings', icon: <ProfileOutlined />, permission: 'job.read' },
  { path: '/job-postings/review', label: 'postingReview', icon: <FileSearchOutlined />, permission: 'job.publish' },
  // 求职登记: seekers, their matches, referrals and placements (new and a seeker's page are routed in App.tsx).
  { path: '/job-seekers', label: 'jobSeekers', icon: <SolutionOutlined />, permission: 'job.match' },
  // 政策发布 (an article's page, new and edit are routed in App.tsx; the public list is /policies).
  { path: '/policies-admin', label: 'policiesAdmin', icon: <NotificationOutlined />, permission: 'policy.publish' },
  // 咨询工单: the queue (a ticket, response times and the FAQ are routed in App.tsx; the public form is /consult).
  { path: '/consultations', label: 'consultations', icon: <CustomerServiceOutlined />, permission: 'consultation.answer' },
  { path: '/orgs', label: 'orgs', icon: <ApartmentOutlined />, permission: 'org.read' },
  { path: '/users', label: 'users', icon: <TeamOutlined />, permission: 'user.read' },
  { path: '/audit', label: 'audit', icon: <AuditOutlined />, permission: 'audit.read' },
];
