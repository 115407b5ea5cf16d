/**
 * One instance's throughput for a mixed workload on PostgreSQL (operations: capacity, docs/operations.md).
 *
 * Builds a fresh database with the Jiaozuo demo (its campaigns, funds and job board) plus HOUSEHOLDS
 * synthetic households with their members spread over the city tree (bench/synthetic-archive.ts),
 * serves the real app on loopback in this process (logging at info to a discarding stream, as a
 * production instance formats its lines), signs in staff of several levels and drives it from a
 * child process (bench/mixed-driver.mjs) with a mix of:
 *   household lists (filters, sorts, pages) and their counts, a household's detail, filings
 *   (POST /api/households with the CSRF token and fresh valid ID numbers for the worker, a spouse and
 *   a child), GET /api/auth/me, campaign reads (list, one campaign, its dashboard, its applications),
 *   fund reads (list, one fund, a statement page), the public job board (search API, the HTML page,
 *   the period's figures) and sign-ins.
 *
 * In the same run:
 * - the baseline: GET /api/health by the same driver (closed loop, BASELINE_CONNECTIONS);
 * - sign-in alone (argon2id is deliberately slow): one at a time, and SIGNIN_CONNECTIONS at once;
 * - the mix, closed loop, at each connection count of MIX_CONNECTIONS (each STEP_SECONDS after 3 s of
 *   warm-up), which finds the most it can answer;
 * - the mix, open loop, at fractions of that peak (RATE_FRACTIONS): requests started at a fixed rate
 *   whatever the server's state, so a slow answer does not slow the load (no coordinated omission).
 *   The highest rate whose p95 over the whole mix stays ≤ TARGET_P95_MS is the answer; the closed
 *   loop's answer (the most answered per second with the p95 within it) is printed beside it. Seconds
 *   with an answer slower than 4× the target are listed: on a shared machine they show pauses that
 *   are not the app's (other processes, a forced checkpoint of another database on the server).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:54329/postgres npm run bench:mixed
 *   HOUSEHOLDS=50000 STEP_SECONDS=20 MIX_CONNECTIONS=1,2,4,8,16,32 npm run bench:mixed
 *
 * Driver and server share the machine's cores: the figures are those of one instance that has the
 * cores minus what the driver uses (printed as the driver's CPU time beside each step).
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { buildApp } from '../server/app.js';
import { openDatabase, type Database } from '../server/db/client.js';
import { DEMO_PASSWORD } from '../server/modules/demo/demo-accounts.js';
import { loadDemoData } from '../server/modules/demo/load-demo-data.js';
import { systemClock } from '../server/platform/clock.js';
import { deriveSecrets } from '../server/platform/secrets.js';
import { sampleHousehold } from '../server/test-support/household-fixtures.js';
import { generateArchive } from './synthetic-archive.js';

const HOUSEHOLDS = Number(process.env.HOUSEHOLDS ?? 50_000);
const STEP_SECONDS = Number(process.env.STEP_SECONDS ?? 20);
const MIX_CONNECTIONS = (process.env.MIX_CONNECTIONS ?? '1,2,4,8,16,32').split(',').map(Number);
const RATE_FRACTIONS = (process.env.RATE_FRACTIONS ?? '0.25,0.4,0.55,0.7,0.85').split(',').map(Number);
const BASELINE_CONNECTIONS = Number(process.env.BASELINE_CONNECTIONS ?? 8);
const SIGNIN_CONNECTIONS = Number(process.env.SIGNIN_CONNECTIONS ?? 4);
const TARGET_P95_MS = Number(process.env.TARGET_P95_MS ?? 200);
const DB_NAME = 'uh_bench_mixed';
const here = path.dirname(fileURLToPath(import.meta.url));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'uh-bench-mixed-'));

interface Req {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** A filing: the driver fills in a fresh name and ID numbers. */
  filing?: object;
}
interface Kind {
  name: string;
  weight: number;
  requests: Req[];
}
interface Stats {
  n: number;
  errors: number;
  statuses: Record<string, number>;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}
