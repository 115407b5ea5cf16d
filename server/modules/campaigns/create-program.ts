import { CreateProgramInput } from '../../../contracts/campaigns.js';
import { aidPrograms } from '../../db/schema/index.js';
import { audit } from '../../platform/audit.js';
import { authorize } from '../../platform/authz.js';
import type { Ctx } from '../../platform/context.js';
import { getOrgInScope } from '../orgs/orgs.queries.js';

/** A new aid program (帮扶项目), run by the actor's org. */
export async function createProgram({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const actor = await authorize(ctx, 'campaign.manage');
  const data = CreateProgramInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const org = await getOrgInScope(tx, actor, actor.orgId);
    const [row] = await tx
      .insert(aidPrograms)
      .values({ code: data.code, name: data.name, kind: data.kind, description: data.description ?? null, orgId: actor.orgId, createdBy: actor.userId, createdAt: ctx.clock.now() })
      .returning();
    await audit(tx, ctx, 'program.create', { objectType: 'program', objectId: row.id, orgId: org.id, orgPath: org.path, details: { code: data.code, kind: data.kind } });
    return row;
  });
}
