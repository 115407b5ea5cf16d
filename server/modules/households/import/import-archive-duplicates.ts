import { eq, sql } from 'drizzle-orm';
import { maskCnId } from '../../../../contracts/cn-ids.js';
import { householdIdClaims, households } from '../../../db/schema/index.js';
import type { Ctx } from '../../../platform/context.js';
import { auditDuplicateHit } from '../duplicate-hits.js';
import { IMPORT_REASONS as R } from './import-reasons.js';
import type { ImportError } from './parse-household-workbook.js';
import type { IdInFile } from './prepare-household-import.js';

/**
 * The report lines for people of a failed import who are already in an open household of the
 * archive. A workbook may hold thousands of ID numbers, so the report says only that each is on file
 * in the federation, never where; the hits are audited (one row per report, with the count and the
 * holding orgs) so the auditor can list them by actor. A single filing names the holding union.
 */
export async function findArchiveDuplicates(ctx: Ctx, ids: IdInFile[], importOrg?: { id: string; path: string }): Promise<ImportError[]> {
  const where = new Map(ids.map((id) => [id.hash, id]));
  const hashes = [...where.keys()];
  const errors: ImportError[] = [];
  const holdingOrgIds: string[] = [];
  for (let i = 0; i < hashes.length; i += 20000) {
    const held = await ctx.db
      .select({ idHash: householdIdClaims.idHash, orgId: households.orgId })
      .from(householdIdClaims)
      .innerJoin(households, eq(households.id, householdIdClaims.householdId))
      .where(sql`${householdIdClaims.idHash} = any(${sql.param(hashes.slice(i, i + 20000))}::text[])`);
    for (const h of held) {
      const { sheet, row, value } = where.get(h.idHash)!;
      errors.push({ sheet, row, value: maskCnId(value), column: '身份证号', reason: R.onFile });
      holdingOrgIds.push(h.orgId);
    }
  }
  if (errors.length > 0) await auditDuplicateHit(ctx.db, ctx, 'import', { count: errors.length, holdingOrgIds, org: importOrg });
  return errors;
}
