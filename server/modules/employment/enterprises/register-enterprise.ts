import { eq } from 'drizzle-orm';
import { RegisterEnterpriseInput } from '../../../../contracts/enterprises.js';
import type { DbOrTx } from '../../../db/client.js';
import { enterprises } from '../../../db/schema/index.js';
import { audit } from '../../../platform/audit.js';
import { authorize } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { conflict } from '../../../platform/errors.js';
import { getOrgInScope } from '../../orgs/orgs.queries.js';
import { presentEnterprise } from './enterprises.presenter.js';

/** A code is registered once in the whole platform (the unique index enterprises_uscc_key decides a race). */
export const usccTaken = () => conflict('uscc_taken', '该统一社会信用代码已登记 (this unified social credit code is already registered)', { field: 'uscc' });

export async function assertUsccFree(db: DbOrTx, uscc: string, exceptId?: string) {
  const [taken] = await db.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.uscc, uscc));
  if (taken && taken.id !== exceptId) throw usccTaken();
}

/** 登记用人单位: an enterprise of an org in the actor's subtree, its code check-verified and unique. */
export async function registerEnterprise({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const actor = await authorize(ctx, 'job.publish');
  const data = RegisterEnterpriseInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const org = await getOrgInScope(tx, actor, data.orgId);
    if (!org.active) throw conflict('org_inactive', 'the org is deactivated', { field: 'orgId' });
    await assertUsccFree(tx, data.uscc);
    const now = ctx.clock.now();
    const [row] = await tx
      .insert(enterprises)
      .values({
        orgId: org.id,
        name: data.name,
        uscc: data.uscc,
        industry: data.industry,
        size: data.size,
        address: data.address ?? null,
        regionCode: data.regionCode,
        contactName: data.contactName,
        contactPhone: data.contactPhone,
        priorityPledge: data.priorityPledge,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await audit(tx, ctx, 'enterprise.register', { objectType: 'enterprise', objectId: row.id, orgId: org.id, orgPath: org.path, details: { name: row.name, uscc: row.uscc } });
    return presentEnterprise({ enterprise: row, orgName: org.name, orgPath: org.path });
  });
}
