import type { PostingWithEnterprise } from './postings.queries.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A posting as staff and the enterprise's HR see it. */
export function presentPosting(p: PostingWithEnterprise) {
  return {
    id: p.id,
    enterpriseId: p.enterpriseId,
    enterpriseName: p.enterpriseName,
    orgId: p.orgId,
    orgName: p.orgName,
    title: p.title,
    category: p.category,
    kind: p.kind,
    openings: p.openings,
    salaryMinFen: p.salaryMinFen,
    salaryMaxFen: p.salaryMaxFen,
    education: p.education,
    experience: p.experience,
    regionCode: p.regionCode,
    description: p.description,
    contactName: p.contactName,
    contactPhone: p.contactPhone,
    validUntil: p.validUntil,
    status: p.status,
    reviewNote: p.reviewNote,
    submittedAt: iso(p.submittedAt),
    reviewedAt: iso(p.reviewedAt),
    publishedAt: iso(p.publishedAt),
    closedAt: iso(p.closedAt),
    createdAt: iso(p.createdAt),
    updatedAt: iso(p.updatedAt),
    version: p.version,
  };
}
export type PostingDto = ReturnType<typeof presentPosting>;
