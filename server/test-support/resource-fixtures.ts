import type { Session, TestApp } from './test-app.js';
import { sampleHousehold } from './household-fixtures.js';
import { buildHouseholdTemplate } from '../modules/households/import/households-template.js';
import { eq } from 'drizzle-orm';
import { campaignApplications, policyArticles } from '../db/schema/index.js';
import { buildApplicationTemplate } from '../modules/campaigns/import/application-template.js';
import { goldenAutumnRules, makeCampaign } from './campaign-fixtures.js';
import { uniqueIdNumber } from './household-fixtures.js';
import { makeDonation, makeDrive, sampleDonation } from './donation-fixtures.js';
import { sampleFaq, sampleHotlineCall, samplePolicyArticle, samplePublicQuestion } from './policy-fixtures.js';
import { makeJobReferral, makeJobSeeker, sampleSeeker } from './seeker-fixtures.js';
import { makeEnterprise, sampleEnterprise } from './enterprise-fixtures.js';
import { madeFixtureEnterprise, makePosting, samplePosting } from './job-posting-fixtures.js';

/** A user at the root A who can file households anywhere in the fixture tree. */
const makers = new WeakMap<TestApp, Promise<Session>>();
function makerAtRoot(t: TestApp): Promise<Session> {
  if (!makers.has(t)) makers.set(t, t.createUser(`maker-${Math.random().toString(36).slice(2, 8)}`, 'A', ['org_admin', 'finance_officer']).then(async (id) => {
    const [row] = await t.database.db.execute(`select username from users where id = '${id}'` as never).then((r) => (r as unknown as { rows: Array<{ username: string }> }).rows);
    return t.signIn(row.username);
  }));
  return makers.get(t)!;
}

async function makeHousehold(t: TestApp, orgName: string): Promise<string> {
  const s = await makerAtRoot(t);
  const res = await s.post('/api/households', sampleHousehold(t.orgs[orgName].id));
  if (res.statusCode !== 201) throw new Error(`household fixture: ${res.body}`);
  return res.json().id;
}

/** An unfiled application's body for a student at `orgName` (an open campaign's id). */
export function sampleApplication(t: TestApp, orgName: string, campaignId: string) {
  return {
    campaignId,
    orgId: t.orgs[orgName].id,
    unfiled: { name: '赵建军', idNumber: uniqueIdNumber(1976), householdSize: 4, incomePerHeadMonthlyFen: 90000, regionCode: '410803', hardship: '家庭临时困难' },
    student: { name: '赵晓雪', idNumber: uniqueIdNumber(2007) },
    schoolName: '河南理工大学',
    schoolStage: 'undergraduate',
    admissionYear: 2026,
  };
}

/**
 * How the route walker makes one record of each resource kind inside a fixture org. A module whose
 * routes declare `config: { resource: 'x' }` adds a maker for 'x' here.
 */
