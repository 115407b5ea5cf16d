/**
 * Archive list benchmark (issue: p95 ≤ 100 ms with 1,000,000 households in PostgreSQL).
 * Builds a fresh database with the Jiaozuo demo tree and N synthetic households spread over its
 * unions, serves the real app on loopback, and times list requests of three actors (city, district,
 * street level) with and without filters. A baseline in the same run: GET /api/auth/me (session
 * lookup and one small query), so the ratio shows what the list itself costs.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:list -- 1000000
 */
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { buildApp } from '../server/app.js';
import { openDatabase } from '../server/db/client.js';
import { loadDemoData } from '../server/modules/demo/load-demo-data.js';
import { DEMO_PASSWORD } from '../server/modules/demo/demo-accounts.js';
import { systemClock } from '../server/platform/clock.js';
import { deriveSecrets } from '../server/platform/secrets.js';

const N = Number(process.argv[2] ?? 1_000_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);

async function main() {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('set DATABASE_URL to a PostgreSQL server (this benchmark is for PostgreSQL)');
  const pg = (await import('pg')).default;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query('drop database if exists uh_bench_list with (force)');
  await admin.query('create database uh_bench_list');
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = '/uh_bench_list';
  const database = await openDatabase({ databaseUrl: url.toString() });
  const secrets = deriveSecrets(crypto.randomBytes(32));
  await loadDemoData({ db: database.db, clock: systemClock, secrets });

  let t0 = Date.now();
  await database.db.execute(sql`
    with o as (select array_agg(id order by seq) as ids, count(*)::int as n from orgs where type in ('aid_station', 'grassroots_union', 'aid_centre'))
    insert into households (case_no, org_id, status, category, main_cause, secondary_causes, all_causes, name, id_enc, id_hash, id_masked, sex, birth_date,
      phone_masked, employment_form, health, disability_type, household_size, member_school_stages, created_at, updated_at, next_verification_due)
    select 'HH' || lpad(g::text, 10, '0'), o.ids[1 + ((g::bigint * 7919) % o.n)::int],
      (array['archived','archived','archived','archived','applied','checked','visited','in_notice','lifted','closed'])[1 + g % 10],
      (array['deep','relative','accident'])[1 + g % 3],
      (array['serious_illness','unemployed','laid_off','children_schooling','accident','no_work_capacity','other'])[1 + g % 7],
      case when g % 4 = 0 then array['children_schooling'] else '{}'::text[] end,
      array[(array['serious_illness','unemployed','laid_off','children_schooling','accident','no_work_capacity','other'])[1 + g % 7]] || case when g % 4 = 0 then array['children_schooling'] else '{}'::text[] end,
      '职工' || g, 'v1:' || md5(g::text), md5('h' || g::text), '410803********' || lpad((g % 10000)::text, 4, '0'),
      case when g % 2 = 0 then 'M' else 'F' end, date '1960-01-01' + (g % 12000),
      '139****' || lpad((g % 10000)::text, 4, '0'), case when g % 3 = 0 then 'migrant' else 'worker' end, 'healthy', 'none', 1 + g % 5,
      case g % 5 when 0 then array['junior'] when 1 then array['undergraduate'] when 2 then array['primary','senior'] else '{}'::text[] end,
      now() - (g % 1800) * interval '1 day', now() - (g % 900) * interval '1 day', current_date + (g % 400) - 30
    from generate_series(1, ${N}) g, o`);
  // What autovacuum does soon after a bulk load; it sets the visibility map that index-only scans use.
  await database.db.execute(sql`vacuum analyze`);
  console.log(`generated ${N} households in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

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
      const body = (await res.json()) as { total?: number };
      samples.push(performance.now() - t);
      if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
      total = body.total ?? 0;
    }
    samples.sort((a, b) => a - b);
    return { p50: samples[Math.floor(REQUESTS * 0.5)], p95: samples[Math.floor(REQUESTS * 0.95)], total };
  };

  const actors = { city: await signIn('city.admin'), district: await signIn('zz.caseworker'), station: await signIn('fc.caseworker') };
  const baseline = await time(actors.city, '/api/auth/me');
  console.log(`baseline GET /api/auth/me: p50 ${baseline.p50.toFixed(1)} ms, p95 ${baseline.p95.toFixed(1)} ms`);
  const scenarios: Array<[keyof typeof actors, string]> = [
    ['city', '/api/households?page={page}&pageSize=20'],
    ['city', '/api/households?page={page}&pageSize=20&status=archived&category=deep'],
    ['city', '/api/households?page={page}&pageSize=20&schoolStage=undergraduate&sort=caseNo&order=asc'],
    ['city', '/api/households?page={page}&pageSize=20&dueWithinDays=30'],
    ['city', '/api/households?page=1&pageSize=20&q=%E8%81%8C%E5%B7%A51234'],
    ['district', '/api/households?page={page}&pageSize=20'],
    ['district', '/api/households?page={page}&pageSize=50&cause=children_schooling'],
    ['station', '/api/households?page={page}&pageSize=20'],
  ];
  let worst = 0;
  for (const [actor, path] of scenarios) {
    const r = await time(actors[actor], path);
    worst = Math.max(worst, r.p95);
    console.log(`${actor.padEnd(8)} ${path.padEnd(90)} total ${String(r.total).padStart(6)}  p50 ${r.p50.toFixed(1).padStart(6)} ms  p95 ${r.p95.toFixed(1).padStart(6)} ms  (${(r.p95 / baseline.p95).toFixed(1)}x baseline)`);
  }
  console.log(`worst p95 ${worst.toFixed(1)} ms; target ≤ 100 ms: ${worst <= 100 ? 'met' : 'NOT met'}`);
  await app.close();
  await database.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
