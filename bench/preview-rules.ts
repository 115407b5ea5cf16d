/**
 * Rule preview benchmark (issue: p95 ≤ 1 s over 1,000,000 households on PostgreSQL and over 100,000
 * on the embedded PGlite). Builds a fresh database with the Jiaozuo demo tree and N synthetic
 * households with their members (bench/synthetic-archive.ts), serves the real app on loopback, opens a
 * city 金秋助学 campaign and a 特别慰问金 one over every union, and times sequential previews over
 * HTTP: the city's saved rules, the city's unsaved rules (the editor's 试算), a district's view, and the
 * lump sum. Baselines in the same run: a bare `select count(*)` over the same households ⋈ members
 * (and over the households alone, for the lump sum), so the ratios show what the rules cost.
 *
 *   ENGINE=pglite HOUSEHOLDS=100000 npm run bench:preview
 *   ENGINE=postgres DATABASE_URL=postgres://postgres@127.0.0.1:54329/postgres HOUSEHOLDS=1000000 npm run bench:preview
 *
 * On PostgreSQL it works in its own database, uh_bench_preview, dropped at the end.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { CampaignRules, RulePreview } from '../contracts/campaigns.js';
import { buildApp } from '../server/app.js';
import { openDatabase, type Database } from '../server/db/client.js';
import { analyzeAfterBulkWrite, startStatisticsKeeperFor, type StatisticsKeeper } from '../server/db/maintenance.js';
import { DEMO_PASSWORD } from '../server/modules/demo/demo-accounts.js';
import { loadDemoData } from '../server/modules/demo/load-demo-data.js';
import { systemClock } from '../server/platform/clock.js';
import { deriveSecrets } from '../server/platform/secrets.js';
import { generateArchive } from './synthetic-archive.js';

const ENGINE = process.env.ENGINE ?? (process.env.DATABASE_URL ? 'postgres' : 'pglite');
const N = Number(process.env.HOUSEHOLDS ?? process.argv[2] ?? (ENGINE === 'pglite' ? 100_000 : 1_000_000));
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 40);
const DB_NAME = 'uh_bench_preview';
const TARGET_MS = 1000;

/** 金秋助学 as a city would set it: 2× the 低保 line in four districts, 1,500 元 elsewhere. */
const GOLDEN_AUTUMN: CampaignRules = {
  householdStatuses: ['archived'],
  categories: ['deep', 'relative'],
  allowUnfiled: true,
  incomeThreshold: {
    defaultMonthlyFen: 150000,
    regions: [
      { regionCode: '410802', dibaoMonthlyFen: 64000, multiplePercent: 200 },
      { regionCode: '410803', dibaoMonthlyFen: 62000, multiplePercent: 200 },
      { regionCode: '410811', dibaoMonthlyFen: 64000, multiplePercent: 200 },
      { regionCode: '410882', dibaoMonthlyFen: 58000, multiplePercent: 250 },
    ],
  },
  stages: ['senior', 'vocational', 'college', 'undergraduate', 'postgraduate'],
  amounts: [
    { stage: 'senior', filedFen: 300000, unfiledFen: 200000 },
    { stage: 'vocational', filedFen: 300000, unfiledFen: 200000 },
    { stage: 'college', filedFen: 500000, unfiledFen: 400000 },
    { stage: 'undergraduate', filedFen: 500000, unfiledFen: 400000 },
    { stage: 'postgraduate', filedFen: 500000, unfiledFen: 400000 },
  ],
  householdAmountFen: null,
  inKindItems: [{ item: '行李箱', quantity: 1, stages: ['college', 'undergraduate'] }],
  exclusions: { governmentAided: true, militaryAcademy: true, freeNormal: true },
};
/** What the editor sends while trying a lower line and the primary and junior stages too. */
const EDITED: CampaignRules = {
  ...GOLDEN_AUTUMN,
  incomeThreshold: { defaultMonthlyFen: 120000, regions: GOLDEN_AUTUMN.incomeThreshold.regions },
  stages: ['primary', 'junior', ...GOLDEN_AUTUMN.stages],
  amounts: [{ stage: 'primary', filedFen: 100000, unfiledFen: 50000 }, { stage: 'junior', filedFen: 150000, unfiledFen: 100000 }, ...GOLDEN_AUTUMN.amounts],
};
const LUMP_SUM: CampaignRules = {
  householdStatuses: ['archived'],
  categories: ['deep', 'relative', 'accident'],
  allowUnfiled: false,
  incomeThreshold: { defaultMonthlyFen: null, regions: [] },
  stages: [],
  amounts: [],
  householdAmountFen: 100000,
  inKindItems: [],
  exclusions: { governmentAided: false, militaryAcademy: false, freeNormal: false },
};

