import { eq, sql } from 'drizzle-orm';
import { householdIdClaims, households, orgs } from '../../db/schema/index.js';
import type { Ctx } from '../../platform/context.js';
import { IMPORT_REASONS as R } from './import-reasons.js';
import type { ImportError } from './parse-household-workbook.js';
import type { IdInFile } from './prepare-household-import.js';

/** The report lines for people of a failed import who are already in an open household of the archive. */
export async function findArchiveDuplicates(ctx: Ctx, ids: IdInFile[]): Promise<ImportError[]> {
  const where = new Map(ids.map((id) => [id.hash, id]));
  const hashes = [...where.keys()];
  const errors: ImportError[] = [];
  for (let i = 0; i < hashes.length; i += 20000) {
    const held = await ctx.db
      .select({ idHash: householdIdClaims.idHash, orgName: orgs.name })
      .from(householdIdClaims)
      .innerJoin(households, eq(households.id, householdIdClaims.householdId))
      .innerJoin(orgs, eq(orgs.id, households.orgId))
      .where(sql`${householdIdClaims.idHash} = any(${sql.param(hashes.slice(i, i + 20000))}::text[])`);
    for (const h of held) {
      const { sheet, row, value } = where.get(h.idHash)!;
      errors.push({ sheet, row, value, column: '身份证号', reason: R.inArchive(h.orgName) });
    }
  }
  return errors;
}
