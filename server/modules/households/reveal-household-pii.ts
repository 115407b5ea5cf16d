import { and, eq } from 'drizzle-orm';
import { RevealInput } from '../../../contracts/households.js';
import { householdMembers } from '../../db/schema/index.js';
import { audit } from '../../platform/audit.js';
import { authorize } from '../../platform/authz.js';
import type { Ctx } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { decryptPii } from '../../platform/pii-crypto.js';
import { getHouseholdInScope } from './households.queries.js';

/** Shows one protected value in full: needs household.reveal and a reason, and is audited (who, what, when, why). */
export async function revealHouseholdPii({ ctx, id, input }: { ctx: Ctx; id: string; input: unknown }) {
  const actor = await authorize(ctx, 'household.reveal');
  const data = RevealInput.parse(input);
  const h = await getHouseholdInScope(ctx.db, actor, id);
  let stored: string | null;
  if (data.field === 'memberIdNumber') {
    if (!data.memberId) throw notFound('member');
    const [m] = await ctx.db
      .select({ idEnc: householdMembers.idEnc })
      .from(householdMembers)
      .where(and(eq(householdMembers.id, data.memberId), eq(householdMembers.householdId, id)));
    if (!m) throw notFound('member');
    stored = m.idEnc;
  } else {
    stored = { idNumber: h.idEnc, phone: h.phoneEnc, bankCard: h.bankCardEnc }[data.field];
  }
  if (!stored) throw notFound(data.field);
  const value = decryptPii(ctx.secrets, stored);
  await audit(ctx.db, ctx, 'household.reveal', {
    objectType: 'household',
    objectId: id,
    orgId: h.orgId,
    orgPath: h.orgPath,
    details: { field: data.field, memberId: data.memberId ?? null, reason: data.reason },
  });
  return { field: data.field, value };
}