async function openBenchDatabase(): Promise<{ database: Database; dispose: () => Promise<void> }> {
  if (ENGINE === 'pglite') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'uh-bench-preview-'));
    const database = await openDatabase({ dataDir });
    return { database, dispose: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  }
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('ENGINE=postgres needs DATABASE_URL (a PostgreSQL server)');
  const pg = (await import('pg')).default;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(statement);
    await client.end();
  };
  await admin(`drop database if exists ${DB_NAME} with (force)`);
  await admin(`create database ${DB_NAME}`);
  const url = new URL(adminUrl);
  url.pathname = `/${DB_NAME}`;
  const database = await openDatabase({ databaseUrl: url.toString() });
  return { database, dispose: () => admin(`drop database if exists ${DB_NAME} with (force)`) };
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/**
 * Wall time, and this process's CPU time per call: on PGlite the engine runs in this process, so the
 * CPU time is the request's own work whatever else the machine is doing (wall time is not).
 */
async function timeIt(what: () => Promise<void>) {
  await what(); // warm: plans, caches
  const samples: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    await what();
    const used = process.cpuUsage(c);
    samples.push(performance.now() - t);
    cpu.push((used.user + used.system) / 1000);
  }
  samples.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { p50: pct(samples, 50), p95: pct(samples, 95), max: samples[samples.length - 1], cpuP50: pct(cpu, 50) };
}

const load = () => os.loadavg().map((l) => l.toFixed(1)).join(' ');

