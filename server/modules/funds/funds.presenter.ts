import type { FundFigures, FundRow } from './funds.queries.js';

export function presentFund(r: { fund: FundRow; orgName: string; figures: FundFigures }) {
  return { id: r.fund.id, orgId: r.fund.orgId, orgName: r.orgName, name: r.fund.name, purpose: r.fund.purpose, createdAt: r.fund.createdAt.toISOString(), ...r.figures };
}
