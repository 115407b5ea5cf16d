import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { householdEvents, householdIdClaims, householdImports, householdMembers, households } from '../../../db/schema/index.js';

const REMOVE_BATCH = 1000;

/**
 * Removes what an uncommitted import wrote, in short transactions so other requests are answered
 * between them. Its households were never visible (households.queries.ts householdVisible), so a
 * removal cut short is simply carried on later. Returns how many households were removed.
 */
export async function removeStagedHouseholds(db: Db, importId: string, giveWay: () => Promise<void> = async () => {}): Promise<number> {
  let removed = 0;
  for (;;) {
    await giveWay();
    const n = await db.transaction(async (tx) => {
      const ids = (await tx.select({ id: households.id }).from(households).where(eq(households.importId, importId)).limit(REMOVE_BATCH)).map((r) => r.id);
      if (ids.length === 0) return 0;
      await tx.delete(householdIdClaims).where(inArray(householdIdClaims.householdId, ids));
      await tx.delete(householdMembers).where(inArray(householdMembers.householdId, ids));
      await tx.delete(householdEvents).where(inArray(householdEvents.householdId, ids));
      await tx.delete(households).where(and(inArray(households.id, ids), sql`${households.importId} = ${importId}`));
      return ids.length;
    });
    if (n === 0) {
      // Nothing of it is left for the lists to step around (households.queries.ts listAroundStagedImports).
      await db.update(householdImports).set({ stagedAt: null }).where(eq(householdImports.id, importId));
      return removed;
    }
    removed += n;
  }
}
