import { maskName } from '../../../../contracts/campaigns.js';
import type { ApplicationParts, ApplicationWithOrg } from './applications.queries.js';

export function presentApplicationListItem(a: ApplicationWithOrg) {
  return {
    id: a.id,
    applicationNo: a.applicationNo,
    campaignId: a.campaignId,
    orgId: a.orgId,
    orgName: a.orgName,
    filed: a.filed,
    householdId: a.householdId,
    applicantName: a.applicantName,
    studentName: a.studentName,
    studentIdMasked: a.studentIdMasked,
    schoolName: a.schoolName,
    schoolStage: a.schoolStage,
    admissionYear: a.admissionYear,
    proposedAmountFen: a.proposedAmountFen,
    amountFen: a.amountFen,
    approvedAmountFen: a.approvedAmountFen,
    status: a.status,
    submittedBy: a.submittedBy,
    createdBy: a.createdBy,
    noticeEndsOn: a.noticeEndsOn,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}
export type ApplicationListItem = ReturnType<typeof presentApplicationListItem>;

export function presentApplicationDetail(a: ApplicationWithOrg, parts: ApplicationParts) {
  return {
    ...presentApplicationListItem(a),
    memberId: a.memberId,
    applicantIdMasked: a.applicantIdMasked,
    applicantPhoneMasked: a.applicantPhoneMasked,
    unfiledDetails: a.unfiledDetails,
    incomePerHeadMonthlyFen: a.incomePerHeadMonthlyFen,
    schoolKind: a.schoolKind,
    major: a.major,
    tuitionFen: a.tuitionFen,
    otherFeesFen: a.otherFeesFen,
    nationalAid: a.nationalAid,
    governmentAided: a.governmentAided,
    fiveClears: a.fiveClears,
    homeVisit: a.homeVisit,
    wish: a.wish,
    amountReason: a.amountReason,
    rulesVersion: a.rulesVersion,
    inKindItems: a.inKindItems,
    submittedAt: a.submittedAt?.toISOString() ?? null,
    returnReason: a.returnReason,
    noticeStartsOn: a.noticeStartsOn,
    readyAt: a.readyAt?.toISOString() ?? null,
    paidAt: a.paidAt?.toISOString() ?? null,
    version: a.version,
    events: parts.events.map((e) => ({ id: e.id, at: e.at.toISOString(), actorName: e.actorName, action: e.action, fromStatus: e.fromStatus, toStatus: e.toStatus, reason: e.reason, details: e.details })),
    objections: parts.objections.map((o) => ({ id: o.id, content: o.content, raisedBy: o.raisedBy, raisedAt: o.raisedAt.toISOString(), resolution: o.resolution, upheld: o.upheld, resolvedAt: o.resolvedAt?.toISOString() ?? null })),
    attachments: parts.attachments.map((f) => ({ id: f.id, kind: f.kind, fileName: f.fileName, mimeType: f.mimeType, sizeBytes: f.sizeBytes, uploadedAt: f.uploadedAt.toISOString() })),
    grant: parts.grant ? { id: parts.grant.id, amountFen: parts.grant.amountFen, status: parts.grant.status, readyAt: parts.grant.readyAt.toISOString(), paidOn: parts.grant.paidOn, paymentRef: parts.grant.paymentRef } : null,
    followUps: parts.followUps.map((f) => ({ id: f.id, year: f.year, status: f.status, employer: f.employer, note: f.note, contactedOn: f.contactedOn })),
  };
}

/** One line of the public notice (公示名单): name and ID masked (张*涛, 4108**********12). */
export function presentNoticeLine(a: { studentName: string; studentIdNoticeMasked: string; orgName: string; schoolName: string; schoolStage: string; approvedAmountFen: number | null; noticeStartsOn: string | null; noticeEndsOn: string | null; filed: boolean }) {
  return {
    studentName: maskName(a.studentName),
    studentId: a.studentIdNoticeMasked,
    orgName: a.orgName,
    schoolName: a.schoolName,
    schoolStage: a.schoolStage,
    filed: a.filed,
    amountFen: a.approvedAmountFen,
    noticeStartsOn: a.noticeStartsOn,
    noticeEndsOn: a.noticeEndsOn,
  };
}
