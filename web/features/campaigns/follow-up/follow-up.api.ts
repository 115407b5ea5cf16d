import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api.js';
import { APPLICATIONS_KEY } from '../applications/applications.api.js';

// Response shapes of server/modules/campaigns/follow-up (follow-up.queries.ts, student-journey.ts).

export type FollowUpStatusKey = 'studying' | 'internship' | 'employed' | 'left_school';

export interface FollowUp {
  id: string;
  applicationId: string;
  year: number;
  status: FollowUpStatusKey;
  employer: string | null;
  note: string | null;
  contactedOn: string;
  recordedByName: string | null;
  recordedAt: string;
}

export interface RecordFollowUpBody {
  year: number;
  status: FollowUpStatusKey;
  employer?: string | null;
  note?: string | null;
  contactedOn: string;
}

export interface JourneyApplication {
  id: string;
  applicationNo: string;
  campaignId: string;
  campaignName: string;
  campaignYear: number;
  programName: string;
  orgName: string;
  status: string;
  aided: boolean;
  schoolName: string;
  schoolStage: string;
  admissionYear: number;
  major: string | null;
  amountFen: number;
  grant: { amountFen: number; inKindItems: Array<{ item: string; quantity: number }>; status: 'ready' | 'paid'; paidOn: string | null } | null;
}

export interface LedgerEntry {
  id: string;
  program: string;
  aidType: 'cash' | 'in_kind' | 'service';
  amountFen: number;
  item: string | null;
  aidedOn: string;
  note: string | null;
  sourceModule: string;
}

export interface StudentJourney {
  applicationId: string;
  student: { name: string; idNumberMasked: string };
  enrolment: { applications: JourneyApplication[] };
  inSchool: { applications: JourneyApplication[]; followUps: FollowUp[] };
  /** placement: where the employment service placed the student (the seeker's id when the reader may open it). */
  employment: { followUps: FollowUp[]; placement: { enterpriseName: string; postingTitle: string; placedOn: string; seekerId: string | null } | null };
  ledger: Array<{ householdId: string; caseNo: string; name: string; orgName: string; entries: LedgerEntry[] }>;
}

const key = (applicationId: string) => [...APPLICATIONS_KEY, 'follow-up', applicationId] as const;

export function useFollowUps(applicationId: string) {
  return useQuery({ queryKey: [...key(applicationId), 'list'], queryFn: () => api.get<{ items: FollowUp[] }>(`/api/applications/${applicationId}/follow-ups`) });
}

export function useJourney(applicationId: string | undefined) {
  return useQuery({ queryKey: [...key(applicationId ?? ''), 'journey'], enabled: !!applicationId, queryFn: () => api.get<StudentJourney>(`/api/applications/${applicationId}/journey`) });
}

/** Records a follow-up; the application (its status and history) and its journey are fetched again. */
export function useRecordFollowUp(applicationId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordFollowUpBody) => api.post<{ id: string; applicationStatus: string }>(`/api/applications/${applicationId}/follow-ups`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: APPLICATIONS_KEY }),
  });
}
