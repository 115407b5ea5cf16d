import { getTableColumns, getTableName, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './client.js';

/**
 * Inserts many rows with one `INSERT … SELECT FROM unnest(…)` per batch: one array parameter per
 * column instead of one parameter per value. Measured ~10x faster than drizzle's multi-row VALUES on
 * PGlite for wide rows (docs/decisions/005-bulk-insert.md). Rows use the table's property names;
 * columns missing from every row take their defaults.
 */
export async function bulkInsert<T extends PgTable>(db: DbOrTx, table: T, rows: Array<Partial<T['$inferInsert']>>, batchSize = 5000) {
  if (rows.length === 0) return;
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => rows.some((r) => (r as Record<string, unknown>)[key] !== undefined));
  const names = sql.raw(columns.map(([, c]) => `"${c.name}"`).join(', '));
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize) as Array<Record<string, unknown>>;
    const arrays: SQL[] = [];
    const selects: SQL[] = [];
    columns.forEach(([key, column], i) => {
      const type = column.getSQLType();
      const isArray = type.endsWith('[]');
      const isJson = type === 'jsonb' || type === 'json';
      // Array and JSON values travel as text and are cast back, since unnest would flatten arrays.
      const values = batch.map((r) => {
        const v = r[key];
        if (v === undefined || v === null) return null;
        if (isArray) return toArrayLiteral(v as unknown[]);
        if (isJson) return JSON.stringify(v);
        if (v instanceof Date) return v.toISOString();
        return v;
      });
      const paramType = isArray || isJson ? 'text' : type;
      arrays.push(sql`${sql.param(values)}::${sql.raw(paramType)}[]`);
      selects.push(sql.raw(`c${i}${isArray || isJson ? `::${type}` : ''}`));
    });
    const aliases = sql.raw(columns.map((_, i) => `c${i}`).join(', '));
    await db.execute(
      sql`insert into ${sql.raw(`"${getTableName(table)}"`)} (${names}) select ${sql.join(selects, sql`, `)} from unnest(${sql.join(arrays, sql`, `)}) as u(${aliases})`,
    );
  }
}

function toArrayLiteral(values: unknown[]): string {
  return `{${values.map((v) => `"${String(v).replace(/["\\]/g, (c) => '\\' + c)}"`).join(',')}}`;
}
