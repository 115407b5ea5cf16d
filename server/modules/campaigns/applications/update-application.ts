import { eq, sql } from 'drizzle-orm';
import { UpdateApplicationInput } from '../../../../contracts/campaigns.js';
import { campaignApplications } from '../../../db/schema/index.js';
import { audit } from '../../../platform/audit.js';
import { authorize } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { conflict } from '../../../platform/errors.js';
import { orgRegionCodes } from '../rules/org-regions.js';
import { getCampaignInScope } from '../campaigns.queries.js';
import { getHouseholdInScope } from '../../households/households.queries.js';
import { askedAmount, proposeFor } from './application-facts.js';
import { appendApplicationEvent } from './application-events.js';
import { getApplicationInScope } from './applications.queries.js';
import { assertStatus } from './applications.policy.js';

/**
 * Corrects a draft (a new one, or one returned for correction). The current rules propose the amount
 * again; an amount asked apart from the proposal keeps its reason or needs one.
 */
export async function updateApplication({ ctx, id, input }: { ctx: Ctx; id: string; input: unknown }) {
  const actor = await authorize(ctx, 'application.submit');
  const data = UpdateApplicationInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const a = await getApplicationInScope(tx, actor, id, { forUpdate: true });
    assertStatus(a.status, ['draft'], 'correct');
    if (a.version !== data.version) throw conflict('stale', 'the application was changed by someone else; reload it', { version: a.version });
    const campaign = await getCampaignInScope(tx, actor, a.campaignId);
    const school = { schoolStage: data.schoolStage ?? a.schoolStage, schoolKind: data.schoolKind ?? a.schoolKind, governmentAided: data.governmentAided ?? a.governmentAided };
    const household = a.householdId ? await getHouseholdInScope(tx, actor, a.householdId) : null;
    const region = household ? ((await orgRegionCodes(tx)).get(household.orgId) ?? null) : (a.unfiledDetails?.regionCode ?? null);
    const proposal = proposeFor(
      campaign.rules,
      { filed: a.filed, householdStatus: household?.status ?? null, category: household?.category ?? null, incomePerHeadMonthlyFen: household?.incomePerHeadMonthlyFen ?? a.incomePerHeadMonthlyFen, regionCode: region },
      school,
    );
    const keptAsked = a.amountFen !== a.proposedAmountFen ? { amountFen: a.amountFen, reason: a.amountReason } : { amountFen: undefined, reason: undefined };
    const amount = askedAmount(proposal.amountFen, data.amountFen ?? keptAsked.amountFen, data.amountReason ?? keptAsked.reason);
    const { version: _v, amountFen: _a, amountReason: _r, ...fields } = data;
    await tx
      .update(campaignApplications)
      .set({
        ...fields,
        proposedAmountFen: proposal.amountFen,
        ...amount,
        inKindItems: proposal.inKindItems,
        rulesVersion: campaign.rulesVersion,
        updatedAt: ctx.clock.now(),
        version: sql`${campaignApplications.version} + 1`,
      })
      .where(eq(campaignApplications.id, a.id));
    const changed = Object.keys(data).filter((k) => k !== 'version');
    await appendApplicationEvent(tx, ctx, a.id, 'update', { details: { changed, proposedAmountFen: proposal.amountFen, amountFen: amount.amountFen } });
    await audit(tx, ctx, 'application.update', { objectType: 'application', objectId: a.id, orgId: a.orgId, orgPath: a.orgPath, details: { changed } });
    return { id: a.id, version: a.version + 1, proposedAmountFen: proposal.amountFen, amountFen: amount.amountFen };
  });
}