interface DriverResult {
  seconds: number;
  perSecond: number;
  dropped: number;
  total: Stats;
  kinds: Record<string, Stats>;
  driverCpuSeconds: number;
  /** Per second of the run: [requests started, slowest answer in ms]. */
  timeline: Array<[number, number]>;
  /** CPU seconds of this process (the server) and of the database's backends during the run, warm-up included. */
  serverCpuSeconds: number;
  postgresCpuSeconds: number;
}

const CLOCK_TICKS = 100;
/** CPU ticks so far of each PostgreSQL backend serving the bench database (from /proc). */
function postgresCpuTicks(): Map<string, number> {
  const ticks = new Map<string, number>();
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (!fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(` ${DB_NAME} `)) continue;
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks.set(pid, Number(fields[11]) + Number(fields[12]));
    } catch {
      /* gone meanwhile */
    }
  }
  return ticks;
}
/** CPU seconds the backends used since `before` (a backend that ended meanwhile is not counted: a lower bound). */
function postgresCpuSince(before: Map<string, number>): number {
  let ticks = 0;
  for (const [pid, now] of postgresCpuTicks()) ticks += now - (before.get(pid) ?? 0);
  return ticks / CLOCK_TICKS;
}

async function openBenchDatabase(): Promise<Database> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('bench:mixed needs DATABASE_URL (a PostgreSQL server)');
  const pg = (await import('pg')).default;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${DB_NAME} with (force)`);
  await admin.query(`create database ${DB_NAME}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${DB_NAME}`;
  return openDatabase({ databaseUrl: url.toString() });
}

let filingOffset = 0;
/** Runs the driver on a plan; each run's filings take ID numbers after the previous run's. */
function drive(base: string, kinds: Kind[], load: { connections: number } | { rate: number; maxInFlight: number }, seconds: number): Promise<DriverResult> {
  const planFile = path.join(tmp, `plan-${crypto.randomUUID()}.json`);
  fs.writeFileSync(planFile, JSON.stringify({ base, kinds, seconds, warmupSeconds: 3, filingOffset, ...load }));
  filingOffset += 200_000;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(here, 'mixed-driver.mjs'), planFile], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    const serverCpu = process.cpuUsage();
    const pgCpu = postgresCpuTicks();
    child.on('exit', () => {
      fs.rmSync(planFile, { force: true });
      const used = process.cpuUsage(serverCpu);
      try {
        const result = JSON.parse(out) as DriverResult;
        resolve({ ...result, serverCpuSeconds: (used.user + used.system) / 1e6, postgresCpuSeconds: postgresCpuSince(pgCpu) });
      } catch (err) {
        reject(new Error(`driver: ${String(err)}: ${out.slice(0, 500)}`));
      }
    });
  });
}

const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '–').padStart(7);
const loadAverage = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');

function printResult(title: string, r: DriverResult, baselinePerSecond?: number) {
  const ratio = baselinePerSecond ? ` = ${((100 * r.perSecond) / baselinePerSecond).toFixed(1)}% of /api/health's` : '';
  console.log(`${title}: ${r.perSecond.toFixed(1)} req/s${ratio}; all kinds p50 ${ms(r.total.p50).trim()} ms, p95 ${ms(r.total.p95).trim()} ms, p99 ${ms(r.total.p99).trim()} ms; errors ${r.total.errors}${r.dropped ? `, not started in time ${r.dropped}` : ''}; load average ${loadAverage()}`);
  const wall = r.seconds + 3;
  const perRequest = (cpu: number) => ((1000 * cpu) / (r.perSecond * wall)).toFixed(2);
  console.log(`    CPU: server ${(r.serverCpuSeconds / wall).toFixed(2)} cores (${perRequest(r.serverCpuSeconds)} ms a request), PostgreSQL ${(r.postgresCpuSeconds / wall).toFixed(2)} cores (${perRequest(r.postgresCpuSeconds)} ms), driver ${(r.driverCpuSeconds / wall).toFixed(2)} cores`);
  for (const [name, k] of Object.entries(r.kinds)) {
    if (!k.n) continue;
    const errs = k.errors ? `  errors ${k.errors} ${JSON.stringify(k.statuses)}` : '';
    console.log(`    ${name.padEnd(22)} n ${String(k.n).padStart(6)}  p50 ${ms(k.p50)} ms  p95 ${ms(k.p95)} ms  p99 ${ms(k.p99)} ms${errs}`);
  }
  const stalls = r.timeline.map(([, slowest], second) => [second, slowest]).filter(([, slowest]) => slowest > 4 * TARGET_P95_MS);
  if (stalls.length) console.log(`    seconds with an answer slower than ${4 * TARGET_P95_MS} ms: ${stalls.map(([second, slowest]) => `${second}s ${slowest} ms`).join(', ')}`);
}

