import type { PGlite } from '@electric-sql/pglite';
import { KEY_CHECK_SETTING } from '../key-check.js';

/** What a snapshot holds, read from a database opened on it. */
export interface BackupContents {
  /** Rows per table (`schema.table` outside public). */
  tables: Record<string, number>;
  migrations: { count: number; lastMigrationAt: number | null };
  keyCheck: string | null;
  /** The stored files the rows refer to, as `<store>/<2 hex>/<key>`, with the plaintext hash the row keeps if it keeps one. */
  files: Array<{ path: string; sha256?: string }>;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const storePath = (store: string, key: string) => `${store}/${key.slice(0, 2)}/${key}`;

/**
 * Tables are enumerated from information_schema, so a table added later is counted without a change
 * here; so are stored files, from every public table with a `storage_key` column (attachments of
 * households, applications and policies today). Job input files are kept while their job is queued
 * or running only.
 */
export async function readBackupContents(client: PGlite): Promise<BackupContents> {
  const { rows: tableRows } = await client.query<{ schema: string; name: string }>(
    `select table_schema as schema, table_name as name from information_schema.tables
     where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema') order by 1, 2`,
  );
  const tables: Record<string, number> = {};
  for (const t of tableRows) {
    const { rows } = await client.query<{ n: number }>(`select count(*)::int as n from ${ident(t.schema)}.${ident(t.name)}`);
    tables[t.schema === 'public' ? t.name : `${t.schema}.${t.name}`] = rows[0].n;
  }
  const has = (schema: string, name: string) => tableRows.some((t) => t.schema === schema && t.name === name);

  let migrations: BackupContents['migrations'] = { count: 0, lastMigrationAt: null };
  if (has('drizzle', '__drizzle_migrations')) {
    const { rows } = await client.query<{ count: number; last: string | null }>('select count(*)::int as count, max(created_at)::text as last from drizzle.__drizzle_migrations');
    migrations = { count: rows[0].count, lastMigrationAt: rows[0].last === null ? null : Number(rows[0].last) };
  }

  let keyCheck: string | null = null;
  if (has('public', 'settings')) {
    const { rows } = await client.query<{ value: string }>('select value from settings where key = $1', [KEY_CHECK_SETTING]);
    keyCheck = rows[0]?.value ?? null;
  }

  const files: BackupContents['files'] = [];
  const { rows: keyed } = await client.query<{ name: string; hashed: boolean }>(
    `select c.table_name as name, exists (select 1 from information_schema.columns h where h.table_schema = 'public' and h.table_name = c.table_name and h.column_name = 'sha256') as hashed
     from information_schema.columns c join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
     where c.table_schema = 'public' and c.column_name = 'storage_key' and t.table_type = 'BASE TABLE' order by 1`,
  );
  for (const t of keyed) {
    const { rows } = await client.query<{ key: string; sha256: string | null }>(`select storage_key as key, ${t.hashed ? 'sha256' : 'null'} as sha256 from ${ident(t.name)} order by 1`);
    for (const r of rows) files.push({ path: storePath('attachments', r.key), ...(r.sha256 ? { sha256: r.sha256 } : {}) });
  }
  if (has('public', 'background_jobs')) {
    const { rows } = await client.query<{ key: string }>(
      `select input_file_key as key from background_jobs where input_file_key is not null and state in ('queued', 'running') order by 1`,
    );
    for (const r of rows) files.push({ path: storePath('job-inputs', r.key) });
  }
  return { tables, migrations, keyCheck, files };
}
