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
      const paramType = isArray || isJson ? 'text' : type;
      // Each column goes as one array literal built here: the driver's own array serializer cost
      // more than the database's insert for wide rows (measured on PGlite).
      const literal = arrayLiteral(batch, key, isArray, isJson);
      arrays.push(sql`${sql.param(literal)}::${sql.raw(paramType)}[]`);
      selects.push(sql.raw(`c${i}${isArray || isJson ? `::${type}` : ''}`));
    });
    const aliases = sql.raw(columns.map((_, i) => `c${i}`).join(', '));
    await db.execute(
      sql`insert into ${sql.raw(`"${getTableName(table)}"`)} (${names}) select ${sql.join(selects, sql`, `)} from unnest(${sql.join(arrays, sql`, `)}) as u(${aliases})`,
    );
  }
}

const quote = (text: string) => '"' + (/["\\]/.test(text) ? text.replace(/["\\]/g, (c) => '\\' + c) : text) + '"';

function toArrayLiteral(values: unknown[]): string {
  return `{${values.map((v) => quote(String(v))).join(',')}}`;
}

/** A PostgreSQL array literal of one column of the batch: every element quoted, NULL for null. */
function arrayLiteral(batch: Array<Record<string, unknown>>, key: string, isArray: boolean, isJson: boolean): string {
  const parts = new Array<string>(batch.length);
  for (let r = 0; r < batch.length; r++) {
    const v = batch[r][key];
    if (v === undefined || v === null) parts[r] = 'NULL';
    else if (isArray) parts[r] = quote(toArrayLiteral(v as unknown[]));
    else if (isJson) parts[r] = quote(JSON.stringify(v));
    else if (v instanceof Date) parts[r] = quote(v.toISOString());
    else if (typeof v === 'number' || typeof v === 'boolean') parts[r] = String(v);
    else parts[r] = quote(String(v));
  }
  return '{' + parts.join(',') + '}';
}
