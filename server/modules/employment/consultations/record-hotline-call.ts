import { RecordHotlineCallInput } from '../../../../contracts/consultations.js';
import { consultations } from '../../../db/schema/index.js';
import { audit } from '../../../platform/audit.js';
import { authorize } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { maskMobile } from '../../../../contracts/cn-ids.js';
import { encryptPii } from '../../../platform/pii-crypto.js';
import { getOrgInScope } from '../../orgs/orgs.queries.js';
import { nextTicketNo } from './ticket-numbers.js';

/**
 * `POST /api/consultations`: a 12351 hotline call entered by staff for an org of their subtree; when
 * the call was answered on the spot the answer comes with it and the question is answered at once.
 */
export async function recordHotlineCall({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const actor = await authorize(ctx, 'consultation.answer');
  const data = RecordHotlineCallInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const org = await getOrgInScope(tx, actor, data.orgId);
    const now = ctx.clock.now();
    const ticketNo = await nextTicketNo(tx, now);
    const answered = !!data.answer;
    const [row] = await tx
      .insert(consultations)
      .values({
        orgId: org.id,
        channel: 'hotline',
        category: data.category,
        question: data.question,
        askerName: data.askerName || null,
        // A landline as well as a mobile: masked the same way (first three, last four).
        phoneEnc: encryptPii(ctx.secrets, data.phone),
        phoneMasked: maskMobile(data.phone),
        status: answered ? 'answered' : 'open',
        answer: data.answer || null,
        answeredBy: answered ? actor.userId : null,
        answeredAt: answered ? now : null,
        ticketNo,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: consultations.id, status: consultations.status });
    await audit(tx, ctx, 'consultation.record_call', { objectType: 'consultation', objectId: row.id, orgId: org.id, orgPath: org.path, details: { ticketNo, channel: 'hotline', category: data.category, answered } });
    return { id: row.id, ticketNo, status: row.status };
  });
}
