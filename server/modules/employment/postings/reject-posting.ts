import { eq, sql } from 'drizzle-orm';
import { PostingReasonInput } from '../../../../contracts/jobs.js';
import { jobPostings } from '../../../db/schema/index.js';
import { audit } from '../../../platform/audit.js';
import { authorize } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { assertStatus } from './posting-rules.js';
import { getPostingInScope } from './postings.queries.js';

/** A jobs officer rejects a submitted posting, with the reason; it is final (the enterprise may enter a new one). */
export async function rejectPosting({ ctx, id, input }: { ctx: Ctx; id: string; input: unknown }) {
  const actor = await authorize(ctx, 'job.publish');
  const { reason } = PostingReasonInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const p = await getPostingInScope(tx, actor, id, { forUpdate: true });
    assertStatus(p.status, ['submitted'], 'rejected');
    const now = ctx.clock.now();
    await tx
      .update(jobPostings)
      .set({ status: 'rejected', reviewNote: reason, reviewedBy: actor.userId, reviewedAt: now, updatedAt: now, version: sql`${jobPostings.version} + 1` })
      .where(eq(jobPostings.id, id));
    await audit(tx, ctx, 'job_posting.reject', { objectType: 'job_posting', objectId: id, orgId: p.orgId, orgPath: p.orgPath, details: { reason } });
    return { id, status: 'rejected' as const };
  });
}
