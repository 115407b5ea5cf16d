import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApplicationStatus, CreateApplicationInput, FiveClearsInput } from '../../../../contracts/campaigns.js';
import { api, type QueryValue } from '../../../shared/api.js';
import { CAMPAIGNS_KEY } from '../campaigns.api.js';

// Response shapes of server/modules/campaigns/applications (applications.presenter.ts, notice.ts, bulk-application-step.ts).

export const APPLICATIONS_KEY = ['applications'] as const;

export interface ApplicationListItem {
  id: string;
  applicationNo: string;
  campaignId: string;
  orgId: string;
  orgName: string;
  filed: boolean;
  householdId: string | null;
  applicantName: string;
  studentName: string;
  studentIdMasked: string;
  schoolName: string;
  schoolStage: string;
  admissionYear: number;
  proposedAmountFen: number;
  amountFen: number;
  approvedAmountFen: number | null;
  status: ApplicationStatus;
  submittedBy: string | null;
  createdBy: string;
  noticeEndsOn: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ApplicationEvent {
  id: number;
  at: string;
  actorName: string | null;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  reason: string | null;
  details: Record<string, unknown>;
}

export interface ApplicationObjection {
  id: string;
  content: string;
  raisedBy: string | null;
  raisedAt: string;
  resolution: string | null;
  upheld: boolean | null;
  resolvedAt: string | null;
}

export interface ApplicationDetail extends ApplicationListItem {
  memberId: string | null;
  applicantIdMasked: string | null;
  applicantPhoneMasked: string | null;
  unfiledDetails: { employerName?: string | null; householdSize: number; regionCode: string; hardship: string } | null;
  incomePerHeadMonthlyFen: number;
  schoolKind: string;
  major: string | null;
  tuitionFen: number;
  otherFeesFen: number;
  nationalAid: string[];
  governmentAided: boolean;
  fiveClears: FiveClearsInput | null;
  homeVisit: { visitDate: string; visitors: string; findings: string } | null;
  wish: string | null;
  amountReason: string | null;
  rulesVersion: number;
  inKindItems: Array<{ item: string; quantity: number }>;
  submittedAt: string | null;
  returnReason: string | null;
  noticeStartsOn: string | null;
  readyAt: string | null;
  paidAt: string | null;
  version: number;
  events: ApplicationEvent[];
  objections: ApplicationObjection[];
  attachments: Array<{ id: string; kind: string; fileName: string; mimeType: string; sizeBytes: number; uploadedAt: string }>;
  grant: { id: string; amountFen: number; status: string; readyAt: string; paidOn: string | null; paymentRef: string | null } | null;
  followUps: Array<{ id: string; year: number; status: string; employer: string | null; note: string | null; contactedOn: string }>;
}

export type ApplicationSort = 'createdAt' | 'updatedAt' | 'applicationNo' | 'studentName' | 'amountFen' | 'status';

/** The list filters, as the address and the query carry them. */
export interface ApplicationFilter {
  campaignId?: string;
  status?: ApplicationStatus[];
  orgId?: string;
  schoolStage?: string;
  filed?: boolean;
  q?: string;
}

export interface ApplicationListParams extends ApplicationFilter {
  page: number;
  pageSize: number;
  sort: ApplicationSort;
  order: 'asc' | 'desc';
}

export interface ApplicationPage {
  items: ApplicationListItem[];
  total: number;
  page: number;
  pageSize: number;
}

export function filterQuery(f: ApplicationFilter): Record<string, QueryValue> {
  return {
    campaignId: f.campaignId,
    status: f.status?.length ? f.status.join(',') : undefined,
    orgId: f.orgId,
    schoolStage: f.schoolStage,
    filed: f.filed === undefined ? undefined : String(f.filed),
    q: f.q,
  };
}

export function useApplications(params: ApplicationListParams, opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...APPLICATIONS_KEY, 'list', params],
    queryFn: ({ signal }) =>
      api.get<ApplicationPage>('/api/applications', {
        query: { ...filterQuery(params), page: params.page, pageSize: params.pageSize, sort: params.sort, order: params.order },
        signal,
      }),
    placeholderData: keepPreviousData,
    enabled: opts.enabled ?? true,
  });
}

export function useApplication(id: string | undefined) {
  return useQuery({
    queryKey: [...APPLICATIONS_KEY, 'one', id],
    queryFn: () => api.get<ApplicationDetail>(`/api/applications/${id}`),
    enabled: !!id,
  });
}

function useInvalidateApplications() {
  const qc = useQueryClient();
  return () =>
    Promise.all([qc.invalidateQueries({ queryKey: APPLICATIONS_KEY }), qc.invalidateQueries({ queryKey: [...CAMPAIGNS_KEY, 'one'] })]).then(() => undefined);
}

export type CreateApplicationBody = Omit<CreateApplicationInput, 'schoolKind' | 'tuitionFen' | 'otherFeesFen' | 'nationalAid' | 'governmentAided'> &
  Partial<Pick<CreateApplicationInput, 'schoolKind' | 'tuitionFen' | 'otherFeesFen' | 'nationalAid' | 'governmentAided'>>;

export interface SavedApplication {
  id: string;
  proposedAmountFen: number;
  amountFen: number;
}

export function useCreateApplication() {
  const invalidate = useInvalidateApplications();
  return useMutation({
    mutationFn: (body: CreateApplicationBody) => api.post<SavedApplication & { applicationNo: string; status: ApplicationStatus }>('/api/applications', body),
    onSuccess: invalidate,
  });
}

