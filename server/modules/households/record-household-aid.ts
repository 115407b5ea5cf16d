import { AidEntryInput } from '../../../contracts/households.js';
import type { DbOrTx } from '../../db/client.js';
import { householdAid } from '../../db/schema/index.js';
import { audit } from '../../platform/audit.js';
import { authorize } from '../../platform/authz.js';
import type { Ctx } from '../../platform/context.js';
import { conflict } from '../../platform/errors.js';
import { appendHouseholdEvent } from './household-events.js';
import { getHouseholdInScope } from './households.queries.js';

export interface HouseholdAidEntry {
  householdId: string;
  program: string;
  aidType: 'cash' | 'in_kind' | 'service';
  amountFen: number;
  item?: string | null;
  aidedOn: string;
  note?: string | null;
  /** The module writing the entry, e.g. 'programs' for 金秋助学 grants, 'households' for manual entries. */
  sourceModule: string;
  /** The writer's own id for the aid (a payment id): with sourceModule it is unique, so a retry never books twice. */
  sourceRef?: string | null;
}

/**
 * The stable interface through which every program appends to a household's aid ledger (帮扶台账).
 * Call it inside the program's own transaction, after its own scope check.
 */
export async function recordHouseholdAid(tx: DbOrTx, ctx: Ctx, entry: HouseholdAidEntry) {
  if (!Number.isSafeInteger(entry.amountFen) || entry.amountFen < 0) throw new Error('amountFen must be a non-negative integer of fen');
  const inserted = await tx
    .insert(householdAid)
    .values({ ...entry, item: entry.item ?? null, note: entry.note ?? null, sourceRef: entry.sourceRef ?? null, recordedBy: ctx.actor?.userId ?? null, recordedAt: ctx.clock.now() })
    .onConflictDoNothing()
    .returning();
  if (inserted.length === 0) throw conflict('duplicate_aid', 'this aid is already in the ledger', { sourceRef: entry.sourceRef });
  await appendHouseholdEvent(tx, ctx, entry.householdId, 'aid', {
    details: { program: entry.program, aidType: entry.aidType, amountFen: entry.amountFen, aidedOn: entry.aidedOn },
  });
  return inserted[0];
}

/** Manual ledger entry by staff (aid given outside the platform's programs). */
export async function addHouseholdAid({ ctx, id, input }: { ctx: Ctx; id: string; input: unknown }) {
  const actor = await authorize(ctx, 'household.update');
  const data = AidEntryInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const h = await getHouseholdInScope(tx, actor, id);
    if (!['archived', 'lifted'].includes(h.status)) throw conflict('status', 'aid is recorded for archived households', { status: h.status });
    const row = await recordHouseholdAid(tx, ctx, { ...data, householdId: id, sourceModule: 'households' });
    await audit(tx, ctx, 'household.add_aid', { objectType: 'household', objectId: id, orgId: h.orgId, orgPath: h.orgPath, details: { program: data.program, amountFen: data.amountFen } });
    return { id: row.id };
  });
}
