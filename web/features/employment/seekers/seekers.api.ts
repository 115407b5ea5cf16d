import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MatchCriterion } from '../../../../contracts/seekers.js';
import { api } from '../../../shared/api.js';

// Response shapes of server/modules/employment/seekers (seekers.presenter.ts, find-matches.ts, seeker-sources.ts).

export const SEEKERS_KEY = ['job-seekers'] as const;

export interface SeekerDto {
  id: string;
  orgId: string;
  orgName: string;
  name: string;
  idNumberMasked: string;
  phoneMasked: string | null;
  education: string;
  major: string | null;
  graduationYear: number | null;
  skills: string | null;
  wishedCategory: string;
  wishedRegion: string;
  wishedSalaryFen: number | null;
  hardship: boolean;
  householdId: string | null;
  applicationId: string | null;
  status: 'seeking' | 'placed' | 'inactive';
  createdAt: string;
  version: number;
}

export interface ReferralDto {
  id: string;
  seekerId: string;
  postingId: string;
  postingTitle: string;
  postingStatus: string;
  enterpriseId: string;
  enterpriseName: string;
  status: 'referred' | 'placed' | 'declined';
  matchedOn: MatchCriterion[];
  note: string | null;
  referredByName: string | null;
  referredAt: string;
  placedOn: string | null;
  closedAt: string | null;
}

export interface SeekerDetail extends SeekerDto {
  household: { id: string; caseNo: string } | null;
  application: { id: string; applicationNo: string } | null;
  referrals: ReferralDto[];
  placement: ReferralDto | null;
  /** Why and since when the seeker stopped seeking, while inactive. */
  inactive: { reason: string; since: string } | null;
}

export interface MatchExplained {
  score: number;
  matched: MatchCriterion[];
  missed: MatchCriterion[];
  skillsFound: string[];
  referral: { id: string; status: ReferralDto['status'] } | null;
}

export interface PostingMatch extends MatchExplained {
  postingId: string;
  title: string;
  enterpriseId: string;
  enterpriseName: string;
  priorityPledge: boolean;
  category: string;
  kind: string;
  openings: number;
  salaryMinFen: number;
  salaryMaxFen: number;
  education: string;
  experience: string;
  regionCode: string;
  validUntil: string;
}

export type SeekerMatch = SeekerDto & MatchExplained;

export interface Registered {
  /** Null when the seeker is registered outside the user's scope. */
  seekerId: string | null;
}

export interface HouseholdCandidate {
  householdId: string;
  caseNo: string;
  orgName: string;
  people: Array<{ memberId: string | null; name: string; relation: string; idMasked: string; schoolStage: string | null; registered: Registered | null }>;
}

export interface ApplicationCandidate {
  applicationId: string;
  applicationNo: string;
  studentName: string;
  idMasked: string;
  schoolName: string;
  schoolStage: string;
  admissionYear: number;
  major: string | null;
  campaignName: string;
  campaignYear: number;
  orgName: string;
  registered: Registered | null;
}

export interface SeekerFilter {
  page: number;
  pageSize: number;
  status?: string;
  hardship?: 'true' | 'false';
  education?: string;
  q?: string;
}

export interface RegisterSeekerBody {
  orgId?: string;
  householdId?: string;
  memberId?: string;
  applicationId?: string;
  name?: string;
  idNumber?: string;
  phone?: string | null;
  education?: string;
  major?: string | null;
  graduationYear?: number | null;
  skills?: string | null;
  wishedCategory: string;
  wishedRegion: string;
  wishedSalaryFen?: number | null;
  hardship?: boolean;
}

export type EmploymentLink = { recorded: true; followUpId: string } | { recorded: false; reason: 'not_aided' | 'year_recorded' | 'before_campaign'; followUpId?: string };

export function useSeekers(filter: SeekerFilter) {
  return useQuery({
    queryKey: [...SEEKERS_KEY, 'list', filter],
    queryFn: () => api.get<{ items: SeekerDto[]; total: number }>('/api/job-seekers', { query: { ...filter } }),
    placeholderData: keepPreviousData,
  });
}

