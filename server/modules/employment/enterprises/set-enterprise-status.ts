import { eq, sql } from 'drizzle-orm';
import { enterprises } from '../../../db/schema/index.js';
import { audit } from '../../../platform/audit.js';
import { authorize } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { conflict } from '../../../platform/errors.js';
import { getEnterpriseInScope } from './enterprises.queries.js';
import { presentEnterprise } from './enterprises.presenter.js';

/**
 * 停用 / 启用: an inactive enterprise stays on file with its postings' history, but posts nothing
 * new (the postings verbs check its status).
 */
export async function setEnterpriseStatus({ ctx, id, status }: { ctx: Ctx; id: string; status: 'active' | 'inactive' }) {
  const actor = await authorize(ctx, 'job.publish');
  return ctx.db.transaction(async (tx) => {
    const current = await getEnterpriseInScope(tx, actor, id, { forUpdate: true });
    const e = current.enterprise;
    if (e.status === status) throw conflict('status', status === 'inactive' ? 'the enterprise is already deactivated' : 'the enterprise is already active', { status: e.status });
    const [row] = await tx
      .update(enterprises)
      .set({ status, updatedAt: ctx.clock.now(), version: sql`${enterprises.version} + 1` })
      .where(eq(enterprises.id, e.id))
      .returning();
    await audit(tx, ctx, status === 'inactive' ? 'enterprise.deactivate' : 'enterprise.activate', { objectType: 'enterprise', objectId: e.id, orgId: e.orgId, orgPath: current.orgPath, details: { name: e.name } });
    return presentEnterprise({ ...current, enterprise: row });
  });
}
