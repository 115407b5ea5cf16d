import { searchTermsOf } from '../../../platform/search-terms.js';

/**
 * What an article is found by (docs/decisions/016): its title, summary, text, issuing body and
 * document number (文号: 人社部发〔2021〕22号 is how people ask for a policy). The search's substring
 * check reads the same columns, in policies.queries.ts.
 */
export function policySearchTerms(a: { title: string; summary: string | null; body: string; source: string; docNo: string | null }): string[] {
  return searchTermsOf(a.title, a.summary, a.body, a.source, a.docNo);
}
