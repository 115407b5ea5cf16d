import { asc } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { orgs } from '../../../db/schema/index.js';

/**
 * The region (GB/T 2260) each org lies in: its own code, else its nearest ancestor's. A household's
 * income threshold is its org's region's. The tree is small (hundreds of orgs), so it is read whole.
 */
export async function orgRegionCodes(db: DbOrTx): Promise<Map<string, string | null>> {
  const rows = await db.select({ id: orgs.id, parentId: orgs.parentId, regionCode: orgs.regionCode, path: orgs.path }).from(orgs).orderBy(asc(orgs.depth));
  const out = new Map<string, string | null>();
  for (const r of rows) out.set(r.id, r.regionCode ?? (r.parentId ? (out.get(r.parentId) ?? null) : null));
  return out;
}
