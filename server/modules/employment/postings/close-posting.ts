import { eq, sql } from 'drizzle-orm';
import { ClosePostingInput } from '../../../../contracts/jobs.js';
import { jobPostings } from '../../../db/schema/index.js';
import { audit } from '../../../platform/audit.js';
import { authorize } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { assertStatus, CLOSABLE } from './posting-rules.js';
import { getPostingInScope } from './postings.queries.js';

/**
 * Closes a posting (the enterprise filled it, or staff take it down): a published one leaves the
 * board, a draft or one in review is withdrawn. Its title is free again for a new posting.
 */
export async function closePosting({ ctx, id, input }: { ctx: Ctx; id: string; input: unknown }) {
  const actor = await authorize(ctx, 'job.post');
  const { reason } = ClosePostingInput.parse(input ?? {});
  return ctx.db.transaction(async (tx) => {
    const p = await getPostingInScope(tx, actor, id, { forUpdate: true });
    assertStatus(p.status, CLOSABLE, 'closed');
    const now = ctx.clock.now();
    await tx
      .update(jobPostings)
      .set({ status: 'closed', closedAt: now, updatedAt: now, version: sql`${jobPostings.version} + 1`, ...(reason ? { reviewNote: reason } : {}) })
      .where(eq(jobPostings.id, id));
    await audit(tx, ctx, 'job_posting.close', { objectType: 'job_posting', objectId: id, orgId: p.orgId, orgPath: p.orgPath, details: { from: p.status, reason: reason ?? null } });
    return { id, status: 'closed' as const };
  });
}
