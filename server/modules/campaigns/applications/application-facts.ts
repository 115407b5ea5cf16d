import { and, eq, sql } from 'drizzle-orm';
import { maskIdForNotice, type CampaignRules } from '../../../../contracts/campaigns.js';
import type { Tx } from '../../../db/client.js';
import { campaignApplications, householdMembers, orgs } from '../../../db/schema/index.js';
import type { Actor, Ctx } from '../../../platform/context.js';
import { conflict, preconditionFailed, validation } from '../../../platform/errors.js';
import { decryptPii } from '../../../platform/pii-crypto.js';
import { protectIdNumber, protectPhone } from '../../households/household-pii.js';
import { getHouseholdInScope } from '../../households/households.queries.js';
import { evaluateStudent, type Proposal } from '../rules/evaluate-rules.js';
import { orgRegionCodes } from '../rules/org-regions.js';
import type { CreateApplicationInput } from '../../../../contracts/campaigns.js';

/** Who the application is for, as stored: the student (and for an unfiled applicant, the applicant) protected like the archive. */
export interface ApplicantRecord {
  filed: boolean;
  householdId: string | null;
  memberId: string | null;
  applicantName: string;
  applicantIdEnc: string | null;
  applicantIdHash: string | null;
  applicantIdMasked: string | null;
  applicantPhoneEnc: string | null;
  applicantPhoneMasked: string | null;
  unfiledDetails: { employerName?: string | null; householdSize: number; regionCode: string; hardship: string } | null;
  incomePerHeadMonthlyFen: number;
  studentName: string;
  studentIdEnc: string;
  studentIdHash: string;
  studentIdMasked: string;
  studentIdNoticeMasked: string;
  /** For the rules: the household's status and category (filed), and its region. */
  householdStatus: string | null;
  category: string | null;
  regionCode: string | null;
}

/**
 * Resolves the student: a member of a filed household in the actor's scope (under the applying org),
 * or an unfiled applicant's data. Refuses a member of another household and a household outside the org.
 */
export async function resolveApplicant(tx: Tx, ctx: Ctx, actor: Actor, orgPath: string, data: CreateApplicationInput): Promise<ApplicantRecord> {
  if (data.householdId) {
    const h = await getHouseholdInScope(tx, actor, data.householdId);
    if (!h.orgPath.startsWith(orgPath)) throw validation([{ field: 'body.householdId', message: 'the household is not under the applying org' }]);
    const [member] = await tx.select().from(householdMembers).where(and(eq(householdMembers.id, data.memberId!), eq(householdMembers.householdId, h.id)));
    if (!member) throw validation([{ field: 'body.memberId', message: 'not a member of this household' }]);
    const regions = await orgRegionCodes(tx);
    return {
      filed: true,
      householdId: h.id,
      memberId: member.id,
      applicantName: h.name,
      applicantIdEnc: h.idEnc,
      applicantIdHash: h.idHash,
      applicantIdMasked: h.idMasked,
      applicantPhoneEnc: h.phoneEnc,
      applicantPhoneMasked: h.phoneMasked,
      unfiledDetails: null,
      incomePerHeadMonthlyFen: h.incomePerHeadMonthlyFen,
      studentName: member.name,
      studentIdEnc: member.idEnc,
      studentIdHash: member.idHash,
      studentIdMasked: member.idMasked,
      studentIdNoticeMasked: maskIdForNotice(decryptPii(ctx.secrets, member.idEnc)),
      householdStatus: h.status,
      category: h.category,
      regionCode: regions.get(h.orgId) ?? null,
    };
  }
  const u = data.unfiled!;
  const applicantId = protectIdNumber(ctx.secrets, u.idNumber);
  const studentId = protectIdNumber(ctx.secrets, data.student!.idNumber);
  const phone = protectPhone(ctx.secrets, u.phone);
  return {
    filed: false,
    householdId: null,
    memberId: null,
    applicantName: u.name,
    applicantIdEnc: applicantId.enc,
    applicantIdHash: applicantId.hash,
    applicantIdMasked: applicantId.masked,
    applicantPhoneEnc: phone.phoneEnc,
    applicantPhoneMasked: phone.phoneMasked,
    unfiledDetails: { employerName: u.employerName ?? null, householdSize: u.householdSize, regionCode: u.regionCode, hardship: u.hardship },
    incomePerHeadMonthlyFen: u.incomePerHeadMonthlyFen,
    studentName: data.student!.name,
    studentIdEnc: studentId.enc,
    studentIdHash: studentId.hash,
    studentIdMasked: studentId.masked,
    studentIdNoticeMasked: maskIdForNotice(data.student!.idNumber),
    householdStatus: null,
    category: null,
    regionCode: u.regionCode,
  };
}

/** The rules applied to an application: refused with every reason when the student does not qualify. */
export function proposeFor(rules: CampaignRules, a: Pick<ApplicantRecord, 'filed' | 'householdStatus' | 'category' | 'incomePerHeadMonthlyFen' | 'regionCode'>, school: { schoolStage: string; schoolKind: string; governmentAided: boolean }): Proposal {
  const proposal = evaluateStudent(rules, { ...a, ...school });
  if (!proposal.eligible) throw preconditionFailed('not_eligible', `the student does not qualify: ${proposal.reasons.join(', ')}`, { reasons: proposal.reasons });
  return proposal;
}

/** The asked amount: the proposal, or a different one with a reason. */
export function askedAmount(proposedFen: number, amountFen: number | undefined, reason: string | null | undefined): { amountFen: number; amountReason: string | null } {
  const amount = amountFen ?? proposedFen;
  if (amount !== proposedFen && !reason) throw validation([{ field: 'body.amountReason', message: 'an amount other than the rules propose needs a reason' }]);
  return { amountFen: amount, amountReason: amount === proposedFen ? null : reason! };
}

/** A student already holding this campaign's place (one live application per student per campaign): 409 naming where. */
export async function assertNoLiveApplication(tx: Tx, campaignId: string, studentIdHash: string) {
  const [held] = await tx
    .select({ applicationNo: campaignApplications.applicationNo, orgName: orgs.name })
    .from(campaignApplications)
    .innerJoin(orgs, eq(orgs.id, campaignApplications.orgId))
    .where(and(eq(campaignApplications.campaignId, campaignId), eq(campaignApplications.studentIdHash, studentIdHash), sql`${campaignApplications.status} not in ('rejected', 'withdrawn')`));
  if (held) throw conflict('student_already_applied', `the student already has an application in this campaign (${held.orgName})`, { field: 'student', holdingOrg: { name: held.orgName }, applicationNo: held.applicationNo });
}
