import { eq, sql } from 'drizzle-orm';
import { UpdateHouseholdInput, type CreateHouseholdInput, type UpdateMemberInput } from '../../../contracts/households.js';
import { householdMembers, households } from '../../db/schema/index.js';
import { audit } from '../../platform/audit.js';
import { authorize } from '../../platform/authz.js';
import type { Actor, Ctx } from '../../platform/context.js';
import { conflict, validation, type FieldIssue } from '../../platform/errors.js';
import type { Secrets } from '../../platform/secrets.js';
import { auditingDuplicateHits } from './duplicate-hits.js';
import { appendHouseholdEvent } from './household-events.js';
import { claimIdNumbers, releaseIdNumbers } from './household-id-claims.js';
import { protectIdNumber } from './household-pii.js';
import { assertDistinctIds, householdColumns, memberClaims, memberIdColumns, memberRow, type MemberIdColumns } from './household-record.js';
import { getHouseholdInScope, type MemberRow } from './households.queries.js';

const EDITABLE = new Set(['applied', 'checked', 'visited', 'returned', 'archived', 'lifted']);


/**
 * The new member rows of a correction. A member on file (`id`) keeps its row id and, unless a new
 * number is given, its stored ID number, which is never decrypted for this; the rest are new. The
 * same person twice (worker included) is refused by comparing the keyed hashes.
 */
function correctedMembers(secrets: Secrets, householdId: string, workerIdHash: string, oldMembers: MemberRow[], members: UpdateMemberInput[]) {
  const onFile = new Map(oldMembers.map((m) => [m.id, m]));
  const named = new Set<string>();
  const issues: FieldIssue[] = [];
  members.forEach((m, i) => {
    if (!m.id) return;
    if (!onFile.has(m.id) || named.has(m.id)) issues.push({ field: `members.${i}.id`, message: 'not a member of this household, or named twice' });
    named.add(m.id);
  });
  if (issues.length) throw validation(issues);
  // A member without a retyped number is one on file (the input schema requires one of the two).
  const ids = members.map((m): MemberIdColumns => (m.idNumber ? memberIdColumns(protectIdNumber(secrets, m.idNumber)) : onFile.get(m.id!)!));
  assertDistinctIds(workerIdHash, ids.map((id) => id.idHash));
  return members.map((m, position) => {
    const row = memberRow(householdId, position, m, ids[position]);
    if (m.id) row.id = m.id;
    return row;
  });
}

/**
 * Corrects a household's record: only the fields the correction names change. A given `members`
 * list replaces the members (members on file named by id, keeping their ID numbers unless retyped;
 * their ID claims are re-taken). The history keeps which fields changed, never the personal values.
 */
export async function updateHousehold({ ctx, id, input }: { ctx: Ctx; id: string; input: UpdateHouseholdInput }) {
  const actor = await authorize(ctx, 'household.update');
  const data = UpdateHouseholdInput.parse(input);
  return auditingDuplicateHits(ctx, 'correction', () => correctHousehold(ctx, actor, id, data), id);
}

async function correctHousehold(ctx: Ctx, actor: Actor, id: string, data: UpdateHouseholdInput) {
  return ctx.db.transaction(async (tx) => {
    const h = await getHouseholdInScope(tx, actor, id, { forUpdate: true });
    if (!EDITABLE.has(h.status)) throw conflict('status', `a household in status ${h.status} cannot be edited`, { status: h.status });
    const oldMembers = await tx.select().from(householdMembers).where(eq(householdMembers.householdId, id));
    const rows = data.members ? correctedMembers(ctx.secrets, id, h.idHash, oldMembers, data.members) : undefined;
    // Income and school stages are recomputed from the members; kept members need no decrypting for that.
    const members = data.members ?? oldMembers;
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
    if (rows) {
      await releaseIdNumbers(tx, id, oldMembers.map((m) => m.idHash));
      await tx.delete(householdMembers).where(eq(householdMembers.householdId, id));
      await claimIdNumbers(tx, id, memberClaims(rows));
      if (rows.length) await tx.insert(householdMembers).values(rows);
    }
    const changedFields = Object.keys(data);
    await appendHouseholdEvent(tx, ctx, id, 'update', { details: { changedFields } });
    await audit(tx, ctx, 'household.update', { objectType: 'household', objectId: id, orgId: h.orgId, orgPath: h.orgPath, details: { changedFields } });
    return { id, version: h.version + 1 };
  });
}
