/**
 * Public job board benchmark (issue: searching the board with 100,000 published postings answers in
 * 100 ms or less at p95, on PostgreSQL and on the embedded PGlite default).
 *
 * Builds a fresh database with one union org, ENTERPRISES enterprises and POSTINGS published postings
 * (Chinese titles such as 电焊工, 数控车工, 仓库管理员, 会计, 护士 …, their categories, the ten Jiaozuo
 * counties, salaries, education, experience and kinds; published over the last 90 days, valid for
 * 30–180 days more), each with its search terms and duplicate key as the verbs write them, then
 * ANALYZE (on PGlite VACUUM too, as after any bulk write). It serves the real app on loopback and
 * times sequential anonymous requests of GET /api/public/jobs: the first page, a word, a word with
 * filters, filters only, and later pages; the word or filter changes from request to request.
 *
 * Beside each, in the same run and in turn with it, the same query run in-process with no HTTP
 * (`searchBoard`, the board's own query): what the database costs, so app − direct is what HTTP,
 * validation and presentation add. The board's HTML page and the period's figures are timed for
 * information. BENCH_EXPLAIN=1 prints EXPLAIN ANALYZE of each scenario's query.
 *
 *   npm run bench:board                                    (PGlite, in a temporary data directory)
 *   DATABASE_URL=postgres://postgres@127.0.0.1:54329/postgres npm run bench:board
 *   POSTINGS=20000 BENCH_REQUESTS=100 BENCH_EXPLAIN=1 npm run bench:board
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { makeUscc } from '../contracts/cn-ids.js';
import { JobCategory } from '../contracts/employment.js';
import { PublicJobsQuery } from '../contracts/jobs.js';
import { buildApp } from '../server/app.js';
import { bulkInsert } from '../server/db/bulk-insert.js';
import { openDatabase, type Database } from '../server/db/client.js';
import { analyzeAfterBulkWrite } from '../server/db/maintenance.js';
import { enterprises, jobPostings } from '../server/db/schema/index.js';
import { boardStats, boardWhere, searchBoard } from '../server/modules/employment/board/board.queries.js';
import { derivedColumns } from '../server/modules/employment/postings/posting-record.js';
import { insertOrg } from '../server/modules/orgs/create-org.js';
import { systemClock } from '../server/platform/clock.js';
import { addDays, chinaDate } from '../server/platform/dates.js';
import { deriveSecrets } from '../server/platform/secrets.js';

const ENGINE = process.env.ENGINE ?? (process.env.DATABASE_URL ? 'postgres' : 'pglite');
const POSTINGS = Number(process.env.POSTINGS ?? process.argv[2] ?? 100_000);
const ENTERPRISES = Number(process.env.ENTERPRISES ?? 2_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const EXPLAIN = process.env.BENCH_EXPLAIN === '1';
const TARGET_MS = 100;
const DB_NAME = 'uh_bench_board';

/** Job titles with their category: what Jiaozuo's enterprises post. */
const TITLES: Array<[string, (typeof JobCategory.keys)[number]]> = [
  ['电焊工', 'skilled_trade'], ['数控车工', 'skilled_trade'], ['钳工', 'skilled_trade'], ['电工', 'skilled_trade'], ['维修电工', 'skilled_trade'],
  ['铣工', 'skilled_trade'], ['机修工', 'skilled_trade'], ['水电工', 'skilled_trade'], ['叉车司机', 'logistics'], ['货车司机', 'logistics'],
  ['仓库管理员', 'logistics'], ['快递分拣员', 'logistics'], ['配送员', 'logistics'], ['物流专员', 'logistics'], ['普工', 'production'],
  ['装配工', 'production'], ['操作工', 'production'], ['质检员', 'production'], ['包装工', 'production'], ['化验员', 'production'],
  ['会计', 'finance'], ['出纳', 'finance'], ['成本会计', 'finance'], ['审计助理', 'finance'], ['护士', 'health'],
  ['护理员', 'health'], ['药剂师', 'health'], ['康复治疗师', 'health'], ['检验技师', 'health'], ['行政文员', 'admin'],
  ['前台接待', 'admin'], ['人事专员', 'admin'], ['档案管理员', 'admin'], ['销售代表', 'sales'], ['客服专员', 'sales'],
  ['电话销售', 'sales'], ['门店导购', 'sales'], ['收银员', 'sales'], ['厨师', 'catering'], ['面点师', 'catering'],
  ['服务员', 'catering'], ['配菜员', 'catering'], ['保安', 'security'], ['保洁员', 'security'], ['物业管理员', 'security'],
  ['软件工程师', 'it'], ['网络管理员', 'it'], ['前端开发', 'it'], ['机械工程师', 'engineering'], ['电气工程师', 'engineering'],
  ['土建施工员', 'engineering'], ['安全员', 'engineering'], ['造价员', 'engineering'], ['幼儿教师', 'education'], ['培训讲师', 'education'],
  ['保育员', 'education'], ['社区公益岗', 'public_interest'], ['环卫公益岗', 'public_interest'], ['家政服务员', 'other'], ['养殖技术员', 'other'],
];
const SHIFTS = ['', '（长白班）', '（两班倒）', '（一车间）', '（二车间）', '（储备）', '学徒'];
const REGIONS = ['410802', '410803', '410804', '410811', '410821', '410822', '410823', '410825', '410882', '410883'];
const EDUCATION = ['none', 'none', 'junior', 'senior', 'senior', 'college', 'college', 'bachelor', 'master'];
const EXPERIENCE = ['none', 'none', 'graduate', 'one_year', 'three_years', 'five_years'];
const ENTERPRISE_WORDS = ['恒通', '华晟', '永盛', '兴业', '德隆', '东方', '宏达', '远航', '中原', '太行', '怀川', '丰源', '瑞丰', '金诚', '鑫源', '万方'];
const ENTERPRISE_KINDS = ['机械制造有限公司', '新能源有限公司', '物流有限公司', '化工有限公司', '人民医院', '家政服务有限公司', '超市有限公司', '建设工程有限公司', '食品有限公司', '矿业有限公司'];
const DUTIES = ['负责车间设备的日常操作与维护', '按图纸完成零部件加工', '做好交接班记录和现场6S', '服从班组长安排', '完成上级交办的其他工作', '熟悉相关岗位操作规程', '能适应倒班', '有相关证书者优先'];
const BENEFITS = ['缴纳五险一金', '包吃住', '提供工作餐', '节日福利', '带薪年假', '定期体检', '有班车接送', '绩效奖金'];

