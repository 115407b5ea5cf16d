import { and, eq, sql } from 'drizzle-orm';
import { ReferralOutcomeInput } from '../../../../contracts/seekers.js';
import { enterprises, jobPostings, jobReferrals, jobSeekers } from '../../../db/schema/index.js';
import { audit } from '../../../platform/audit.js';
import { authorize } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { chinaDate } from '../../../platform/dates.js';
import { conflict, validation } from '../../../platform/errors.js';
import { findDriverError } from '../../../platform/unique-violation.js';
import { closeEmploymentLink, type EmploymentLink } from './employment-link.js';
import { seekerInactive } from './refer-seeker.js';
import { getReferralInScope, getSeekerInScope } from './seekers.queries.js';

/**
 * Where a referral led: 录用上岗 (placed on a day: the seeker is placed, and an aided student's
 * journey gets its employment) or 未录用 (declined). An inactive seeker is reactivated before a
 * placement (a decline is recorded all the same). One placement per seeker: the seeker's row lock
 * makes two at once take turns, and a partial unique index holds it in the database.
 */
export async function recordReferralOutcome({ ctx, referralId, input }: { ctx: Ctx; referralId: string; input: unknown }) {
  const actor = await authorize(ctx, 'job.match');
  const data = ReferralOutcomeInput.parse(input);
  const today = chinaDate(ctx.clock.now());
  if (data.placedOn && data.placedOn > today) throw validation([{ field: 'body.placedOn', message: 'a day still to come' }]);
  try {
    return await ctx.db.transaction(async (tx) => {
      const { seekerId } = await getReferralInScope(tx, actor, referralId);
      const seeker = await getSeekerInScope(tx, actor, seekerId, { forUpdate: true });
      // Read again under the seeker's lock: another outcome may have been recorded meanwhile.
      const [referral] = await tx.select().from(jobReferrals).where(eq(jobReferrals.id, referralId));
      if (referral.status !== 'referred') throw conflict('referral_status', 'the outcome of this referral is recorded', { status: referral.status });
      const now = ctx.clock.now();
      // The outcome's note follows the referral's own.
      const note = data.note ? (referral.note ? `${referral.note}\n${data.note}` : data.note) : referral.note;
      const closed = { closedBy: actor.userId, closedAt: now, note };
      let link: EmploymentLink | null = null;
      if (data.outcome === 'placed') {
        if (seeker.status === 'placed') throw conflict('already_placed', 'the seeker is already placed', { status: seeker.status });
        if (seeker.status === 'inactive') throw seekerInactive();
        if (data.placedOn! < chinaDate(referral.referredAt)) throw validation([{ field: 'body.placedOn', message: 'before the referral' }]);
        await tx.update(jobReferrals).set({ status: 'placed', placedOn: data.placedOn!, ...closed }).where(eq(jobReferrals.id, referral.id));
        await tx.update(jobSeekers).set({ status: 'placed', updatedAt: now, version: sql`${jobSeekers.version} + 1` }).where(eq(jobSeekers.id, seeker.id));
        const [posting] = await tx
          .select({ enterpriseName: enterprises.name })
          .from(jobPostings)
          .innerJoin(enterprises, eq(enterprises.id, jobPostings.enterpriseId))
          .where(and(eq(jobPostings.id, referral.postingId)));
        if (seeker.applicationId) link = await closeEmploymentLink(tx, ctx, seeker.applicationId, { placedOn: data.placedOn!, employer: posting.enterpriseName, referralId: referral.id });
      } else {
        await tx.update(jobReferrals).set({ status: 'declined', ...closed }).where(eq(jobReferrals.id, referral.id));
      }
      await audit(tx, ctx, data.outcome === 'placed' ? 'job_referral.place' : 'job_referral.decline', {
        objectType: 'job_referral',
        objectId: referral.id,
        orgId: seeker.orgId,
        orgPath: seeker.orgPath,
        details: { seekerId: seeker.id, postingId: referral.postingId, ...(data.placedOn ? { placedOn: data.placedOn } : {}), ...(link ? { employmentLink: link } : {}) },
      });
      return { id: referral.id, status: data.outcome, seekerStatus: data.outcome === 'placed' ? 'placed' : seeker.status, employmentLink: link };
    });
  } catch (err) {
    if (findDriverError(err, '23505')?.constraint === 'job_referrals_one_placement') throw conflict('already_placed', 'the seeker is already placed');
    throw err;
  }
}