export function useSeeker(id: string | undefined) {
  return useQuery({ queryKey: [...SEEKERS_KEY, 'one', id], enabled: !!id, queryFn: () => api.get<SeekerDetail>(`/api/job-seekers/${id}`) });
}

export function useSeekerMatches(id: string | undefined) {
  return useQuery({
    queryKey: [...SEEKERS_KEY, 'matches', id],
    enabled: !!id,
    queryFn: () => api.get<{ candidates: number; items: PostingMatch[] }>(`/api/job-seekers/${id}/matches`),
  });
}

export function usePostingMatches(postingId: string | undefined) {
  return useQuery({
    queryKey: [...SEEKERS_KEY, 'posting-matches', postingId],
    enabled: !!postingId,
    queryFn: () => api.get<{ candidates: number; priorityPledge: boolean; items: SeekerMatch[] }>(`/api/job-postings/${postingId}/matches`),
  });
}

export function useHouseholdCandidates(q: string, enabled: boolean) {
  return useQuery({
    queryKey: [...SEEKERS_KEY, 'candidates', 'household', q],
    enabled,
    queryFn: () => api.get<{ items: HouseholdCandidate[] }>('/api/job-seekers/candidates', { query: { kind: 'household', q: q || undefined } }),
    placeholderData: keepPreviousData,
  });
}

export function useApplicationCandidates(q: string, enabled: boolean) {
  return useQuery({
    queryKey: [...SEEKERS_KEY, 'candidates', 'application', q],
    enabled,
    queryFn: () => api.get<{ items: ApplicationCandidate[] }>('/api/job-seekers/candidates', { query: { kind: 'application', q: q || undefined } }),
    placeholderData: keepPreviousData,
  });
}

export function useRegisterSeeker() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RegisterSeekerBody) => api.post<{ id: string; status: string }>('/api/job-seekers', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: SEEKERS_KEY }),
  });
}

/** Refers a seeker to a posting; every seeker list, match list and the seeker's page are fetched again. */
export function useRefer() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ seekerId, postingId, note }: { seekerId: string; postingId: string; note?: string | null }) =>
      api.post<{ id: string; status: string; matchedOn: MatchCriterion[] }>(`/api/job-seekers/${seekerId}/referrals`, { postingId, note }),
    onSuccess: () => qc.invalidateQueries({ queryKey: SEEKERS_KEY }),
  });
}

export function useRecordOutcome() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ referralId, ...body }: { referralId: string; outcome: 'placed' | 'declined'; placedOn?: string; note?: string | null }) =>
      api.post<{ id: string; status: string; seekerStatus: string; employmentLink: EmploymentLink | null }>(`/api/job-referrals/${referralId}/outcome`, body),
    onSuccess: () => qc.invalidateQueries(),
  });
}

/** A correction: only the fields that changed, with the version read (a stale one is a 409). */
export type UpdateSeekerBody = Partial<Omit<RegisterSeekerBody, 'orgId' | 'householdId' | 'memberId' | 'applicationId'>> & { version: number };

export function useUpdateSeeker(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateSeekerBody) => api.patch<SeekerDto>(`/api/job-seekers/${id}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: SEEKERS_KEY }),
  });
}

/** 停止求职 (inactive) or 恢复求职 (seeking), with the reason. */
export function useSetSeekerStatus(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ to, reason }: { to: 'inactive' | 'seeking'; reason: string }) => api.post<SeekerDto>(`/api/job-seekers/${id}/${to === 'inactive' ? 'deactivate' : 'reactivate'}`, { reason }),
    onSuccess: () => qc.invalidateQueries({ queryKey: SEEKERS_KEY }),
  });
}

export type SeekerRevealField = 'idNumber' | 'phone';

/** The full value, never cached: the caller holds it only while its dialog is open. */
export const revealSeekerValue = (id: string, body: { field: SeekerRevealField; reason: string }) =>
  api.post<{ field: SeekerRevealField; value: string }>(`/api/job-seekers/${id}/reveal`, body);