async function main() {
  const t0 = Date.now();
  const database = await openBenchDatabase();
  const secrets = deriveSecrets(crypto.randomBytes(32));
  await loadDemoData({ db: database.db, clock: systemClock, secrets });
  const { members } = await generateArchive(database, HOUSEHOLDS, { members: true });
  console.log(`database ${DB_NAME}: the demo plus ${HOUSEHOLDS} households with ${members} members in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  const app = await buildApp({
    db: database.db,
    clock: systemClock,
    secrets,
    // As in production: a line per request at info, formatted, then discarded here.
    logger: { level: 'info', stream: { write: () => {} } },
    signInRateLimit: 1_000_000,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;

  const signInTimes: number[] = [];
  const signIn = async (username: string) => {
    const t = performance.now();
    const res = await fetch(`${base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
    signInTimes.push(performance.now() - t);
    if (res.status !== 200) throw new Error(`sign-in ${username}: ${res.status} ${await res.text()}`);
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    return { cookie: res.headers.get('set-cookie')!.split(';')[0], csrf: csrfToken };
  };
  type Session = Awaited<ReturnType<typeof signIn>> & { username: string };
  const get = async <T>(s: Session | null, url: string): Promise<T> => {
    const res = await fetch(base + url, { headers: s ? { cookie: s.cookie } : {} });
    if (res.status !== 200) throw new Error(`GET ${url} as ${s?.username ?? 'anonymous'}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const sessions: Record<string, Session> = {};
  for (const username of ['city.admin', 'city.reviewer', 'zz.admin', 'zz.reviewer', 'zz.caseworker', 'fc.caseworker', 'zg2.caseworker', 'jm.reviewer', 'finance'])
    sessions[username] = { username, ...(await signIn(username)) };
  const asHeaders = (s: Session, write = false): Record<string, string> => ({ cookie: s.cookie, ...(write ? { 'x-csrf-token': s.csrf } : {}) });

  // What each user may open: households of their own subtree, the campaigns and funds they see.
  const archiveUsers = ['city.admin', 'city.reviewer', 'zz.reviewer', 'zz.caseworker', 'fc.caseworker', 'zg2.caseworker'].map((u) => sessions[u]);
  const listPaths = [
    '/api/households?page={page}&pageSize=20',
    '/api/households?page={page}&pageSize=20&status=archived',
    '/api/households?page={page}&pageSize=20&status=archived&category=deep',
    '/api/households?page={page}&pageSize=20&cause=children_schooling',
    '/api/households?page={page}&pageSize=20&schoolStage=undergraduate&sort=caseNo&order=asc',
    '/api/households?page={page}&pageSize=20&dueWithinDays=30',
    '/api/households?page=1&pageSize=20&q=%E8%81%8C%E5%B7%A5{page}2',
    '/api/households?page={page}&pageSize=50&sort=updatedAt',
  ];
  const countPaths = ['/api/households/count', '/api/households/count?status=archived', '/api/households/count?cause=children_schooling', '/api/households/count?status=archived&category=deep'];
  const lists: Req[] = [];
  const counts: Req[] = [];
  const details: Req[] = [];
  for (const s of archiveUsers) {
    for (const p of listPaths) for (let page = 1; page <= 5; page++) lists.push({ path: p.replace('{page}', String(page)), headers: asHeaders(s) });
    for (const p of countPaths) counts.push({ path: p, headers: asHeaders(s) });
    for (let page = 1; page <= 3; page++) {
      const { items } = await get<{ items: Array<{ id: string }> }>(s, `/api/households?page=${page * 7}&pageSize=100`);
      for (const h of items) details.push({ path: `/api/households/${h.id}`, headers: asHeaders(s) });
    }
  }
  const filers = ['zz.caseworker', 'fc.caseworker', 'zg2.caseworker'].map((u) => sessions[u]);
  const filings: Req[] = [];
  for (const s of filers) {
    const me = await get<{ orgId: string }>(s, '/api/auth/me');
    filings.push({ method: 'POST', path: '/api/households', headers: asHeaders(s, true), filing: sampleHousehold(me.orgId) });
  }
  const me: Req[] = Object.values(sessions).map((s) => ({ path: '/api/auth/me', headers: asHeaders(s) }));
  const campaignReads: Req[] = [];
  for (const s of ['city.admin', 'zz.reviewer', 'jm.reviewer', 'zg2.caseworker'].map((u) => sessions[u])) {
    campaignReads.push({ path: '/api/campaigns', headers: asHeaders(s) });
    const { items } = await get<{ items: Array<{ id: string }> }>(s, '/api/campaigns');
    for (const c of items) {
      campaignReads.push({ path: `/api/campaigns/${c.id}`, headers: asHeaders(s) });
      campaignReads.push({ path: `/api/campaigns/${c.id}/dashboard`, headers: asHeaders(s) });
      for (let page = 1; page <= 3; page++) campaignReads.push({ path: `/api/applications?campaignId=${c.id}&page=${page}&pageSize=20`, headers: asHeaders(s) });
    }
  }
  const fundReads: Req[] = [];
  for (const s of ['finance', 'city.admin', 'zz.admin'].map((u) => sessions[u])) {
    fundReads.push({ path: '/api/funds', headers: asHeaders(s) });
    const funds = await get<{ items?: Array<{ id: string }> } | Array<{ id: string }>>(s, '/api/funds');
    for (const f of Array.isArray(funds) ? funds : (funds.items ?? [])) {
      fundReads.push({ path: `/api/funds/${f.id}`, headers: asHeaders(s) });
      fundReads.push({ path: `/api/funds/${f.id}/statement?pageSize=50`, headers: asHeaders(s) });
    }
  }
  const words = ['电焊工', '会计', '护士', '司机', '普工', '保安', '仓库'];
  const board: Req[] = [
    { path: '/api/public/jobs' },
    { path: '/api/public/jobs?page=2' },
    ...words.map((w) => ({ path: `/api/public/jobs?q=${encodeURIComponent(w)}` })),
    { path: '/jobs' },
    ...words.slice(0, 3).map((w) => ({ path: `/jobs?q=${encodeURIComponent(w)}` })),
    { path: '/api/public/job-stats' },
  ];
  const signIns: Req[] = ['zz.caseworker', 'fc.caseworker', 'city.reviewer', 'finance'].map((username) => ({
    method: 'POST',
    path: '/api/auth/sign-in',
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  }));

  // Every prepared request answers 2xx before anything is timed.
  for (const r of [...lists.slice(0, 8), ...counts.slice(0, 4), details[0], ...filings, me[0], ...campaignReads, ...fundReads, ...board]) {
    const res = await fetch(base + r.path, {
      method: r.method ?? 'GET',
      headers: { ...r.headers, ...(r.filing ? { 'content-type': 'application/json' } : {}) },
      body: r.filing ? JSON.stringify(r.filing) : r.body,
    });
    if (res.status >= 300) throw new Error(`${r.method ?? 'GET'} ${r.path}: ${res.status} ${(await res.text()).slice(0, 300)}`);
    await res.arrayBuffer();
  }

  // Per 100 requests: what a working day of staff and visitors sends (an estimate: lists and a
  // household's page dominate casework; the public board is anonymous and busy; a sign-in per session).
  const mix: Kind[] = [
    { name: 'household list', weight: 25, requests: lists },
    { name: 'household count', weight: 8, requests: counts },
    { name: 'household detail', weight: 20, requests: details },
    { name: 'filing (POST)', weight: 4, requests: filings },
    { name: 'auth/me', weight: 5, requests: me },
    { name: 'campaign reads', weight: 12, requests: campaignReads },
    { name: 'fund reads', weight: 8, requests: fundReads },
    { name: 'public job board', weight: 17, requests: board },
    { name: 'sign-in', weight: 1, requests: signIns },
  ];
  console.log(`prepared: ${lists.length} list, ${counts.length} count, ${details.length} detail, ${campaignReads.length} campaign, ${fundReads.length} fund, ${board.length} board requests; ${filers.length} filers`);
  console.log(`cores ${os.cpus().length}; load average before timing ${loadAverage()}`);

  const health = await drive(base, [{ name: 'GET /api/health', weight: 1, requests: [{ path: '/api/health' }] }], { connections: BASELINE_CONNECTIONS }, 10);
  printResult(`baseline GET /api/health, ${BASELINE_CONNECTIONS} connections`, health);

  const sorted = [...signInTimes].sort((a, b) => a - b);
  console.log(`sign-in one at a time (the ${sorted.length} above): p50 ${ms(sorted[Math.floor(sorted.length / 2)]).trim()} ms, max ${ms(sorted[sorted.length - 1]).trim()} ms`);
  const signInOnly = await drive(base, [{ name: 'sign-in', weight: 1, requests: signIns }], { connections: 1 }, 10);
  printResult('sign-in, 1 connection', signInOnly, health.perSecond);
  const signInLoad = await drive(base, [{ name: 'sign-in', weight: 1, requests: signIns }], { connections: SIGNIN_CONNECTIONS }, 10);
  printResult(`sign-in, ${SIGNIN_CONNECTIONS} connections`, signInLoad, health.perSecond);

  let peak: DriverResult | null = null;
  let bestClosed: { connections: number; r: DriverResult } | null = null;
  for (const connections of MIX_CONNECTIONS) {
    const r = await drive(base, mix, { connections }, STEP_SECONDS);
    printResult(`mix, closed loop, ${connections} connections`, r, health.perSecond);
    if (!peak || r.perSecond > peak.perSecond) peak = r;
    if (r.total.p95 <= TARGET_P95_MS && r.total.errors === 0 && (!bestClosed || r.perSecond > bestClosed.r.perSecond)) bestClosed = { connections, r };
    if (r.total.p95 > 4 * TARGET_P95_MS) break;
  }
  let best: { rate: number; r: DriverResult } | null = null;
  for (const fraction of RATE_FRACTIONS) {
    const rate = Math.max(1, Math.round(peak!.perSecond * fraction));
    const r = await drive(base, mix, { rate, maxInFlight: 256 }, STEP_SECONDS);
    printResult(`mix, open loop at ${rate} req/s (${Math.round(fraction * 100)}% of the closed-loop peak)`, r, health.perSecond);
    if (r.total.p95 <= TARGET_P95_MS && r.total.errors === 0 && r.dropped === 0 && (!best || rate > best.rate)) best = { rate, r };
  }
  if (bestClosed) printResult(`answer, closed loop: the most answered with the mix's p95 ≤ ${TARGET_P95_MS} ms: ${bestClosed.connections} connections`, bestClosed.r, health.perSecond);
  if (best) printResult(`answer, open loop: the highest rate tried with the mix's p95 ≤ ${TARGET_P95_MS} ms: ${best.rate} req/s offered`, best.r, health.perSecond);
  else console.log(`answer, open loop: no rate tried kept the mix's p95 ≤ ${TARGET_P95_MS} ms`);

  console.log(`server process RSS at the end: ${Math.round(process.memoryUsage().rss / 1048576)} MiB`);
  const sizes = (await database.db.execute(sql`
    select pg_size_pretty(pg_database_size(current_database())) as database,
      pg_size_pretty(pg_total_relation_size('households')) as households, pg_size_pretty(pg_total_relation_size('household_members')) as members,
      pg_size_pretty(pg_total_relation_size('audit_log')) as audit, (select count(*)::int from households) as n, (select count(*)::int from household_members) as m`)) as unknown as {
    rows: Array<Record<string, string | number>>;
  };
  console.log(`sizes with indexes at the end: ${JSON.stringify(sizes.rows[0])}`);
  await app.close();
  await database.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
