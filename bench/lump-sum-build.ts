/**
 * A city-scale lump-sum batch (特别慰问金): N households on file (default 100,000) in the fixture
 * tree's unions, a batch built for the whole city on the job runner while a prober asks for the
 * batch every 100 ms (the embedded engine must keep answering), then a page of lines, the preview's
 * exclusion counts, and the confirm whose job writes one grant per qualifying household (probed too).
 *
 *   npx tsx bench/lump-sum-build.ts [N]          (embedded PGlite)
 *   TEST_DATABASE_URL=postgres://… npx tsx bench/lump-sum-build.ts [N]
 */
import { sql } from 'drizzle-orm';
import { lumpSumRules, makeCampaign } from '../server/test-support/campaign-fixtures.js';
import { createTestApp } from '../server/test-support/test-app.js';

const n = Number(process.argv[2] ?? 100_000);
const t = await createTestApp();
await t.createUser('builder', 'A', ['org_admin']);
await t.createUser('checker', 'A', ['org_admin']);
const [builder, checker] = await Promise.all([t.signIn('builder'), t.signIn('checker')]);

let started = Date.now();
const unions = ['D', 'E', 'F', 'G'].map((o) => t.orgs[o].id);
// Statuses and categories as an archive has them; incomes 0–2,499 元 a head (a tenth over the 2,250 元 line).
await t.database.db.execute(sql`
  insert into households (case_no, org_id, status, category, main_cause, all_causes, name, id_enc, id_hash, id_masked, sex, birth_date,
    employment_form, health, disability_type, household_size, income_per_head_monthly_fen, created_at, updated_at)
  select 'B' || lpad(g::text, 10, '0'),
    (${`{${unions.join(',')}}`}::uuid[])[1 + g % 4],
    (array['archived','archived','archived','archived','archived','archived','archived','lifted','applied','closed'])[1 + g % 10],
    (array['deep','relative','accident'])[1 + g % 3],
    'serious_illness', array['serious_illness'], '职工' || g, 'x', md5('worker' || g), '410803********0000', 'M', date '1980-01-01',
    'worker', 'chronic', 'none', 3, ((g * 7907) % 2500) * 100, now(), now()
  from generate_series(1, ${n}) g`);
await t.database.db.execute(sql`analyze households`);
console.log(`households: ${n} written in ${Date.now() - started} ms (${t.database.kind})`);

const rules = lumpSumRules({ incomeThreshold: { defaultMonthlyFen: 225000, regions: [] } });
const { campaignId } = await makeCampaign(t, builder, { orgName: 'A', participants: ['A'], kind: 'per_household', rules });

started = Date.now();
const res = await builder.post(`/api/campaigns/${campaignId}/lump-sum-batches`, {});
if (res.statusCode !== 202) throw new Error(res.body);
const { batchId } = res.json();
const latencies: number[] = [];
let status = 'building';
while (status === 'building') {
  const asked = performance.now();
  const batch = (await checker.get(`/api/lump-sum-batches/${batchId}`)).json();
  latencies.push(performance.now() - asked);
  status = batch.status;
  await new Promise((r) => setTimeout(r, 100));
}
const built = Date.now() - started;
await t.app.jobs.settled();
const batch = (await checker.get(`/api/lump-sum-batches/${batchId}`)).json();
latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(0);
console.log(`build: ${batch.status} in ${built} ms; ${batch.householdCount} qualifying, ${batch.excludedCount} excluded, ${batch.totalFen} fen`);
console.log(`  batch requests during the build: ${latencies.length}, p50 ${pct(50)} ms, p99 ${pct(99)} ms, max ${latencies.at(-1)!.toFixed(0)} ms`);

let at = performance.now();
await checker.get(`/api/lump-sum-batches/${batchId}/lines?page=200&pageSize=50&show=excluded`);
console.log(`  a page of excluded lines (page 200): ${(performance.now() - at).toFixed(0)} ms`);
at = performance.now();
await checker.get(`/api/lump-sum-batches/${batchId}`);
console.log(`  the batch with its exclusion counts: ${(performance.now() - at).toFixed(0)} ms`);

at = performance.now();
const confirmed = await checker.post(`/api/lump-sum-batches/${batchId}/confirm`, {});
if (confirmed.statusCode !== 202) throw new Error(confirmed.body);
const answered = performance.now() - at;
const during: number[] = [];
let state = 'confirming';
while (state === 'confirming') {
  const asked = performance.now();
  const b = (await builder.get(`/api/lump-sum-batches/${batchId}`)).json();
  during.push(performance.now() - asked);
  state = b.confirming ? 'confirming' : b.status;
  await new Promise((r) => setTimeout(r, 100));
}
await t.app.jobs.settled();
during.sort((a, b) => a - b);
const [{ grants }] = (await t.database.db.execute(sql`select count(*)::int as grants from campaign_grants where lump_sum_batch_id = ${batchId}`) as unknown as { rows: Array<{ grants: number }> }).rows;
console.log(`confirm: answered 202 in ${answered.toFixed(0)} ms, ${state} with ${grants} grants after ${(performance.now() - at).toFixed(0)} ms`);
console.log(`  batch requests during the confirm: ${during.length}, p50 ${during[Math.floor(during.length / 2)].toFixed(0)} ms, max ${during.at(-1)!.toFixed(0)} ms`);
await t.close();
