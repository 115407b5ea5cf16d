import { authorize } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { chinaDate } from '../../../platform/dates.js';
import { getPostingInScope, postingCandidates, seekerCandidates } from './matches.queries.js';
import { rankPostingsForSeeker, rankSeekersForPosting, skillTerms } from './matching.js';
import { presentSeeker } from './seekers.presenter.js';
import { getSeekerInScope, referralsBetween } from './seekers.queries.js';

/** How many ranked results a list shows. */
export const MATCHES_SHOWN = 50;

const yearOf = (ctx: Ctx) => Number(chinaDate(ctx.clock.now()).slice(0, 4));

/** 匹配岗位: published postings ranked for a seeker of the actor's subtree, each with what matched and what did not. */
export async function matchesForSeeker({ ctx, seekerId }: { ctx: Ctx; seekerId: string }) {
  const actor = await authorize(ctx, 'job.match');
  const seeker = await getSeekerInScope(ctx.db, actor, seekerId);
  const today = chinaDate(ctx.clock.now());
  const candidates = await postingCandidates(ctx.db, seeker, skillTerms(seeker.skills), today);
  const ranked = rankPostingsForSeeker(
    seeker,
    candidates.map((p) => ({ ...p, text: `${p.title} ${p.description}` })),
    { year: yearOf(ctx) },
  ).slice(0, MATCHES_SHOWN);
  const referrals = new Map((await referralsBetween(ctx.db, { seekerId: seeker.id, postingIds: ranked.map((p) => p.id) })).map((r) => [r.postingId, r]));
  return {
    seekerId: seeker.id,
    candidates: candidates.length,
    items: ranked.map((p) => {
      const r = referrals.get(p.id);
      return {
        postingId: p.id,
        title: p.title,
        enterpriseId: p.enterpriseId,
        enterpriseName: p.enterpriseName,
        priorityPledge: p.priorityPledge,
        category: p.category,
        kind: p.kind,
        openings: p.openings,
        salaryMinFen: p.salaryMinFen,
        salaryMaxFen: p.salaryMaxFen,
        education: p.education,
        experience: p.experience,
        regionCode: p.regionCode,
        validUntil: p.validUntil,
        score: p.score,
        matched: p.matched,
        missed: p.missed,
        skillsFound: p.skillsFound,
        referral: r ? { id: r.id, status: r.status } : null,
      };
    }),
  };
}

/**
 * 匹配求职者: seekers still seeking in the actor's subtree ranked for a posting of it. For an
 * enterprise pledged to hire hardship graduates first, seekers of hardship families come first.
 */
export async function matchesForPosting({ ctx, postingId }: { ctx: Ctx; postingId: string }) {
  const actor = await authorize(ctx, 'job.match');
  const posting = await getPostingInScope(ctx.db, actor, postingId);
  const candidates = await seekerCandidates(ctx.db, actor, posting);
  const ranked = rankSeekersForPosting(
    { ...posting, text: `${posting.title} ${posting.description}` },
    candidates.map((c) => ({ ...c.seeker, orgName: c.orgName, orgPath: '' })),
    { year: yearOf(ctx) },
  ).slice(0, MATCHES_SHOWN);
  const referrals = new Map((await referralsBetween(ctx.db, { postingId: posting.id, seekerIds: ranked.map((s) => s.id) })).map((r) => [r.seekerId, r]));
  return {
    postingId: posting.id,
    priorityPledge: posting.priorityPledge,
    candidates: candidates.length,
    items: ranked.map((s) => {
      const r = referrals.get(s.id);
      return { ...presentSeeker(s), score: s.score, matched: s.matched, missed: s.missed, skillsFound: s.skillsFound, referral: r ? { id: r.id, status: r.status } : null };
    }),
  };
}
