import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PaymentBatchStatus, PaymentLineStatus } from '../../../../contracts/funds.js';
import { useEffect, useRef } from 'react';
import { api, toQueryString } from '../../../shared/api.js';
import { CAMPAIGNS_KEY, type CampaignDto } from '../../campaigns/campaigns.api.js';
import { FUNDS_KEY } from '../funds.api.js';

// Response shapes of server/modules/funds/payments (payments.presenter.ts, payments.routes.ts).

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The server's limit for a bank result file (payments.routes.ts). */
export const RESULT_MAX_BYTES = 5 * 1024 * 1024;

export type BatchStatus = (typeof PaymentBatchStatus.keys)[number];
export type LineStatus = (typeof PaymentLineStatus.keys)[number];

export interface PaymentBatch {
  id: string;
  orgId: string;
  orgName: string;
  fundId: string;
  fundName: string;
  campaignId: string | null;
  name: string;
  status: BatchStatus;
  lineCount: number;
  totalFen: number;
  paidOn: string | null;
  jobId: string | null;
  note: string | null;
  createdAt: string;
  approvedAt: string | null;
  executedAt: string | null;
  builtByMe: boolean;
  approvedByMe: boolean;
}

/** Lines of one status: how many, their fen, and how many the bank's results settled (confirmed or returned). */
export interface StatusCount {
  status: LineStatus;
  n: number;
  fen: number;
  confirmed: number;
}

export interface PaymentBatchDetail extends PaymentBatch {
  byStatus: StatusCount[];
}

export interface PaymentLine {
  id: string;
  lineNo: number;
  grantId: string;
  orgName: string;
  payeeName: string;
  bankName: string | null;
  bankCardMasked: string | null;
  amountFen: number;
  inKindItems: Array<{ item: string; quantity: number }> | null;
  status: LineStatus;
  paymentRef: string | null;
  bankConfirmed: boolean;
  failureReason: string | null;
}

export interface BankResults {
  confirmed: number;
  failed: number;
  returnedFen: number;
}

const PAYMENTS_KEY = [...FUNDS_KEY, 'payments'] as const;

/** A batch whose job is at work: the pages poll until it is done. */
export const batchBusy = (b: Pick<PaymentBatch, 'status'>) => b.status === 'building' || b.status === 'executing';

export function usePaymentBatches(fundId?: string) {
  return useQuery({
    queryKey: [...PAYMENTS_KEY, 'list', fundId ?? null],
    queryFn: () => api.get<{ items: PaymentBatch[] }>(`/api/payment-batches${toQueryString({ fundId })}`),
    refetchInterval: (q) => (q.state.data?.items.some(batchBusy) ? 1500 : false),
  });
}

export function usePaymentBatch(id: string | undefined) {
  const qc = useQueryClient();
  const query = useQuery({
    queryKey: [...PAYMENTS_KEY, 'one', id],
    enabled: !!id,
    queryFn: () => api.get<PaymentBatchDetail>(`/api/payment-batches/${id}`),
    refetchInterval: (q) => (q.state.data && batchBusy(q.state.data) ? 1000 : false),
  });
  // A job that ended moved money or lines: the funds' figures and the batch lists are read again.
  const status = query.data?.status;
  const seen = useRef(status);
  useEffect(() => {
    if (seen.current && status && seen.current !== status)
      void qc.invalidateQueries({ queryKey: FUNDS_KEY, predicate: (q) => !(q.queryKey[1] === 'payments' && q.queryKey[2] === 'one') });
    seen.current = status;
  }, [qc, status]);
  return query;
}

/** A page of a batch's lines; read again whenever the batch's status or its counts change. */
export function usePaymentLines(batch: PaymentBatchDetail, status: LineStatus | undefined, page: number, pageSize: number) {
  const version = `${batch.status}:${batch.byStatus.map((s) => `${s.status}${s.n}/${s.confirmed}`).join(',')}`;
  return useQuery({
    queryKey: [...PAYMENTS_KEY, 'lines', batch.id, version, status ?? null, page, pageSize],
    enabled: batch.status !== 'building' && batch.status !== 'failed',
    queryFn: () => api.get<{ items: PaymentLine[]; page: number; pageSize: number }>(`/api/payment-batches/${batch.id}/lines${toQueryString({ status, page, pageSize })}`),
    placeholderData: keepPreviousData,
  });
}

/** A plain link: the browser downloads with the session cookie (the server audits the export). */
export const bankFileHref = (id: string) => `/api/payment-batches/${id}/bank-file.xlsx`;

const idempotent = (key: string) => ({ headers: { 'Idempotency-Key': key } });

function useInvalidateFunds() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: FUNDS_KEY });
}

export interface StartBatchBody {
  fundId: string;
  campaignId?: string;
  orgId?: string;
  name: string;
}

export function useStartPaymentBatch() {
  const invalidate = useInvalidateFunds();
  return useMutation({
    mutationFn: ({ key, body }: { key: string; body: StartBatchBody }) => api.post<{ batchId: string; jobId: string }>('/api/payment-batches', body, idempotent(key)),
    onSuccess: invalidate,
  });
}

export function useApprovePaymentBatch(id: string) {
  const invalidate = useInvalidateFunds();
  return useMutation({
    mutationFn: ({ key, note }: { key: string; note?: string }) => api.post<{ id: string; status: 'approved' }>(`/api/payment-batches/${id}/approve`, note ? { note } : {}, idempotent(key)),
    onSettled: invalidate,
  });
}

export function useExecutePaymentBatch(id: string) {
  const invalidate = useInvalidateFunds();
  return useMutation({
    mutationFn: ({ key, paidOn }: { key: string; paidOn: string }) => api.post<{ batchId: string; jobId: string; status: 'executing' }>(`/api/payment-batches/${id}/execute`, { paidOn }, idempotent(key)),
    onSettled: invalidate,
  });
}

export function useDiscardPaymentBatch(id: string) {
  const invalidate = useInvalidateFunds();
  return useMutation({
    mutationFn: ({ key, reason }: { key: string; reason: string }) => api.post<{ id: string; status: 'discarded' }>(`/api/payment-batches/${id}/discard`, { reason }, idempotent(key)),
    onSettled: invalidate,
  });
}

export function useImportBankResults(id: string) {
  const invalidate = useInvalidateFunds();
  return useMutation({
    mutationFn: ({ key, file }: { key: string; file: File }) => api.postRaw<BankResults>(`/api/payment-batches/${id}/result-import`, file, XLSX_MIME, idempotent(key)),
    onSuccess: invalidate,
  });
}

/** The campaigns to choose from (the campaigns list's own cache), read only by those who may read campaigns. */
export function useCampaignChoices(enabled: boolean) {
  return useQuery({ queryKey: [...CAMPAIGNS_KEY, 'list'], queryFn: () => api.get<{ items: CampaignDto[] }>('/api/campaigns'), enabled });
}