const seconds = (t0: number) => ((performance.now() - t0) / 1000).toFixed(1) + ' s';
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const summary = (samples: number[]) => {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: pct(s, 50), p95: pct(s, 95), max: s[s.length - 1] };
};
/** A fixed pseudo-random number in [0, n) for (i, salt): the data is the same run after run. */
const pick = (i: number, salt: number, n: number) => Number((BigInt(i) * 2654435761n + BigInt(salt) * 40503n + 12345n) % 4294967296n) % n;

async function openBenchDatabase(): Promise<{ database: Database; dispose: () => Promise<void> }> {
  if (ENGINE === 'pglite') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'uh-bench-board-'));
    const database = await openDatabase({ dataDir });
    return { database, dispose: async () => (await database.close(), fs.rmSync(dataDir, { recursive: true, force: true })) };
  }
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('ENGINE=postgres needs DATABASE_URL (a PostgreSQL server)');
  const pg = (await import('pg')).default;
  const admin = async (text: string) => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(text);
    await c.end();
  };
  await admin(`drop database if exists ${DB_NAME} with (force)`);
  await admin(`create database ${DB_NAME}`);
  const url = new URL(adminUrl);
  url.pathname = `/${DB_NAME}`;
  const database = await openDatabase({ databaseUrl: url.toString() });
  return { database, dispose: async () => (await database.close(), await admin(`drop database if exists ${DB_NAME} with (force)`)) };
}

