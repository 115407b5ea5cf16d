/**
 * Funds ledger benchmark (issue: with 5,000,000 postings on PostgreSQL, a fund's balance and a month's
 * statement page each answer in 50 ms or less at p95; beside them, the same queries' raw SQL time).
 *
 * Builds its own database (uh_bench_ledger) with the Jiaozuo demo tree, opens a fund at the city
 * federation and four at district federations (openFund), and writes POSTINGS / 2 balanced entries
 * over the five years 2021–2025 in set-based SQL: donations into the funds and payments out, with now
 * and then a payment reversed, so that no fund's running balance ever goes below zero. Half the entries
 * are the city fund's. The load runs with session_replication_role = replica (the per-row triggers
 * off), then sets what the triggers keep (ledger_accounts.balance_fen, ledger_account_months) by one
 * GROUP BY each, runs VACUUM ANALYZE (what autovacuum does soon after a bulk load), and proves the books
 * agree with reconcileLedger and a running-balance check before anything is timed.
 *
 * Then it serves the real app on loopback, signs in the city's finance officer, and times sequential
 * requests: the fund (GET /api/funds/:id), a month's first statement page and a later page of it (a
 * cursor half-way through the month), the month changing from request to request. Every request's SQL
 * is recorded at the pool; the statements of the funds module (those reading funds, ledger_* and
 * journal_* tables) are then run again, back to back over one direct connection, in turn with the app's
 * requests: the raw SQL time, so app/raw is what the HTTP layer, the session and the code add. "SQL
 * (fund's)" counts a request's statements and, in brackets, the replayed ones. A statement of the whole
 * history (what the page asks for when no period is given) is timed too, for information: not a target.
 * BENCH_EXPLAIN=1 prints EXPLAIN (ANALYZE, BUFFERS) of the replayed statements at the end.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:54329/postgres npm run bench:ledger
 *   POSTINGS=500000 BENCH_REQUESTS=300 BENCH_EXPLAIN=1 npm run bench:ledger
 *   BENCH_REUSE=1 npm run bench:ledger   (keeps the database, and reuses it next time: no generation)
 */
import crypto from 'node:crypto';
import os from 'node:os';
import { sql } from 'drizzle-orm';
import type pgTypes from 'pg';
import { buildApp } from '../server/app.js';
import { openDatabase, type Database } from '../server/db/client.js';
import { funds, ledgerAccounts, orgs } from '../server/db/schema/index.js';
import { DEMO_PASSWORD } from '../server/modules/demo/demo-accounts.js';
import { loadDemoData } from '../server/modules/demo/load-demo-data.js';
import { openFund } from '../server/modules/funds/ledger/ledger-accounts.js';
import { reconcileLedger } from '../server/modules/funds/ledger/reconcile-ledger.js';
import { systemClock } from '../server/platform/clock.js';
import type { Ctx } from '../server/platform/context.js';
import { deriveSecrets } from '../server/platform/secrets.js';

const ADMIN_URL = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const POSTINGS = Number(process.env.POSTINGS ?? process.argv[2] ?? 5_000_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const WHOLE_REQUESTS = Number(process.env.BENCH_WHOLE_REQUESTS ?? 20);
const REUSE = process.env.BENCH_REUSE === '1';
const EXPLAIN = process.env.BENCH_EXPLAIN === '1';
const DB_NAME = 'uh_bench_ledger';
const TARGET_MS = 50;
const FIRST_DAY = '2021-01-01';
const DAYS = 1826; // 2021-01-01 … 2025-12-31
const BENCH_FUND = '基准测试：市总工会帮扶资金';
const OTHER_FUNDS = 4;

type Pg = typeof pgTypes;
type QueryConfig = { text: string; values?: unknown[] };
const FUND_TABLES = /\b(funds|ledger_accounts|ledger_account_months|journal_postings|journal_entries)\b/;

const seconds = (t0: number) => ((performance.now() - t0) / 1000).toFixed(1) + ' s';
const load = () => os.loadavg().map((l) => l.toFixed(1)).join(' ');
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const summary = (samples: number[]) => {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: pct(s, 50), p95: pct(s, 95), max: s[s.length - 1] };
};

