import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import * as schema from '../db/schema/index.js';

/** Every table the drizzle schema declares (server/db/schema), by its SQL name: a new table is in without a test change. */
export function schemaTables(): string[] {
  return (Object.values(schema) as unknown[])
    .filter((v): v is PgTable => v instanceof PgTable)
    .map((table) => getTableConfig(table).name)
    .sort();
}

/**
 * Tables a refused request legitimately writes: its denial or failure in the audit log (checked
 * separately: never a success), the session's last-seen time, and the answer kept for its
 * Idempotency-Key (a replay must get the same refusal).
 */
export const WRITTEN_BY_DENIALS = ['audit_log', 'sessions', 'idempotency_keys'];

export type TableSnapshot = Record<string, { rows: number; md5: string }>;

/**
 * Row count and a hash of the whole content of every schema table but `exclude`, in one query.
 * Rows are hashed as their text form in sorted order, so any changed column of any row shows.
 */
export async function snapshotTables(db: Db, exclude: readonly string[] = WRITTEN_BY_DENIALS): Promise<TableSnapshot> {
  const tables = schemaTables().filter((name) => !exclude.includes(name));
  const query = sql.join(
    tables.map(
      (name) =>
        sql`select ${name}::text as name, count(*)::int as rows, md5(coalesce(string_agg(t::text, E'\n' order by t::text), '')) as md5 from ${sql.identifier(name)} t`,
    ),
    sql` union all `,
  );
  const res = (await db.execute(query)) as unknown as { rows: Array<{ name: string; rows: number | string; md5: string }> };
  const out: TableSnapshot = {};
  for (const row of res.rows) out[row.name] = { rows: Number(row.rows), md5: row.md5 };
  return out;
}
