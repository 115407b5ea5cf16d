import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApplicationImportDto } from '../../../../contracts/campaigns.js';
import { api } from '../../../shared/api.js';
import { APPLICATIONS_KEY } from '../applications/applications.api.js';

// Response shapes of server/modules/campaigns/import (application-import-jobs.ts) and of the background-jobs routes.

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The server's upload limit for an import (application-import.routes.ts). */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;

export type { ApplicationImportDto };

/** A background job as GET /api/background-jobs/:id answers it. */
export interface BackgroundJob {
  id: string;
  kind: string;
  state: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
  progress: { phase?: 'validating' | 'writing'; rowsRead?: number; total?: number; written?: number };
  error: string | null;
  queuePosition: number | null;
}

export const isJobFinished = (job: Pick<BackgroundJob, 'state'> | undefined) => !!job && (job.state === 'succeeded' || job.state === 'failed' || job.state === 'cancelled');

export const applicationTemplateUrl = (campaignId: string) => `/api/campaigns/${campaignId}/application-template.xlsx`;
export const importErrorsUrl = (importId: string) => `/api/application-imports/${importId}/errors.xlsx`;

export const startApplicationImport = (file: File, opts: { campaignId: string; orgId: string }) =>
  api.postRaw<{ id: string; status: string; jobId: string }>('/api/application-imports', file, XLSX_MIME, { query: { campaignId: opts.campaignId, orgId: opts.orgId, filename: file.name } });

/** Polls the import's job every second until it ends (its place in the queue, then its progress). */
export function useImportJob(jobId: string | undefined) {
  return useQuery({
    queryKey: ['background-jobs', jobId],
    queryFn: ({ signal }) => api.get<BackgroundJob>(`/api/background-jobs/${jobId}`, { signal }),
    enabled: !!jobId,
    refetchInterval: (query) => (isJobFinished(query.state.data) ? false : 1000),
    staleTime: 0,
  });
}

/** The import itself (status, counts, the cells in error), read again when its job ends. */
export function useApplicationImport(importId: string | undefined, jobState: string | undefined) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: ['application-imports', importId, jobState],
    queryFn: async ({ signal }) => {
      const imp = await api.get<ApplicationImportDto>(`/api/application-imports/${importId}`, { signal });
      if (imp.status === 'succeeded') void qc.invalidateQueries({ queryKey: APPLICATIONS_KEY });
      return imp;
    },
    enabled: !!importId,
    placeholderData: keepPreviousData,
  });
}

export function useCancelImportJob() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (jobId: string) => api.post<{ id: string; state: 'cancelled' }>(`/api/background-jobs/${jobId}/cancel`),
    onSettled: (_r, _e, jobId) => qc.invalidateQueries({ queryKey: ['background-jobs', jobId] }),
  });
}
