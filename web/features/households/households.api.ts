import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateHouseholdInput, HouseholdImportStatus, HouseholdStatus, ImportError, UpdateHouseholdInput } from '../../../contracts/households.js';
import { api, ApiError, toQueryString, type ApiErrorDetails, type Page, type QueryValue } from '../../shared/api.js';

// Response shapes of server/modules/households (households.presenter.ts, transfer-household.ts, household-import-jobs.ts).

export const HOUSEHOLDS_KEY = ['households'] as const;

export interface HouseholdListItem {
  id: string;
  caseNo: string;
  orgId: string;
  orgName: string;
  status: HouseholdStatus;
  category: string;
  mainCause: string;
  name: string;
  sex: string;
  idNumberMasked: string;
  phoneMasked: string | null;
  employmentForm: string;
  employerName: string | null;
  householdSize: number;
  memberSchoolStages: string[];
  nextVerificationDue: string | null;
  relapsed: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface HouseholdMember {
  id: string;
  relation: string;
  name: string;
  idNumberMasked: string;
  sex: string;
  age: number;
  health: string;
  medicalInsurance: string | null;
  monthlyIncomeFen: number;
  status: string | null;
  schoolOrEmployer: string | null;
  schoolStage: string | null;
  enrolmentYear: number | null;
}

export type VisitKind = 'home_visit' | 'verification' | 'follow_up';

export interface HouseholdVisit {
  id: string;
  kind: VisitKind;
  visitDate: string;
  visitors: string;
  findings: string;
  consentSigned: boolean;
  recordedAt: string;
}

export interface HouseholdHistoryEntry {
  id: number;
  at: string;
  actorName: string | null;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  reason: string | null;
  details: Record<string, unknown>;
}

export interface HouseholdObjection {
  id: string;
  content: string;
  raisedBy: string | null;
  raisedAt: string;
  resolution: string | null;
  upheld: boolean | null;
  resolvedAt: string | null;
}

export type TransferStatus = 'pending' | 'accepted' | 'declined' | 'cancelled';

export interface HouseholdTransfer {
  id: string;
  status: TransferStatus;
  reason: string;
  requestedAt: string;
  decidedAt: string | null;
}

export type AidType = 'cash' | 'in_kind' | 'service';

export interface AidEntry {
  id: string;
  program: string;
  aidType: AidType;
  amountFen: number;
  item: string | null;
  aidedOn: string;
  note: string | null;
  sourceModule: string;
  sourceRef: string | null;
  recordedAt: string;
}

export interface HouseholdDetail extends HouseholdListItem {
  age: number;
  ethnicity: string | null;
  politicalStatus: string | null;
  workStatus: string | null;
  modelWorkerTitle: string | null;
  health: string;
  disabilityType: string;
  disabilityGrade: number | null;
  housing: string | null;
  hukouType: string | null;
  hukouRegion: string | null;
  maritalStatus: string | null;
  singleParent: boolean;
  medicalInsurance: string | null;
  bankName: string | null;
  bankBranch: string | null;
  bankCardMasked: string | null;
  monthlyIncomeFen: number;
  otherAnnualIncomeFen: number;
  annualIncomeFen: number;
  incomePerHeadMonthlyFen: number;
  secondaryCauses: string[];
  priorityGroup: string | null;
  exitMeasures: string | null;
  noticeStartsOn: string | null;
  noticeEndsOn: string | null;
  archivedAt: string | null;
  lastVerifiedOn: string | null;
  liftedAt: string | null;
  liftReason: string | null;
  version: number;
  members: HouseholdMember[];
  visits: HouseholdVisit[];
  history: HouseholdHistoryEntry[];
  objections: HouseholdObjection[];
  transfers: HouseholdTransfer[];
  aidLedger: {
    entries: AidEntry[];
    byYear: Array<{ year: string; count: number; amountFen: number }>;
    totalFen: number;
  };
}

export type HouseholdSort = 'createdAt' | 'updatedAt' | 'caseNo' | 'name' | 'status' | 'nextVerificationDue';

/** The list filters (also the export's query). */
export interface HouseholdFilter {
  q?: string;
  orgId?: string;
  /** Comma-separated statuses on the wire. */
  status?: HouseholdStatus[];
  category?: string;
  cause?: string;
  schoolStage?: string;
  dueWithinDays?: number;
}

export interface HouseholdListParams extends HouseholdFilter {
  page: number;
  pageSize: number;
  sort: HouseholdSort;
  order: 'asc' | 'desc';
}

/** One page of the list; the count comes separately (useHouseholdCount). */
export interface HouseholdPage extends Omit<Page<HouseholdListItem>, 'total'> {
  hasMore: boolean;
}

export interface HouseholdCount {
  total: number;
  totalIsCapped: boolean;
}

export function filterQuery(f: HouseholdFilter): Record<string, QueryValue> {
  return {
    q: f.q,
    orgId: f.orgId,
    status: f.status?.length ? f.status.join(',') : undefined,
    category: f.category,
    cause: f.cause,
    schoolStage: f.schoolStage,
    dueWithinDays: f.dueWithinDays,
  };
}

export function useHouseholds(params: HouseholdListParams) {
  return useQuery({
    queryKey: [...HOUSEHOLDS_KEY, 'list', params],
    queryFn: ({ signal }) =>
      api.get<HouseholdPage>('/api/households', {
        query: { ...filterQuery(params), page: params.page, pageSize: params.pageSize, sort: params.sort, order: params.order },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/**
 * The list's count (exact up to 10,000), asked for once the page's items are there and kept per
 * filter while paging and sorting; a household write invalidates it with the rest of HOUSEHOLDS_KEY.
 */
export function useHouseholdCount(filter: HouseholdFilter, enabled: boolean) {
  return useQuery({
    queryKey: [...HOUSEHOLDS_KEY, 'count', filterQuery(filter)],
    queryFn: ({ signal }) => api.get<HouseholdCount>('/api/households/count', { query: filterQuery(filter), signal }),
    enabled,
    staleTime: 60_000,
  });
}

/** Every read of a household is audited on the server, so the page does not refetch on its own. */
export function useHousehold(id: string | undefined) {
  return useQuery({
    queryKey: [...HOUSEHOLDS_KEY, 'detail', id],
    queryFn: ({ signal }) => api.get<HouseholdDetail>(`/api/households/${id}`, { signal }),
    enabled: !!id,
    staleTime: 5 * 60_000,
  });
}

/** A household write that refreshes the lists and the household afterwards. */
function useHouseholdMutation<V, R>(fn: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: HOUSEHOLDS_KEY }),
  });
}

export const useCreateHousehold = () =>
  useHouseholdMutation((body: CreateHouseholdInput) => api.post<{ id: string; caseNo: string; status: HouseholdStatus }>('/api/households', body));

export const useUpdateHousehold = () =>
  useHouseholdMutation(({ id, body }: { id: string; body: UpdateHouseholdInput }) => api.patch<{ id: string; version: number }>(`/api/households/${id}`, body));

/** Workflow steps by their route (`POST /api/households/:id/<step>`). */
export type StepPath = 'check' | 'visit' | 'start-notice' | 'approve' | 'return' | 'resubmit' | 'reject' | 'verify' | 'lift' | 'follow-up' | 'reopen' | 'close';

export const useHouseholdStep = () =>
  useHouseholdMutation(({ id, step, body }: { id: string; step: StepPath; body?: Record<string, unknown> }) =>
    api.post<{ id: string; status: HouseholdStatus }>(`/api/households/${id}/${step}`, body ?? {}),
  );

export const useRecordObjection = () =>
  useHouseholdMutation(({ id, body }: { id: string; body: { content: string; raisedBy?: string | null } }) =>
    api.post<{ id: string }>(`/api/households/${id}/objections`, body),
  );

export const useResolveObjection = () =>
  useHouseholdMutation(({ id, objectionId, body }: { id: string; objectionId: string; body: { resolution: string; upheld: boolean } }) =>
    api.post<{ id: string; upheld: boolean }>(`/api/households/${id}/objections/${objectionId}/resolve`, body),
  );

export const useRequestTransfer = () =>
  useHouseholdMutation(({ id, body }: { id: string; body: { toOrgId: string; reason: string } }) =>
    api.post<{ transferId: string; toOrgName: string }>(`/api/households/${id}/transfer`, body),
  );

export interface AidBody {
  program: string;
  aidType: AidType;
  amountFen: number;
  item?: string | null;
  aidedOn: string;
  note?: string | null;
}

export const useAddAid = () => useHouseholdMutation(({ id, body }: { id: string; body: AidBody }) => api.post<{ id: string }>(`/api/households/${id}/aid`, body));

export interface IncomingTransfer {
  id: string;
  householdId: string;
  toOrgId: string;
  toOrgName: string;
  reason: string;
  requestedAt: string;
  caseNo: string;
  name: string;
}

export function useIncomingTransfers(enabled: boolean) {
  return useQuery({
    queryKey: [...HOUSEHOLDS_KEY, 'transfers', 'incoming'],
    queryFn: ({ signal }) => api.get<{ items: IncomingTransfer[] }>('/api/household-transfers/incoming', { signal }).then((r) => r.items),
    enabled,
  });
}

export const useDecideTransfer = () =>
  useHouseholdMutation(({ id, accept }: { id: string; accept: boolean }) =>
    api.post<{ transferId: string; status: TransferStatus; householdId: string }>(`/api/household-transfers/${id}/${accept ? 'accept' : 'decline'}`),
  );

export type RevealField = 'idNumber' | 'phone' | 'bankCard' | 'memberIdNumber';

/**
 * Shows one protected value in full (audited with the reason). Deliberately not a query or a
 * mutation hook: the answer must not sit in any cache, only in the dialog that shows it.
 */
export const revealHouseholdValue = (id: string, body: { field: RevealField; memberId?: string; reason: string }) =>
  api.post<{ field: RevealField; value: string }>(`/api/households/${id}/reveal`, body);

/** Looks households up by a full ID number: a POST, so the number never appears in a URL. */
export const lookupHouseholds = (idNumber: string) => api.post<{ items: HouseholdListItem[] }>('/api/households/lookup', { idNumber });

// ---------------------------------------------------------------- import

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What a running import is doing; 'removing' undoes what a failed import wrote. */
export type ImportPhase = 'validating' | 'writing' | 'removing';

export type { ImportError } from '../../../contracts/households.js';

/** HOUSEHOLD_IMPORT_STATUSES (contracts/households.ts). */
export type ImportStatus = HouseholdImportStatus;

/** One import as GET /api/household-imports/:id answers it (household-import-jobs.ts). */
export interface ImportJob {
  id: string;
  orgId: string;
  orgName: string;
  filename: string;
  status: ImportStatus;
  jobId: string | null;
  /** The background job's own state: queued | running | succeeded | failed | cancelled. */
  jobState: string | null;
  /** 1 = next to run; only while the job is queued. */
  queuePosition: number | null;
  asArchived: boolean;
  totalRows: number;
  processedRows: number;
  importedHouseholds: number;
  importedMembers: number;
  errorCount: number;
  /** Why it failed or was cancelled, in Chinese. */
  message: string | null;
  createdBy: string;
  createdAt: string;
  finishedAt: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  progress: { phase: ImportPhase; rowsRead: number; totalHouseholds?: number; written?: number } | null;
  errorsPreview: ImportError[];
}

/** The states after which an import changes only by a reviewer's decision (or never): polling stops. */
const SETTLED: ReadonlySet<ImportStatus> = new Set(['succeeded', 'failed', 'awaiting_approval', 'rejected', 'cancelled']);

export const isImportFinished = (job: Pick<ImportJob, 'status'> | undefined) => !!job && SETTLED.has(job.status);

export const startImport = (file: File, opts: { orgId: string; asArchived: boolean }) =>
  api.postRaw<{ id: string; status: ImportStatus }>('/api/household-imports', file, XLSX_MIME, {
    query: { orgId: opts.orgId, asArchived: String(opts.asArchived), filename: file.name },
  });

const importKey = (id: string | undefined) => [...HOUSEHOLDS_KEY, 'import', id] as const;

/** Polls the import every second until it is settled (succeeded, failed, awaiting approval, rejected or cancelled). */
export function useImportJob(id: string | undefined) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: importKey(id),
    queryFn: async ({ signal }) => {
      const job = await api.get<ImportJob>(`/api/household-imports/${id}`, { signal });
      if (job.status === 'succeeded') void queryClient.invalidateQueries({ queryKey: [...HOUSEHOLDS_KEY, 'list'] });
      if (job.status === 'awaiting_approval') void queryClient.invalidateQueries({ queryKey: IMPORT_APPROVALS_KEY });
      return job;
    },
    enabled: !!id,
    refetchInterval: (query) => (isImportFinished(query.state.data) ? false : 1000),
    staleTime: 0,
  });
}

