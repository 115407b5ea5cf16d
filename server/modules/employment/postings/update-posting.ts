import { eq, sql } from 'drizzle-orm';
import { UpdatePostingInput } from '../../../../contracts/jobs.js';
import { enterprises, jobPostings } from '../../../db/schema/index.js';
import { audit } from '../../../platform/audit.js';
import { authorize } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { conflict, validation } from '../../../platform/errors.js';
import { derivedColumns } from './posting-record.js';
import { assertStatus, assertValidUntil, EDITABLE } from './posting-rules.js';
import { getPostingInScope } from './postings.queries.js';

/** Corrects a draft or a returned posting; its search terms and duplicate key follow the new text. */
export async function updatePosting({ ctx, id, input }: { ctx: Ctx; id: string; input: unknown }) {
  const actor = await authorize(ctx, 'job.post');
  const { version, ...changes } = UpdatePostingInput.parse(input);
  if (changes.validUntil) assertValidUntil(changes.validUntil, ctx.clock.now());
  return ctx.db.transaction(async (tx) => {
    const p = await getPostingInScope(tx, actor, id, { forUpdate: true });
    assertStatus(p.status, EDITABLE, 'edited');
    if (p.version !== version) throw conflict('version', 'the posting was changed meanwhile: reload it', { version: p.version });
    const next = { ...p, ...changes };
    // Read after the posting's lock, not with it: a rename committed while this waited is seen here.
    const [{ name: enterpriseName }] = await tx.select({ name: enterprises.name }).from(enterprises).where(eq(enterprises.id, p.enterpriseId));
    if (next.salaryMinFen > next.salaryMaxFen) throw validation([{ field: 'body.salaryMaxFen', message: 'the highest salary is below the lowest' }]);
    await tx
      .update(jobPostings)
      .set({ ...changes, ...derivedColumns(next, enterpriseName), updatedAt: ctx.clock.now(), version: sql`${jobPostings.version} + 1` })
      .where(eq(jobPostings.id, id));
    await audit(tx, ctx, 'job_posting.update', { objectType: 'job_posting', objectId: id, orgId: p.orgId, orgPath: p.orgPath, details: { fields: Object.keys(changes) } });
    return { id, version: p.version + 1 };
  });
}