async function main() {
  console.log(`${os.cpus().length} cores, load average ${load()}`);
  const { database, dispose } = await openBenchDatabase();
  const secrets = deriveSecrets(crypto.randomBytes(32));
  await loadDemoData({ db: database.db, clock: systemClock, secrets });
  let t0 = Date.now();
  const { members } = await generateArchive(database, N, { members: true });
  console.log(`${ENGINE}: generated ${N} households and ${members} members in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  let keeper: StatisticsKeeper | null = null;
  if (ENGINE === 'pglite') {
    t0 = Date.now();
    const done = await analyzeAfterBulkWrite(database.db, ['households', 'household_members']);
    console.log(`analyzeAfterBulkWrite: ${done.map((d) => `${d.table} ${d.ms.toFixed(0)} ms${d.vacuumed ? ' (vacuum + analyze)' : ''}`).join(', ')}`);
    keeper = await startStatisticsKeeperFor(database.db);
    await keeper!.runOnce();
  }

  const app = await buildApp({ db: database.db, clock: systemClock, secrets, signInRateLimit: 1000 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const signIn = async (username: string) => {
    const res = await fetch(`${base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
    if (res.status !== 200) throw new Error(`sign-in ${username}: ${res.status}`);
    return { cookie: res.headers.get('set-cookie')!.split(';')[0], csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
  };
  type Who = Awaited<ReturnType<typeof signIn>>;
  const post = async <T>(who: Who, url: string, body: unknown): Promise<T> => {
    const res = await fetch(base + url, { method: 'POST', headers: { 'content-type': 'application/json', cookie: who.cookie, 'x-csrf-token': who.csrf }, body: JSON.stringify(body) });
    const json = (await res.json()) as T;
    if (res.status >= 300) throw new Error(`${url}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  const city = await signIn('city.admin');
  const district = await signIn('zz.caseworker');

  const idOf = async (code: string) => ((await database.db.execute(sql`select id from orgs where code = ${code}`)) as unknown as { rows: Array<{ id: string }> }).rows[0].id;
  const cityId = await idOf('JZ');
  const unions = ((await database.db.execute(sql`select id from orgs where parent_id = ${cityId} order by seq`)) as unknown as { rows: Array<{ id: string }> }).rows;
  const campaign = async (code: string, kind: 'per_student' | 'per_household', rules: CampaignRules) => {
    const program = await post<{ id: string }>(city, '/api/programs', { code, name: kind === 'per_student' ? '金秋助学' : '特别慰问金', kind });
    const { id } = await post<{ id: string }>(city, '/api/campaigns', {
      programId: program.id,
      orgId: cityId,
      name: kind === 'per_student' ? '2026年金秋助学' : '2026年特别慰问金',
      year: 2026,
      applyFrom: '2026-06-01',
      applyTo: '2026-09-30',
      rules,
      participants: unions.map((u) => ({ orgId: u.id, budgetFen: 100_000_000 })),
    });
    return id;
  };
  const golden = await campaign('BENCH-JQ', 'per_student', GOLDEN_AUTUMN);
  const lumpSum = await campaign('BENCH-WW', 'per_household', LUMP_SUM);
  console.log(`campaigns over ${unions.length} participants (every union under the city)`);

  const count = async (statement: ReturnType<typeof sql>) => {
    const rows = ((await database.db.execute(statement)) as unknown as { rows: Array<{ n: number }> }).rows;
    return Number(rows[0].n);
  };
  const joinCount = sql`select count(*) as n from households h join household_members m on m.household_id = h.id`;
  const householdCount = sql`select count(*) as n from households`;
  const pairs = await count(joinCount);
  const baselineJoin = await timeIt(async () => void (await count(joinCount)));
  const baselineHouseholds = await timeIt(async () => void (await count(householdCount)));
  const cpuNote = (r: typeof baselineJoin) => (ENGINE === 'pglite' ? `, cpu ${r.cpuP50.toFixed(0)} ms` : '');
  console.log(`baseline select count(*) households ⋈ members (${pairs} rows): p50 ${baselineJoin.p50.toFixed(0)} ms, p95 ${baselineJoin.p95.toFixed(0)} ms${cpuNote(baselineJoin)}`);
  console.log(`baseline select count(*) households (${await count(householdCount)} rows): p50 ${baselineHouseholds.p50.toFixed(0)} ms, p95 ${baselineHouseholds.p95.toFixed(0)} ms${cpuNote(baselineHouseholds)}`);

  const scenarios: Array<[string, Who, string, object, typeof baselineJoin]> = [
    ['city, 金秋助学, saved rules', city, golden, {}, baselineJoin],
    ['city, 金秋助学, unsaved rules (试算)', city, golden, { rules: EDITED }, baselineJoin],
    ['district (中站区), 金秋助学', district, golden, {}, baselineJoin],
    ['city, 特别慰问金 (households only)', city, lumpSum, {}, baselineHouseholds],
  ];
  let worst = 0;
  for (const [what, who, id, body, baseline] of scenarios) {
    let last: RulePreview | null = null;
    const r = await timeIt(async () => void (last = await post<RulePreview>(who, `/api/campaigns/${id}/preview`, body)));
    worst = Math.max(worst, r.p95);
    const p = last! as RulePreview;
    const students = p.students ? `, students ${p.students.qualifying}/${p.students.inScope}` : '';
    console.log(
      `${what.padEnd(36)} p50 ${r.p50.toFixed(0).padStart(5)} ms  p95 ${r.p95.toFixed(0).padStart(5)} ms  (${(r.p50 / baseline.p50).toFixed(1)}x / ${(r.p95 / baseline.p95).toFixed(1)}x baseline)${cpuNote(r)}  households ${p.households.qualifying}/${p.households.inScope}${students}, ${(p.estimatedAmountFen / 1_000_000).toFixed(4)} 万元`,
    );
  }
  console.log(`worst p95 ${worst.toFixed(0)} ms over ${N} households (${REQUESTS} sequential requests each); target ≤ ${TARGET_MS} ms: ${worst <= TARGET_MS ? 'met' : 'NOT met'}; load average ${load()}`);

  await keeper?.stop();
  await app.close();
  await database.close();
  await dispose();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
