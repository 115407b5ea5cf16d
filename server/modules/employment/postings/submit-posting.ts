import { eq, sql } from 'drizzle-orm';
import { jobPostings } from '../../../db/schema/index.js';
import { audit } from '../../../platform/audit.js';
import { authorize } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { assertEnterpriseActive, assertNotLapsed, assertStatus, lockPostingEnterprise, EDITABLE } from './posting-rules.js';
import { getPostingInScope } from './postings.queries.js';

/** Sends a draft (or a corrected returned posting) to the jobs officers' review queue. */
export async function submitPosting({ ctx, id }: { ctx: Ctx; id: string }) {
  const actor = await authorize(ctx, 'job.post');
  return ctx.db.transaction(async (tx) => {
    const enterprise = await lockPostingEnterprise(tx, id);
    const p = await getPostingInScope(tx, actor, id, { forUpdate: true });
    assertStatus(p.status, EDITABLE, 'submitted');
    const now = ctx.clock.now();
    assertNotLapsed(p.validUntil, now);
    assertEnterpriseActive(enterprise);
    await tx.update(jobPostings).set({ status: 'submitted', submittedAt: now, updatedAt: now, version: sql`${jobPostings.version} + 1` }).where(eq(jobPostings.id, id));
    await audit(tx, ctx, 'job_posting.submit', { objectType: 'job_posting', objectId: id, orgId: p.orgId, orgPath: p.orgPath, details: { resubmitted: p.status === 'returned' } });
    return { id, status: 'submitted' as const };
  });
}
