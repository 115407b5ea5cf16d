import type { ReferralWithPosting, SeekerWithOrg } from './seekers.queries.js';

/** A seeker as lists show it: the ID number and phone masked. */
export function presentSeeker(s: SeekerWithOrg) {
  return {
    id: s.id,
    orgId: s.orgId,
    orgName: s.orgName,
    name: s.name,
    idNumberMasked: s.idMasked,
    phoneMasked: s.phoneMasked,
    education: s.education,
    major: s.major,
    graduationYear: s.graduationYear,
    skills: s.skills,
    wishedCategory: s.wishedCategory,
    wishedRegion: s.wishedRegion,
    wishedSalaryFen: s.wishedSalaryFen,
    hardship: s.hardship,
    householdId: s.householdId,
    applicationId: s.applicationId,
    status: s.status,
    createdAt: s.createdAt.toISOString(),
    version: s.version,
  };
}
export type SeekerDto = ReturnType<typeof presentSeeker>;

export function presentReferral({ referral: r, postingTitle, postingStatus, enterpriseId, enterpriseName, referredByName }: ReferralWithPosting) {
  return {
    id: r.id,
    seekerId: r.seekerId,
    postingId: r.postingId,
    postingTitle,
    postingStatus,
    enterpriseId,
    enterpriseName,
    status: r.status,
    matchedOn: r.matchedOn,
    note: r.note,
    referredByName,
    referredAt: r.referredAt.toISOString(),
    placedOn: r.placedOn,
    closedAt: r.closedAt?.toISOString() ?? null,
  };
}
export type ReferralDto = ReturnType<typeof presentReferral>;

export function presentSeekerDetail(
  s: SeekerWithOrg,
  referrals: ReferralWithPosting[],
  sources: { household: { id: string; caseNo: string } | null; application: { id: string; applicationNo: string } | null },
) {
  const presented = referrals.map(presentReferral);
  return {
    ...presentSeeker(s),
    household: sources.household,
    application: sources.application,
    referrals: presented,
    placement: presented.find((r) => r.status === 'placed') ?? null,
    /** Why and since when the seeker stopped seeking, while inactive. */
    inactive: s.status === 'inactive' && s.inactiveReason ? { reason: s.inactiveReason, since: s.inactiveSince!.toISOString() } : null,
  };
}
