import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PostingImportResult } from '../../../../contracts/jobs.js';
import type { PostingStatus } from '../../../../contracts/employment.js';
import { api } from '../../../shared/api.js';

// Response shapes of server/modules/employment/postings (postings.presenter.ts, postings.routes.ts, import/).
export type { PostingImportResult };

export const POSTINGS_KEY = ['job-postings'] as const;
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The server takes workbooks up to 4 MB; 2,000 postings are well under 1 MB. */
export const IMPORT_MAX_BYTES = 4 * 1024 * 1024;
export const POSTING_TEMPLATE_URL = '/api/job-posting-imports/template.xlsx';

export type PostingStatusKey = (typeof PostingStatus.keys)[number];

export interface PostingDto {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  orgId: string;
  orgName: string;
  title: string;
  category: string;
  kind: string;
  openings: number;
  salaryMinFen: number;
  salaryMaxFen: number;
  education: string;
  experience: string;
  regionCode: string;
  description: string;
  contactName: string;
  contactPhone: string;
  validUntil: string;
  status: PostingStatusKey;
  reviewNote: string | null;
  submittedAt: string | null;
  reviewedAt: string | null;
  publishedAt: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface PostingFilter {
  page: number;
  pageSize: number;
  status?: PostingStatusKey;
  q?: string;
  category?: string;
  kind?: string;
  enterpriseId?: string;
}

export interface EnterpriseOption {
  id: string;
  name: string;
  uscc: string;
  regionCode: string;
  contactName: string;
  contactPhone: string;
}

/** What the form sends: the posting's fields (salaries in fen). */
export interface PostingBody {
  title: string;
  category: string;
  kind: string;
  openings: number;
  salaryMinFen: number;
  salaryMaxFen: number;
  education: string;
  experience: string;
  regionCode: string;
  description: string;
  contactName: string;
  contactPhone: string;
  validUntil: string;
}

export function usePostings(filter: PostingFilter) {
  return useQuery({
    queryKey: [...POSTINGS_KEY, 'list', filter],
    queryFn: () => api.get<{ items: PostingDto[]; hasMore: boolean; page: number; pageSize: number }>('/api/job-postings', { query: { ...filter } }),
    placeholderData: keepPreviousData,
  });
}

export function usePosting(id: string | undefined) {
  return useQuery({ queryKey: [...POSTINGS_KEY, 'one', id], queryFn: () => api.get<PostingDto>(`/api/job-postings/${id}`), enabled: !!id });
}

/** How many postings wait for review (the review page's count). */
export function useAwaitingReview(enabled = true) {
  return useQuery({ queryKey: [...POSTINGS_KEY, 'awaiting'], queryFn: () => api.get<{ count: number }>('/api/job-postings/awaiting-review'), enabled });
}

export function usePostingEnterprises(q: string, enabled = true) {
  return useQuery({
    queryKey: [...POSTINGS_KEY, 'enterprises', q],
    queryFn: () => api.get<{ items: EnterpriseOption[] }>('/api/job-postings/enterprises', { query: { q: q || undefined } }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCreatePosting() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PostingBody & { enterpriseId: string; submit: boolean }) => api.post<{ id: string; status: PostingStatusKey }>('/api/job-postings', body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: POSTINGS_KEY }),
  });
}

export function useUpdatePosting(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<PostingBody> & { version: number }) => api.patch<{ id: string; version: number }>(`/api/job-postings/${id}`, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: POSTINGS_KEY }),
  });
}

export type PostingStep = 'submit' | 'approve' | 'return' | 'reject' | 'close';

/** A review or life step: submit (no body), approve (a note), return and reject (a reason), close (a reason). */
export function usePostingStep() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, step, text }: { id: string; step: PostingStep; text?: string }) => {
      const body = step === 'submit' ? undefined : step === 'approve' ? { note: text || null } : step === 'close' ? { reason: text || null } : { reason: text };
      return api.post<{ id: string; status: PostingStatusKey }>(`/api/job-postings/${id}/${step}`, body);
    },
    // A refusal because someone else acted first refreshes too, so the queue stops offering that posting.
    onSettled: () => void qc.invalidateQueries({ queryKey: POSTINGS_KEY }),
  });
}

/** Sends the workbook as the raw body: imported whole (ok) or refused whole with every cell in error and the report. */
export function useImportPostings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: Blob) => api.postRaw<PostingImportResult>('/api/job-posting-imports', file, XLSX_MIME),
    onSuccess: (r) => {
      if (r.ok) void qc.invalidateQueries({ queryKey: POSTINGS_KEY });
    },
  });
}