async function withClient<T>(pg: Pg, url: string, work: (c: pgTypes.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The bench's own database: a new one, or with BENCH_REUSE=1 the one a previous run left. */
async function openBenchDatabase(pg: Pg, fresh: boolean) {
  if (!ADMIN_URL) throw new Error('DATABASE_URL (or TEST_DATABASE_URL) must name a PostgreSQL server');
  const url = new URL(ADMIN_URL);
  url.pathname = `/${DB_NAME}`;
  const exists = await withClient(pg, ADMIN_URL, async (c) => (await c.query('select 1 from pg_database where datname = $1', [DB_NAME])).rowCount === 1);
  if (fresh || !exists) {
    await withClient(pg, ADMIN_URL, async (c) => {
      await c.query(`drop database if exists ${DB_NAME} with (force)`);
      await c.query(`create database ${DB_NAME}`);
    });
  }
  const database = await openDatabase({ databaseUrl: url.toString() });
  const dispose = async () => {
    await database.close();
    if (!REUSE) await withClient(pg, ADMIN_URL, (c) => c.query(`drop database if exists ${DB_NAME} with (force)`));
  };
  return { database, url: url.toString(), dispose };
}

interface BenchFund {
  fundId: string;
  orgId: string;
  balanceAccountId: string;
  donationsAccountId: string;
  paidOutAccountId: string;
}

/** The city fund first, then one fund at each of the first district federations. */
async function openBenchFunds(database: Database): Promise<BenchFund[]> {
  const rows = (await database.db.execute(sql`
    select o.id, o.code from orgs o left join orgs p on p.id = o.parent_id
    where o.parent_id is null or p.parent_id is null order by o.depth, o.seq limit ${OTHER_FUNDS + 1}`)) as unknown as { rows: Array<{ id: string; code: string }> };
  if (rows.rows.length !== OTHER_FUNDS + 1) throw new Error(`the demo tree has ${rows.rows.length - 1} orgs under the city, ${OTHER_FUNDS} wanted`);
  const ctx: Ctx = { db: database.db, clock: systemClock, secrets: deriveSecrets(crypto.randomBytes(32)), actor: null, requestId: 'bench-ledger' };
  return database.db.transaction(async (tx) => {
    const out: BenchFund[] = [];
    for (const [i, org] of rows.rows.entries()) {
      const { fund, accounts } = await openFund(tx, ctx, { orgId: org.id, name: i === 0 ? BENCH_FUND : `基准测试：${org.code} 帮扶资金`, purpose: 'bench/ledger-statement.ts' });
      out.push({ fundId: fund.id, orgId: org.id, balanceAccountId: accounts.fund_balance.id, donationsAccountId: accounts.donations.id, paidOutAccountId: accounts.paid_out.id });
    }
    return out;
  });
}

/** The funds a previous run left (BENCH_REUSE=1), in the same order, or null unless its load of `postings` committed. */
async function findBenchFunds(database: Database, postings: number): Promise<BenchFund[] | null> {
  const rows = (await database.db.execute(sql`
    select f.id as "fundId", f.org_id as "orgId",
      max(a.id::text) filter (where a.kind = 'fund_balance') as "balanceAccountId",
      max(a.id::text) filter (where a.kind = 'donations') as "donationsAccountId",
      max(a.id::text) filter (where a.kind = 'paid_out') as "paidOutAccountId"
    from ${funds} f join ${ledgerAccounts} a on a.fund_id = f.id join ${orgs} o on o.id = f.org_id
    where f.purpose = 'bench/ledger-statement.ts'
    group by f.id, f.org_id, o.depth, o.seq
    order by o.depth, o.seq`)) as unknown as { rows: BenchFund[] };
  if (rows.rows.length !== OTHER_FUNDS + 1) return null;
  const [{ n }] = ((await database.db.execute(sql`select coalesce(sum(postings), 0)::int as n from ledger_account_months where account_id in (
    select id from ledger_accounts where fund_id in ${rows.rows.map((r) => r.fundId)})`)) as unknown as { rows: Array<{ n: number }> }).rows;
  return n === Math.floor(postings / 2) * 2 ? rows.rows : null;
}

/**
 * Entry g (1…n) belongs to the city fund when g is even, else to one of the others in turn; k is its
 * number within its fund. Every third of a fund's entries (k % 3 = 0) pays 100–900 元 out, the two
 * before it bring 500–1,000 元 each in, so a fund's balance never goes below zero; every 3,000th
 * (k % 3000 = 1) instead reverses the payment just before it. Dates rise with g over the five years,
 * and posting ids with g, so the statement's order (date, posting) is the order of g.
 */
function entriesSql(n: number) {
  return `
    with x as (
      select g, fi, k, (date '${FIRST_DAY}' + ((g - 1) * ${DAYS} / ${n})::int) as day,
        case when k % 3 = 0 then 'payment' when k % 3000 = 1 and k > 1 then 'reversal' else 'donation' end as kind,
        g - case when fi = 0 then 2 else 2 * ${OTHER_FUNDS} end as prev
      from (select g, case when g % 2 = 0 then 0 else 1 + ((g - 1) / 2) % ${OTHER_FUNDS} end as fi,
                   case when g % 2 = 0 then g / 2 else (g - 1) / 2 / ${OTHER_FUNDS} + 1 end as k
            from generate_series(1::bigint, ${n}::bigint) g) s)
    select x.*, md5('uh-bench-entry:' || g)::uuid as id,
      case kind when 'donation' then 50000 + (g * 7919) % 50000 when 'payment' then -(10000 + (g * 104729) % 80000) else 10000 + (prev * 104729) % 80000 end as fen
    from x`;
}

async function generate(url: string, pg: Pg, fundsInBench: BenchFund[], postings: number) {
  const entries = Math.floor(postings / 2);
  const ids = (key: keyof BenchFund) => fundsInBench.map((f) => f[key]);
  const accountIds = fundsInBench.flatMap((f) => [f.balanceAccountId, f.donationsAccountId, f.paidOutAccountId]);
  const steps: string[] = [];
  await withClient(pg, url, async (c) => {
    await c.query('begin');
    // The load writes what the triggers would, in bulk: they (and the foreign keys' checks) are off for it.
    await c.query('set local session_replication_role = replica');
    let t = performance.now();
    await c.query(
      `insert into journal_entries (id, org_id, kind, memo, occurred_on, reverses_id, created_by, created_at)
       select id, ($1::uuid[])[fi + 1], kind,
         case kind when 'donation' then '捐款：爱心人士' || (g % 9973) when 'payment' then '发放：困难职工救助金 第' || k || '笔' else '冲正：银行退回' end,
         day, case when kind = 'reversal' then md5('uh-bench-entry:' || prev)::uuid end, null,
         day + interval '9 hours' + (g % 28800) * interval '1 second'
       from (${entriesSql(entries)}) e`,
      [ids('orgId')],
    );
    steps.push(`entries ${seconds(t)}`);
    t = performance.now();
    await c.query(
      `insert into journal_postings (entry_id, account_id, amount_fen, occurred_on)
       select e.id, case when side = 1 then ($1::uuid[])[fi + 1] when kind = 'donation' then ($2::uuid[])[fi + 1] else ($3::uuid[])[fi + 1] end,
         case when side = 1 then fen else -fen end, day
       from (${entriesSql(entries)}) e, lateral (values (1), (2)) s(side)`,
      [ids('balanceAccountId'), ids('donationsAccountId'), ids('paidOutAccountId')],
    );
    steps.push(`postings ${seconds(t)}`);
    t = performance.now();
    await c.query(
      `update ledger_accounts a set balance_fen = a.balance_fen + s.fen
       from (select account_id, sum(amount_fen) as fen from journal_postings where account_id = any($1::uuid[]) group by account_id) s
       where a.id = s.account_id`,
      [accountIds],
    );
    await c.query(
      `insert into ledger_account_months (account_id, month, net_fen, in_fen, out_fen, postings)
       select account_id, date_trunc('month', occurred_on)::date, sum(amount_fen), coalesce(sum(amount_fen) filter (where amount_fen > 0), 0),
         coalesce(-sum(amount_fen) filter (where amount_fen < 0), 0), count(*) from journal_postings where account_id = any($1::uuid[]) group by 1, 2
       on conflict (account_id, month) do update set net_fen = ledger_account_months.net_fen + excluded.net_fen, in_fen = ledger_account_months.in_fen + excluded.in_fen,
         out_fen = ledger_account_months.out_fen + excluded.out_fen, postings = ledger_account_months.postings + excluded.postings`,
      [accountIds],
    );
    steps.push(`balances and month totals ${seconds(t)}`);
    await c.query('commit');
    t = performance.now();
    await c.query('vacuum (analyze) journal_entries, journal_postings, ledger_accounts, ledger_account_months');
    steps.push(`vacuum analyze ${seconds(t)}`);
  });
  return steps.join(', ');
}

/** The books agree (reconcileLedger), and no fund's balance went below zero at any row of its statement. */
async function proveBooks(database: Database, url: string, pg: Pg, fundsInBench: BenchFund[]) {
  let t = performance.now();
  const r = await reconcileLedger(database.db);
  const reconciled = seconds(t);
  if (r.differences.length || r.unbalancedEntries.length || r.monthDifferences.length)
    throw new Error(`the books do not agree: ${JSON.stringify({ differences: r.differences.slice(0, 5), unbalanced: r.unbalancedEntries.length, months: r.monthDifferences.length })}`);
  t = performance.now();
  const [low] = await withClient(pg, url, async (c) => {
    await c.query(`set work_mem = '256MB'`);
    return (
      await c.query(
        `select min(running)::text as lowest, count(*)::text as n from (
           select sum(amount_fen) over (partition by account_id order by occurred_on, id) as running from journal_postings where account_id = any($1::uuid[])) s`,
        [fundsInBench.map((f) => f.balanceAccountId)],
      )
    ).rows as Array<{ lowest: string; n: string }>;
  });
  if (Number(low.lowest) < 0) throw new Error(`a fund's running balance went below zero: ${low.lowest} fen`);
  console.log(
    `reconcileLedger: ${r.accountsChecked} accounts, 0 differences, 0 unbalanced entries, 0 month differences (${reconciled}); ` +
      `lowest running balance over ${low.n} fund-balance rows ${(Number(low.lowest) / 100).toFixed(2)} 元 (${seconds(t)})`,
  );
}

async function main() {
  console.log(`${os.cpus().length} cores, load average ${load()}`);
  const pg = (await import('pg')).default;
  let { database, url, dispose } = await openBenchDatabase(pg, !REUSE);
  let benchFunds = REUSE ? await findBenchFunds(database, POSTINGS) : null;
  if (REUSE && !benchFunds) {
    await database.close();
    ({ database, url, dispose } = await openBenchDatabase(pg, true));
  }
  const secrets = deriveSecrets(crypto.randomBytes(32));
  let t0 = performance.now();
  await loadDemoData({ db: database.db, clock: systemClock, secrets });

  if (benchFunds) console.log(`BENCH_REUSE=1: reusing ${DB_NAME} as a previous run left it (no generation)`);
  else {
    console.log(`demo tree and accounts in ${seconds(t0)}`);
    benchFunds = await openBenchFunds(database);
    t0 = performance.now();
    const steps = await generate(url, pg, benchFunds, POSTINGS);
    console.log(`generated ${Math.floor(POSTINGS / 2) * 2} postings (${Math.floor(POSTINGS / 2)} entries, ${OTHER_FUNDS + 1} funds, ${DAYS} days) in ${seconds(t0)}: ${steps}`);
  }
  await proveBooks(database, url, pg, benchFunds);
  const fund = benchFunds[0];
  const sizes = (
    (await database.db.execute(sql`
      select pg_size_pretty(pg_database_size(current_database())) as db,
        pg_size_pretty(pg_total_relation_size('journal_postings')) as postings, pg_size_pretty(pg_total_relation_size('journal_entries')) as entries,
        (select count(*) from journal_postings)::int as "allPostings",
        (select sum(postings) from ledger_account_months where account_id = ${fund.balanceAccountId})::int as "fundRows"`)) as unknown as {
      rows: Array<{ db: string; postings: string; entries: string; allPostings: number; fundRows: number }>;
    }
  ).rows[0];
  console.log(
    `database ${sizes.db} (journal_postings ${sizes.postings}, journal_entries ${sizes.entries}, with indexes); ${sizes.allPostings} postings, ` +
      `${sizes.fundRows} of them on the benchmarked fund's balance account (its statement rows)`,
  );

  // Every request's SQL, as the app's pool sends it.
  const pool = (database.db as unknown as { $client: pgTypes.Pool }).$client;
  let recording: QueryConfig[] | null = null;
  const send = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
  (pool as unknown as { query: (...args: unknown[]) => Promise<unknown> }).query = (...args: unknown[]) => {
    if (recording) {
      const [q, values] = args as [string | QueryConfig, unknown[] | undefined];
      recording.push(typeof q === 'string' ? { text: q, values } : { text: q.text, values: values ?? q.values });
    }
    return send(...args);
  };

  const app = await buildApp({ db: database.db, clock: systemClock, secrets, signInRateLimit: 1000 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const signIn = await fetch(`${base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'finance', password: DEMO_PASSWORD }) });
  if (signIn.status !== 200) throw new Error(`sign-in: ${signIn.status}`);
  const cookie = signIn.headers.get('set-cookie')!.split(';')[0];

  /** One app request; its SQL recorded. */
  const request = async (path: string) => {
    const statements: QueryConfig[] = [];
    recording = statements;
    const t = performance.now();
    const res = await fetch(base + path, { headers: { cookie } });
    const body = (await res.json()) as Record<string, unknown>;
    const ms = performance.now() - t;
    recording = null;
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
    return { ms, body, statements };
  };

  const raw = new pg.Client({ connectionString: url });
  await raw.connect();
  const runRaw = async (statements: QueryConfig[]) => {
    const t = performance.now();
    for (const s of statements) await raw.query({ text: s.text, values: s.values });
    return performance.now() - t;
  };

  const months = Array.from({ length: 60 }, (_, i) => {
    const from = new Date(Date.UTC(2021, i, 1));
    const to = new Date(Date.UTC(2021, i + 1, 0));
    return { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
  });
  /** A cursor half-way through each month: the page after it reads half the month for its opening. */
  const middles = await withClient(pg, url, async (c) => {
    const out: string[] = [];
    for (const m of months) {
      const { rows } = await c.query(
        `select occurred_on::text as day, id::text from journal_postings where account_id = $1 and occurred_on between $2::date and $3::date
         order by occurred_on, id offset (select count(*) / 2 from journal_postings where account_id = $1 and occurred_on between $2::date and $3::date) limit 1`,
        [fund.balanceAccountId, m.from, m.to],
      );
      out.push(`${rows[0].day}~${rows[0].id}`);
    }
    return out;
  });
  const statement = (i: number, after?: string) =>
    `/api/funds/${fund.fundId}/statement?from=${months[i].from}&to=${months[i].to}&pageSize=50${after ? `&after=${encodeURIComponent(after)}` : ''}`;

  const scenarios: Array<{ what: string; paths: string[]; target: boolean; n: number }> = [
    { what: 'the fund (balance and figures)', paths: [`/api/funds/${fund.fundId}`], target: true, n: REQUESTS },
    { what: "a month's first statement page", paths: months.map((_, i) => statement(i)), target: true, n: REQUESTS },
    { what: "a month's later page (cursor mid-month)", paths: months.map((_, i) => statement(i, middles[i])), target: true, n: REQUESTS },
    { what: 'whole history, first page (no period given)', paths: [`/api/funds/${fund.fundId}/statement?pageSize=50`], target: false, n: WHOLE_REQUESTS },
  ];

  console.log(`${REQUESTS} sequential requests per scenario over HTTP on loopback as the city's finance officer; the month changes with each request over ${months.length} months`);
  const row = (cells: string[]) => console.log([cells[0].padEnd(44), ...cells.slice(1, 5).map((c, i) => c.padStart([24, 28, 12, 5][i])), cells[5].padStart(12), ...cells.slice(6)].join('  '));
  row(['', 'app p50 / p95 / max ms', 'raw SQL p50 / p95 / max ms', 'app/raw p50', 'p95', "SQL (fund's)", 'p95 ≤ 50 ms']);
  let verdict = true;
  for (const s of scenarios) {
    // Warm-up: one request per path (plans, caches), which also records the fund's statements to replay.
    const fundStatements = new Map<string, QueryConfig[]>();
    let perRequest = 0;
    for (const p of s.paths) {
      const r = await request(p);
      perRequest = r.statements.length;
      fundStatements.set(p, r.statements.filter((q) => FUND_TABLES.test(q.text)));
      await runRaw(fundStatements.get(p)!);
    }
    const app: number[] = [];
    const rawMs: number[] = [];
    let last: Record<string, unknown> = {};
    for (let i = 0; i < s.n; i++) {
      const p = s.paths[i % s.paths.length];
      // In turn, A B then B A, so neither side always finds the other's pages warm.
      if (i % 2 === 1) rawMs.push(await runRaw(fundStatements.get(p)!));
      const r = await request(p);
      app.push(r.ms);
      last = r.body;
      if (i % 2 === 0) rawMs.push(await runRaw(fundStatements.get(p)!));
    }
    const a = summary(app);
    const b = summary(rawMs);
    const pass = a.p95 <= TARGET_MS;
    if (s.target) verdict &&= pass;
    const f = (x: { p50: number; p95: number; max: number }) => `${x.p50.toFixed(1)} / ${x.p95.toFixed(1)} / ${x.max.toFixed(1)}`;
    const shape = 'items' in last ? `${(last.items as unknown[]).length} rows of ${last.rowCount}` : `balance ${((last.balanceFen as number) / 100).toFixed(2)} 元`;
    const ratio = (x: number, y: number) => `${(x / y).toFixed(1)}x`;
    const sqlCount = `${perRequest} (${fundStatements.get(s.paths[0])!.length})`;
    row([s.what, f(a), f(b), ratio(a.p50, b.p50), ratio(a.p95, b.p95), sqlCount, s.target ? (pass ? 'PASS' : 'FAIL') : `(not a target, ${s.n} requests)`, shape]);
  }
  console.log(`verdict over ${POSTINGS.toLocaleString('en')} postings: ${verdict ? 'PASS' : 'FAIL'}, every target p95 ≤ ${TARGET_MS} ms; load average ${load()}`);

  if (EXPLAIN) {
    for (const [what, path] of [
      ['first page', statement(30)],
      ['later page', statement(30, middles[30])],
      ['whole history', `/api/funds/${fund.fundId}/statement?pageSize=50`],
    ] as const) {
      const r = await request(path);
      for (const q of r.statements.filter((s) => FUND_TABLES.test(s.text))) {
        const { rows } = await raw.query({ text: `explain (analyze, buffers) ${q.text}`, values: q.values });
        console.log(`\n-- ${what}: ${q.text.replace(/\s+/g, ' ').slice(0, 160)}\n${rows.map((x: Record<string, string>) => x['QUERY PLAN']).join('\n')}`);
      }
    }
  }

  await raw.end();
  await app.close();
  await dispose();
  if (!verdict) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
