import { RevealConsultationPhoneInput } from '../../../../contracts/consultations.js';
import { audit } from '../../../platform/audit.js';
import { authorize } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { decryptPii } from '../../../platform/pii-crypto.js';
import { getConsultationInScope } from './consultations.queries.js';

/** `POST /api/consultations/:id/reveal { reason }`: the asker's full phone, to call back; who, when and why are audited. */
export async function revealConsultationPhone({ ctx, id, input }: { ctx: Ctx; id: string; input: unknown }) {
  const actor = await authorize(ctx, 'consultation.answer');
  const { reason } = RevealConsultationPhoneInput.parse(input);
  const c = await getConsultationInScope(ctx.db, actor, id);
  await audit(ctx.db, ctx, 'consultation.reveal', { objectType: 'consultation', objectId: c.id, orgId: c.orgId, orgPath: c.orgPath, details: { field: 'phone', reason } });
  return { phone: decryptPii(ctx.secrets, c.phoneEnc) };
}
