import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(here, '../..');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command line (a CLI under tsx, or a script) as a child process; never blocks the test's event loop. */
export function runProcess(command: string, args: string[], env: Record<string, string>): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const proc = spawn(command, args, { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (d) => (stdout += d));
    proc.stderr.on('data', (d) => (stderr += d));
    proc.on('error', reject);
    proc.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** `npm run backup` / `npm run restore` as the package scripts run them, with DATABASE_URL and SECRET_KEY unset unless given. */
export function runCli(name: 'backup' | 'restore', args: string[], env: Record<string, string>): Promise<CliRun> {
  return runProcess(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'server/cli', `${name}.ts`), ...args], { DATABASE_URL: '', SECRET_KEY: '', LOG_LEVEL: 'warn', ...env });
}

/** Every table of the database (from information_schema) → its row count and an MD5 of its rows' text in order. */
export async function tableDigests(query: (text: string) => Promise<Array<Record<string, unknown>>>): Promise<Record<string, string>> {
  const tables = await query(
    `select table_schema as s, table_name as t from information_schema.tables
     where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema') order by 1, 2`,
  );
  const out: Record<string, string> = {};
  for (const { s, t } of tables as Array<{ s: string; t: string }>) {
    const [row] = await query(`select count(*)::int as n, md5(coalesce(string_agg(x::text, E'\\n' order by x::text), '')) as h from "${s}"."${t}" x`);
    out[`${s}.${t}`] = `${row.n} rows, md5 ${row.h}`;
  }
  return out;
}

/** The stored files under a data directory's file stores → SHA-256 of their bytes (temporary files left out). */
export function storedFileHashes(dataDir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const store of ['attachments', 'job-inputs']) {
    const root = path.join(dataDir, store);
    if (!fs.existsSync(root)) continue;
    for (const shard of fs.readdirSync(root)) {
      if (shard === '.tmp') continue;
      for (const key of fs.readdirSync(path.join(root, shard)))
        out[`${store}/${shard}/${key}`] = crypto.createHash('sha256').update(fs.readFileSync(path.join(root, shard, key))).digest('hex');
    }
  }
  return out;
}
