import { and, eq, inArray } from 'drizzle-orm';
import { AskConsultationInput } from '../../../../contracts/consultations.js';
import { consultations, orgs } from '../../../db/schema/index.js';
import { audit } from '../../../platform/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { validation } from '../../../platform/errors.js';
import { protectPhone } from '../../households/household-pii.js';
import { ROUTABLE_ORG_TYPES } from './consultations.queries.js';
import { nextTicketNo } from './ticket-numbers.js';

/**
 * `POST /api/public/consultations` (no sign-in): a question from the public form, routed to the union
 * the asker picked (the city, a district or county, an industry union). The phone is stored encrypted
 * and masked; the answer is the ticket number, which with the phone's last four digits reads the answer.
 */
export async function askConsultation({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const data = AskConsultationInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const [org] = await tx
      .select({ id: orgs.id, path: orgs.path, name: orgs.name })
      .from(orgs)
      .where(and(eq(orgs.id, data.orgId), eq(orgs.active, true), inArray(orgs.type, [...ROUTABLE_ORG_TYPES])));
    if (!org) throw validation([{ field: 'body.orgId', message: 'not a union that takes questions (pick one from /api/public/consultation-orgs)' }]);
    const now = ctx.clock.now();
    const ticketNo = await nextTicketNo(tx, now);
    const { phoneEnc, phoneMasked } = protectPhone(ctx.secrets, data.phone);
    const [row] = await tx
      .insert(consultations)
      .values({
        orgId: org.id,
        channel: 'web',
        category: data.category,
        question: data.question,
        askerName: data.askerName || null,
        phoneEnc: phoneEnc!,
        phoneMasked: phoneMasked!,
        status: 'open',
        ticketNo,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: consultations.id });
    await audit(tx, ctx, 'consultation.ask', { objectType: 'consultation', objectId: row.id, orgId: org.id, orgPath: org.path, details: { ticketNo, channel: 'web', category: data.category } });
    return { ticketNo, orgName: org.name, askedAt: now.toISOString() };
  });
}
