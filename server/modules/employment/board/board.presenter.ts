import type { BoardItem, BoardPosting } from './board.queries.js';

/** A posting in the board's list: no contact, no description (the posting's page has them). */
export function presentBoardItem(p: BoardItem) {
  return {
    id: p.id,
    title: p.title,
    enterpriseName: p.enterpriseName,
    category: p.category,
    kind: p.kind,
    openings: p.openings,
    salaryMinFen: p.salaryMinFen,
    salaryMaxFen: p.salaryMaxFen,
    education: p.education,
    experience: p.experience,
    regionCode: p.regionCode,
    validUntil: p.validUntil,
    publishedAt: p.publishedAt?.toISOString() ?? null,
  };
}

/** A posting's public page: the posting, how to apply, and its enterprise's public facts. */
export function presentBoardPosting(p: BoardPosting) {
  return {
    ...presentBoardItem(p),
    description: p.description,
    contactName: p.contactName,
    contactPhone: p.contactPhone,
    enterprise: { name: p.enterpriseName, industry: p.enterpriseIndustry, size: p.enterpriseSize, priorityPledge: p.enterprisePledge },
  };
}
