import { eq } from 'drizzle-orm';
import { DiscardLumpSumInput } from '../../../../contracts/campaigns.js';
import { lumpSumBatches } from '../../../db/schema/index.js';
import { audit } from '../../../platform/audit.js';
import { authorize } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { conflict } from '../../../platform/errors.js';
import { getBatchInScope } from './lump-sum.queries.js';

/** Sets a previewed batch aside (its lines stay as the record of what was shown); the org may build again. */
export async function discardLumpSumBatch({ ctx, id, input }: { ctx: Ctx; id: string; input: unknown }) {
  const actor = await authorize(ctx, 'campaign.manage');
  const data = DiscardLumpSumInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const { batch, orgPath } = await getBatchInScope(tx, actor, id, { forUpdate: true });
    if (batch.status !== 'previewed') throw conflict('status', `a ${batch.status} batch cannot be discarded`, { status: batch.status });
    if (batch.confirmedAt) throw conflict('confirming', 'this batch is being confirmed');
    await tx.update(lumpSumBatches).set({ status: 'discarded', note: data.note ?? null }).where(eq(lumpSumBatches.id, batch.id));
    await audit(tx, ctx, 'lump_sum.discard', { objectType: 'lump_sum_batch', objectId: batch.id, orgId: batch.orgId, orgPath, details: { campaignId: batch.campaignId, note: data.note ?? null } });
    return { id: batch.id, status: 'discarded' as const };
  });
}
