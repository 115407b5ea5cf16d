import { eq } from 'drizzle-orm';
import { CreateOrgInput } from '../../../contracts/orgs.js';
import type { DbOrTx } from '../../db/client.js';
import { orgs } from '../../db/schema/index.js';
import { audit } from '../../platform/audit.js';
import { authorize } from '../../platform/authz.js';
import type { Ctx } from '../../platform/context.js';
import { conflict } from '../../platform/errors.js';
import { getOrgInScope, type OrgRow } from './orgs.queries.js';
import { presentOrg } from './orgs.presenter.js';

export async function createOrg({ ctx, input }: { ctx: Ctx; input: CreateOrgInput }) {
  const actor = await authorize(ctx, 'org.create');
  const data = CreateOrgInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const parent = await getOrgInScope(tx, actor, data.parentId);
    if (!parent.active) throw conflict('parent_inactive', 'the parent org is deactivated');
    const org = await insertOrg(tx, parent, data);
    await audit(tx, ctx, 'org.create', { objectType: 'org', objectId: org.id, orgId: org.id, orgPath: org.path, details: { code: org.code, name: org.name } });
    return presentOrg(org, actor);
  });
}

/** Shared by the verb and the demo loader: allocates the seq and path under the parent. */
export async function insertOrg(
  tx: DbOrTx,
  parent: OrgRow | null,
  data: { code: string; name: string; nameEn?: string; type: string; regionCode?: string | null },
): Promise<OrgRow> {
  const [taken] = await tx.select({ id: orgs.id }).from(orgs).where(eq(orgs.code, data.code));
  if (taken) throw conflict('code_taken', `org code ${data.code} is already used`, { field: 'code' });
  const [inserted] = await tx
    .insert(orgs)
    .values({
      parentId: parent?.id ?? null,
      path: '',
      depth: parent ? parent.depth + 1 : 0,
      code: data.code,
      name: data.name,
      nameEn: data.nameEn ?? '',
      type: data.type,
      regionCode: data.regionCode ?? null,
    })
    .returning();
  const path = `${parent?.path ?? '/'}${inserted.seq}/`;
  const [org] = await tx.update(orgs).set({ path }).where(eq(orgs.id, inserted.id)).returning();
  return org;
}
