import { eq, sql } from 'drizzle-orm';
import { SeekerStatusInput } from '../../../../contracts/seekers.js';
import { jobSeekers } from '../../../db/schema/index.js';
import { audit } from '../../../platform/audit.js';
import { authorize } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { conflict } from '../../../platform/errors.js';
import { presentSeeker } from './seekers.presenter.js';
import { getSeekerInScope } from './seekers.queries.js';

/**
 * 停止求职 (inactive, with the reason kept on the seeker while inactive) and 恢复求职 (seeking again).
 * An inactive seeker stays on file with their referrals, but is left out of a posting's matches and
 * is neither referred nor placed until reactivated. A placed seeker is not set inactive: they have work.
 */
export async function setSeekerStatus({ ctx, id, to, input }: { ctx: Ctx; id: string; to: 'inactive' | 'seeking'; input: unknown }) {
  const actor = await authorize(ctx, 'job.match');
  const { reason } = SeekerStatusInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const seeker = await getSeekerInScope(tx, actor, id, { forUpdate: true });
    const from = seeker.status;
    if (to === 'inactive' && from !== 'seeking')
      throw conflict('seeker_status', from === 'inactive' ? 'the seeker is already inactive' : 'a placed seeker is not set inactive', { status: from });
    if (to === 'seeking' && from !== 'inactive') throw conflict('seeker_status', 'only an inactive seeker is reactivated', { status: from });
    const now = ctx.clock.now();
    const [row] = await tx
      .update(jobSeekers)
      .set({
        status: to,
        inactiveReason: to === 'inactive' ? reason : null,
        inactiveSince: to === 'inactive' ? now : null,
        updatedAt: now,
        version: sql`${jobSeekers.version} + 1`,
      })
      .where(eq(jobSeekers.id, seeker.id))
      .returning();
    await audit(tx, ctx, to === 'inactive' ? 'job_seeker.deactivate' : 'job_seeker.reactivate', {
      objectType: 'job_seeker',
      objectId: seeker.id,
      orgId: seeker.orgId,
      orgPath: seeker.orgPath,
      details: { from, to, reason },
    });
    return presentSeeker({ ...row, orgName: seeker.orgName, orgPath: seeker.orgPath });
  });
}
