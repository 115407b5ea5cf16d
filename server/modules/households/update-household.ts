import { eq, sql } from 'drizzle-orm';
import { UpdateHouseholdInput, type CreateHouseholdInput } from '../../../contracts/households.js';
import { decryptPii } from '../../platform/pii-crypto.js';
import { householdMembers, households } from '../../db/schema/index.js';
import { audit } from '../../platform/audit.js';
import { authorize } from '../../platform/authz.js';
import type { Ctx } from '../../platform/context.js';
import { conflict } from '../../platform/errors.js';
import { appendHouseholdEvent } from './household-events.js';
import { claimIdNumbers, releaseIdNumbers } from './household-id-claims.js';
import { assertDistinctIds, householdColumns, memberClaims, memberRows } from './household-record.js';
import { getHouseholdInScope } from './households.queries.js';

const EDITABLE = new Set(['applied', 'checked', 'visited', 'returned', 'archived', 'lifted']);

/**
 * Corrects a household's record. A given `members` list replaces the members (their ID claims are
 * re-taken). The history keeps which fields changed, never the personal values themselves.
 */
export async function updateHousehold({ ctx, id, input }: { ctx: Ctx; id: string; input: UpdateHouseholdInput }) {
  const actor = await authorize(ctx, 'household.update');
  const data = UpdateHouseholdInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const h = await getHouseholdInScope(tx, actor, id, { forUpdate: true });
    if (!EDITABLE.has(h.status)) throw conflict('status', `a household in status ${h.status} cannot be edited`, { status: h.status });
    const oldMembers = await tx.select().from(householdMembers).where(eq(householdMembers.householdId, id));
    if (data.members) assertDistinctIds(decryptPii(ctx.secrets, h.idEnc), data.members);
    // Income and school stages are recomputed from the members; kept members need no decrypting for that.
    const members = data.members ?? (oldMembers as unknown as CreateHouseholdInput['members']);
    const { phoneEnc, phoneHash, phoneMasked, bankCardEnc, bankCardMasked, ...columns } = householdColumns(ctx.secrets, {
      ...h,
      ...data,
      members,
    } as unknown as CreateHouseholdInput);
    await tx
      .update(households)
      .set({
        ...columns,
        // Phone and card are re-encrypted only when the correction names them.
        ...('phone' in data ? { phoneEnc, phoneHash, phoneMasked } : {}),
        ...('bankCard' in data ? { bankCardEnc, bankCardMasked } : {}),
        updatedAt: ctx.clock.now(),
        version: sql`${households.version} + 1`,
      })
      .where(eq(households.id, id));
    if (data.members) {
      await releaseIdNumbers(tx, id, oldMembers.map((m) => m.idHash));
      await tx.delete(householdMembers).where(eq(householdMembers.householdId, id));
      const rows = memberRows(ctx.secrets, id, data.members);
      await claimIdNumbers(tx, id, memberClaims(rows));
      if (rows.length) await tx.insert(householdMembers).values(rows);
    }
    const changedFields = Object.keys(data);
    await appendHouseholdEvent(tx, ctx, id, 'update', { details: { changedFields } });
    await audit(tx, ctx, 'household.update', { objectType: 'household', objectId: id, orgId: h.orgId, orgPath: h.orgPath, details: { changedFields } });
    return { id, version: h.version + 1 };
  });
}
