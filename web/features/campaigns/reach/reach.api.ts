import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CampaignContact, ReachReport, RecordContactInput, WorklistEntry, WorklistReason } from '../../../../contracts/campaigns.js';
import { api, toQueryString, type Page } from '../../../shared/api.js';
import { CAMPAIGNS_KEY } from '../campaigns.api.js';

// Response shapes of server/modules/campaigns/reach (reach.presenter.ts, reach-report.ts) and the job's (background-jobs.presenter.ts).

export type { CampaignContact, ReachReport, ReachReportRow, WorklistEntry } from '../../../../contracts/campaigns.js';

const reachKey = (campaignId: string) => [...CAMPAIGNS_KEY, 'reach', campaignId] as const;

export interface WorklistFilter {
  orgId?: string;
  reached?: 'yes' | 'no';
  applied?: 'yes' | 'no';
  reason?: WorklistReason;
}

export function useWorklist(campaignId: string, filter: WorklistFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...reachKey(campaignId), 'worklist', filter, page, pageSize],
    queryFn: () => api.get<Page<WorklistEntry> & { worklistBuiltAt: string | null }>(`/api/campaigns/${campaignId}/worklist${toQueryString({ ...filter, page, pageSize })}`),
    placeholderData: keepPreviousData,
  });
}

export function useContacts(campaignId: string, studentIdHash: string) {
  return useQuery({
    queryKey: [...reachKey(campaignId), 'contacts', studentIdHash],
    queryFn: () => api.get<{ items: CampaignContact[] }>(`/api/campaigns/${campaignId}/worklist/${studentIdHash}/contacts`),
  });
}

export function useRecordContact(campaignId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordContactInput) => api.post<{ id: string; notificationId: string | null }>(`/api/campaigns/${campaignId}/contacts`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: reachKey(campaignId) }),
  });
}

export function useBuildWorklist(campaignId: string) {
  return useMutation({ mutationFn: () => api.post<{ jobId: string; state: string }>(`/api/campaigns/${campaignId}/worklist/build`) });
}

export interface WorklistJob {
  id: string;
  state: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
  progress: { phase?: 'building' | 'done'; households?: number; totalHouseholds?: number; entries?: number; transition?: number; followUp?: number };
  error: string | null;
  queuePosition: number | null;
}

const finished = (state: WorklistJob['state'] | undefined) => state === 'succeeded' || state === 'failed' || state === 'cancelled';

/** The build's job, polled each second until it ends; then the campaign's lists are fetched again. */
export function useWorklistJob(campaignId: string, jobId: string | null) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: ['background-jobs', jobId],
    enabled: !!jobId,
    queryFn: async () => {
      const job = await api.get<WorklistJob>(`/api/background-jobs/${jobId}`);
      if (finished(job.state)) {
        void qc.invalidateQueries({ queryKey: reachKey(campaignId) });
        void qc.invalidateQueries({ queryKey: [...CAMPAIGNS_KEY, 'one', campaignId] });
      }
      return job;
    },
    refetchInterval: (q) => (finished(q.state.data?.state) ? false : 1000),
  });
}

export function useReachReport(campaignId: string, orgId: string | undefined) {
  return useQuery({
    queryKey: [...reachKey(campaignId), 'report', orgId ?? null],
    queryFn: () => api.get<ReachReport>(`/api/campaigns/${campaignId}/reach-report${toQueryString({ orgId })}`),
    placeholderData: keepPreviousData,
  });
}

export function useNotApplied(campaignId: string, orgId: string | undefined, page: number, pageSize: number, enabled: boolean) {
  return useQuery({
    queryKey: [...reachKey(campaignId), 'not-applied', orgId ?? null, page, pageSize],
    queryFn: () => api.get<Page<WorklistEntry>>(`/api/campaigns/${campaignId}/reach-report/not-applied${toQueryString({ orgId, page, pageSize })}`),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** A plain link: the browser downloads with the session cookie. */
export const reachExportHref = (campaignId: string, orgId: string | undefined) => `/api/campaigns/${campaignId}/reach-report/export${toQueryString({ orgId })}`;
