import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CampaignDashboard } from '../../../../contracts/campaign-dashboard.js';
import { api, toQueryString } from '../../../shared/api.js';
import { CAMPAIGNS_KEY } from '../campaigns.api.js';

export type { CampaignDashboard, DashboardOrgRow } from '../../../../contracts/campaign-dashboard.js';

/** The campaign's figures in the viewer's subtree, or of an org drilled into. */
export function useCampaignDashboard(campaignId: string, orgId: string | undefined) {
  return useQuery({
    queryKey: [...CAMPAIGNS_KEY, 'dashboard', campaignId, orgId ?? null],
    queryFn: () => api.get<CampaignDashboard>(`/api/campaigns/${campaignId}/dashboard${toQueryString({ orgId })}`),
    placeholderData: keepPreviousData,
  });
}

/** Plain links: the browser downloads with the session cookie. */
export const applicationsExportHref = (campaignId: string, orgId: string | undefined) => `/api/applications/export${toQueryString({ campaignId, orgId })}`;
export const noticeExportHref = (campaignId: string) => `/api/campaigns/${campaignId}/notice/export`;
