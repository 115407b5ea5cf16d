import { and, eq, or } from 'drizzle-orm';
import { ReferInput } from '../../../../contracts/seekers.js';
import type { DbOrTx } from '../../../db/client.js';
import { enterprises, jobPostings, jobReferrals } from '../../../db/schema/index.js';
import { audit } from '../../../platform/audit.js';
import { authorize, inActorSubtree } from '../../../platform/authz.js';
import type { Actor, Ctx } from '../../../platform/context.js';
import { chinaDate } from '../../../platform/dates.js';
import { conflict, validation } from '../../../platform/errors.js';
import { findDriverError } from '../../../platform/unique-violation.js';
import { matchSeekerToPosting } from './matching.js';
import { getSeekerInScope } from './seekers.queries.js';

/**
 * 推荐: refers a seeker of the actor's subtree to a published posting (any enterprise's: the board is
 * public), keeping what matched. Once per seeker and posting (409); the seeker's row lock makes two
 * referrals at once take turns.
 */
export async function referSeeker({ ctx, seekerId, input }: { ctx: Ctx; seekerId: string; input: unknown }) {
  const actor = await authorize(ctx, 'job.match');
  const data = ReferInput.parse(input);
  const today = chinaDate(ctx.clock.now());
  try {
    return await ctx.db.transaction(async (tx) => {
      const seeker = await getSeekerInScope(tx, actor, seekerId, { forUpdate: true });
      if (seeker.status === 'inactive') throw seekerInactive();
      if (seeker.status !== 'seeking') throw conflict('seeker_status', 'only a seeker still seeking work is referred', { status: seeker.status });
      const posting = await referablePosting(tx, actor, data.postingId);
      if (posting.status !== 'published' || posting.validUntil < today) throw conflict('posting_status', 'only a published posting still valid takes referrals', { status: posting.status, validUntil: posting.validUntil });
      if (posting.enterpriseStatus !== 'active') throw conflict('enterprise_inactive', '该用人单位已停用，不能推荐 (the enterprise is deactivated)', { field: 'body.postingId' });
      const [held] = await tx.select({ id: jobReferrals.id }).from(jobReferrals).where(and(eq(jobReferrals.seekerId, seeker.id), eq(jobReferrals.postingId, posting.id)));
      if (held) throw alreadyReferred(held.id);
      const match = matchSeekerToPosting(seeker, { ...posting, text: `${posting.title} ${posting.description}` }, { year: Number(today.slice(0, 4)) });
      const [row] = await tx
        .insert(jobReferrals)
        .values({ seekerId: seeker.id, postingId: posting.id, orgId: seeker.orgId, status: 'referred', matchedOn: match.matched, note: data.note ?? null, referredBy: actor.userId, referredAt: ctx.clock.now() })
        .returning();
      await audit(tx, ctx, 'job_referral.create', {
        objectType: 'job_referral',
        objectId: row.id,
        orgId: seeker.orgId,
        orgPath: seeker.orgPath,
        details: { seekerId: seeker.id, postingId: posting.id, enterpriseId: posting.enterpriseId, matchedOn: match.matched, score: match.score },
      });
      return { id: row.id, status: row.status, matchedOn: row.matchedOn };
    });
  } catch (err) {
    if (findDriverError(err, '23505')?.constraint === 'job_referrals_seeker_posting_key') throw alreadyReferred(null);
    throw err;
  }
}

/** An inactive seeker (停止求职) is neither referred nor placed until reactivated. */
export const seekerInactive = () => conflict('seeker_inactive', 'the seeker has stopped seeking work (inactive): reactivate them first', { status: 'inactive' });

const alreadyReferred = (referralId: string | null) => conflict('already_referred', 'the seeker is already referred to this posting', { field: 'body.postingId', referralId });

/** A posting on the public board, or any posting of the actor's subtree; else a 400 naming body.postingId. */
async function referablePosting(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await db
    .select({
      id: jobPostings.id,
      title: jobPostings.title,
      description: jobPostings.description,
      status: jobPostings.status,
      validUntil: jobPostings.validUntil,
      category: jobPostings.category,
      kind: jobPostings.kind,
      regionCode: jobPostings.regionCode,
      education: jobPostings.education,
      salaryMaxFen: jobPostings.salaryMaxFen,
      searchTerms: jobPostings.searchTerms,
      enterpriseId: enterprises.id,
      enterpriseStatus: enterprises.status,
      priorityPledge: enterprises.priorityPledge,
    })
    .from(jobPostings)
    .innerJoin(enterprises, eq(enterprises.id, jobPostings.enterpriseId))
    .where(and(eq(jobPostings.id, id), or(eq(jobPostings.status, 'published'), inActorSubtree(actor, jobPostings.orgId))));
  if (!row) throw validation([{ field: 'body.postingId', message: 'no posting of that id on the board or in your scope' }]);
  return row;
}
