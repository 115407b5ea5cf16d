import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../shared/api.js';
import type { AuditEntry, AuditOutcome } from '../../shared/types.js';

export interface AuditFilter {
  actor?: string;
  orgId?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  outcome?: AuditOutcome;
  /** ISO 8601 with offset. */
  from?: string;
  to?: string;
}

export interface AuditParams extends AuditFilter {
  page: number;
  pageSize: number;
  order: 'asc' | 'desc';
}

export function useAudit(params: AuditParams) {
  return useQuery({
    queryKey: ['audit', params],
    queryFn: ({ signal }) => api.get<Page<AuditEntry>>('/api/audit', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}
