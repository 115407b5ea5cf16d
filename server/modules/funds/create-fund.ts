import { CreateFundInput } from '../../../contracts/funds.js';
import { audit } from '../../platform/audit.js';
import { authorize } from '../../platform/authz.js';
import type { Ctx } from '../../platform/context.js';
import { getOrgInScope } from '../orgs/orgs.queries.js';
import { openFund } from './ledger/ledger-accounts.js';

/** Opens a fund (e.g. "2021 金秋助学专项资金") at an org of the actor's subtree, with its ledger accounts. */
export async function createFund({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const actor = await authorize(ctx, 'fund.post');
  const data = CreateFundInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const org = await getOrgInScope(tx, actor, data.orgId);
    const { fund } = await openFund(tx, ctx, { orgId: org.id, name: data.name, purpose: data.purpose });
    await audit(tx, ctx, 'fund.create', { objectType: 'fund', objectId: fund.id, orgId: org.id, orgPath: org.path, details: { name: fund.name } });
    return { id: fund.id };
  });
}
