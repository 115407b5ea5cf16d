/**
 * Backup and restore of the embedded engine, timed: the demo data set plus HOUSEHOLDS synthetic
 * households (with members) and ATTACHMENTS attachments of about 200 KB uploaded through the API, in
 * a data directory; then
 *
 *   1. `npm run backup` while a real server process runs on it, with a prober reading the public job
 *      board every 50 ms from another process (how long requests wait while the snapshot is taken);
 *   2. `npm run backup` with the server stopped (the command opens the database itself);
 *   3. `npm run restore` of that backup into a new data directory.
 *
 * Each command runs as the operator runs it (tsx, its own process) and is timed from outside. Sizes:
 * the data directory's pgdata, the snapshot, the gzipped database file, the attachments.
 *
 *   nice -n 19 npm run bench:backup                       (demo data set only)
 *   HOUSEHOLDS=50000 ATTACHMENTS=500 nice -n 19 npm run bench:backup
 *   BENCH_DATA_DIR=/tmp/uh-bench-backup BENCH_REUSE=1 …   (measure an already generated data directory again)
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../server/app.js';
import { openDatabase } from '../server/db/client.js';
import { analyzeAfterBulkWrite } from '../server/db/maintenance.js';
import { DEMO_PASSWORD } from '../server/modules/demo/demo-accounts.js';
import { loadDemoData } from '../server/modules/demo/load-demo-data.js';
import { systemClock } from '../server/platform/clock.js';
import { assertSecretKeyMatches } from '../server/platform/key-check.js';
import { deriveSecrets, loadMasterSecret } from '../server/platform/secrets.js';
import { generateArchive } from './synthetic-archive.js';

const HOUSEHOLDS = Number(process.env.HOUSEHOLDS ?? 0);
const ATTACHMENTS = Number(process.env.ATTACHMENTS ?? 100);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = process.env.BENCH_DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'uh-bench-backup-'));
const dataDir = path.join(work, 'data');
const PDF_HEAD = Buffer.from('%PDF-1.4\n');

const duSync = (dir: string): number => {
  if (!fs.existsSync(dir)) return 0;
  let n = 0;
  for (const d of fs.readdirSync(dir, { withFileTypes: true })) n += d.isDirectory() ? duSync(path.join(dir, d.name)) : fs.statSync(path.join(dir, d.name)).size;
  return n;
};
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function generate() {
  const t0 = performance.now();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const database = await openDatabase({ dataDir });
  const secrets = deriveSecrets(loadMasterSecret({ dataDir }));
  await assertSecretKeyMatches(database.db, secrets);
  await loadDemoData({ db: database.db, clock: systemClock, secrets });
  if (HOUSEHOLDS) {
    await generateArchive(database, HOUSEHOLDS, { members: true });
    await analyzeAfterBulkWrite(database.db, ['households', 'household_members']);
  }
  const app = await buildApp({ db: database.db, clock: systemClock, secrets, dataDir, signInRateLimit: 1000 });
  const signIn = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'zz.caseworker', password: DEMO_PASSWORD } });
  const headers = { cookie: String(signIn.headers['set-cookie']).split(';')[0], 'x-csrf-token': signIn.json().csrfToken as string };
  const list = await app.inject({ method: 'GET', url: '/api/households?pageSize=100', headers });
  const ids = (list.json().items as Array<{ id: string }>).map((h) => h.id);
  for (let i = 0; i < ATTACHMENTS; i++) {
    const res = await app.inject({
      method: 'POST',
      url: `/api/households/${ids[i % ids.length]}/attachments?kind=other&fileName=scan-${i}.pdf`,
      headers: { ...headers, 'content-type': 'application/octet-stream', 'idempotency-key': crypto.randomUUID() },
      payload: Buffer.concat([PDF_HEAD, crypto.randomBytes(200_000)]),
    });
    if (res.statusCode !== 201) throw new Error(`upload ${i}: ${res.statusCode} ${res.body}`);
  }
  await app.close();
  await database.close();
  fs.writeFileSync(path.join(work, 'generated.json'), JSON.stringify({ HOUSEHOLDS, ATTACHMENTS }));
  console.log(`generated: demo + ${HOUSEHOLDS} households + ${ATTACHMENTS} attachments in ${s(performance.now() - t0)}`);
}

function run(args: string[], env: Record<string, string>, onLine?: (line: string) => void): Promise<{ code: number | null; out: string; ms: number }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, env: { ...process.env, DATABASE_URL: '', SECRET_KEY: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    proc.stdout.on('data', (d: Buffer) => {
      out += d;
      for (const line of String(d).split('\n')) if (line) onLine?.(line);
    });
    proc.stderr.on('data', (d: Buffer) => (out += d));
    proc.on('error', reject);
    proc.on('close', (code) => resolve({ code, out, ms: performance.now() - t0 }));
  });
}

async function startServer(port: number) {
  const proc = spawn(process.execPath, ['--import', 'tsx', '--max-semi-space-size=32', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, DEMO: '0', PORT: String(port), DATABASE_URL: '', SECRET_KEY: '', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    proc.stdout!.on('data', (d: Buffer) => String(d).includes('is serving') && resolve());
    proc.on('exit', (code) => reject(new Error(`the server exited (${code})`)));
  });
  return {
    /** The server's resident memory now and at its peak (Linux), in bytes. */
    memory: () => {
      const status = fs.existsSync(`/proc/${proc.pid}/status`) ? fs.readFileSync(`/proc/${proc.pid}/status`, 'utf8') : '';
      const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) * 1024;
      return { rss: kb('VmRSS'), peak: kb('VmHWM') };
    },
    stop: () => new Promise<void>((resolve) => (proc.once('exit', () => resolve()), proc.kill('SIGTERM'))),
  };
}

