import { eq, sql } from 'drizzle-orm';
import { UpdateRulesInput } from '../../../contracts/campaigns.js';
import { campaignRuleVersions, campaigns } from '../../db/schema/index.js';
import { audit } from '../../platform/audit.js';
import { authorize } from '../../platform/authz.js';
import type { Ctx } from '../../platform/context.js';
import { conflict } from '../../platform/errors.js';
import { getCampaignToManage } from './campaigns.queries.js';
import { assertRulesFitProgram } from './rules/rules-fit-program.js';

/**
 * Saves a new version of the rules. New proposals and previews use it at once; applications keep the
 * amount they were proposed and the rules version it came from, and an approved amount never moves.
 */
export async function updateCampaignRules({ ctx, id, input }: { ctx: Ctx; id: string; input: unknown }) {
  const actor = await authorize(ctx, 'campaign.manage');
  const data = UpdateRulesInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const c = await getCampaignToManage(tx, actor, id, { forUpdate: true });
    if (c.version !== data.version) throw conflict('stale', 'the campaign was changed by someone else; reload it', { version: c.version });
    if (c.status === 'closed') throw conflict('status', 'the rules of a closed campaign cannot change', { status: c.status });
    assertRulesFitProgram(c.programKind, data.rules);
    const rulesVersion = c.rulesVersion + 1;
    const now = ctx.clock.now();
    await tx.update(campaigns).set({ rules: data.rules, rulesVersion, updatedAt: now, version: sql`${campaigns.version} + 1` }).where(eq(campaigns.id, c.id));
    await tx.insert(campaignRuleVersions).values({ campaignId: c.id, version: rulesVersion, rules: data.rules, changedBy: actor.userId, changedAt: now });
    await audit(tx, ctx, 'campaign.update_rules', { objectType: 'campaign', objectId: c.id, orgId: c.orgId, orgPath: c.orgPath, details: { rulesVersion } });
    return { id: c.id, rulesVersion, version: c.version + 1 };
  });
}