export const RESOURCE_MAKERS: Record<string, (t: TestApp, orgName: string) => Promise<string>> = {
  // An enterprise of the org, registered by a jobs officer at the root.
  enterprise: makeEnterprise,
  // A payment batch of a fund of the org (building: the walker never runs the job runner's build).
  payment_batch: async (t, orgName) => {
    const s = await makerAtRoot(t);
    const fund = await s.post('/api/funds', { orgId: t.orgs[orgName].id, name: `走查发放资金${Math.random().toString(36).slice(2, 8)}` });
    const res = await s.post('/api/payment-batches', { fundId: fund.json().id, name: '走查批次' });
    if (res.statusCode !== 202) throw new Error(`payment batch fixture: ${res.body}`);
    return res.json().batchId;
  },
  fund: async (t, orgName) => {
    const res = await (await makerAtRoot(t)).post('/api/funds', { orgId: t.orgs[orgName].id, name: `走查基金${Math.random().toString(36).slice(2, 8)}` });
    if (res.statusCode !== 201) throw new Error(`fund fixture: ${res.body}`);
    return res.json().id;
  },
  org: async (t, orgName) => t.orgs[orgName].id,
  // A drive of the org on a fund of its own, and a gift of 200 元 to a drive of the org.
  donation_drive: async (t, orgName) => (await makeDrive(t, orgName)).driveId,
  donation: makeDonation,
  // A campaign organised at the org with itself taking part; A's has only C taking part, so B does not see it.
  campaign: async (t, orgName) => (await makeCampaign(t, await makerAtRoot(t), { orgName, participants: [orgName === 'A' ? 'C' : orgName] })).campaignId,
  // A draft application of the org, in a campaign of its own.
  application: async (t, orgName) => {
    const s = await makerAtRoot(t);
    const { campaignId } = await makeCampaign(t, s, { orgName, participants: [orgName] });
    const res = await s.post('/api/applications', sampleApplication(t, orgName, campaignId));
    if (res.statusCode !== 201) throw new Error(`application fixture: ${res.body}`);
    return res.json().id;
  },
  household: makeHousehold,
  household_transfer: async (t, orgName) => {
    // A household of G (or F), offered to orgName: only orgName's subtree may accept it.
    const s = await makerAtRoot(t);
    const id = await makeHousehold(t, orgName === 'G' ? 'F' : 'G');
    const res = await s.post(`/api/households/${id}/transfer`, { toOrgId: t.orgs[orgName].id, reason: '职工调动' });
    if (res.statusCode !== 201) throw new Error(`transfer fixture: ${res.body}`);
    return res.json().transferId;
  },
  household_import: async (t, orgName) => {
    // The bare template holds only the example row, so the import fails at once: a finished job of orgName.
    const s = await makerAtRoot(t);
    const res = await s.request({ method: 'POST', url: `/api/household-imports?orgId=${t.orgs[orgName].id}`, headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }, payload: await buildHouseholdTemplate() });
    if (res.statusCode !== 202) throw new Error(`import fixture: ${res.body}`);
    await t.app.jobs.settled();
    return res.json().id;
  },
  application_import: async (t, orgName) => {
    // The bare template holds only its example rows, so the import fails at once: a finished import of
    // orgName, in a campaign of A in which A (so every org below it) takes part.
    const s = await makerAtRoot(t);
    if (!importCampaigns.has(t)) importCampaigns.set(t, makeCampaign(t, s, { orgName: 'A', participants: ['A'] }).then((c) => c.campaignId));
    const query = `campaignId=${await importCampaigns.get(t)!}&orgId=${t.orgs[orgName].id}`;
    const res = await s.request({ method: 'POST', url: `/api/application-imports?${query}`, headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }, payload: await buildApplicationTemplate(goldenAutumnRules()) });
    if (res.statusCode !== 202) throw new Error(`application import fixture: ${res.body}`);
    await t.app.jobs.settled();
    return res.json().id;
  },
  background_job: async (t, orgName) => {
    // The job that ran a failed import of orgName (see household_import above), started by the root maker.
    const importId = await RESOURCE_MAKERS.household_import(t, orgName);
    const s = await makerAtRoot(t);
    return (await s.get(`/api/household-imports/${importId}`)).json().jobId;
  },
  user: async (t, orgName) => t.createUser(`walk-${orgName.toLowerCase()}-${Math.random().toString(36).slice(2, 8)}`, orgName, ['caseworker']),
  lump_sum_batch: async (t, orgName) => {
    // A previewed batch of the org in a lump-sum campaign of its own (A's has only C taking part, as for
    // 'campaign'), built by the root maker, so another person may confirm it.
    const s = await makerAtRoot(t);
    const { campaignId } = await makeCampaign(t, s, { orgName, participants: [orgName === 'A' ? 'C' : orgName], kind: 'per_household' });
    const res = await s.post(`/api/campaigns/${campaignId}/lump-sum-batches`, { orgId: t.orgs[orgName].id });
    if (res.statusCode !== 202) throw new Error(`lump-sum batch fixture: ${res.body}`);
    await t.app.jobs.settled();
    return res.json().batchId;
  },
  // A draft policy article of the org.
  policy_article: async (t, orgName) => {
    const res = await (await makerAtRoot(t)).post('/api/policies', samplePolicyArticle(t, orgName));
    if (res.statusCode !== 201) throw new Error(`policy article fixture: ${res.body}`);
    return res.json().id;
  },
  // An open question routed to the org: a hotline call, since the public form routes to districts and the city only.
  consultation: async (t, orgName) => {
    const res = await (await makerAtRoot(t)).post('/api/consultations', sampleHotlineCall(t, orgName));
    if (res.statusCode !== 201) throw new Error(`consultation fixture: ${res.body}`);
    return res.json().id;
  },
  faq_entry: async (t, orgName) => {
    const res = await (await makerAtRoot(t)).post('/api/faq', sampleFaq(t, orgName));
    if (res.statusCode !== 201) throw new Error(`FAQ fixture: ${res.body}`);
    return res.json().id;
  },
  job_seeker: async (t, orgName) => makeJobSeeker(t, await makerAtRoot(t), orgName),
  // A referral of a seeker of the org to a closed posting of its own: off the public board, so no
  // seeker's matches anywhere list it.
  job_referral: async (t, orgName) => makeJobReferral(t, await makerAtRoot(t), orgName),
  // A submitted posting of an enterprise of the org (one enterprise per org, which POST /api/job-postings then names).
  job_posting: makePosting,
};

