import { eq, sql } from 'drizzle-orm';
import { ApprovePostingInput } from '../../../../contracts/jobs.js';
import { jobPostings } from '../../../db/schema/index.js';
import { audit } from '../../../platform/audit.js';
import { authorize } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { assertEnterpriseActive, assertNotLapsed, assertStatus, lockPostingEnterprise } from './posting-rules.js';
import { getPostingInScope } from './postings.queries.js';

/** A jobs officer approves a submitted posting of the subtree: it is published on the public board at once. */
export async function approvePosting({ ctx, id, input }: { ctx: Ctx; id: string; input: unknown }) {
  const actor = await authorize(ctx, 'job.publish');
  const { note } = ApprovePostingInput.parse(input ?? {});
  return ctx.db.transaction(async (tx) => {
    const enterprise = await lockPostingEnterprise(tx, id);
    const p = await getPostingInScope(tx, actor, id, { forUpdate: true });
    assertStatus(p.status, ['submitted'], 'approved');
    const now = ctx.clock.now();
    assertNotLapsed(p.validUntil, now);
    assertEnterpriseActive(enterprise);
    await tx
      .update(jobPostings)
      .set({ status: 'published', reviewNote: note ?? null, reviewedBy: actor.userId, reviewedAt: now, publishedAt: now, updatedAt: now, version: sql`${jobPostings.version} + 1` })
      .where(eq(jobPostings.id, id));
    await audit(tx, ctx, 'job_posting.approve', { objectType: 'job_posting', objectId: id, orgId: p.orgId, orgPath: p.orgPath, details: { note: note ?? null } });
    return { id, status: 'published' as const, publishedAt: now.toISOString() };
  });
}
