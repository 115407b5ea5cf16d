import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Actor } from '../../../platform/context.js';

/**
 * The enterprise filter beside the org subtree one (inActorSubtree): an HR account (users.enterprise_id)
 * acts for its own enterprise only, so every read and write of enterprises and their postings adds
 * this condition on the row's enterprise id. Staff see every enterprise of their subtree (undefined:
 * no extra condition). An `enterprise_hr` account that names no enterprise sees none: it fails closed.
 */
export function enterpriseScope(actor: Actor, enterpriseIdColumn: AnyColumn | SQL): SQL | undefined {
  if (actor.enterpriseId) return sql`${enterpriseIdColumn} = ${actor.enterpriseId}`;
  if (actor.roles.includes('enterprise_hr')) return sql`false`;
  return undefined;
}

/** True when the actor may act for this enterprise (the same rule as `enterpriseScope`, for a row in hand). */
export function enterpriseInReach(actor: Actor, enterpriseId: string): boolean {
  if (actor.enterpriseId) return actor.enterpriseId === enterpriseId;
  return !actor.roles.includes('enterprise_hr');
}
