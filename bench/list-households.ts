/**
 * Archive list benchmark (issue: p95 ≤ 100 ms with 1,000,000 households in PostgreSQL, and with
 * 100,000 on the embedded PGlite; 20 concurrent users get ≥ 100 default pages/s).
 * Builds a fresh database with the Jiaozuo demo tree and N synthetic households spread over its
 * unions, serves the real app on loopback, and times list requests of three actors (city, district,
 * street level) with and without filters, then 20 concurrent users (autocannon, in a child process)
 * on the default page. A baseline in the same run: GET /api/auth/me (session lookup and one small
 * query), so the ratio shows what the list itself costs.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:list -- 1000000
 *   ENGINE=pglite HOUSEHOLDS=100000 npm run bench:list
 *   BENCH_DATABASE=uh_bench10m BENCH_REUSE=1 DATABASE_URL=… npm run bench:list -- 10000000
 *
 * On PostgreSQL the database (BENCH_DATABASE, default uh_bench_list) is dropped and built anew, unless
 * BENCH_REUSE=1 and it already holds the N households of an earlier run: then it is measured as it is
 * (10,000,000 households take half an hour or more to generate on 2 cores). It prints the database's
 * size, each table's and index's, and the load average before and after the timed requests.
 *
 * The households come from bench/synthetic-archive.ts. On PGlite they are written as an import
 * writes them (bulkInsert in one transaction)
 * and then maintained as the app does after a bulk write (analyzeAfterBulkWrite) with the
 * statistics keeper running; BENCH_MAINTENANCE=none leaves both out (the state before them).
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { buildApp } from '../server/app.js';
import { openDatabase, type Database } from '../server/db/client.js';
import { analyzeAfterBulkWrite, startStatisticsKeeperFor, type StatisticsKeeper } from '../server/db/maintenance.js';
import { loadDemoData } from '../server/modules/demo/load-demo-data.js';
import { DEMO_PASSWORD } from '../server/modules/demo/demo-accounts.js';
import { systemClock } from '../server/platform/clock.js';
import { deriveSecrets } from '../server/platform/secrets.js';
import { generateArchive } from './synthetic-archive.js';

const ENGINE = process.env.ENGINE ?? (process.env.DATABASE_URL ? 'postgres' : 'pglite');
const N = Number(process.env.HOUSEHOLDS ?? process.argv[2] ?? (ENGINE === 'pglite' ? 100_000 : 1_000_000));
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const MAINTAIN = process.env.BENCH_MAINTENANCE !== 'none';
const USERS = Number(process.env.BENCH_USERS ?? 20);
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 10);
const DB_NAME = process.env.BENCH_DATABASE ?? 'uh_bench_list';
const REUSE = process.env.BENCH_REUSE === '1';

/** The bench database, and whether it already holds the N households (BENCH_REUSE=1). */
async function openPostgres(): Promise<{ database: Database; reused: boolean }> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('ENGINE=postgres needs DATABASE_URL (a PostgreSQL server)');
  if (!/^[a-z_][a-z0-9_]*$/.test(DB_NAME)) throw new Error(`BENCH_DATABASE must be a plain lower-case name: ${DB_NAME}`);
  const url = new URL(adminUrl);
  url.pathname = `/${DB_NAME}`;
  if (REUSE) {
    const existing = await openDatabase({ databaseUrl: url.toString() }).catch(() => null);
    if (existing) {
      const last = (await existing.db.execute(sql`select 1 from households where case_no = ${'HH' + String(N).padStart(10, '0')}`)) as unknown as { rows: unknown[] };
      if (last.rows.length) return { database: existing, reused: true };
      await existing.close();
    }
  }
  const pg = (await import('pg')).default;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${DB_NAME} with (force)`);
  await admin.query(`create database ${DB_NAME}`);
  await admin.end();
  return { database: await openDatabase({ databaseUrl: url.toString() }), reused: false };
}

const loadAverage = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');

/** pg_database_size and each table's heap (with TOAST) and indexes, largest first (PostgreSQL). */
async function printSizes(database: Database) {
  const size = (await database.db.execute(sql`select pg_size_pretty(pg_database_size(current_database())) as size`)) as unknown as { rows: Array<{ size: string }> };
  console.log(`database ${DB_NAME}: ${size.rows[0].size}`);
  const rels = (await database.db.execute(sql`
    select c.relname as name, case c.relkind when 'i' then 'index' else 'table' end as kind,
      pg_size_pretty(case c.relkind when 'i' then pg_relation_size(c.oid) else pg_table_size(c.oid) end) as size
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'i')
      and (case c.relkind when 'i' then pg_relation_size(c.oid) else pg_table_size(c.oid) end) > 8 * 1024 * 1024
    order by (case c.relkind when 'i' then pg_relation_size(c.oid) else pg_table_size(c.oid) end) desc`)) as unknown as {
    rows: Array<{ name: string; kind: string; size: string }>;
  };
  for (const r of rels.rows) console.log(`  ${r.kind.padEnd(5)} ${r.name.padEnd(40)} ${r.size.padStart(8)}`);
}

/** 20 users at once for LOAD_SECONDS (autocannon in a child process, so it does not share the server's event loop). */
function load(url: string, cookie: string): Promise<{ perSecond: number; p50: number; p97_5: number; non2xx: number }> {
  return new Promise((resolve, reject) => {
    const bin = path.join(process.cwd(), 'node_modules', '.bin', 'autocannon');
    const child = spawn(bin, ['-j', '-c', String(USERS), '-d', String(LOAD_SECONDS), '-H', `cookie=${cookie}`, url], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', () => {
      try {
        const r = JSON.parse(out) as { requests: { average: number }; latency: { p50: number; p97_5: number }; non2xx: number; '2xx': number; duration: number };
        resolve({ perSecond: r['2xx'] / r.duration, p50: r.latency.p50, p97_5: r.latency.p97_5, non2xx: r.non2xx });
      } catch (err) {
        reject(new Error(`autocannon: ${String(err)}: ${out.slice(0, 500)}`));
      }
    });
  });
}

async function main() {
  const dataDir = ENGINE === 'pglite' ? fs.mkdtempSync(path.join(os.tmpdir(), 'uh-bench-list-')) : undefined;
  const { database, reused } = ENGINE === 'pglite' ? { database: await openDatabase({ dataDir }), reused: false } : await openPostgres();
  const secrets = deriveSecrets(crypto.randomBytes(32));
  let t0 = Date.now();
  if (reused) console.log(`${DB_NAME} already holds ${N} households (BENCH_REUSE=1): measured as it is`);
  else {
    await loadDemoData({ db: database.db, clock: systemClock, secrets });
    t0 = Date.now();
    await generateArchive(database, N, { log: (line) => console.log(`  ${line}`) });
    console.log(`${ENGINE}: generated ${N} households in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  if (database.kind === 'postgres') await printSizes(database);
  let keeper: StatisticsKeeper | null = null;
  if (ENGINE === 'pglite' && MAINTAIN) {
    t0 = Date.now();
    const done = await analyzeAfterBulkWrite(database.db, ['households']);
    console.log(`analyzeAfterBulkWrite: ${done.map((d) => `${d.table} ${d.ms.toFixed(0)} ms${d.vacuumed ? ' (vacuum + analyze)' : ''}`).join(', ')}`);
    keeper = await startStatisticsKeeperFor(database.db);
    const pass = await keeper!.runOnce();
    console.log(`statistics keeper's first pass: analyzed [${pass.analyzed.join(', ')}], vacuumed [${pass.vacuumed.join(', ')}] in ${pass.ms.toFixed(0)} ms`);
  } else if (ENGINE === 'pglite') console.log('BENCH_MAINTENANCE=none: no analyze, no statistics keeper');
  const stats = (await database.db.execute(
    sql`select relname, n_live_tup, last_analyze, last_vacuum from pg_stat_user_tables where relname in ('households', 'orgs')`,
  )) as unknown as { rows: unknown[] };
  console.log('pg_stat_user_tables:', JSON.stringify(stats.rows));

  const app = await buildApp({ db: database.db, clock: systemClock, secrets, signInRateLimit: 1000 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const signIn = async (username: string) => {
    const res = await fetch(`${base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
    return res.headers.get('set-cookie')!.split(';')[0];
  };
  const time = async (cookie: string, path: string) => {
    const samples: number[] = [];
    let total = 0;
    for (let i = 0; i < REQUESTS; i++) {
      const t = performance.now();
      const res = await fetch(base + path.replace('{page}', String(1 + (i % 5))), { headers: { cookie } });
      const body = (await res.json()) as { total?: number; items?: unknown[] };
      samples.push(performance.now() - t);
      if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
      total = body.total ?? body.items?.length ?? 0;
    }
    samples.sort((a, b) => a - b);
    return { p50: samples[Math.floor(REQUESTS * 0.5)], p95: samples[Math.floor(REQUESTS * 0.95)], total };
  };

  const actors = { city: await signIn('city.admin'), district: await signIn('zz.caseworker'), station: await signIn('fc.caseworker') };
  console.log(`load average before the timed requests: ${loadAverage()}`);
  const baseline = await time(actors.city, '/api/auth/me');
  console.log(`baseline GET /api/auth/me: p50 ${baseline.p50.toFixed(1)} ms, p95 ${baseline.p95.toFixed(1)} ms`);
  const scenarios: Array<[keyof typeof actors, string]> = [
    ['city', '/api/households?page={page}&pageSize=20'],
    ['city', '/api/households?page={page}&pageSize=20&status=archived&category=deep'],
    ['city', '/api/households?page={page}&pageSize=20&schoolStage=undergraduate&sort=caseNo&order=asc'],
    ['city', '/api/households?page={page}&pageSize=20&dueWithinDays=30'],
    ['city', '/api/households?page=1&pageSize=20&q=%E8%81%8C%E5%B7%A51234'],
    ['city', '/api/households?page=1&pageSize=20&q=%E8%81%8C%E5%B7%A51'],
    // The deepest page the pager offers past the 10,000 it counts to (page 500 of 20).
    ['city', '/api/households?page=500&pageSize=20'],
    ['district', '/api/households?page={page}&pageSize=20'],
    ['district', '/api/households?page={page}&pageSize=50&cause=children_schooling'],
    ['district', '/api/households?page={page}&pageSize=20&status=archived&dueWithinDays=30'],
    ['station', '/api/households?page={page}&pageSize=20'],
    // The counts the page asks for after the items (once per filter while paging).
    ['city', '/api/households/count'],
    ['city', '/api/households/count?status=archived&category=deep'],
    ['city', '/api/households/count?q=%E8%81%8C%E5%B7%A51'],
    ['district', '/api/households/count'],
    ['district', '/api/households/count?cause=children_schooling'],
    ['station', '/api/households/count'],
  ];
  let worst = 0;
  for (const [actor, path] of scenarios) {
    const r = await time(actors[actor], path);
    worst = Math.max(worst, r.p95);
    console.log(`${actor.padEnd(8)} ${path.padEnd(90)} n ${String(r.total).padStart(6)}  p50 ${r.p50.toFixed(1).padStart(6)} ms  p95 ${r.p95.toFixed(1).padStart(6)} ms  (${(r.p95 / baseline.p95).toFixed(1)}x baseline)`);
  }
  console.log(`worst p95 ${worst.toFixed(1)} ms; target ≤ 100 ms: ${worst <= 100 ? 'met' : 'NOT met'}; load average after: ${loadAverage()}`);

  const me = await load(`${base}/api/auth/me`, actors.district);
  const list = await load(`${base}/api/households?page=1&pageSize=20`, actors.district);
  const count = await load(`${base}/api/households/count`, actors.district);
  const line = (what: string, r: typeof me) =>
    `${USERS} users, ${what.padEnd(28)} ${r.perSecond.toFixed(0).padStart(5)} /s  median ${String(r.p50).padStart(4)} ms  p97.5 ${String(r.p97_5).padStart(4)} ms${r.non2xx ? `  (${r.non2xx} non-2xx!)` : ''}`;
  console.log(line('GET /api/auth/me', me));
  console.log(line('default page (district)', list));
  console.log(line('its count (district)', count));
  console.log(`pages/s ${list.perSecond.toFixed(0)} = ${((100 * list.perSecond) / me.perSecond).toFixed(0)}% of /api/auth/me's; target ≥ 100 pages/s: ${list.perSecond >= 100 ? 'met' : 'NOT met'}`);
  await keeper?.stop();
  await app.close();
  await database.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
