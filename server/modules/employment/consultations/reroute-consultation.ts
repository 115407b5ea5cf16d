import { eq } from 'drizzle-orm';
import { RerouteConsultationInput } from '../../../../contracts/consultations.js';
import { consultations } from '../../../db/schema/index.js';
import { audit } from '../../../platform/audit.js';
import { authorize } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { conflict } from '../../../platform/errors.js';
import { getOrgInScope } from '../../orgs/orgs.queries.js';
import { getConsultationInScope } from './consultations.queries.js';

/**
 * `POST /api/consultations/:id/reroute { toOrgId, reason }`: an open question goes to another org of
 * the actor's subtree (the district that handles it, a grassroots union); an org outside is a 404.
 */
export async function rerouteConsultation({ ctx, id, input }: { ctx: Ctx; id: string; input: unknown }) {
  const actor = await authorize(ctx, 'consultation.answer');
  const { toOrgId, reason } = RerouteConsultationInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const c = await getConsultationInScope(tx, actor, id, { forUpdate: true });
    const to = await getOrgInScope(tx, actor, toOrgId);
    if (c.status !== 'open') throw conflict('status', `只有待答复的咨询可以转办 (only an open question is rerouted; this one is ${c.status})`, { status: c.status });
    if (to.id === c.orgId) throw conflict('same_org', 'the question is already routed to that org');
    if (!to.active) throw conflict('org_inactive', 'that org is deactivated');
    await tx.update(consultations).set({ orgId: to.id, updatedAt: ctx.clock.now() }).where(eq(consultations.id, c.id));
    // Entered under the org it leaves and the org it reaches, so both subtrees' auditors see the move.
    const details = { ticketNo: c.ticketNo, fromOrgId: c.orgId, fromOrgName: c.orgName, toOrgId: to.id, toOrgName: to.name, reason };
    await audit(tx, ctx, 'consultation.reroute', { objectType: 'consultation', objectId: c.id, orgId: c.orgId, orgPath: c.orgPath, details });
    if (!to.path.startsWith(c.orgPath)) await audit(tx, ctx, 'consultation.reroute', { objectType: 'consultation', objectId: c.id, orgId: to.id, orgPath: to.path, details });
    return { id: c.id, orgId: to.id, orgName: to.name };
  });
}