/** Cancels an import still waiting in the queue (its background job); the page's poll then shows it cancelled. */
export function useCancelImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (job: Pick<ImportJob, 'id' | 'jobId'>) => api.post<{ id: string; state: 'cancelled' }>(`/api/background-jobs/${job.jobId}/cancel`),
    onSettled: (_r, _e, job) => queryClient.invalidateQueries({ queryKey: importKey(job.id) }),
  });
}

// ---------------------------------------------------------------- import approvals (档案导入审核)

export const IMPORT_APPROVALS_KEY = [...HOUSEHOLDS_KEY, 'import-approvals'] as const;

/** A row of GET /api/household-imports (list-household-imports.ts). */
export interface ImportListItem {
  id: string;
  orgId: string;
  orgName: string;
  filename: string;
  status: ImportStatus;
  asArchived: boolean;
  importedHouseholds: number;
  importedMembers: number;
  errorCount: number;
  createdBy: string;
  createdByName: string | null;
  createdAt: string;
  finishedAt: string | null;
}

/** Imports of the actor's subtree awaiting a second person's approval, newest first. */
export function useImportsAwaitingApproval(params: { page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...IMPORT_APPROVALS_KEY, 'list', params],
    queryFn: ({ signal }) => api.get<Page<ImportListItem>>('/api/household-imports', { query: { status: 'awaiting_approval', ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The households an import awaiting approval wrote (masked; not in the archive yet). */
export function useImportHouseholds(id: string | undefined, params: { page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...IMPORT_APPROVALS_KEY, 'households', id, params],
    queryFn: ({ signal }) => api.get<Page<HouseholdListItem>>(`/api/household-imports/${id}/households`, { query: params, signal }),
    enabled: !!id,
    placeholderData: keepPreviousData,
  });
}

/** Approve (optional note) or reject (reason required); refreshes the approvals and the archive lists. */
export function useDecideImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, approve, reason }: { id: string; approve: boolean; reason?: string }) =>
      api.post<{ id: string; status: ImportStatus }>(`/api/household-imports/${id}/${approve ? 'approve' : 'reject'}`, reason !== undefined ? { reason } : {}),
    // A decided import no longer lists its households (409), so the open drawer's list is not refetched: the drawer closes.
    onSettled: () => queryClient.invalidateQueries({ queryKey: HOUSEHOLDS_KEY, predicate: (q) => !(q.queryKey[1] === IMPORT_APPROVALS_KEY[1] && q.queryKey[2] === 'households') }),
  });
}