const importCampaigns = new WeakMap<TestApp, Promise<string>>();

/** The smallest valid PNG (1×1, transparent): a file every attachment route accepts. */
export const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

/** Uploads a PNG to a household as the root maker; returns the attachment id. */
export async function makeHouseholdAttachment(t: TestApp, householdId: string): Promise<string> {
  const s = await makerAtRoot(t);
  const res = await s.request({ method: 'POST', url: `/api/households/${householdId}/attachments?kind=other&fileName=walk.png`, headers: { 'content-type': 'application/octet-stream' }, payload: TINY_PNG });
  if (res.statusCode !== 201) throw new Error(`attachment fixture: ${res.body}`);
  return res.json().id;
}

/** Uploads a PNG to an application (a draft) as the root maker; returns the attachment id. */
export async function makeApplicationAttachment(t: TestApp, applicationId: string): Promise<string> {
  const s = await makerAtRoot(t);
  const res = await s.request({ method: 'POST', url: `/api/applications/${applicationId}/attachments?kind=admission_notice&fileName=walk.png`, headers: { 'content-type': 'application/octet-stream' }, payload: TINY_PNG });
  if (res.statusCode !== 201) throw new Error(`application attachment fixture: ${res.body}`);
  return res.json().id;
}

/** Uploads a PNG to a policy article as the root maker; returns the attachment id. */
export async function makePolicyAttachment(t: TestApp, articleId: string): Promise<string> {
  const s = await makerAtRoot(t);
  const res = await s.request({ method: 'POST', url: `/api/policies/${articleId}/attachments?fileName=walk.png`, headers: { 'content-type': 'application/octet-stream' }, payload: TINY_PNG });
  if (res.statusCode !== 201) throw new Error(`policy attachment fixture: ${res.body}`);
  return res.json().id;
}

/** An attachment of the `:id` record: an application's when it is one, a household's otherwise. */
async function makeAttachment(t: TestApp, parentId: string): Promise<string> {
  const [article] = await t.database.db.select({ id: policyArticles.id }).from(policyArticles).where(eq(policyArticles.id, parentId));
  if (article) return makePolicyAttachment(t, parentId);
  const [application] = await t.database.db.select({ id: campaignApplications.id }).from(campaignApplications).where(eq(campaignApplications.id, parentId));
  return application ? makeApplicationAttachment(t, parentId) : makeHouseholdAttachment(t, parentId);
}

/**
 * Second path parameters that name a record under the `:id` one (`/api/households/:id/attachments/:attachmentId`):
 * the walker fills them with a fresh record of that parent, so reads of it answer 200 in scope.
 */
export const CHILD_PARAM_MAKERS: Record<string, (t: TestApp, parentId: string) => Promise<string>> = {
  attachmentId: makeAttachment,
};

