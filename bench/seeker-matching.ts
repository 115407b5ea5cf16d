/**
 * Matching benchmark: N published postings (default 100,000) of 300 enterprises, some pledged, and
 * 2,000 seekers at the fixture tree's unions; times a seeker's 匹配岗位 and a posting's 匹配求职者
 * through the app (sequential requests), beside the bare candidate query's cost.
 *
 *   npx tsx bench/seeker-matching.ts                       (embedded PGlite)
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:54329/postgres npx tsx bench/seeker-matching.ts
 */
import { sql } from 'drizzle-orm';
import { JIAOZUO_COUNTIES } from '../contracts/cn-ids.js';
import { enterprises, jobPostings, jobSeekers } from '../server/db/schema/index.js';
import { searchTermsOf } from '../server/platform/search-terms.js';
import { insertEnterprise, sampleSeeker } from '../server/test-support/seeker-fixtures.js';
import { createTestApp } from '../server/test-support/test-app.js';

const N = Number(process.env.POSTINGS ?? process.argv[2] ?? 100_000);
const SEEKERS = 2_000;
const REQUESTS = 40;
const TITLES: Array<[string, string, string]> = [
  ['电焊工', 'skilled_trade', '持焊工证，能看懂图纸'],
  ['普工', 'production', '流水线操作，两班倒'],
  ['叉车司机', 'logistics', '持叉车证，仓库装卸'],
  ['质检员', 'production', '来料与成品检验'],
  ['会计', 'finance', '持初级会计证'],
  ['行政文员', 'admin', '熟练使用办公软件'],
  ['CAD制图员', 'engineering', '熟练使用CAD'],
  ['电工', 'skilled_trade', '持低压电工证'],
  ['厨师', 'catering', '中餐热菜'],
  ['保安', 'security', '小区巡逻值守'],
  ['销售代表', 'sales', '建材门店销售'],
  ['护工', 'health', '医院陪护'],
];
const COUNTIES = Object.keys(JIAOZUO_COUNTIES).filter((c) => c !== '410800');
const EDUCATIONS = ['none', 'junior', 'senior', 'college', 'bachelor'];

const t = await createTestApp();
await t.createUser('bench-jobs', 'A', ['jobs_officer']);
const s = await t.signIn('bench-jobs');
const firms = [];
for (let i = 0; i < 300; i++) firms.push(await insertEnterprise(t, ['D', 'E', 'F', 'G'][i % 4], { priorityPledge: i % 10 === 0 }));
const started = Date.now();
const now = t.clock.now();
for (let from = 0; from < N; from += 2000) {
  const rows = [];
  for (let i = from; i < Math.min(N, from + 2000); i++) {
    const [title, category, description] = TITLES[i % TITLES.length];
    const firm = firms[i % firms.length];
    const min = 250000 + (i % 40) * 10000;
    rows.push({
      enterpriseId: firm.id,
      orgId: firm.orgId,
      title: `${title}${i}`,
      category,
      kind: i % 50 === 0 ? 'work_study' : i % 37 === 0 ? 'public_interest' : 'regular',
      openings: 1 + (i % 5),
      salaryMinFen: min,
      salaryMaxFen: min + 200000,
      education: EDUCATIONS[i % EDUCATIONS.length],
      experience: 'none',
      regionCode: COUNTIES[i % COUNTIES.length],
      description,
      contactName: '张经理',
      contactPhone: '13903910001',
      validUntil: '2099-12-31',
      status: 'published',
      publishedAt: new Date(now.getTime() - i * 60_000),
      dedupeKey: `bench:${i}`,
      searchTerms: searchTermsOf(`${title}${i}`, description, firm.name),
      createdAt: now,
      updatedAt: now,
    });
  }
  await t.database.db.insert(jobPostings).values(rows);
}
for (let i = 0; i < SEEKERS; i++) {
  const res = await s.post('/api/job-seekers', sampleSeeker(t, ['D', 'E', 'F', 'G'][i % 4], { hardship: i % 5 === 0, wishedCategory: TITLES[i % TITLES.length][1], wishedRegion: COUNTIES[i % COUNTIES.length] }));
  if (res.statusCode !== 201) throw new Error(res.body);
}
await t.database.db.execute(sql`analyze`);
console.log(`${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}: ${N} published postings, ${SEEKERS} seekers written in ${((Date.now() - started) / 1000).toFixed(0)} s`);

const seekers = await t.database.db.select({ id: jobSeekers.id }).from(jobSeekers).limit(REQUESTS);
const postings = await t.database.db.select({ id: jobPostings.id }).from(jobPostings).innerJoin(enterprises, sql`${enterprises.id} = ${jobPostings.enterpriseId}`).limit(REQUESTS);
async function time(label: string, urls: string[]) {
  const ms: number[] = [];
  for (const url of urls) {
    const t0 = performance.now();
    const res = await s.get(url);
    ms.push(performance.now() - t0);
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.body}`);
  }
  ms.sort((a, b) => a - b);
  console.log(`${label}: median ${ms[Math.floor(ms.length / 2)].toFixed(1)} ms, p95 ${ms[Math.floor(ms.length * 0.95) - 1].toFixed(1)} ms`);
}
await time('a seeker’s matching postings', seekers.map((x) => `/api/job-seekers/${x.id}/matches`));
await time('a posting’s matching seekers', postings.map((x) => `/api/job-postings/${x.id}/matches`));
await time('baseline: a seeker’s page', seekers.map((x) => `/api/job-seekers/${x.id}`));
await t.close();