/** The org, the enterprises and the published postings, written as the verbs would write them. */
async function generate(database: Database, today: string) {
  const { db } = database;
  const org = await insertOrg(db, null, { code: 'BENCH', name: '焦作市总工会（基准测试）', type: 'city_federation', regionCode: '410800' });
  const now = new Date();
  const ents = Array.from({ length: ENTERPRISES }, (_, e) => ({
    id: crypto.randomUUID(),
    orgId: org.id,
    name: `焦作${ENTERPRISE_WORDS[e % ENTERPRISE_WORDS.length]}${ENTERPRISE_WORDS[Math.floor(e / ENTERPRISE_WORDS.length) % ENTERPRISE_WORDS.length]}${ENTERPRISE_KINDS[pick(e, 1, ENTERPRISE_KINDS.length)]}${e}`,
    uscc: makeUscc(`91410800MA${String(e).padStart(7, '0')}`),
    industry: 'manufacturing',
    size: ['large', 'medium', 'small', 'micro'][pick(e, 2, 4)],
    regionCode: REGIONS[pick(e, 3, REGIONS.length)],
    contactName: '李明',
    contactPhone: '0391-3561234',
    priorityPledge: pick(e, 4, 5) === 0,
    createdAt: now,
    updatedAt: now,
  }));
  await db.transaction((tx) => bulkInsert(tx, enterprises, ents));
  const perEnterprise = Math.ceil(POSTINGS / ENTERPRISES);
  const rows: Array<typeof jobPostings.$inferInsert> = [];
  for (let i = 0; i < POSTINGS; i++) {
    const e = ents[i % ENTERPRISES];
    const j = Math.floor(i / ENTERPRISES); // the enterprise's j-th posting: a title of its own
    const [base, category] = TITLES[(pick(i % ENTERPRISES, 5, TITLES.length) + j) % TITLES.length];
    const title = base + SHIFTS[Math.floor(j / TITLES.length) % SHIFTS.length] + (j >= TITLES.length * SHIFTS.length ? `${j}` : '');
    const minYuan = 2000 + pick(i, 6, 60) * 100;
    const description = `岗位职责：${DUTIES[pick(i, 7, DUTIES.length)]}，${DUTIES[pick(i, 8, DUTIES.length)]}。任职要求：${DUTIES[pick(i, 9, DUTIES.length)]}。待遇：${BENEFITS[pick(i, 10, BENEFITS.length)]}，${BENEFITS[pick(i, 11, BENEFITS.length)]}。`;
    const posting = { enterpriseId: e.id, title, description, category, regionCode: REGIONS[pick(i, 12, REGIONS.length)] };
    const publishedAt = new Date(now.getTime() - pick(i, 13, 90 * 24 * 60) * 60_000);
    rows.push({
      ...posting,
      ...derivedColumns(posting, e.name),
      orgId: org.id,
      kind: category === 'public_interest' ? 'public_interest' : pick(i, 14, 40) === 0 ? 'work_study' : 'regular',
      openings: 1 + pick(i, 15, 20),
      salaryMinFen: minYuan * 100,
      salaryMaxFen: (minYuan + 500 + pick(i, 16, 40) * 100) * 100,
      education: EDUCATION[pick(i, 17, EDUCATION.length)],
      experience: EXPERIENCE[pick(i, 18, EXPERIENCE.length)],
      contactName: e.contactName,
      contactPhone: e.contactPhone,
      validUntil: addDays(today, 30 + pick(i, 19, 150)),
      status: 'published',
      submittedAt: publishedAt,
      reviewedAt: publishedAt,
      publishedAt,
      createdAt: publishedAt,
      updatedAt: publishedAt,
    });
  }
  await db.transaction((tx) => bulkInsert(tx, jobPostings, rows, 2000));
  const maintained = await analyzeAfterBulkWrite(db, ['enterprises', 'job_postings']);
  return { perEnterprise, maintained };
}

type Scenario = { what: string; queries: Array<Record<string, string | number>>; target: boolean };

