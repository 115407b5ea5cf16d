import { EDUCATION_RANK } from '../../../../contracts/employment.js';
import type { MatchCriterion } from '../../../../contracts/seekers.js';
import { searchTermsOf } from '../../../platform/search-terms.js';

/**
 * How a seeker and a posting fit, and the ranking built on it: pure, so that the one SQL query per
 * list only has to bring the candidates (matches.queries.ts). Each criterion that holds adds its
 * weight and is named in `matched`; one that does not is named in `missed`. A criterion the seeker
 * left open (no wished salary, no skills) is neither.
 */

type EducationKey = keyof typeof EDUCATION_RANK;

export interface SeekerFacts {
  education: string;
  wishedCategory: string;
  wishedRegion: string;
  wishedSalaryFen: number | null;
  skills: string | null;
  hardship: boolean;
  graduationYear: number | null;
}

export interface PostingFacts {
  category: string;
  kind: string;
  regionCode: string;
  education: string;
  salaryMaxFen: number;
  /** The posting's stored bigram terms (title, description …: searchTermsOf). */
  searchTerms: string[];
  /** Title and description, for one-character skills that have no bigram. */
  text?: string;
  /** The enterprise pledged to hire graduates of hardship families first. */
  priorityPledge: boolean;
}

export interface Match {
  score: number;
  matched: MatchCriterion[];
  missed: MatchCriterion[];
  /** The seeker's skill words found in the posting. */
  skillsFound: string[];
}

export const WEIGHTS = {
  category: 30,
  region: 20,
  region_nearby: 10,
  education: 15,
  salary: 15,
  /** All the seeker's skills found; a share of it for some. */
  skills: 20,
  work_study: 10,
  public_interest: 10,
  priority_pledge: 15,
  /** A work-study post offered to someone no longer at school. */
  work_study_missed: -20,
} as const;

/** The seeker's skills as words: "电焊, CAD 叉车证" → ['电焊', 'CAD', '叉车证']. */
export function skillWords(skills: string | null | undefined): string[] {
  if (!skills) return [];
  const words = skills
    .split(/[\s,，、;；/|]+/)
    .map((w) => w.trim())
    .filter(Boolean);
  return [...new Set(words)].slice(0, 20);
}

/** The search terms of the seeker's skill words together: the SQL pre-filter's overlap. */
export const skillTerms = (skills: string | null | undefined) => searchTermsOf(...skillWords(skills));

/** Still at school in `year`: a graduation year after it. */
export const atSchool = (seeker: Pick<SeekerFacts, 'graduationYear'>, year: number) => seeker.graduationYear !== null && seeker.graduationYear > year;

function regionFit(wished: string, posting: string): 'region' | 'region_nearby' | null {
  if (wished === posting) return 'region';
  const sameCity = wished.slice(0, 4) === posting.slice(0, 4);
  // A wish for the whole city (4108 00) takes any county of it.
  if (sameCity && wished.endsWith('00')) return 'region';
  return sameCity ? 'region_nearby' : null;
}

function skillFit(words: string[], posting: PostingFacts): string[] {
  const terms = new Set(posting.searchTerms);
  const text = (posting.text ?? '').toLowerCase();
  return words.filter((w) => {
    const wordTerms = searchTermsOf(w);
    if (wordTerms.length === 0) return false;
    // A one-character word has no bigram of its own: it is looked for in the text.
    if (wordTerms.length === 1 && [...wordTerms[0]].length === 1 && /[\u3400-\u9fff]/.test(wordTerms[0])) return text.includes(wordTerms[0]);
    return wordTerms.every((t) => terms.has(t));
  });
}

/** The fit of one seeker with one posting, in `year` (for "still at school"). */
export function matchSeekerToPosting(seeker: SeekerFacts, posting: PostingFacts, opts: { year: number }): Match {
  const matched: MatchCriterion[] = [];
  const missed: MatchCriterion[] = [];
  let score = 0;
  const hold = (c: MatchCriterion, ok: boolean, weight: number = WEIGHTS[c as keyof typeof WEIGHTS]) => {
    if (ok) {
      matched.push(c);
      score += weight;
    } else missed.push(c);
  };

  hold('category', posting.category === seeker.wishedCategory);
  const region = regionFit(seeker.wishedRegion, posting.regionCode);
  if (region) hold(region, true);
  else hold('region', false);
  const seekerRank = EDUCATION_RANK[seeker.education as EducationKey] ?? 0;
  const needed = EDUCATION_RANK[posting.education as EducationKey] ?? 0;
  hold('education', seekerRank >= needed);
  if (seeker.wishedSalaryFen !== null) hold('salary', posting.salaryMaxFen >= seeker.wishedSalaryFen);
  const words = skillWords(seeker.skills);
  let skillsFound: string[] = [];
  if (words.length) {
    skillsFound = skillFit(words, posting);
    hold('skills', skillsFound.length > 0, Math.round((WEIGHTS.skills * skillsFound.length) / words.length));
  }
  if (posting.kind === 'work_study') {
    const student = atSchool(seeker, opts.year);
    hold('work_study', student);
    if (!student) score += WEIGHTS.work_study_missed;
  }
  if (posting.kind === 'public_interest' && seeker.hardship) hold('public_interest', true);
  if (posting.priorityPledge && seeker.hardship) hold('priority_pledge', true);
  return { score, matched, missed, skillsFound };
}

/**
 * Published postings ranked for a seeker: by score, the candidates' order (newest first from the
 * query) breaking ties. For a seeker of a hardship family a pledged enterprise's posting carries the
 * priority_pledge boost.
 */
export function rankPostingsForSeeker<P extends PostingFacts>(seeker: SeekerFacts, postings: P[], opts: { year: number }): Array<P & Match> {
  return postings
    .map((p, i) => ({ ...p, ...matchSeekerToPosting(seeker, p, opts), i }))
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .map(({ i: _i, ...rest }) => rest as unknown as P & Match);
}

/**
 * Seekers ranked for a posting. When its enterprise pledged priority hiring, seekers of hardship
 * families come first whatever their score, then the others; by score within each.
 */
export function rankSeekersForPosting<S extends SeekerFacts>(posting: PostingFacts, seekers: S[], opts: { year: number }): Array<S & Match> {
  const first = (s: SeekerFacts) => (posting.priorityPledge && s.hardship ? 1 : 0);
  return seekers
    .map((s, i) => ({ ...s, ...matchSeekerToPosting(s, posting, opts), i }))
    .sort((a, b) => first(b) - first(a) || b.score - a.score || a.i - b.i)
    .map(({ i: _i, ...rest }) => rest as unknown as S & Match);
}
