import { eq, sql } from 'drizzle-orm';
import { PostingReasonInput } from '../../../../contracts/jobs.js';
import { jobPostings } from '../../../db/schema/index.js';
import { audit } from '../../../platform/audit.js';
import { authorize } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { assertStatus } from './posting-rules.js';
import { getPostingInScope } from './postings.queries.js';

/** A jobs officer returns a submitted posting for correction, with the reason the enterprise sees; it can be edited and submitted again. */
export async function returnPosting({ ctx, id, input }: { ctx: Ctx; id: string; input: unknown }) {
  const actor = await authorize(ctx, 'job.publish');
  const { reason } = PostingReasonInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const p = await getPostingInScope(tx, actor, id, { forUpdate: true });
    assertStatus(p.status, ['submitted'], 'returned');
    const now = ctx.clock.now();
    await tx
      .update(jobPostings)
      .set({ status: 'returned', reviewNote: reason, reviewedBy: actor.userId, reviewedAt: now, updatedAt: now, version: sql`${jobPostings.version} + 1` })
      .where(eq(jobPostings.id, id));
    await audit(tx, ctx, 'job_posting.return', { objectType: 'job_posting', objectId: id, orgId: p.orgId, orgPath: p.orgPath, details: { reason } });
    return { id, status: 'returned' as const };
  });
}
