/**
 * A city-scale reach worklist (通知到人): N households on file (default 100,000) with a studying child
 * each (stages and enrolment years spread, a spouse in every second), last year's campaign of the
 * program with grants to one in fifty children; the worklist built for the whole city on the job
 * runner while a prober asks for a page of the worklist every 100 ms (the embedded engine must keep
 * answering), then the reads a union's staff make: a page, the report, a drill-down, the not-applied
 * list and the export.
 *
 *   npx tsx bench/worklist-build.ts [N]          (embedded PGlite)
 *   TEST_DATABASE_URL=postgres://… npx tsx bench/worklist-build.ts [N]
 */
import { sql } from 'drizzle-orm';
import { goldenAutumnRules, makeCampaign } from '../server/test-support/campaign-fixtures.js';
import { createTestApp } from '../server/test-support/test-app.js';

const n = Number(process.argv[2] ?? 100_000);
const t = await createTestApp();
await t.createUser('organiser', 'A', ['org_admin']);
await t.createUser('prober', 'A', ['org_admin']);
const [organiser, prober] = await Promise.all([t.signIn('organiser'), t.signIn('prober')]);
const { campaignId, programId } = await makeCampaign(t, organiser, { orgName: 'A', participants: ['A'], rules: goldenAutumnRules() });
const lastYear = await organiser.post('/api/campaigns', {
  programId, orgId: t.orgs.A.id, name: '2025年金秋助学', year: 2025, applyFrom: '2025-01-01', applyTo: '2025-12-31',
  rules: goldenAutumnRules(), participants: [{ orgId: t.orgs.A.id, budgetFen: 100_000_000 }],
});
if (lastYear.statusCode !== 201) throw new Error(lastYear.body);

let started = Date.now();
const unions = `{${['D', 'E', 'F', 'G'].map((o) => t.orgs[o].id).join(',')}}`;
await t.database.db.execute(sql`
  insert into households (case_no, org_id, status, category, main_cause, all_causes, name, id_enc, id_hash, id_masked, sex, birth_date,
    phone_masked, employment_form, health, disability_type, household_size, income_per_head_monthly_fen, created_at, updated_at)
  select 'W' || lpad(g::text, 10, '0'), (${unions}::uuid[])[1 + g % 4],
    (array['archived','archived','archived','archived','archived','archived','archived','lifted','applied','closed'])[1 + g % 10],
    (array['deep','relative','accident'])[1 + g % 3],
    'serious_illness', array['serious_illness'], '职工' || g, 'x', md5('worker' || g), '410803********0000', 'M', date '1980-01-01',
    '139****0000', 'worker', 'chronic', 'none', 3, ((g * 7907) % 2500) * 100, now(), now()
  from generate_series(1, ${n}) g`);
await t.database.db.execute(sql`
  insert into household_members (household_id, position, relation, name, id_enc, id_hash, id_masked, sex, birth_date, health, status, school_stage, enrolment_year)
  select h.id, m.position, m.relation, '成员' || h.g || '-' || m.position, 'x', md5('m' || h.g || '-' || m.position), '410803********0000', 'F', date '2008-01-01', 'healthy',
    case when m.stage is null then 'working' else 'studying' end, m.stage, m.enrolment_year
  from (select id, substr(case_no, 2)::int as g from households where case_no like 'W%') h
  cross join lateral (
    select 1 as position, 'child' as relation,
      (array['preschool','primary','junior','senior','vocational','college','undergraduate','postgraduate'])[1 + h.g % 8] as stage, 2020 + (h.g / 8) % 7 as enrolment_year
    union all select 2, 'spouse', null, null where h.g % 2 = 0
  ) m`);
await t.database.db.execute(sql`
  insert into campaign_grants (campaign_id, recipient_key, org_id, recipient_name, amount_fen, status, ready_at)
  select ${lastYear.json().id}::uuid, md5('m' || g || '-1'), ${t.orgs.A.id}::uuid, '成员' || g, 500000, 'paid', now()
  from generate_series(1, ${n}, 50) g`);
await t.database.db.execute(sql`analyze`);
console.log(`archive: ${n} households with members written in ${Date.now() - started} ms (${t.database.kind})`);

const latencies: number[] = [];
const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))].toFixed(0);
started = Date.now();
const res = await organiser.post(`/api/campaigns/${campaignId}/worklist/build`);
if (res.statusCode !== 202) throw new Error(res.body);
const { jobId } = res.json();
let job = (await prober.get(`/api/background-jobs/${jobId}`)).json();
while (job.state === 'queued' || job.state === 'running') {
  const asked = performance.now();
  const page = await prober.get(`/api/campaigns/${campaignId}/worklist?pageSize=20`);
  if (page.statusCode !== 200) throw new Error(page.body);
  latencies.push(performance.now() - asked);
  job = (await prober.get(`/api/background-jobs/${jobId}`)).json();
  await new Promise((r) => setTimeout(r, 100));
}
const built = Date.now() - started;
latencies.sort((a, b) => a - b);
console.log(`build: ${job.state} in ${built} ms; ${JSON.stringify(job.progress)}`);
if (latencies.length) console.log(`  worklist pages asked during the build: ${latencies.length}, p50 ${pct(latencies, 50)} ms, p99 ${pct(latencies, 99)} ms, max ${latencies.at(-1)!.toFixed(0)} ms`);

async function timed(what: string, url: string, times = 5) {
  const ms: number[] = [];
  let body = '';
  for (let i = 0; i < times; i++) {
    const at = performance.now();
    const r = await prober.get(url);
    if (r.statusCode !== 200) throw new Error(`${url}: ${r.body}`);
    ms.push(performance.now() - at);
    body = r.body;
  }
  ms.sort((a, b) => a - b);
  console.log(`  ${what}: median ${pct(ms, 50)} ms (${times} runs)`);
  return body;
}
await timed('a worklist page (first)', `/api/campaigns/${campaignId}/worklist?pageSize=20`);
await timed('a worklist page (page 50, not reached)', `/api/campaigns/${campaignId}/worklist?pageSize=20&page=50&reached=no`);
const report = JSON.parse(await timed('the report, top level', `/api/campaigns/${campaignId}/reach-report`));
console.log(`    totals ${JSON.stringify(report.totals)}`);
await timed('the report, drilled into A', `/api/campaigns/${campaignId}/reach-report?orgId=${t.orgs.A.id}`);
await timed('a not-applied page', `/api/campaigns/${campaignId}/reach-report/not-applied?pageSize=20&page=10`);
await timed('the export (.xlsx, whole not-applied list)', `/api/campaigns/${campaignId}/reach-report/export`, 2);

started = Date.now();
await organiser.post(`/api/campaigns/${campaignId}/worklist/build`);
await t.app.jobs.settled();
console.log(`rebuild (replacing every row): ${Date.now() - started} ms`);
await t.close();
