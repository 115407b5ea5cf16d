import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { InKindIssueStatus } from '../../../../contracts/in-kind.js';
import { api, toQueryString } from '../../../shared/api.js';
import { FUNDS_KEY } from '../funds.api.js';

// Response shapes of server/modules/funds/in-kind (in-kind.presenter.ts, in-kind.routes.ts).

export type InKindStatus = (typeof InKindIssueStatus.keys)[number];

export interface InKindIssue {
  id: string;
  orgId: string;
  orgName: string;
  recipientName: string;
  item: string;
  quantity: number;
  issuedOn: string;
  status: InKindStatus;
  householdId: string | null;
  grantId: string | null;
  batchId: string | null;
  batchName: string | null;
  paymentRef: string | null;
}

export interface InKindFilter {
  from?: string;
  to?: string;
  item?: string;
  status?: InKindStatus;
  orgId?: string;
}

export interface InKindPage {
  items: InKindIssue[];
  total: number;
  byItem: Array<{ item: string; issued: number; returned: number }>;
  page: number;
  pageSize: number;
}

/** Under the funds' key, so a batch executed or a bank result imported refreshes the register too. */
export const IN_KIND_KEY = [...FUNDS_KEY, 'in-kind'] as const;

export function useInKindIssues(filter: InKindFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...IN_KIND_KEY, filter, page, pageSize],
    queryFn: () => api.get<InKindPage>(`/api/in-kind-issues${toQueryString({ ...filter, page, pageSize })}`),
    placeholderData: keepPreviousData,
  });
}

export const inKindXlsxHref = (filter: InKindFilter) => `/api/in-kind-issues.xlsx${toQueryString({ ...filter })}`;
