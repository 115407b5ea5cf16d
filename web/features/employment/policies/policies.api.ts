import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreatePolicyArticleInput, PolicyArticleDto, PolicyListItemDto, PublicPolicyDto, UpdatePolicyArticleInput } from '../../../../contracts/policies.js';
import { api, type Page } from '../../../shared/api.js';

// Response shapes of server/modules/employment/policies (contracts/policies.ts).

export const POLICIES_KEY = ['policies'] as const;

export interface PolicyAttachment {
  id: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  uploadedByName?: string | null;
  uploadedAt: string;
}

export type PublicPolicyLine = Omit<PublicPolicyDto, 'body' | 'attachments'>;

export interface PolicyFilter {
  q?: string;
  category?: string;
  status?: string;
  page: number;
  pageSize: number;
}

export function usePolicies(filter: PolicyFilter) {
  return useQuery({
    queryKey: [...POLICIES_KEY, 'list', filter],
    queryFn: ({ signal }) => api.get<Page<PolicyListItemDto>>('/api/policies', { query: { ...filter }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePolicy(id: string | undefined) {
  return useQuery({ queryKey: [...POLICIES_KEY, 'one', id], queryFn: ({ signal }) => api.get<PolicyArticleDto>(`/api/policies/${id}`, { signal }), enabled: !!id });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: POLICIES_KEY });
}

export function useCreatePolicy() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: CreatePolicyArticleInput) => api.post<{ id: string; version: number }>('/api/policies', body), onSuccess: invalidate });
}

export function useUpdatePolicy(id: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: UpdatePolicyArticleInput) => api.patch<{ id: string; version: number }>(`/api/policies/${id}`, body), onSuccess: invalidate });
}

export function usePublishPolicy(id: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: () => api.post<{ status: 'published' }>(`/api/policies/${id}/publish`), onSuccess: invalidate });
}

export function useWithdrawPolicy(id: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (reason: string) => api.post<{ status: 'withdrawn' }>(`/api/policies/${id}/withdraw`, { reason }), onSuccess: invalidate });
}

export const policyAttachmentUrl = (articleId: string, attachmentId: string) => `/api/policies/${articleId}/attachments/${attachmentId}/content`;
export const publicPolicyAttachmentUrl = (articleId: string, attachmentId: string) => `/api/public/policies/${articleId}/attachments/${attachmentId}/content`;

export function usePolicyAttachments(articleId: string) {
  return useQuery({
    queryKey: [...POLICIES_KEY, 'attachments', articleId],
    queryFn: ({ signal }) => api.get<{ items: PolicyAttachment[] }>(`/api/policies/${articleId}/attachments`, { signal }).then((r) => r.items),
  });
}

/** Sends the file as the raw body; the server detects its type from the bytes. */
export function useUploadPolicyAttachment(articleId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (file: File) => api.postRaw<PolicyAttachment>(`/api/policies/${articleId}/attachments`, file, 'application/octet-stream', { query: { fileName: file.name } }),
    onSuccess: invalidate,
  });
}

export function useDeletePolicyAttachment(articleId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ attachmentId, reason }: { attachmentId: string; reason: string }) => api.delete<{ id: string }>(`/api/policies/${articleId}/attachments/${attachmentId}`, { body: { reason } }),
    onSuccess: invalidate,
  });
}

// The public side (no sign-in).

export function usePublicPolicies(filter: { q?: string; category?: string; page: number }) {
  return useQuery({
    queryKey: ['public-policies', filter],
    queryFn: ({ signal }) => api.get<Page<PublicPolicyLine>>('/api/public/policies', { query: filter, signal, redirectOn401: false }),
    placeholderData: keepPreviousData,
  });
}

export function usePublicPolicy(id: string | undefined) {
  return useQuery({
    queryKey: ['public-policies', 'one', id],
    queryFn: ({ signal }) => api.get<PublicPolicyDto>(`/api/public/policies/${id}`, { signal, redirectOn401: false }),
    enabled: !!id,
    retry: false,
  });
}
