import { CreateCampaignInput } from '../../../contracts/campaigns.js';
import { campaignRuleVersions, campaigns } from '../../db/schema/index.js';
import { audit } from '../../platform/audit.js';
import { authorize } from '../../platform/authz.js';
import type { Ctx } from '../../platform/context.js';
import { validation } from '../../platform/errors.js';
import { getOrgInScope } from '../orgs/orgs.queries.js';
import { getProgram } from './campaigns.queries.js';
import { writeParticipants } from './participants.js';
import { assertRulesFitProgram } from './rules/rules-fit-program.js';

/** A new campaign of a program (in preparation until opened), with its rules, window, participants and budgets. */
export async function createCampaign({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const actor = await authorize(ctx, 'campaign.manage');
  const data = CreateCampaignInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const org = await getOrgInScope(tx, actor, data.orgId);
    const program = await getProgram(tx, data.programId).catch(() => {
      throw validation([{ field: 'body.programId', message: 'no such program' }]);
    });
    assertRulesFitProgram(program.kind, data.rules);
    const now = ctx.clock.now();
    const [row] = await tx
      .insert(campaigns)
      .values({
        programId: program.id,
        orgId: org.id,
        name: data.name,
        year: data.year,
        status: 'draft',
        applyFrom: data.applyFrom,
        applyTo: data.applyTo,
        noticeDays: data.noticeDays,
        rules: data.rules,
        rulesVersion: 1,
        stepActors: data.stepActors,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await tx.insert(campaignRuleVersions).values({ campaignId: row.id, version: 1, rules: data.rules, changedBy: actor.userId, changedAt: now });
    await writeParticipants(tx, row.id, org.path, data.participants);
    await audit(tx, ctx, 'campaign.create', { objectType: 'campaign', objectId: row.id, orgId: org.id, orgPath: org.path, details: { name: data.name, year: data.year, program: program.code } });
    return row;
  });
}