async function main() {
  console.log(`${ENGINE}: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const { database, dispose } = await openBenchDatabase();
  const today = chinaDate(systemClock.now());
  let t0 = performance.now();
  const { maintained } = await generate(database, today);
  const [size] = ((await database.db.execute(sql`select pg_size_pretty(pg_total_relation_size('job_postings')) as table, pg_size_pretty(pg_relation_size('job_postings_search_idx')) as gin, count(*)::int as n from job_postings`)) as unknown as { rows: Array<{ table: string; gin: string; n: number }> }).rows;
  console.log(`generated ${size.n.toLocaleString('en')} published postings of ${ENTERPRISES} enterprises in ${seconds(t0)} (job_postings ${size.table} with indexes, its GIN index ${size.gin}); ${maintained.map((m) => `${m.vacuumed ? 'vacuum analyze' : 'analyze'} ${m.table} ${m.ms.toFixed(0)} ms`).join(', ')}`);

  const app = await buildApp({ db: database.db, clock: systemClock, secrets: deriveSecrets(crypto.randomBytes(32)) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const qs = (q: Record<string, string | number>) => new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)])).toString();

  const words = ['焊工', '司机', '会计', '护士', '仓库', '数控', '保安', '厨师', '电工', '收银', '物流', '工程师', '幼儿', '五险一金', '华晟'];
  const categories = ['skilled_trade', 'logistics', 'production', 'health', 'sales', 'finance', 'catering', 'security'];
  const scenarios: Scenario[] = [
    { what: 'first page (no words, no filters)', queries: [{}], target: true },
    { what: 'a word', queries: words.map((q) => ({ q })), target: true },
    { what: 'a word + region + education + salary', queries: words.map((q, i) => ({ q, region: REGIONS[i % REGIONS.length], education: 'senior', salaryMin: 400_000 })), target: true },
    { what: 'filters only (category + region + salary)', queries: categories.map((category, i) => ({ category, region: REGIONS[(i * 3) % REGIONS.length], salaryMin: 300_000 + (i % 4) * 100_000 })), target: true },
    { what: 'a later page (page 50 of 20)', queries: [{ page: 50 }, { page: 50, category: 'production' }], target: true },
    { what: 'a word, a later page (page 5)', queries: ['司机', '工程师', '五险一金'].map((q) => ({ q, page: 5 })), target: true },
  ];

  const row = (cells: string[]) => console.log([cells[0].padEnd(40), cells[1].padStart(24), cells[2].padStart(26), cells[3].padStart(8), cells[4].padStart(10), ...cells.slice(5)].join('  '));
  console.log(`${REQUESTS} sequential requests per scenario, anonymous, over HTTP on loopback; the words and filters change with each request`);
  row(['GET /api/public/jobs?…', 'app p50 / p95 / max ms', 'direct p50 / p95 / max ms', 'rows', 'matches', `p95 ≤ ${TARGET_MS} ms`]);
  let verdict = true;
  for (const s of scenarios) {
    const parsed = s.queries.map((q) => PublicJobsQuery.parse(Object.fromEntries(Object.entries(q).map(([k, v]) => [k, String(v)]))));
    for (const [i, q] of s.queries.entries()) {
      await fetch(`${base}/api/public/jobs?${qs(q)}`).then((r) => r.json());
      await searchBoard(database.db, today, parsed[i]);
    }
    const appMs: number[] = [];
    const directMs: number[] = [];
    let rows = 0;
    for (let i = 0; i < REQUESTS; i++) {
      const k = i % s.queries.length;
      const direct = async () => {
        const t = performance.now();
        await searchBoard(database.db, today, parsed[k]);
        directMs.push(performance.now() - t);
      };
      if (i % 2 === 1) await direct();
      const t = performance.now();
      const res = await fetch(`${base}/api/public/jobs?${qs(s.queries[k])}`);
      const body = (await res.json()) as { items: unknown[] };
      appMs.push(performance.now() - t);
      if (res.status !== 200) throw new Error(`${qs(s.queries[k])}: ${res.status} ${JSON.stringify(body)}`);
      rows = body.items.length;
      if (i % 2 === 0) await direct();
    }
    const [{ n }] = ((await database.db.execute(sql`select count(*)::int as n from ${jobPostings} join ${enterprises} on ${enterprises.id} = ${jobPostings.enterpriseId} where ${boardWhere(today, parsed[0])}`)) as unknown as { rows: Array<{ n: number }> }).rows;
    const a = summary(appMs);
    const d = summary(directMs);
    const pass = a.p95 <= TARGET_MS;
    if (s.target) verdict &&= pass;
    const f = (x: { p50: number; p95: number; max: number }) => `${x.p50.toFixed(1)} / ${x.p95.toFixed(1)} / ${x.max.toFixed(1)}`;
    row([s.what, f(a), f(d), String(rows), n.toLocaleString('en'), pass ? 'PASS' : 'FAIL']);
    if (EXPLAIN) {
      const where = boardWhere(today, parsed[0]);
      const plan = (await database.db.execute(sql`explain (analyze, buffers) select ${jobPostings.id} from ${jobPostings} join ${enterprises} on ${enterprises.id} = ${jobPostings.enterpriseId} where ${where} order by ${jobPostings.publishedAt} desc, ${jobPostings.id} desc limit ${parsed[0].pageSize + 1} offset ${(parsed[0].page - 1) * parsed[0].pageSize}`)) as unknown as { rows: Array<Record<string, string>> };
      console.log(plan.rows.map((r) => `    ${r['QUERY PLAN']}`).join('\n'));
    }
  }

  // For information: the board's HTML page (a search and the period's figures) and the figures alone.
  for (const [what, url] of [
    ['HTML page /jobs (search + figures)', '/jobs'],
    ['HTML page /jobs?q=焊工', `/jobs?q=${encodeURIComponent('焊工')}`],
    ['GET /api/public/job-stats (30 days)', '/api/public/job-stats'],
    ['GET /api/health (HTTP alone)', '/api/health'],
  ]) {
    const samples: number[] = [];
    for (let i = 0; i < Math.min(REQUESTS, 100); i++) {
      const t = performance.now();
      const res = await fetch(base + url);
      await res.text();
      samples.push(performance.now() - t);
    }
    const a = summary(samples);
    console.log(`${what.padEnd(40)}  ${`${a.p50.toFixed(1)} / ${a.p95.toFixed(1)} / ${a.max.toFixed(1)}`.padStart(24)}  (not a target)`);
  }
  const statsMs: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    await boardStats(database.db, addDays(today, -29 - (i % 5)), addDays(today, -(i % 5)));
    statsMs.push(performance.now() - t);
  }
  const st = summary(statsMs);
  console.log(`${'the figures of 30 days, not kept (direct)'.padEnd(40)}  ${`${st.p50.toFixed(1)} / ${st.p95.toFixed(1)} / ${st.max.toFixed(1)}`.padStart(24)}  (not a target: the board keeps them a minute)`);
  console.log(`verdict over ${POSTINGS.toLocaleString('en')} postings on ${ENGINE}: ${verdict ? 'PASS' : 'FAIL'}, every search's p95 ≤ ${TARGET_MS} ms`);
  await app.close();
  await dispose();
  if (!verdict) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
