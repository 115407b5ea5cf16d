import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { IncomeSource } from '../../../contracts/funds.js';
import { api, toQueryString } from '../../shared/api.js';
import type { FundFigures } from './fund-totals.js';

// Response shapes of server/modules/funds (funds.presenter.ts, fund-statement.ts, reconcile-funds.ts).

export const FUNDS_KEY = ['funds'] as const;

export interface FundBySource {
  donations: number;
  enterprise: number;
  budget: number;
  allocationsIn: number;
}

export interface FundDto extends FundFigures {
  id: string;
  orgId: string;
  orgName: string;
  name: string;
  purpose: string | null;
  createdAt: string;
  bySource: FundBySource;
}

export interface StatementRow {
  postingId: number;
  entryId: string;
  occurredOn: string;
  kind: string;
  memo: string;
  /** + into the fund, − out of it. */
  amountFen: number;
  balanceAfterFen: number;
  reversesId: string | null;
  reversedBy: string | null;
  cursor: string;
}

export interface StatementPage {
  from: string;
  to: string;
  openingFen: number;
  closingFen: number;
  inFen: number;
  outFen: number;
  rowCount: number;
  items: StatementRow[];
  nextCursor: string | null;
}

export interface FundAllocation {
  id: string;
  amountFen: number;
  allocatedOn: string;
  memo: string | null;
  entryId: string;
  direction: 'in' | 'out';
  /** Null when the other fund lies above the viewer's org (its name is shown, not its id). */
  otherFundId: string | null;
  otherFundName: string;
  otherOrgName: string;
}

export interface ReconciledFund extends FundFigures {
  fundId: string;
  name: string;
  orgName: string;
  bySource: FundBySource;
  keptBalanceFen: number;
  differingAccounts: string[];
  identityHolds: boolean;
}

export interface Reconciliation {
  checkedAt: string;
  tookMs: number;
  accountsChecked: number;
  differences: number;
  unbalancedEntries: number;
  monthDifferences: number;
  funds: ReconciledFund[];
  totals: FundFigures & { identityHolds: boolean };
}

export interface StatementPeriod {
  from?: string;
  to?: string;
}

export function useFunds() {
  return useQuery({ queryKey: [...FUNDS_KEY, 'list'], queryFn: () => api.get<{ items: FundDto[] }>('/api/funds') });
}

export function useFund(id: string | undefined) {
  return useQuery({ queryKey: [...FUNDS_KEY, 'one', id], queryFn: () => api.get<FundDto>(`/api/funds/${id}`), enabled: !!id });
}

const STATEMENT_PAGE = 50;

/** The statement of a period, page after page by the keyset cursor (加载更多). */
export function useStatement(id: string, period: StatementPeriod) {
  return useInfiniteQuery({
    queryKey: [...FUNDS_KEY, 'statement', id, period.from ?? null, period.to ?? null],
    queryFn: ({ pageParam }) =>
      api.get<StatementPage>(`/api/funds/${id}/statement${toQueryString({ from: period.from, to: period.to, after: pageParam, pageSize: STATEMENT_PAGE })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** A plain link: the browser downloads with the session cookie (the server audits the export). */
export const statementXlsxHref = (id: string, period: StatementPeriod) => `/api/funds/${id}/statement.xlsx${toQueryString({ from: period.from, to: period.to })}`;

export function useFundAllocations(id: string) {
  return useQuery({ queryKey: [...FUNDS_KEY, 'allocations', id], queryFn: () => api.get<{ items: FundAllocation[] }>(`/api/funds/${id}/allocations`) });
}

export function useReconciliation() {
  return useQuery({ queryKey: [...FUNDS_KEY, 'reconcile'], queryFn: () => api.get<Reconciliation>('/api/ledger/reconcile'), staleTime: 0 });
}

function useInvalidateFunds() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: FUNDS_KEY });
}

export function useCreateFund() {
  const invalidate = useInvalidateFunds();
  return useMutation({ mutationFn: (body: { orgId: string; name: string; purpose?: string | null }) => api.post<{ id: string }>('/api/funds', body), onSuccess: invalidate });
}

export interface IncomeBody {
  source: (typeof IncomeSource.keys)[number];
  counterparty: string;
  amountFen: number;
  receivedOn: string;
  memo?: string | null;
}

const idempotent = (key: string) => ({ headers: { 'Idempotency-Key': key } });

export function useRecordIncome(fundId: string) {
  const invalidate = useInvalidateFunds();
  return useMutation({
    mutationFn: ({ key, body }: { key: string; body: IncomeBody }) => api.post<{ id: string; entryId: string }>(`/api/funds/${fundId}/incomes`, body, idempotent(key)),
    onSuccess: invalidate,
  });
}

export interface AllocateBody {
  toFundId: string;
  amountFen: number;
  allocatedOn: string;
  memo?: string | null;
}

export function useAllocate(fundId: string) {
  const invalidate = useInvalidateFunds();
  return useMutation({
    mutationFn: ({ key, body }: { key: string; body: AllocateBody }) => api.post<{ id: string; entryId: string }>(`/api/funds/${fundId}/allocations`, body, idempotent(key)),
    onSuccess: invalidate,
  });
}