// ---------------------------------------------------------------- attachments (附件)

export interface HouseholdAttachment {
  id: string;
  kind: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  uploadedByName: string | null;
  uploadedAt: string;
}

const attachmentsKey = (householdId: string) => [...HOUSEHOLDS_KEY, 'attachments', householdId] as const;

export function useHouseholdAttachments(householdId: string) {
  return useQuery({
    queryKey: attachmentsKey(householdId),
    queryFn: ({ signal }) => api.get<{ items: HouseholdAttachment[] }>(`/api/households/${householdId}/attachments`, { signal }).then((r) => r.items),
  });
}

/** Where the browser downloads an attachment (a plain link: the session cookie goes with it, the server audits it). */
export const attachmentContentUrl = (householdId: string, attachmentId: string, reason?: string) =>
  `/api/households/${householdId}/attachments/${attachmentId}/content${toQueryString({ reason })}`;

/**
 * Fetches an attachment's bytes (an ID scan, downloaded with a reason): a refusal comes back as an
 * ApiError for the dialog to show instead of a page of JSON in the browser.
 */
export async function fetchAttachment(householdId: string, attachmentId: string, reason: string): Promise<Blob> {
  const res = await fetch(attachmentContentUrl(householdId, attachmentId, reason), { credentials: 'same-origin', cache: 'no-store' });
  if (res.ok) return res.blob();
  const body = (await res.json().catch(() => undefined)) as { error?: { code?: string; message?: string; details?: ApiErrorDetails; requestId?: string } } | undefined;
  const e = body?.error;
  throw new ApiError(res.status, e?.code ?? (res.status >= 500 ? 'INTERNAL' : `HTTP_${res.status}`), e?.message ?? res.statusText, e?.details ?? {}, e?.requestId);
}

/**
 * Sends the file as the raw body: the server detects its type from the bytes, so the declared type
 * is always the neutral application/octet-stream.
 */
export const uploadAttachment = (householdId: string, file: File, kind: string) =>
  api.postRaw<HouseholdAttachment>(`/api/households/${householdId}/attachments`, file, 'application/octet-stream', { query: { kind, fileName: file.name } });

/** Upload and delete refresh the list and the household (its history gains an entry). */
export function useUploadAttachment(householdId: string) {
  return useHouseholdMutation(({ file, kind }: { file: File; kind: string }) => uploadAttachment(householdId, file, kind));
}

export function useDeleteAttachment(householdId: string) {
  return useHouseholdMutation(({ attachmentId, reason }: { attachmentId: string; reason: string }) =>
    api.delete<{ id: string }>(`/api/households/${householdId}/attachments/${attachmentId}`, { body: { reason } }),
  );
}