/** Reads the public job board every 50 ms until stopped; the latencies of the requests. */
function probe(url: string) {
  const latencies: number[] = [];
  let running = true;
  const done = (async () => {
    while (running) {
      const t0 = performance.now();
      await fetch(url).then((r) => r.arrayBuffer());
      latencies.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  return {
    async stop() {
      running = false;
      await done;
      const sorted = [...latencies].sort((a, b) => a - b);
      const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]);
      return { n: sorted.length, p50: at(0.5), p99: at(0.99), max: Math.round(sorted[sorted.length - 1] ?? 0) };
    },
  };
}

async function main() {
  const reuse = process.env.BENCH_REUSE === '1' && fs.existsSync(path.join(work, 'generated.json'));
  if (reuse) console.log(`reusing ${dataDir}: ${fs.readFileSync(path.join(work, 'generated.json'), 'utf8')}`);
  else await generate();
  console.log(`data directory: pgdata ${mb(duSync(path.join(dataDir, 'pgdata')))}, attachments ${mb(duSync(path.join(dataDir, 'attachments')))}; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const backups = path.join(work, 'backups');
  fs.rmSync(backups, { recursive: true, force: true });

  const port = 40000 + crypto.randomInt(20000);
  const server = await startServer(port);
  const idle = probe(`http://127.0.0.1:${port}/jobs`);
  await new Promise((r) => setTimeout(r, 3000));
  const before = await idle.stop();
  const memoryBefore = server.memory();
  const during = probe(`http://127.0.0.1:${port}/jobs`);
  const online = await run(['server/cli/backup.ts', path.join(backups, 'online')], { DATA_DIR: dataDir }, (line) => console.log(`  ${line}`));
  const latencies = await during.stop();
  const memoryAfter = server.memory();
  await server.stop();
  if (online.code !== 0) throw new Error(`backup failed: ${online.out}`);
  const held = /database held ([\d.]+ m?s)/.exec(online.out)?.[1];
  console.log(`backup while the server runs: ${s(online.ms)} (database held ${held}); board requests before: p50 ${before.p50} ms, max ${before.max} ms; during: ${latencies.n} requests, p50 ${latencies.p50} ms, p99 ${latencies.p99} ms, max ${latencies.max} ms; server memory: peak ${mb(memoryBefore.peak)} before, ${mb(memoryAfter.peak)} with the backup`);

  const offline = await run(['server/cli/backup.ts', path.join(backups, 'offline')], { DATA_DIR: dataDir });
  if (offline.code !== 0) throw new Error(`backup failed: ${offline.out}`);
  console.log(`backup with the server stopped: ${s(offline.ms)}`);

  const target = path.join(work, 'restored');
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(target);
  fs.copyFileSync(path.join(dataDir, 'secret.key'), path.join(target, 'secret.key'));
  const restore = await run(['server/cli/restore.ts', path.join(backups, 'online')], { DATA_DIR: target }, (line) => console.log(`  ${line}`));
  if (restore.code !== 0) throw new Error(`restore failed: ${restore.out}`);
  const manifest = JSON.parse(fs.readFileSync(path.join(backups, 'online', 'manifest.json'), 'utf8')) as { database: { bytes: number }; files: { count: number; bytes: number } };
  console.log(`restore: ${s(restore.ms)}`);
  console.log(
    `sizes: backup ${mb(duSync(path.join(backups, 'online')))} (database.tar.gz ${mb(manifest.database.bytes)}, ${manifest.files.count} files ${mb(manifest.files.bytes)}); restored pgdata ${mb(duSync(path.join(target, 'pgdata')))}`,
  );
  console.log(`load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  if (!process.env.BENCH_DATA_DIR) fs.rmSync(work, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