export type UpdateApplicationBody = Partial<Omit<CreateApplicationBody, 'campaignId' | 'orgId' | 'householdId' | 'memberId' | 'unfiled' | 'student'>> & { version: number };

export function useUpdateApplication() {
  const invalidate = useInvalidateApplications();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateApplicationBody }) => api.patch<SavedApplication & { version: number }>(`/api/applications/${id}`, body),
    onSuccess: invalidate,
  });
}

/** The workflow steps by their route (applications.routes.ts STEP_ROUTES). */
export type StepPath = 'submit' | 'verify' | 'approve-district' | 'approve-city' | 'return' | 'reject' | 'withdraw';

export interface StepBody {
  reason?: string | null;
  amountFen?: number;
  amountReason?: string | null;
}

export function useApplicationStep() {
  const invalidate = useInvalidateApplications();
  return useMutation({
    mutationFn: ({ id, step, body }: { id: string; step: StepPath; body?: StepBody }) =>
      api.post<{ id: string; status: ApplicationStatus }>(`/api/applications/${id}/${step}`, step === 'submit' ? {} : (body ?? {})),
    onSuccess: invalidate,
  });
}

export type BulkStep = 'verify' | 'approve_district' | 'approve_city';

export interface BulkStepResult {
  step: BulkStep;
  succeeded: number;
  failed: number;
  results: Array<{ id: string; ok: boolean; status?: ApplicationStatus; error?: { code: string; message: string; reason?: unknown } }>;
}

export function useBulkStep() {
  const invalidate = useInvalidateApplications();
  return useMutation({
    mutationFn: (body: { step: BulkStep; ids: string[] }) => api.post<BulkStepResult>('/api/applications/bulk-step', body),
    onSuccess: invalidate,
  });
}

export type RevealField = 'studentIdNumber' | 'applicantIdNumber' | 'applicantPhone';

/** Not a hook and never cached: the full number lives only in the dialog that asked for it. */
export function revealApplicationValue(id: string, body: { field: RevealField; reason: string }) {
  return api.post<{ field: RevealField; value: string }>(`/api/applications/${id}/reveal`, body);
}

export function useRecordObjection() {
  const invalidate = useInvalidateApplications();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: { content: string; raisedBy?: string | null } }) => api.post<{ id: string }>(`/api/applications/${id}/objections`, body),
    onSuccess: invalidate,
  });
}

export function useResolveObjection() {
  const invalidate = useInvalidateApplications();
  return useMutation({
    mutationFn: ({ id, objectionId, body }: { id: string; objectionId: string; body: { resolution: string; upheld: boolean } }) =>
      api.post<{ id: string; status: ApplicationStatus }>(`/api/applications/${id}/objections/${objectionId}/resolve`, body),
    onSuccess: invalidate,
  });
}

export function useStartNotice(campaignId: string) {
  const invalidate = useInvalidateApplications();
  return useMutation({
    mutationFn: (body: { ids?: string[]; noticeDays?: number }) =>
      api.post<{ published: number; noticeStartsOn: string; noticeEndsOn: string }>(`/api/campaigns/${campaignId}/notice`, body),
    onSuccess: invalidate,
  });
}

export function useReleaseNotice(campaignId: string) {
  const invalidate = useInvalidateApplications();
  return useMutation({
    mutationFn: () => api.post<{ released: number; stillInNotice: number; heldByObjection: number }>(`/api/campaigns/${campaignId}/release-notice`),
    onSuccess: invalidate,
  });
}

export interface PublicNoticeLine {
  studentName: string;
  studentId: string;
  orgName: string;
  schoolName: string;
  schoolStage: string;
  filed: boolean;
  amountFen: number | null;
  noticeStartsOn: string | null;
  noticeEndsOn: string | null;
}

export interface PublicNotice {
  campaign: { id: string; name: string; year: number; programName: string; orgName: string };
  total: number;
  totalAmountFen: number;
  lines: PublicNoticeLine[];
}

export function usePublicNotice(campaignId: string | undefined) {
  return useQuery({
    queryKey: ['public-notice', campaignId],
    queryFn: () => api.get<PublicNotice>(`/api/public/campaigns/${campaignId}/notice`, { redirectOn401: false }),
    enabled: !!campaignId,
    retry: false,
  });
}

/** The archive as the form needs it: a filed household found by case number or name, then its members. */
export interface HouseholdChoice {
  id: string;
  caseNo: string;
  name: string;
  orgId: string;
  orgName: string;
  status: string;
  memberSchoolStages: string[];
}

export interface HouseholdMemberChoice {
  id: string;
  relation: string;
  name: string;
  idNumberMasked: string;
  age: number;
  status: string | null;
  schoolOrEmployer: string | null;
  schoolStage: string | null;
  enrolmentYear: number | null;
}

export function useHouseholdSearch(q: string) {
  const term = q.trim();
  return useQuery({
    queryKey: ['households', 'list', { q: term, pageSize: 20, purpose: 'application' }],
    queryFn: ({ signal }) => api.get<{ items: HouseholdChoice[] }>('/api/households', { query: { q: term, pageSize: 20 }, signal }),
    enabled: term.length >= 1,
    placeholderData: keepPreviousData,
  });
}

export function useHouseholdMembers(householdId: string | undefined) {
  return useQuery({
    queryKey: ['households', 'one', householdId],
    queryFn: () => api.get<HouseholdChoice & { members: HouseholdMemberChoice[]; incomePerHeadMonthlyFen: number; category: string }>(`/api/households/${householdId}`),
    enabled: !!householdId,
  });
}
