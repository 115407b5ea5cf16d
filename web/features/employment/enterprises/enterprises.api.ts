import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EnterpriseDto, EnterpriseImportResult, HrAccountDto, RegisterEnterpriseInput, UpdateEnterpriseInput } from '../../../../contracts/enterprises.js';
import { api, type Page } from '../../../shared/api.js';

// Response shapes of server/modules/employment/enterprises (enterprises.presenter.ts, import-enterprises.ts).
export type { EnterpriseDto, EnterpriseImportResult, HrAccountDto };

export const ENTERPRISES_KEY = ['enterprises'] as const;
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The server takes workbooks up to 4 MB; 2,000 enterprises are well under 1 MB. */
export const IMPORT_MAX_BYTES = 4 * 1024 * 1024;
export const ENTERPRISE_TEMPLATE_URL = '/api/enterprise-imports/template.xlsx';

export interface EnterpriseFilter {
  page: number;
  pageSize: number;
  q?: string;
  industry?: string;
  pledged?: 'true' | 'false';
  status?: 'active' | 'inactive';
  orgId?: string;
}

export function useEnterprises(filter: EnterpriseFilter) {
  return useQuery({
    queryKey: [...ENTERPRISES_KEY, 'list', filter],
    queryFn: () => api.get<Page<EnterpriseDto>>('/api/enterprises', { query: { ...filter } }),
    placeholderData: keepPreviousData,
  });
}

export function useEnterprise(id: string | undefined) {
  return useQuery({
    queryKey: [...ENTERPRISES_KEY, 'one', id],
    queryFn: () => api.get<EnterpriseDto>(`/api/enterprises/${id}`),
    enabled: !!id,
  });
}

export function useRegisterEnterprise() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RegisterEnterpriseInput) => api.post<EnterpriseDto>('/api/enterprises', body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ENTERPRISES_KEY }),
  });
}

export function useUpdateEnterprise(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateEnterpriseInput) => api.patch<EnterpriseDto>(`/api/enterprises/${id}`, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ENTERPRISES_KEY }),
  });
}

export function useSetEnterpriseStatus(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (status: 'active' | 'inactive') => api.post<EnterpriseDto>(`/api/enterprises/${id}/${status === 'inactive' ? 'deactivate' : 'activate'}`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ENTERPRISES_KEY }),
  });
}

export function useHrAccounts(enterpriseId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...ENTERPRISES_KEY, 'hr', enterpriseId],
    queryFn: () => api.get<{ items: HrAccountDto[] }>(`/api/enterprises/${enterpriseId}/hr-accounts`),
    enabled,
  });
}

export function useCreateHrAccount(enterpriseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; displayName: string }) => api.post<{ account: HrAccountDto; oneTimePassword: string }>(`/api/enterprises/${enterpriseId}/hr-accounts`, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: [...ENTERPRISES_KEY, 'hr', enterpriseId] }),
  });
}

/** Sends the workbook as the raw body: imported whole (ok) or refused whole with every cell in error and the report. */
export function useImportEnterprises() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, orgId }: { file: Blob; orgId: string }) => api.postRaw<EnterpriseImportResult>('/api/enterprise-imports', file, XLSX_MIME, { query: { orgId } }),
    onSuccess: (r) => {
      if (r.ok) void qc.invalidateQueries({ queryKey: ENTERPRISES_KEY });
    },
  });
}

/** The error report the server made (base64 .xlsx), saved by the browser under a Chinese name. */
export function downloadReport(base64: string, fileName: string) {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: XLSX_MIME }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
