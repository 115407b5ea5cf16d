import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LumpSumExclusion } from '../../../../contracts/campaigns.js';
import { api, toQueryString } from '../../../shared/api.js';
import { CAMPAIGNS_KEY } from '../campaigns.api.js';

// Response shapes of server/modules/campaigns/lump-sum (lump-sum.presenter.ts, lump-sum.queries.ts).

export interface LumpSumBatch {
  id: string;
  campaignId: string;
  campaignName: string;
  orgId: string;
  orgName: string;
  status: 'building' | 'previewed' | 'confirmed' | 'discarded' | 'failed';
  /** Previewed, with a confirmer: its grants are being written. */
  confirming: boolean;
  rulesVersion: number;
  householdCount: number;
  excludedCount: number;
  totalFen: number;
  createdByName: string | null;
  createdAt: string;
  confirmedAt: string | null;
  note: string | null;
  jobId: string | null;
  jobState: string | null;
  confirmJobId: string | null;
  confirmJobState: string | null;
  progress: { households?: number; grants?: number } | null;
  error: string | null;
  builtByMe: boolean;
  exclusions?: Partial<Record<LumpSumExclusion, number>>;
}

export interface LumpSumLine {
  householdId: string;
  orgId: string;
  orgName: string;
  recipientName: string;
  amountFen: number;
  exclusion: LumpSumExclusion | null;
  caseNo: string;
  idNumberMasked: string;
  category: string;
  householdStatus: string;
}

export interface LineFilter {
  show?: 'qualifying' | 'excluded';
  exclusion?: LumpSumExclusion;
}

const key = (campaignId: string) => [...CAMPAIGNS_KEY, 'lump-sum', campaignId] as const;

/** A batch whose job is still at work (the page polls until it is done). */
export const batchBusy = (b: Pick<LumpSumBatch, 'status' | 'confirming'>) => b.status === 'building' || b.confirming;

export function useLumpSumBatches(campaignId: string) {
  return useQuery({
    queryKey: [...key(campaignId), 'list'],
    queryFn: () => api.get<{ items: LumpSumBatch[] }>(`/api/campaigns/${campaignId}/lump-sum-batches`),
    refetchInterval: (q) => (q.state.data?.items.some(batchBusy) ? 1000 : false),
  });
}

export function useLumpSumBatch(campaignId: string, batchId: string | null) {
  return useQuery({
    queryKey: [...key(campaignId), 'batch', batchId],
    enabled: !!batchId,
    queryFn: () => api.get<LumpSumBatch>(`/api/lump-sum-batches/${batchId}`),
    refetchInterval: (q) => (q.state.data && batchBusy(q.state.data) ? 1000 : false),
  });
}

export function useLumpSumLines(campaignId: string, batchId: string, filter: LineFilter, page: number, pageSize: number, enabled: boolean) {
  return useQuery({
    queryKey: [...key(campaignId), 'lines', batchId, filter, page, pageSize],
    enabled,
    queryFn: () => api.get<{ items: LumpSumLine[]; hasMore: boolean }>(`/api/lump-sum-batches/${batchId}/lines${toQueryString({ ...filter, page, pageSize })}`),
    placeholderData: keepPreviousData,
  });
}

function useInvalidate(campaignId: string) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: key(campaignId) });
}

export function useBuildLumpSum(campaignId: string) {
  const invalidate = useInvalidate(campaignId);
  return useMutation({
    mutationFn: (body: { orgId?: string }) => api.post<{ batchId: string; jobId: string }>(`/api/campaigns/${campaignId}/lump-sum-batches`, body),
    onSuccess: invalidate,
  });
}

export function useConfirmLumpSum(campaignId: string) {
  const invalidate = useInvalidate(campaignId);
  return useMutation({
    mutationFn: ({ batchId, note }: { batchId: string; note?: string }) => api.post<{ batchId: string; jobId: string }>(`/api/lump-sum-batches/${batchId}/confirm`, note ? { note } : {}),
    onSettled: invalidate,
  });
}

export function useDiscardLumpSum(campaignId: string) {
  const invalidate = useInvalidate(campaignId);
  return useMutation({
    mutationFn: ({ batchId, note }: { batchId: string; note?: string }) => api.post<{ id: string }>(`/api/lump-sum-batches/${batchId}/discard`, note ? { note } : {}),
    onSettled: invalidate,
  });
}
