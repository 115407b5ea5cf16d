import { addDays, chinaDate } from '../platform/dates.js';
import { jobsOfficerAtRoot, makeEnterprise } from './enterprise-fixtures.js';
import type { TestApp } from './test-app.js';

/** A valid posting body for the enterprise, valid for 30 days from the test clock's today. */
export function samplePosting(t: TestApp, enterpriseId: string, extra: Record<string, unknown> = {}) {
  return {
    enterpriseId,
    title: `电焊工${Math.random().toString(36).slice(2, 6)}`,
    category: 'skilled_trade',
    kind: 'regular',
    openings: 5,
    salaryMinFen: 400_000,
    salaryMaxFen: 600_000,
    education: 'senior',
    experience: 'one_year',
    regionCode: '410803',
    description: '持焊工证，熟悉二氧化碳保护焊；八小时工作制，缴纳五险一金。',
    contactName: '李明',
    contactPhone: '0391-3561234',
    validUntil: addDays(chinaDate(t.clock.now()), 30),
    ...extra,
  };
}

/** The enterprise of each fixture org the posting fixtures use, one per org and app (and its id once made). */
const enterprisesOf = new WeakMap<TestApp, Map<string, Promise<string>>>();
const madeOf = new WeakMap<TestApp, Map<string, string>>();
export function fixtureEnterprise(t: TestApp, orgName: string): Promise<string> {
  if (!enterprisesOf.has(t)) enterprisesOf.set(t, new Map());
  if (!madeOf.has(t)) madeOf.set(t, new Map());
  const byOrg = enterprisesOf.get(t)!;
  if (!byOrg.has(orgName))
    byOrg.set(
      orgName,
      makeEnterprise(t, orgName).then((id) => {
        madeOf.get(t)!.set(orgName, id);
        return id;
      }),
    );
  return byOrg.get(orgName)!;
}

/** The fixture enterprise of the org for a body built synchronously (after a job_posting was made there), else an id of nothing. */
export function madeFixtureEnterprise(t: TestApp, orgName: string): string {
  return madeOf.get(t)?.get(orgName) ?? '00000000-0000-4000-8000-000000000000';
}

/** A submitted posting of the org's fixture enterprise, entered by the root jobs officer; returns its id. */
export async function makePosting(t: TestApp, orgName: string, extra: Record<string, unknown> = {}): Promise<string> {
  const enterpriseId = await fixtureEnterprise(t, orgName);
  const res = await (await jobsOfficerAtRoot(t)).post('/api/job-postings', samplePosting(t, enterpriseId, { submit: true, ...extra }));
  if (res.statusCode !== 201) throw new Error(`job posting fixture: ${res.body}`);
  return res.json().id;
}
