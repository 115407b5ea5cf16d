import { eq, sql } from 'drizzle-orm';
import { UpdateEnterpriseInput } from '../../../../contracts/enterprises.js';
import { enterprises } from '../../../db/schema/index.js';
import { audit } from '../../../platform/audit.js';
import { authorize } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { conflict, forbidden } from '../../../platform/errors.js';
import { getEnterpriseInScope } from './enterprises.queries.js';
import { presentEnterprise } from './enterprises.presenter.js';
import { assertUsccFree } from './register-enterprise.js';
import { refreshPostingSearchTerms } from './refresh-posting-search-terms.js';

/**
 * Corrects an enterprise (optimistic lock on `version`). Staff (job.publish) correct any enterprise of
 * their subtree; an HR account (job.post) its own only, and not its code, which identifies it. A new
 * name rewrites the search terms of the enterprise's postings in the same transaction.
 */
export async function updateEnterprise({ ctx, id, input }: { ctx: Ctx; id: string; input: unknown }) {
  const actor = await authorize(ctx, 'job.post');
  if (!actor.enterpriseId) await authorize(ctx, 'job.publish');
  const data = UpdateEnterpriseInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const current = await getEnterpriseInScope(tx, actor, id, { forUpdate: true });
    const e = current.enterprise;
    if (e.version !== data.version) throw conflict('stale', 'the enterprise was changed by someone else; reload it', { version: e.version });
    const { version: _version, ...fields } = data;
    const changed = Object.entries(fields)
      .filter(([k, v]) => v !== undefined && (e as Record<string, unknown>)[k] !== v)
      .map(([k]) => k);
    if (changed.includes('uscc')) {
      // The code identifies the enterprise: only staff correct it. The refusal is logged after the rollback (http-errors).
      if (!actor.permissions.has('job.publish')) throw forbidden('job.publish');
      await assertUsccFree(tx, fields.uscc!, e.id);
    }
    if (!changed.length) return presentEnterprise(current);
    const [row] = await tx
      .update(enterprises)
      .set({ ...Object.fromEntries(changed.map((k) => [k, (fields as Record<string, unknown>)[k] ?? null])), updatedAt: ctx.clock.now(), version: sql`${enterprises.version} + 1` })
      .where(eq(enterprises.id, e.id))
      .returning();
    // The board finds postings by their enterprise's name: the terms follow a rename at once.
    if (changed.includes('name')) await refreshPostingSearchTerms(tx, e.id, row.name);
    await audit(tx, ctx, 'enterprise.update', { objectType: 'enterprise', objectId: e.id, orgId: e.orgId, orgPath: current.orgPath, details: { changed, ...(changed.includes('uscc') ? { from: e.uscc, to: row.uscc } : {}) } });
    return presentEnterprise({ ...current, enterprise: row });
  });
}
