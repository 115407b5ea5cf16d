import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { householdIdClaims, households, orgs } from '../../db/schema/index.js';
import { conflict } from '../../platform/errors.js';

export interface IdClaim {
  hash: string;
  role: 'worker' | 'member';
  /** The input field, e.g. "idNumber" or "members.1.idNumber", named in the refusal. */
  field: string;
}

/**
 * Claims ID numbers for a household. A number held by another open household anywhere in the
 * federation is refused, naming the holding org only (never the household). The primary key on
 * id_hash makes concurrent filings safe: the loser's insert fails inside its transaction.
 */
export async function claimIdNumbers(tx: DbOrTx, householdId: string, claims: IdClaim[]) {
  if (claims.length === 0) return;
  const held = await tx
    .select({ idHash: householdIdClaims.idHash, householdId: householdIdClaims.householdId, orgName: orgs.name, orgId: orgs.id })
    .from(householdIdClaims)
    .innerJoin(households, eq(households.id, householdIdClaims.householdId))
    .innerJoin(orgs, eq(orgs.id, households.orgId))
    .where(inArray(householdIdClaims.idHash, claims.map((c) => c.hash)));
  const other = held.find((h) => h.householdId !== householdId);
  if (other) {
    const claim = claims.find((c) => c.hash === other.idHash)!;
    throw conflict('duplicate_id', `this ID number is already in an open household of ${other.orgName}`, {
      field: claim.field,
      holdingOrg: { name: other.orgName },
    });
  }
  const mine = new Set(held.map((h) => h.idHash));
  const fresh = claims.filter((c) => !mine.has(c.hash));
  if (fresh.length === 0) return;
  try {
    await tx.insert(householdIdClaims).values(fresh.map((c) => ({ idHash: c.hash, householdId, role: c.role })));
  } catch (err) {
    // Another filing of the same person committed between our check and our insert (PostgreSQL).
    if (isUniqueViolation(err)) throw conflict('duplicate_id', 'this ID number is being filed by another union at this moment', { field: fresh[0].field });
    throw err;
  }
}

export async function releaseIdNumbers(tx: DbOrTx, householdId: string, hashes?: string[]) {
  if (hashes && hashes.length === 0) return;
  await tx
    .delete(householdIdClaims)
    .where(hashes ? inArray(householdIdClaims.idHash, hashes) : eq(householdIdClaims.householdId, householdId));
}

export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}
