import { describe, expect, it } from 'vitest';
import { searchTermsOf } from '../../../platform/search-terms.js';
import { matchSeekerToPosting, rankPostingsForSeeker, rankSeekersForPosting, skillWords, WEIGHTS, type PostingFacts, type SeekerFacts } from './matching.js';

const seeker = (over: Partial<SeekerFacts> = {}): SeekerFacts => ({
  education: 'college',
  wishedCategory: 'skilled_trade',
  wishedRegion: '410803',
  wishedSalaryFen: 400000,
  skills: '电焊、叉车证',
  hardship: false,
  graduationYear: 2024,
  ...over,
});
const posting = (title: string, over: Partial<PostingFacts> = {}): PostingFacts & { title: string } => ({
  title,
  category: 'skilled_trade',
  kind: 'regular',
  regionCode: '410803',
  education: 'senior',
  salaryMaxFen: 600000,
  searchTerms: searchTermsOf(title, '持证上岗'),
  text: `${title} 持证上岗`,
  priorityPledge: false,
  ...over,
});
const YEAR = { year: 2026 };

describe('matching a seeker with a posting', () => {
  it('names every criterion that holds, with the full score', () => {
    const m = matchSeekerToPosting(seeker(), posting('电焊工（叉车证优先）'), YEAR);
    expect(m.matched).toEqual(['category', 'region', 'education', 'salary', 'skills']);
    expect(m.missed).toEqual([]);
    expect(m.skillsFound).toEqual(['电焊', '叉车证']);
    expect(m.score).toBe(WEIGHTS.category + WEIGHTS.region + WEIGHTS.education + WEIGHTS.salary + WEIGHTS.skills);
  });

  it('names what did not hold: another category, another city, a higher education, a salary below the wish, no skill', () => {
    const m = matchSeekerToPosting(seeker(), posting('会计', { category: 'finance', regionCode: '410102', education: 'bachelor', salaryMaxFen: 350000 }), YEAR);
    expect(m.matched).toEqual([]);
    expect(m.missed).toEqual(['category', 'region', 'education', 'salary', 'skills']);
    expect(m.score).toBe(0);
  });

  it('takes a county of the same city as nearby (partial), and a wish for the whole city as any of its counties', () => {
    expect(matchSeekerToPosting(seeker(), posting('焊工', { regionCode: '410821' }), YEAR).matched).toContain('region_nearby');
    const wholeCity = matchSeekerToPosting(seeker({ wishedRegion: '410800' }), posting('焊工', { regionCode: '410821' }), YEAR);
    expect(wholeCity.matched).toContain('region');
    expect(matchSeekerToPosting(seeker(), posting('焊工', { regionCode: '410821' }), YEAR).score).toBe(matchSeekerToPosting(seeker(), posting('焊工'), YEAR).score - WEIGHTS.region + WEIGHTS.region_nearby);
  });

  it('leaves out what the seeker left open (no wished salary, no skills)', () => {
    const m = matchSeekerToPosting(seeker({ wishedSalaryFen: null, skills: null }), posting('焊工', { salaryMaxFen: 1 }), YEAR);
    expect([...m.matched, ...m.missed]).not.toContain('salary');
    expect([...m.matched, ...m.missed]).not.toContain('skills');
  });

  it('counts a share of the skills found, a word by its bigrams ("焊工" in "电焊工") and a one-character word in the text', () => {
    const m = matchSeekerToPosting(seeker({ skills: '焊工 CAD 钳 厨师' }), posting('电焊工 CAD 钳工'), YEAR);
    expect(m.skillsFound).toEqual(['焊工', 'CAD', '钳']);
    expect(m.score).toBe(WEIGHTS.category + WEIGHTS.region + WEIGHTS.education + WEIGHTS.salary + Math.round((WEIGHTS.skills * 3) / 4));
  });

  it('fits a work-study post to a student still at school, and counts it against anyone else', () => {
    const study = posting('图书馆勤工助学', { kind: 'work_study' });
    const student = matchSeekerToPosting(seeker({ graduationYear: 2028 }), study, YEAR);
    expect(student.matched).toContain('work_study');
    const graduate = matchSeekerToPosting(seeker({ graduationYear: 2026 }), study, YEAR);
    expect(graduate.missed).toContain('work_study');
    expect(student.score - graduate.score).toBe(WEIGHTS.work_study - WEIGHTS.work_study_missed);
  });

  it('fits a public-interest post and a pledged enterprise to a seeker of a hardship family only', () => {
    const p = posting('社区公益岗', { kind: 'public_interest', priorityPledge: true });
    expect(matchSeekerToPosting(seeker({ hardship: true }), p, YEAR).matched).toEqual(expect.arrayContaining(['public_interest', 'priority_pledge']));
    const other = matchSeekerToPosting(seeker(), p, YEAR);
    expect([...other.matched, ...other.missed]).not.toContain('priority_pledge');
    expect([...other.matched, ...other.missed]).not.toContain('public_interest');
  });

  it('splits skills on commas, 、, semicolons and spaces, once each', () => {
    expect(skillWords(' 电焊，CAD、电焊; 叉车证  ')).toEqual(['电焊', 'CAD', '叉车证']);
    expect(skillWords(null)).toEqual([]);
  });
});

describe('ranking', () => {
  it('ranks postings for a seeker by score, ties in the candidates’ order', () => {
    const ranked = rankPostingsForSeeker(seeker(), [posting('会计', { category: 'finance' }), posting('普工'), posting('电焊工'), posting('普工二')], YEAR);
    expect(ranked.map((p) => p.title)).toEqual(['电焊工', '普工', '普工二', '会计']);
    expect(ranked[0].matched).toContain('skills');
  });

  it('boosts a pledged enterprise’s posting for a seeker of a hardship family', () => {
    const plain = posting('电焊工');
    const pledged = posting('焊接学徒', { priorityPledge: true });
    expect(rankPostingsForSeeker(seeker({ hardship: true }), [plain, pledged], YEAR).map((p) => p.title)).toEqual(['焊接学徒', '电焊工']);
    expect(rankPostingsForSeeker(seeker({ hardship: false }), [plain, pledged], YEAR).map((p) => p.title)).toEqual(['电焊工', '焊接学徒']);
  });

  it('puts seekers of hardship families first for a pledged enterprise’s posting, whatever their score', () => {
    const people = [
      { name: '强', ...seeker() },
      { name: '弱困难', ...seeker({ hardship: true, wishedCategory: 'sales', skills: null }) },
      { name: '中', ...seeker({ skills: null }) },
    ];
    expect(rankSeekersForPosting(posting('电焊工', { priorityPledge: true }), people, YEAR).map((s) => s.name)).toEqual(['弱困难', '强', '中']);
    const plain = rankSeekersForPosting(posting('电焊工'), people, YEAR);
    expect(plain.map((s) => s.name)).toEqual(['强', '中', '弱困难']);
    expect(plain.find((s) => s.name === '弱困难')!.matched).not.toContain('priority_pledge');
  });
});
