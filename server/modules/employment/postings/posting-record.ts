import { JobCategory } from '../../../../contracts/employment.js';
import { searchTermsOf } from '../../../platform/search-terms.js';

/**
 * A title as the duplicate check compares it: NFKC (full-width letters and digits become ASCII),
 * lower case, with every space and punctuation mark removed, so "电焊工（二级）" and "电焊工 二级"
 * are the same posting.
 */
export function normaliseTitle(title: string): string {
  return title.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
}

/** One live posting per enterprise, normalised title and region (unique index job_postings_live_dedupe_key). */
export function dedupeKeyOf(enterpriseId: string, title: string, regionCode: string): string {
  return `${enterpriseId}|${normaliseTitle(title)}|${regionCode}`;
}

export const categoryLabel = (category: string) => (JobCategory.labels as Record<string, [string, string]>)[category]?.[0] ?? category;

/** What a posting is found by on the board (docs/decisions/016): its title, enterprise, description and category. */
export function postingSearchTerms(p: { title: string; description: string; category: string }, enterpriseName: string): string[] {
  return searchTermsOf(p.title, enterpriseName, p.description, categoryLabel(p.category));
}

/** The columns every write of a posting keeps in step with its text. */
export function derivedColumns(p: { enterpriseId: string; title: string; description: string; category: string; regionCode: string }, enterpriseName: string) {
  return { dedupeKey: dedupeKeyOf(p.enterpriseId, p.title, p.regionCode), searchTerms: postingSearchTerms(p, enterpriseName) };
}
