import { eq, sql } from 'drizzle-orm';
import { SetCampaignStatusInput, UpdateCampaignInput } from '../../../contracts/campaigns.js';
import { campaigns } from '../../db/schema/index.js';
import { audit } from '../../platform/audit.js';
import { authorize } from '../../platform/authz.js';
import type { Ctx } from '../../platform/context.js';
import { conflict, validation } from '../../platform/errors.js';
import { getCampaignToManage } from './campaigns.queries.js';
import { writeParticipants } from './participants.js';

/** Changes a campaign's name, window, notice days, step actors or participants (optimistic lock on `version`). */
export async function updateCampaign({ ctx, id, input }: { ctx: Ctx; id: string; input: unknown }) {
  const actor = await authorize(ctx, 'campaign.manage');
  const data = UpdateCampaignInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const c = await getCampaignToManage(tx, actor, id, { forUpdate: true });
    if (c.version !== data.version) throw conflict('stale', 'the campaign was changed by someone else; reload it', { version: c.version });
    const applyFrom = data.applyFrom ?? c.applyFrom;
    const applyTo = data.applyTo ?? c.applyTo;
    if (applyFrom > applyTo) throw validation([{ field: 'body.applyTo', message: 'the window ends before it starts' }]);
    if (data.participants) await writeParticipants(tx, c.id, c.orgPath, data.participants);
    await tx
      .update(campaigns)
      .set({
        ...(data.name ? { name: data.name } : {}),
        applyFrom,
        applyTo,
        ...(data.noticeDays ? { noticeDays: data.noticeDays } : {}),
        ...(data.stepActors ? { stepActors: data.stepActors } : {}),
        updatedAt: ctx.clock.now(),
        version: sql`${campaigns.version} + 1`,
      })
      .where(eq(campaigns.id, c.id));
    const changed = Object.keys(data).filter((k) => k !== 'version');
    await audit(tx, ctx, 'campaign.update', { objectType: 'campaign', objectId: c.id, orgId: c.orgId, orgPath: c.orgPath, details: { changed } });
    return { id: c.id, version: c.version + 1 };
  });
}

const STATUS_MOVES: Record<string, string[]> = { draft: ['open'], open: ['closed'], closed: ['open'] };

/** Opens a campaign for applications, closes it, or opens it again. */
export async function setCampaignStatus({ ctx, id, input }: { ctx: Ctx; id: string; input: unknown }) {
  const actor = await authorize(ctx, 'campaign.manage');
  const { status } = SetCampaignStatusInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const c = await getCampaignToManage(tx, actor, id, { forUpdate: true });
    if (!STATUS_MOVES[c.status]?.includes(status)) throw conflict('status', `a ${c.status} campaign cannot become ${status}`, { status: c.status });
    await tx.update(campaigns).set({ status, updatedAt: ctx.clock.now(), version: sql`${campaigns.version} + 1` }).where(eq(campaigns.id, c.id));
    await audit(tx, ctx, `campaign.${status === 'closed' ? 'close' : 'open'}`, { objectType: 'campaign', objectId: c.id, orgId: c.orgId, orgPath: c.orgPath, details: { from: c.status, to: status } });
    return { id: c.id, status };
  });
}
