import { and, eq, sql } from 'drizzle-orm';
import { ConfirmLumpSumInput } from '../../../../contracts/campaigns.js';
import { campaignGrants, campaignRuleVersions, campaigns, households, lumpSumBatches, lumpSumLines } from '../../../db/schema/index.js';
import { audit } from '../../../platform/audit.js';
import { authorize } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { AppError, conflict } from '../../../platform/errors.js';
import { getCampaignInScope } from '../campaigns.queries.js';
import { getBatchInScope } from './lump-sum.queries.js';

const GRANT_CONFLICT = 'campaign_grants_one_per_recipient';

/**
 * A second person confirms a previewed batch: each qualifying line becomes a grant ready to pay. The
 * unique index on (campaign, recipient) keeps a household to one grant however batches race; a batch
 * that meets a grant made meanwhile fails whole (409) and can be discarded and built again.
 */
export async function confirmLumpSumBatch({ ctx, id, input }: { ctx: Ctx; id: string; input: unknown }) {
  const actor = await authorize(ctx, 'campaign.manage');
  const data = ConfirmLumpSumInput.parse(input);
  return ctx.db
    .transaction(async (tx) => {
      const { batch, orgPath } = await getBatchInScope(tx, actor, id, { forUpdate: true });
      if (batch.status !== 'previewed') throw conflict('status', `a ${batch.status} batch cannot be confirmed`, { status: batch.status });
      if (batch.createdBy === actor.userId) throw new AppError('FORBIDDEN', 'the one who built a batch cannot also confirm it', { reason: 'maker_checker' });
      // A share lock: confirms of one campaign run side by side, a change of its rules or status waits for them.
      await tx.execute(sql`select 1 from ${campaigns} where id = ${batch.campaignId} for share`);
      const campaign = await getCampaignInScope(tx, actor, batch.campaignId);
      if (campaign.status !== 'open') throw conflict('campaign_not_open', `the campaign is ${campaign.status}`, { status: campaign.status });
      if (campaign.rulesVersion !== batch.rulesVersion)
        throw conflict('rules_changed', 'the campaign’s rules changed after this batch was built; discard it and build it again', { rulesVersion: campaign.rulesVersion, batchRulesVersion: batch.rulesVersion });
      const [{ rules }] = await tx
        .select({ rules: campaignRuleVersions.rules })
        .from(campaignRuleVersions)
        .where(and(eq(campaignRuleVersions.campaignId, batch.campaignId), eq(campaignRuleVersions.version, batch.rulesVersion)));
      const inKind = JSON.stringify(rules.inKindItems.map(({ item, quantity }) => ({ item, quantity })));
      const now = ctx.clock.now();
      // Inserted in recipient order, so two racing confirms take the index's keys in one order (no deadlock).
      const inserted = await tx.execute(sql`
        insert into ${campaignGrants} (campaign_id, recipient_key, org_id, household_id, lump_sum_batch_id, recipient_name, amount_fen, in_kind_items, status, ready_at)
        select ${batch.campaignId}, h.id_hash, l.org_id, l.household_id, l.batch_id, l.recipient_name, l.amount_fen, ${inKind}::jsonb, 'ready', ${now.toISOString()}::timestamptz
        from ${lumpSumLines} l join ${households} h on h.id = l.household_id
        where l.batch_id = ${batch.id} and l.exclusion is null
        order by h.id_hash
        returning 1`);
      const grants = (inserted as unknown as { rows: unknown[] }).rows.length;
      await tx
        .update(lumpSumBatches)
        .set({ status: 'confirmed', confirmedBy: actor.userId, confirmedAt: now, note: data.note ?? null })
        .where(eq(lumpSumBatches.id, batch.id));
      await audit(tx, ctx, 'lump_sum.confirm', {
        objectType: 'lump_sum_batch',
        objectId: batch.id,
        orgId: batch.orgId,
        orgPath,
        details: { campaignId: batch.campaignId, grants, totalFen: batch.totalFen },
      });
      return { id: batch.id, status: 'confirmed' as const, grants, totalFen: batch.totalFen };
    })
    .catch((err: unknown) => {
      throw raceToConflict(err) ?? err;
    });
}

/** A grant made meanwhile by another batch (a unique violation), or a deadlock PostgreSQL broke: 409, nothing written. */
function raceToConflict(err: unknown): AppError | null {
  for (let e = err as { code?: unknown; constraint?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if ((e.code === '23505' && e.constraint === GRANT_CONFLICT) || e.code === '40P01')
      return conflict('already_granted', 'some households of this batch were granted by another batch meanwhile; discard this batch and build it again');
  }
  return null;
}
