import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Permission } from '../../../contracts/permissions.js';
import type { CampaignDto } from './campaigns.api.js';

export interface CampaignTab {
  key: string;
  /** Catalogue key under `campaigns.tabs.` */
  label: string;
  permission: Permission;
  /** Program kinds the tab belongs to; every kind when left out. */
  kinds?: Array<CampaignDto['programKind']>;
  page: LazyExoticComponent<ComponentType<{ campaign: CampaignDto }>>;
}

/** The campaign page's tabs, in display order. A capability adds its tab here. */
export const CAMPAIGN_TABS: CampaignTab[] = [
  { key: 'dashboard', label: 'dashboard', permission: 'campaign.read', kinds: ['per_student'], page: lazy(() => import('./dashboard/DashboardTab.js')) },
  { key: 'rules', label: 'rules', permission: 'campaign.read', page: lazy(() => import('./rules/RulesTab.js')) },
  { key: 'reach', label: 'reach', permission: 'campaign.reach', kinds: ['per_student'], page: lazy(() => import('./reach/ReachTab.js')) },
  { key: 'noOneLeftOut', label: 'noOneLeftOut', permission: 'campaign.read', kinds: ['per_student'], page: lazy(() => import('./reach/NoOneLeftOutTab.js')) },
  { key: 'applications', label: 'applications', permission: 'application.read', kinds: ['per_student'], page: lazy(() => import('./applications/CampaignApplicationsTab.js')) },
  { key: 'notice', label: 'notice', permission: 'application.read', kinds: ['per_student'], page: lazy(() => import('./applications/NoticeTab.js')) },
  { key: 'lumpSum', label: 'lumpSum', permission: 'campaign.read', kinds: ['per_household'], page: lazy(() => import('./lump-sum/LumpSumTab.js')) },
];
