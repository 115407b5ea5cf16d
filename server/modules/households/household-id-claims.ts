import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { householdIdClaims, households, orgs } from '../../db/schema/index.js';
import { AppError } from '../../platform/errors.js';

export interface IdClaim {
  hash: string;
  role: 'worker' | 'member';
  /** The input field, e.g. "idNumber" or "members.1.idNumber", named in the refusal. */
  field: string;
}

/**
 * 409 duplicate_id: the person is in another open household. The client learns the holding org's
 * name only; the org's id is kept for the audit of the hit (duplicate-hits.ts).
 */
export class DuplicateIdError extends AppError {
  constructor(
    message: string,
    field: string,
    readonly holdingOrgId: string | null,
    holdingOrgName?: string,
  ) {
    super('CONFLICT', message, { reason: 'duplicate_id', field, ...(holdingOrgName ? { holdingOrg: { name: holdingOrgName } } : {}) });
  }
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
    throw new DuplicateIdError(`this ID number is already in an open household of ${other.orgName}`, claim.field, other.orgId, other.orgName);
  }
  const mine = new Set(held.map((h) => h.idHash));
  const fresh = claims.filter((c) => !mine.has(c.hash));
  if (fresh.length === 0) return;
  try {
    await tx.insert(householdIdClaims).values(fresh.map((c) => ({ idHash: c.hash, householdId, role: c.role })));
  } catch (err) {
    // Another filing of the same person committed between our check and our insert (PostgreSQL).
    if (isUniqueViolation(err)) throw new DuplicateIdError('this ID number is being filed by another union at this moment', fresh[0].field, null);
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
