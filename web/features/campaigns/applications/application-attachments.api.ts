import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api.js';
import { APPLICATIONS_KEY } from './applications.api.js';

// Response shapes of server/modules/campaigns/applications/attachments (platform/attachments.ts presentAttachment).

export interface ApplicationAttachment {
  id: string;
  kind: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  uploadedByName: string | null;
  uploadedAt: string;
}

const attachmentsKey = (applicationId: string) => [...APPLICATIONS_KEY, 'attachments', applicationId] as const;

export const applicationAttachmentUrl = (applicationId: string, attachmentId: string) => `/api/applications/${applicationId}/attachments/${attachmentId}/content`;

export function useApplicationAttachments(applicationId: string) {
  return useQuery({
    queryKey: attachmentsKey(applicationId),
    queryFn: ({ signal }) => api.get<{ items: ApplicationAttachment[] }>(`/api/applications/${applicationId}/attachments`, { signal }).then((r) => r.items),
  });
}

/** After an upload or a deletion: the list, and the application (its history gains a line). */
function useRefresh(applicationId: string) {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: attachmentsKey(applicationId) }), qc.invalidateQueries({ queryKey: [...APPLICATIONS_KEY, 'one', applicationId] })]).then(() => undefined);
}

/** Sends the file as the raw body; the server detects its type from the bytes. */
export function useUploadApplicationAttachment(applicationId: string) {
  const refresh = useRefresh(applicationId);
  return useMutation({
    mutationFn: ({ file, kind }: { file: File; kind: string }) =>
      api.postRaw<ApplicationAttachment>(`/api/applications/${applicationId}/attachments`, file, 'application/octet-stream', { query: { kind, fileName: file.name } }),
    onSuccess: refresh,
  });
}

export function useDeleteApplicationAttachment(applicationId: string) {
  const refresh = useRefresh(applicationId);
  return useMutation({
    mutationFn: ({ attachmentId, reason }: { attachmentId: string; reason: string }) =>
      api.delete<{ id: string; deleted: true }>(`/api/applications/${applicationId}/attachments/${attachmentId}`, { body: { reason } }),
    onSuccess: refresh,
  });
}