/** Routes whose body is a raw file rather than JSON: the query and bytes the walker sends. */
export const RAW_REQUESTS: Record<string, () => { query: string; contentType: string; payload: Buffer }> = {
  'POST /api/households/:id/attachments': () => ({ query: '?kind=id_proof&fileName=walk.png', contentType: 'application/octet-stream', payload: TINY_PNG }),
  'POST /api/applications/:id/attachments': () => ({ query: '?kind=admission_notice&fileName=walk.png', contentType: 'application/octet-stream', payload: TINY_PNG }),
  'POST /api/policies/:id/attachments': () => ({ query: '?fileName=walk.png', contentType: 'application/octet-stream', payload: TINY_PNG }),
  // Not a workbook: in scope the route reads it and refuses it (400); outside, the drive is not found first.
  'POST /api/donation-drives/:id/donation-batches/parse-xlsx': () => ({ query: '', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', payload: Buffer.from('PK walk') }),
  'POST /api/payment-batches/:id/result-import': () => ({ query: '', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', payload: Buffer.from('PK walk') }),
};

/**
 * A valid body for every route that takes one, aimed at `target` where the body names an org. The
 * walker fails when a route with a body has no entry, so every new route gets scope-tested.
 */
export const SAMPLE_BODIES: Record<string, (t: TestApp, target: string) => unknown> = {
  'POST /api/auth/sign-in': () => ({ username: 'nobody', password: 'irrelevant-password' }),
  'POST /api/auth/password': () => ({ currentPassword: 'wrong-current-pw', newPassword: 'a-new-password-long' }),
  'POST /api/orgs': (t, target) => ({ parentId: t.orgs[target].id, code: `W-${target}-${Math.random().toString(36).slice(2, 7)}`.toUpperCase(), name: `新组织${Math.random()}`, type: 'grassroots_union' }),
  'PATCH /api/orgs/:id': () => ({ nameEn: 'Renamed by walker' }),
  'POST /api/orgs/:id/move': (t) => ({ newParentId: t.orgs.E.id }),
  'POST /api/users': (t, target) => ({ orgId: t.orgs[target].id, username: `nu${Math.random().toString(36).slice(2, 8)}`, displayName: '新用户', roles: [] }),
  'PATCH /api/users/:id': () => ({ displayName: '改名' }),
  'PUT /api/users/:id/roles': () => ({ roles: ['caseworker'] }),
  'POST /api/households': (t, target) => sampleHousehold(t.orgs[target].id),
  'POST /api/households/lookup': () => ({ idNumber: '11010519491231002X' }),
  'PATCH /api/households/:id': () => ({ priorityGroup: '劳模' }),
  'POST /api/households/:id/check': () => ({}),
  'POST /api/households/:id/visit': () => ({ visitDate: '2026-03-01', visitors: '张三、李四', findings: '情况属实', consentSigned: true }),
  'POST /api/households/:id/start-notice': () => ({ noticeDays: 7 }),
  'POST /api/households/:id/approve': () => ({}),
  'POST /api/households/:id/return': () => ({ reason: '材料不全' }),
  'POST /api/households/:id/resubmit': () => ({}),
  'POST /api/households/:id/reject': () => ({ reason: '收入超标' }),
  'POST /api/households/:id/verify': () => ({ visitDate: '2026-03-01', visitors: '张三', findings: '仍然困难', consentSigned: true }),
  'POST /api/households/:id/lift': () => ({ reason: '再就业' }),
  'POST /api/households/:id/follow-up': () => ({ contactDate: '2026-03-01', method: '电话', notes: '生活稳定' }),
  'POST /api/households/:id/reopen': () => ({ reason: '再次失业' }),
  'POST /api/households/:id/close': () => ({ reason: '户主去世' }),
  'POST /api/households/:id/objections': () => ({ content: '有群众反映其有房产', raisedBy: '匿名' }),
  'POST /api/households/:id/objections/:objectionId/resolve': () => ({ resolution: '经核实不属实', upheld: false }),
  'POST /api/households/:id/transfer': (t) => ({ toOrgId: t.orgs.D.id, reason: '调动' }),
  'POST /api/households/:id/reveal': () => ({ field: 'idNumber', reason: '核对身份' }),
  'POST /api/households/:id/aid': () => ({ program: '春节送温暖', aidType: 'cash', amountFen: 50000, aidedOn: '2026-01-20' }),
  'DELETE /api/households/:id/attachments/:attachmentId': () => ({ reason: '上传错了文件' }),
  'DELETE /api/applications/:id/attachments/:attachmentId': () => ({ reason: '上传错了文件' }),
  'POST /api/household-imports/:id/approve': () => ({}),
  'POST /api/household-imports/:id/reject': () => ({ reason: '与纸质档案不符' }),
  'POST /api/programs': () => ({ code: `W-${Math.random().toString(36).slice(2, 8)}`.toUpperCase(), name: '走查项目', kind: 'per_student' }),
  'POST /api/campaigns': (t, target) => ({
    programId: '00000000-0000-4000-8000-000000000000', // a program of nothing: bad-input.test.ts puts a real one
    orgId: t.orgs[target].id,
    name: '走查活动',
    year: 2026,
    applyFrom: '2026-01-01',
    applyTo: '2026-12-31',
    rules: goldenAutumnRules(),
    participants: [{ orgId: t.orgs[target].id, budgetFen: 100000 }],
  }),
  'PATCH /api/campaigns/:id': () => ({ name: '走查改名', version: 1 }),
  'PUT /api/campaigns/:id/rules': () => ({ rules: goldenAutumnRules(), version: 1 }),
  'POST /api/campaigns/:id/status': () => ({ status: 'closed' }),
  'POST /api/campaigns/:id/notice': () => ({}),
  'POST /api/campaigns/:id/contacts': () => ({ studentIdHash: 'A'.repeat(43), method: 'phone', contactedOn: '2026-03-01', outcome: 'reached' }),
  'POST /api/campaigns/:id/preview': () => ({}),
  'POST /api/applications': (t, target) => sampleApplication(t, target, '00000000-0000-4000-8000-000000000000'),
  'PATCH /api/applications/:id': () => ({ major: '采矿工程', version: 1 }),
  'POST /api/applications/:id/verify': () => ({}),
  'POST /api/applications/:id/approve-district': () => ({}),
  'POST /api/applications/:id/approve-city': () => ({}),
  'POST /api/applications/:id/return': () => ({ reason: '材料不全' }),
  'POST /api/applications/:id/reject': () => ({ reason: '不符合条件' }),
  'POST /api/applications/:id/withdraw': () => ({ reason: '家长放弃' }),
  'POST /api/applications/bulk-step': () => ({ step: 'verify', ids: ['00000000-0000-4000-8000-000000000000'] }),
  'POST /api/applications/:id/reveal': () => ({ field: 'studentIdNumber', reason: '核对身份' }),
  'POST /api/applications/:id/objections': () => ({ content: '有群众反映其家庭收入较高' }),
  'POST /api/applications/:id/objections/:objectionId/resolve': () => ({ resolution: '经核实不属实', upheld: false }),
  'POST /api/campaigns/:id/lump-sum-batches': (t, target) => ({ orgId: t.orgs[target].id }),
  'POST /api/lump-sum-batches/:id/confirm': () => ({ note: '核对无误' }),
  'POST /api/lump-sum-batches/:id/discard': () => ({ note: '名单有误' }),
  'POST /api/applications/:id/follow-ups': () => ({ year: 2026, status: 'studying', contactedOn: '2026-03-01' }),
  'POST /api/funds': (t, target) => ({ orgId: t.orgs[target].id, name: `走查基金${Math.random().toString(36).slice(2, 8)}` }),
  'POST /api/funds/:id/incomes': () => ({ source: 'enterprise', counterparty: '走查企业', amountFen: 100, receivedOn: '2021-08-20' }),
  'POST /api/donation-drives': (t, target) => ({ orgId: t.orgs[target].id, fundId: '00000000-0000-4000-8000-000000000000', name: '走查募捐', goalFen: 100000, startsOn: '2026-01-01', endsOn: '2026-12-31' }),
  'PATCH /api/donation-drives/:id': () => ({ description: '走查修改说明' }),
  'POST /api/donation-drives/:id/donations': () => sampleDonation(),
  'POST /api/donation-drives/:id/donation-batches': () => ({ channel: 'cash', receivedOn: '2026-03-01', rows: [{ donorName: '走查职工', amountFen: 100 }] }),
  'POST /api/donations/:id/refund': () => ({ reason: '走查退款' }),
  'POST /api/payment-batches': () => ({ fundId: '00000000-0000-4000-8000-000000000000', name: '走查批次' }),
  'POST /api/payment-batches/:id/approve': () => ({}),
  'POST /api/payment-batches/:id/execute': () => ({ paidOn: '2021-09-08' }),
  'POST /api/payment-batches/:id/discard': () => ({ reason: '走查作废' }),
  'POST /api/funds/:id/allocations': () => ({ toFundId: '00000000-0000-4000-8000-000000000000', amountFen: 100, allocatedOn: '2021-08-25' }),
  'POST /api/policies': (t, target) => samplePolicyArticle(t, target),
  'PATCH /api/policies/:id': () => ({ summary: '走查修改摘要', version: 1 }),
  'POST /api/policies/:id/withdraw': () => ({ reason: '走查撤回' }),
  'DELETE /api/policies/:id/attachments/:attachmentId': () => ({ reason: '走查删除' }),
  'POST /api/public/consultations': (t) => samplePublicQuestion(t, 'B'),
  'POST /api/consultations': (t, target) => sampleHotlineCall(t, target),
  'POST /api/consultations/:id/answer': () => ({ answer: '走查答复' }),
  'POST /api/consultations/:id/close': () => ({ reason: '走查办结' }),
  'POST /api/consultations/:id/reroute': (t) => ({ toOrgId: t.orgs.E.id, reason: '走查转办' }),
  'POST /api/consultations/:id/reveal': () => ({ reason: '走查回访' }),
  'POST /api/consultations/:id/faq': () => ({ category: 'other', question: '走查发布的问题？', answer: '走查答复' }),
  'POST /api/faq': (t, target) => sampleFaq(t, target),
  'PATCH /api/faq/:id': () => ({ published: false }),
  'POST /api/job-seekers': (t, target) => sampleSeeker(t, target),
  'POST /api/job-seekers/:id/referrals': () => ({ postingId: '00000000-0000-4000-8000-000000000000' }), // a posting of nothing: 400 in scope
  'PATCH /api/job-seekers/:id': () => ({ skills: '走查技能', version: 1 }),
  'POST /api/job-seekers/:id/reveal': () => ({ field: 'idNumber', reason: '走查核对' }),
  'POST /api/job-seekers/:id/deactivate': () => ({ reason: '走查停止求职' }),
  'POST /api/job-seekers/:id/reactivate': () => ({ reason: '走查恢复求职' }),
  'POST /api/job-referrals/:id/outcome': () => ({ outcome: 'declined', note: '走查未录用' }),
  'POST /api/enterprises': (t, target) => sampleEnterprise(t, target),
  'PATCH /api/enterprises/:id': () => ({ contactName: '走查联系人', version: 1 }),
  'POST /api/enterprises/:id/hr-accounts': () => ({ username: `walk-hr-${Math.random().toString(36).slice(2, 8)}`, displayName: '走查招聘' }),
  'POST /api/job-postings': (t, target) => samplePosting(t, madeFixtureEnterprise(t, target)),
  'PATCH /api/job-postings/:id': () => ({ openings: 2, version: 1 }),
  'POST /api/job-postings/:id/approve': () => ({ note: '走查通过' }),
  'POST /api/job-postings/:id/return': () => ({ reason: '走查退回' }),
  'POST /api/job-postings/:id/reject': () => ({ reason: '走查不予通过' }),
  'POST /api/job-postings/:id/close': () => ({ reason: '走查关闭' }),
};

/** Routes without `:id` whose body names the target org: out of scope they must answer 404. */
export const BODY_SCOPED_ROUTES = new Set(['POST /api/orgs', 'POST /api/policies', 'POST /api/consultations', 'POST /api/faq', 'POST /api/users', 'POST /api/households', 'POST /api/donation-drives', 'POST /api/job-seekers', 'POST /api/enterprises', 'POST /api/job-postings']);

/** Reachable without a session. Anything else public fails the walker. */
export const PUBLIC_ALLOW_LIST = new Set([
  'GET /api/public/policies',
  'GET /api/public/policies/:id',
  'GET /api/public/policies/:id/attachments/:attachmentId/content',
  'GET /api/public/consultation-orgs',
  'POST /api/public/consultations',
  'GET /api/public/consultations/:ticketNo',
  'GET /api/public/faq',
  'GET /api/public/jobs',
  'GET /api/public/jobs/:id',
  'GET /api/public/job-stats',
  'GET /api/health', 'POST /api/auth/sign-in', 'GET /api/public/campaigns/:id/notice', 'GET /api/public/donation-drives/:id', 'GET /api/public/donation-drives/:id/thanks']);
