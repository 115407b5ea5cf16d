import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ConsultationDto, ConsultationOrgDto, ConsultationStatsDto, FaqDto, PublicConsultationDto, PublicFaqDto } from '../../../../contracts/consultations.js';
import { api, type Page } from '../../../shared/api.js';

// Response shapes of server/modules/employment/consultations (contracts/consultations.ts).

export const CONSULTATIONS_KEY = ['consultations'] as const;

export interface QueueFilter {
  status?: string;
  orgId?: string;
  category?: string;
  channel?: string;
  page: number;
  pageSize: number;
}

export function useConsultationQueue(filter: QueueFilter) {
  return useQuery({
    queryKey: [...CONSULTATIONS_KEY, 'queue', filter],
    queryFn: ({ signal }) => api.get<Page<ConsultationDto> & { counts: Record<string, number> }>('/api/consultations', { query: { ...filter }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useConsultation(id: string | undefined) {
  return useQuery({ queryKey: [...CONSULTATIONS_KEY, 'one', id], queryFn: ({ signal }) => api.get<ConsultationDto>(`/api/consultations/${id}`, { signal }), enabled: !!id });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: CONSULTATIONS_KEY });
}

export interface HotlineCallBody {
  orgId: string;
  category: string;
  question: string;
  askerName: string | null;
  phone: string;
  answer: string | null;
}

export function useRecordHotlineCall() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: HotlineCallBody) => api.post<{ id: string; ticketNo: string; status: string }>('/api/consultations', body), onSuccess: invalidate });
}

function useStep<B>(id: string, path: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: B) => api.post<Record<string, unknown>>(`/api/consultations/${id}/${path}`, body), onSuccess: invalidate });
}

/** The steps on one question: answer, close, reroute, publish as FAQ. */
export function useConsultationSteps(id: string) {
  return {
    answer: useStep<{ answer: string }>(id, 'answer'),
    close: useStep<{ reason: string | null }>(id, 'close'),
    reroute: useStep<{ toOrgId: string; reason: string }>(id, 'reroute'),
    faq: useStep<{ category: string; question: string; answer: string }>(id, 'faq'),
  };
}

export function useRevealPhone(id: string) {
  return useMutation({ mutationFn: (reason: string) => api.post<{ phone: string }>(`/api/consultations/${id}/reveal`, { reason }) });
}

export function useConsultationStats(query: { from?: string; to?: string; orgId?: string }) {
  return useQuery({
    queryKey: [...CONSULTATIONS_KEY, 'stats', query],
    queryFn: ({ signal }) => api.get<ConsultationStatsDto>('/api/consultations/stats', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useFaqList(filter: { q?: string; category?: string; published?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...CONSULTATIONS_KEY, 'faq', filter],
    queryFn: ({ signal }) => api.get<Page<FaqDto>>('/api/faq', { query: filter, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateFaq() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: { orgId: string; category: string; question: string; answer: string; published: boolean }) => api.post<{ id: string }>('/api/faq', body), onSuccess: invalidate });
}

export function useUpdateFaq() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; category?: string; question?: string; answer?: string; published?: boolean }) => api.patch<FaqDto>(`/api/faq/${id}`, body),
    onSuccess: invalidate,
  });
}

// The public side (no sign-in).

export function usePublicConsultationOrgs() {
  return useQuery({ queryKey: ['public-consultation-orgs'], queryFn: ({ signal }) => api.get<{ items: ConsultationOrgDto[] }>('/api/public/consultation-orgs', { signal, redirectOn401: false }), staleTime: 10 * 60_000 });
}

export interface AskBody {
  orgId: string;
  category: string;
  question: string;
  askerName: string | null;
  phone: string;
}

export function useAskConsultation() {
  return useMutation({ mutationFn: (body: AskBody) => api.post<{ ticketNo: string; orgName: string; askedAt: string }>('/api/public/consultations', body, { redirectOn401: false }) });
}

export function useLookupConsultation(ticketNo: string | undefined, phoneLast4: string | undefined) {
  return useQuery({
    queryKey: ['public-consultation', ticketNo, phoneLast4],
    queryFn: ({ signal }) => api.get<PublicConsultationDto>(`/api/public/consultations/${ticketNo}`, { query: { phoneLast4 }, signal, redirectOn401: false }),
    enabled: !!ticketNo && !!phoneLast4,
    retry: false,
  });
}

export function usePublicFaq(filter: { q?: string; category?: string; page: number }) {
  return useQuery({
    queryKey: ['public-faq', filter],
    queryFn: ({ signal }) => api.get<Page<PublicFaqDto>>('/api/public/faq', { query: filter, signal, redirectOn401: false }),
    placeholderData: keepPreviousData,
  });
}
