import { CreatePostingInput } from '../../../../contracts/jobs.js';
import { jobPostings } from '../../../db/schema/index.js';
import { audit } from '../../../platform/audit.js';
import { authorize } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { derivedColumns } from './posting-record.js';
import { assertValidUntil } from './posting-rules.js';
import { getEnterpriseForPosting } from './postings.queries.js';

/**
 * Enters a posting for an enterprise of the actor's subtree (an HR account: its own enterprise only),
 * as a draft or submitted for review at once. A live posting of the same enterprise with the same
 * title in the same region is refused by the database (409 naming the title), also when two arrive together.
 */
export async function createPosting({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const actor = await authorize(ctx, 'job.post');
  const { submit, ...data } = CreatePostingInput.parse(input);
  const now = ctx.clock.now();
  assertValidUntil(data.validUntil, now);
  return ctx.db.transaction(async (tx) => {
    const enterprise = await getEnterpriseForPosting(tx, actor, data.enterpriseId);
    const status = submit ? 'submitted' : 'draft';
    const [row] = await tx
      .insert(jobPostings)
      .values({
        ...data,
        ...derivedColumns(data, enterprise.name),
        orgId: enterprise.orgId,
        status,
        submittedAt: submit ? now : null,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: jobPostings.id });
    await audit(tx, ctx, 'job_posting.create', { objectType: 'job_posting', objectId: row.id, orgId: enterprise.orgId, orgPath: enterprise.orgPath, details: { enterpriseId: enterprise.id, title: data.title, status } });
    return { id: row.id, status };
  });
}
