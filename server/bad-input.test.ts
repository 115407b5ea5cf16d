import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, gt } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { buildApp } from './app.js';
import { auditLog } from './db/schema/index.js';
import { ManualClock } from './platform/clock.js';
import { deriveSecrets } from './platform/secrets.js';
import { createTestDatabase } from './test-support/test-db.js';
import { createTestApp, TEST_PASSWORD, type Session, type TestApp } from './test-support/test-app.js';
import type { RegisteredRoute } from './app.js';
import { snapshotTables } from './test-support/db-snapshot.js';
import { sampleHousehold, uniqueIdNumber } from './test-support/household-fixtures.js';
import { makeApplicationAttachment, makeHouseholdAttachment, makePolicyAttachment, SAMPLE_BODIES } from './test-support/resource-fixtures.js';
import { sampleFaq, sampleHotlineCall, samplePolicyArticle, samplePublicQuestion } from './test-support/policy-fixtures.js';
import { goldenAutumnRules, lumpSumRules, makeCampaign } from './test-support/campaign-fixtures.js';
import { insertEnterprise, insertPosting, sampleSeeker } from './test-support/seeker-fixtures.js';
import { samplePosting } from './test-support/job-posting-fixtures.js';
import { sampleEnterprise, spoilUscc, uniqueUscc } from './test-support/enterprise-fixtures.js';

/**
 * Every write route against bad input: a 4xx (never a 500) with `error.code`, the field named where
 * it is a validation error, and nothing changed in any table (audit_log may only gain denials and
 * failures). The write routes are taken from the app as registered: a new one fails "covers every
 * write route" until ROUTES has an entry for it (a valid body, the ids) and its own cases below.
 */
let t: TestApp;
let admin: Session; // org_admin at A: every org, user and household route is in scope
let targetUser: string;
let movable: string; // an org under E that a move would take
let household: string; // a household of E, as filed (applied)
let attachment: string; // an attachment of that household
let campaign: string; // an open 金秋助学 campaign of A in which B takes part
let program: string; // its program
let application: string; // a draft application of E in it
let applicationAttachment: string; // a document of that application
let cityFund: string; // a fund of A
let districtFund: string; // a fund of E
let donationDrive: string; // a drive of E feeding districtFund
let donation: string; // a gift of 200 元 to it
let policyArticle: string; // a draft policy article of E
let policyAttachment: string; // an attachment of it
let consultation: string; // an open question routed to E (a hotline call)
let faqEntry: string; // an FAQ entry of E
let jobPosting: string; // a published posting of an enterprise of E
let jobSeeker: string; // a seeker of E
let jobReferral: string; // the seeker referred to the posting
let postingEnterprise: string; // an enterprise of E the posting routes name
let draftPosting: string; // a draft posting of it
let enterprise: string; // an enterprise of E (用人单位)

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('admin-a', 'A', ['org_admin', 'finance_officer']);
  targetUser = await t.createUser('target-e', 'E', ['caseworker']);
  admin = await t.signIn('admin-a');
  const res = await admin.post('/api/orgs', { parentId: t.orgs.E.id, code: 'MOVABLE', name: '可移动', type: 'aid_station' });
  movable = res.json().id;
  const filed = await admin.post('/api/households', sampleHousehold(t.orgs.E.id));
  if (filed.statusCode !== 201) throw new Error(filed.body);
  household = filed.json().id;
  attachment = await makeHouseholdAttachment(t, household);
  ({ campaignId: campaign, programId: program } = await makeCampaign(t, admin, { orgName: 'A', participants: ['B'] }));
  const app = await admin.post('/api/applications', { ...(SAMPLE_BODIES['POST /api/applications'](t, 'E') as object), campaignId: campaign });
  if (app.statusCode !== 201) throw new Error(app.body);
  application = app.json().id;
  applicationAttachment = await makeApplicationAttachment(t, application);
  cityFund = (await admin.post('/api/funds', { orgId: t.orgs.A.id, name: '坏输入市基金' })).json().id;
  districtFund = (await admin.post('/api/funds', { orgId: t.orgs.E.id, name: '坏输入基层基金' })).json().id;
  donationDrive = (await admin.post('/api/donation-drives', { orgId: t.orgs.E.id, fundId: districtFund, name: '坏输入募捐', goalFen: 100_000, startsOn: '2026-01-01', endsOn: '2026-12-31' })).json().id;
  donation = (await admin.post(`/api/donation-drives/${donationDrive}/donations`, { donorKind: 'person', donorName: '张三', channel: 'cash', amountFen: 20_000, receivedOn: '2026-03-01' })).json().id;
  policyArticle = (await admin.post('/api/policies', samplePolicyArticle(t, 'E'))).json().id;
  policyAttachment = await makePolicyAttachment(t, policyArticle);
  consultation = (await admin.post('/api/consultations', sampleHotlineCall(t, 'E'))).json().id;
  faqEntry = (await admin.post('/api/faq', sampleFaq(t, 'E'))).json().id;
  jobPosting = (await insertPosting(t, await insertEnterprise(t, 'E'), { title: '坏输入电焊工' })).id;
  jobSeeker = (await admin.post('/api/job-seekers', sampleSeeker(t, 'E'))).json().id;
  jobReferral = (await admin.post(`/api/job-seekers/${jobSeeker}/referrals`, { postingId: jobPosting })).json().id;
  postingEnterprise = (await insertEnterprise(t, 'E')).id;
  draftPosting = (await admin.post('/api/job-postings', samplePosting(t, postingEnterprise))).json().id;
  enterprise = (await admin.post('/api/enterprises', sampleEnterprise(t, 'E'))).json().id;
});
afterAll(() => t.close());

const LONG = 'x'.repeat(10_000);
const MISSING_UUID = crypto.randomUUID();
const WRITE_METHODS = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

interface Route {
  /** The record `:id` names; left out, a uuid of nothing (the cases fail before any lookup). */
  id?: () => string;
  /** Other path parameters (`:objectionId`); left out, a uuid of nothing. */
  params?: () => Record<string, string>;
  /** A body the route accepts, so one bad part is the only fault; left out for a route that takes no body. */
  valid?: () => Record<string, unknown>;
  /** The body has no required field (no "missing" case). */
  nothingRequired?: boolean;
  public?: boolean;
}

/** The valid body the route walker uses (test-support/resource-fixtures.ts), aimed at E. */
const sample = (route: string) => () => SAMPLE_BODIES[route](t, 'E') as Record<string, unknown>;
const byHousehold = { id: () => household };
const byCampaign = { id: () => campaign };
const byApplication = { id: () => application };
const byFund = { id: () => cityFund };
const byDrive = { id: () => donationDrive };
const byPosting = { id: () => draftPosting };
const byEnterprise = { id: () => enterprise };

/**
 * Every JSON write route, keyed "METHOD /url" as registered. A route added to the app fails the
 * coverage test until it is here with its cases: give `valid` (if it takes a body) and `id`.
 */
const ROUTES: Record<string, Route> = {
  'POST /api/auth/sign-in': { valid: () => ({ username: 'admin-a', password: TEST_PASSWORD }), public: true },
  'POST /api/auth/password': { valid: () => ({ currentPassword: TEST_PASSWORD, newPassword: 'another-long-password-1' }) },
  'POST /api/auth/sign-out': {},
  'POST /api/orgs': { valid: () => ({ parentId: t.orgs.E.id, code: 'BAD-INPUT', name: '坏输入', type: 'aid_station' }) },
  'PATCH /api/orgs/:id': { id: () => movable, valid: () => ({ name: '改名' }), nothingRequired: true },
  'POST /api/orgs/:id/move': { id: () => movable, valid: () => ({ newParentId: t.orgs.D.id }) },
  'POST /api/orgs/:id/deactivate': { id: () => movable },
  'POST /api/orgs/:id/activate': { id: () => movable },
  'POST /api/users': { valid: () => ({ orgId: t.orgs.E.id, username: 'bad-input', displayName: '坏输入', roles: ['caseworker'] }) },
  'PATCH /api/users/:id': { id: () => targetUser, valid: () => ({ displayName: '改名' }), nothingRequired: true },
  'PUT /api/users/:id/roles': { id: () => targetUser, valid: () => ({ roles: ['reviewer'] }) },
  'POST /api/users/:id/disable': { id: () => targetUser },
  'POST /api/users/:id/enable': { id: () => targetUser },
  'POST /api/users/:id/unlock': { id: () => targetUser },
  'POST /api/users/:id/reset-password': { id: () => targetUser },
  'POST /api/households/lookup': { valid: () => ({ idNumber: uniqueIdNumber() }) },
  'POST /api/households': { valid: () => sampleHousehold(t.orgs.E.id) as unknown as Record<string, unknown> },
  'PATCH /api/households/:id': { ...byHousehold, valid: () => ({ priorityGroup: '劳模', exitMeasures: '技能培训\n推荐就业' }), nothingRequired: true },
  'POST /api/households/:id/check': byHousehold,
  'POST /api/households/:id/visit': { ...byHousehold, valid: sample('POST /api/households/:id/visit') },
  'POST /api/households/:id/start-notice': { ...byHousehold, valid: () => ({ noticeDays: 7, note: '公示地点：社区公告栏' }), nothingRequired: true },
  'POST /api/households/:id/approve': byHousehold,
  'POST /api/households/:id/return': { ...byHousehold, valid: sample('POST /api/households/:id/return') },
  'POST /api/households/:id/resubmit': byHousehold,
  'POST /api/households/:id/reject': { ...byHousehold, valid: sample('POST /api/households/:id/reject') },
  'POST /api/households/:id/verify': { ...byHousehold, valid: sample('POST /api/households/:id/verify') },
  'POST /api/households/:id/lift': { ...byHousehold, valid: sample('POST /api/households/:id/lift') },
  'POST /api/households/:id/follow-up': { ...byHousehold, valid: sample('POST /api/households/:id/follow-up') },
  'POST /api/households/:id/reopen': { ...byHousehold, valid: sample('POST /api/households/:id/reopen') },
  'POST /api/households/:id/close': { ...byHousehold, valid: sample('POST /api/households/:id/close') },
  'POST /api/households/:id/objections': { ...byHousehold, valid: sample('POST /api/households/:id/objections') },
  'POST /api/households/:id/objections/:objectionId/resolve': { ...byHousehold, valid: sample('POST /api/households/:id/objections/:objectionId/resolve') },
  'POST /api/households/:id/transfer': { ...byHousehold, valid: () => ({ toOrgId: t.orgs.D.id, reason: '职工调动' }) },
  'POST /api/households/:id/reveal': { ...byHousehold, valid: sample('POST /api/households/:id/reveal') },
  'POST /api/households/:id/aid': { ...byHousehold, valid: sample('POST /api/households/:id/aid') },
  'DELETE /api/households/:id/attachments/:attachmentId': { ...byHousehold, params: () => ({ attachmentId: attachment }), valid: () => ({ reason: '上传错了文件' }) },
  'POST /api/household-transfers/:id/accept': {},
  'POST /api/household-transfers/:id/decline': {},
  'POST /api/household-imports/:id/approve': { valid: () => ({ reason: '核对无误' }), nothingRequired: true },
  'POST /api/household-imports/:id/reject': { valid: () => ({ reason: '数据有误' }) },
  'POST /api/background-jobs/:id/cancel': {},
  'POST /api/programs': { valid: () => ({ code: 'BAD-INPUT', name: '坏输入项目', kind: 'per_student' }) },
  'POST /api/campaigns': { valid: () => ({ ...sample('POST /api/campaigns')(), programId: program }) },
  'PATCH /api/campaigns/:id': { ...byCampaign, valid: () => ({ name: '改名', version: 1 }) },
  'PUT /api/campaigns/:id/rules': { ...byCampaign, valid: () => ({ rules: goldenAutumnRules(), version: 1 }) },
  'POST /api/campaigns/:id/status': { ...byCampaign, valid: () => ({ status: 'closed' }) },
  'POST /api/campaigns/:id/notice': { ...byCampaign, valid: () => ({ noticeDays: 5 }), nothingRequired: true },
  'POST /api/campaigns/:id/release-notice': byCampaign,
  'POST /api/campaigns/:id/worklist/build': byCampaign,
  'POST /api/campaigns/:id/contacts': { ...byCampaign, valid: () => ({ studentIdHash: 'A'.repeat(43), method: 'phone', contactedOn: '2026-03-01', outcome: 'reached', note: '家长已知晓' }) },
  'POST /api/campaigns/:id/preview': { ...byCampaign, valid: () => ({ rules: goldenAutumnRules() }), nothingRequired: true },
  'POST /api/applications': { valid: () => ({ ...sample('POST /api/applications')(), campaignId: campaign }) },
  'PATCH /api/applications/:id': { ...byApplication, valid: () => ({ major: '采矿工程', version: 1 }) },
  'POST /api/applications/:id/submit': byApplication,
  ...Object.fromEntries(
    ['verify', 'approve-district', 'approve-city', 'return', 'reject', 'withdraw'].map((step) => [`POST /api/applications/:id/${step}`, { ...byApplication, valid: () => ({ reason: '材料齐全' }), nothingRequired: true }]),
  ),
  'POST /api/applications/bulk-step': { valid: () => ({ step: 'verify', ids: [application] }) },
  'POST /api/applications/:id/reveal': { ...byApplication, valid: () => ({ field: 'studentIdNumber', reason: '核对身份' }) },
  'POST /api/applications/:id/objections': { ...byApplication, valid: () => ({ content: '有群众反映其家庭收入较高' }) },
  'POST /api/applications/:id/objections/:objectionId/resolve': { ...byApplication, valid: () => ({ resolution: '经核实不属实', upheld: false }) },
  'DELETE /api/applications/:id/attachments/:attachmentId': { ...byApplication, params: () => ({ attachmentId: applicationAttachment }), valid: () => ({ reason: '上传错了文件' }) },
  'POST /api/funds': { valid: () => ({ orgId: t.orgs.E.id, name: '坏输入新基金' }) },
  'POST /api/funds/:id/incomes': { ...byFund, valid: () => ({ source: 'enterprise', counterparty: '焦煤集团', amountFen: 100, receivedOn: '2021-08-20' }) },
  'POST /api/funds/:id/allocations': { ...byFund, valid: () => ({ toFundId: districtFund, amountFen: 100, allocatedOn: '2021-08-25' }) },
  'POST /api/donation-drives': { valid: () => ({ orgId: t.orgs.E.id, fundId: districtFund, name: '坏输入新募捐', description: '说明', goalFen: 100_000, startsOn: '2026-01-01', endsOn: '2026-12-31' }) },
  'PATCH /api/donation-drives/:id': { ...byDrive, valid: () => ({ name: '坏输入募捐', description: '改说明' }), nothingRequired: true },
  'POST /api/donation-drives/:id/donations': { ...byDrive, valid: () => ({ donorKind: 'person', donorName: '李四', donorUnit: '财务科', channel: 'cash', amountFen: 100, receivedOn: '2026-03-01', note: '现场' }) },
  'POST /api/donation-drives/:id/donation-batches': { ...byDrive, valid: () => ({ channel: 'cash', receivedOn: '2026-03-01', note: '集体捐款', rows: [{ donorName: '王五', donorUnit: '后勤', amountFen: 100 }] }) },
  'POST /api/donations/:id/refund': { id: () => donation, valid: () => ({ reason: '捐款人申请退回' }) },
  'POST /api/payment-batches': { valid: () => ({ fundId: cityFund, name: '坏输入批次' }) },
  'POST /api/payment-batches/:id/approve': { valid: () => ({ note: '核对无误' }), nothingRequired: true },
  'POST /api/payment-batches/:id/execute': { valid: () => ({ paidOn: '2021-09-08' }) },
  'POST /api/payment-batches/:id/discard': { valid: () => ({ reason: '名单有误' }) },
  'POST /api/campaigns/:id/lump-sum-batches': { valid: () => ({ orgId: t.orgs.E.id }), nothingRequired: true },
  'POST /api/lump-sum-batches/:id/confirm': { valid: () => ({ note: '核对无误' }), nothingRequired: true },
  'POST /api/lump-sum-batches/:id/discard': { valid: () => ({ note: '名单有误' }), nothingRequired: true },
  'POST /api/applications/:id/follow-ups': { ...byApplication, valid: () => ({ year: 2026, status: 'internship', employer: '焦作市某机械厂', note: '实习顺利', contactedOn: '2026-03-01' }) },
  'POST /api/policies': { valid: () => samplePolicyArticle(t, 'E') },
  'PATCH /api/policies/:id': { id: () => policyArticle, valid: () => ({ title: '修改后的标题', summary: '修改后的摘要', version: 1 }) },
  'POST /api/policies/:id/publish': { id: () => policyArticle },
  'POST /api/policies/:id/withdraw': { id: () => policyArticle, valid: () => ({ reason: '内容有误' }) },
  'DELETE /api/policies/:id/attachments/:attachmentId': { id: () => policyArticle, params: () => ({ attachmentId: policyAttachment }), valid: () => ({ reason: '上传错了文件' }) },
  'POST /api/public/consultations': { valid: () => samplePublicQuestion(t, 'B'), public: true },
  'POST /api/consultations': { valid: () => ({ ...sampleHotlineCall(t, 'E'), answer: '已当场答复' }) },
  'POST /api/consultations/:id/answer': { id: () => consultation, valid: () => ({ answer: '请到区总工会法律援助窗口咨询。' }) },
  'POST /api/consultations/:id/close': { id: () => consultation, valid: () => ({ reason: '已电话回复' }), nothingRequired: true },
  'POST /api/consultations/:id/reroute': { id: () => consultation, valid: () => ({ toOrgId: t.orgs.D.id, reason: '属D处理' }) },
  'POST /api/consultations/:id/reveal': { id: () => consultation, valid: () => ({ reason: '电话回访' }) },
  'POST /api/consultations/:id/faq': { id: () => consultation, valid: () => ({ category: 'labour_rights', question: '被拖欠工资怎么办？', answer: '可申请法律援助。' }) },
  'POST /api/faq': { valid: () => sampleFaq(t, 'E') },
  'PATCH /api/faq/:id': { id: () => faqEntry, valid: () => ({ question: '改写后的问题？', published: false }), nothingRequired: true },
  'POST /api/job-seekers': { valid: () => sampleSeeker(t, 'E', { hardship: true }) },
  'POST /api/enterprises': { valid: () => sampleEnterprise(t, 'E') },
  'PATCH /api/enterprises/:id': { ...byEnterprise, valid: () => ({ name: '坏输入改名有限公司', address: '焦作市解放区民主路 2 号', version: 1 }) },
  'POST /api/enterprises/:id/deactivate': byEnterprise,
  'POST /api/enterprises/:id/activate': byEnterprise,
  'POST /api/enterprises/:id/hr-accounts': { ...byEnterprise, valid: () => ({ username: `bad-hr-${crypto.randomUUID().slice(0, 8)}`, displayName: '招聘专员' }) },
  'POST /api/job-seekers/:id/referrals': { id: () => jobSeeker, valid: () => ({ postingId: jobPosting, note: '已电话通知面试' }) },
  'PATCH /api/job-seekers/:id': { id: () => jobSeeker, valid: () => ({ skills: '电焊、CAD', phone: '13903910009', wishedRegion: '410882', version: 1 }) },
  'POST /api/job-seekers/:id/reveal': { id: () => jobSeeker, valid: () => ({ field: 'phone', reason: '通知面试' }) },
  'POST /api/job-seekers/:id/deactivate': { id: () => jobSeeker, valid: () => ({ reason: '本人暂不求职' }) },
  'POST /api/job-seekers/:id/reactivate': { id: () => jobSeeker, valid: () => ({ reason: '本人重新求职' }) },
  'POST /api/job-referrals/:id/outcome': { id: () => jobReferral, valid: () => ({ outcome: 'placed', placedOn: '2026-03-02', note: '已签合同' }) },
  'POST /api/job-postings': { valid: () => samplePosting(t, postingEnterprise, { submit: true }) },
  'PATCH /api/job-postings/:id': { ...byPosting, valid: () => ({ title: '坏输入数控车工', openings: 2, version: 1 }) },
  'POST /api/job-postings/:id/submit': byPosting,
  'POST /api/job-postings/:id/approve': { ...byPosting, valid: () => ({ note: '信息完整' }), nothingRequired: true },
  'POST /api/job-postings/:id/return': { ...byPosting, valid: () => ({ reason: '请写明工作时间' }) },
  'POST /api/job-postings/:id/reject': { ...byPosting, valid: () => ({ reason: '岗位信息不实' }) },
  'POST /api/job-postings/:id/close': { ...byPosting, valid: () => ({ reason: '已招满' }), nothingRequired: true },
};

/**
 * Write routes whose body is a file, not JSON: their bad bodies (types, sizes, broken files) are
 * tested beside them. The coverage test checks each is still registered as a raw-body route.
 */
const RAW_BODY_ROUTES: Record<string, string> = {
  'POST /api/job-posting-imports': 'server/modules/employment/postings/import/posting-import.test.ts',
  'POST /api/enterprise-imports': 'server/modules/employment/enterprises/import/import-enterprises.test.ts',
  'POST /api/household-imports': 'server/modules/households/import/import-households.test.ts and household-import-jobs.test.ts',
  'POST /api/households/:id/attachments': 'server/modules/households/attachments/household-attachments.test.ts',
  'POST /api/applications/:id/attachments': 'server/modules/campaigns/applications/attachments/application-attachments.test.ts',
  'POST /api/application-imports': 'server/modules/campaigns/import/application-import.test.ts',
  'POST /api/donation-drives/:id/donation-batches/parse-xlsx': 'server/modules/funds/donations/donation-batch.test.ts',
  'POST /api/payment-batches/:id/result-import': 'server/modules/funds/payments/payments.test.ts',
  'POST /api/policies/:id/attachments': 'server/modules/employment/policies/policies.test.ts',
};

interface Case {
  route: keyof typeof ROUTES;
  what: string;
  /** The JSON body, built after setup; or `raw` text sent as is. */
  body?: () => unknown;
  raw?: string;
  contentType?: string;
  id?: string;
  /** Other path parameters than `:id`, instead of the route's. */
  params?: Record<string, string>;
  status: number;
  code: string;
  fields?: string[];
}

const withExtra = (route: keyof typeof ROUTES, extra: Record<string, unknown>) => () => ({ ...ROUTES[route].valid!(), ...extra });
const v = (route: keyof typeof ROUTES, extra: Record<string, unknown>, fields: string[], what: string): Case => ({ route, what, body: withExtra(route, extra), status: 400, code: 'VALIDATION', fields });
const missing = (route: keyof typeof ROUTES, drop: string[], what = `missing ${drop.join(' and ')}`): Case => ({
  route,
  what,
  body: () => Object.fromEntries(Object.entries(ROUTES[route].valid!()).filter(([k]) => !drop.includes(k))),
  status: 400,
  code: 'VALIDATION',
  fields: drop.map((f) => `body.${f}`),
});

const CASES: Case[] = [
  // POST /api/orgs
  { route: 'POST /api/orgs', what: 'missing required fields', body: () => ({}), status: 400, code: 'VALIDATION', fields: ['body.parentId', 'body.code', 'body.name', 'body.type'] },
  { route: 'POST /api/orgs', what: 'missing name', body: () => ({ parentId: t.orgs.E.id, code: 'NO-NAME', type: 'aid_station' }), status: 400, code: 'VALIDATION', fields: ['body.name'] },
  v('POST /api/orgs', { parentId: 42, code: ['A'], name: { zh: '名' }, type: true }, ['body.parentId', 'body.code', 'body.name', 'body.type'], 'wrong types'),
  v('POST /api/orgs', { type: 'club', regionCode: 410802 }, ['body.type', 'body.regionCode'], 'a type outside the list and a numeric region code'),
  v('POST /api/orgs', { name: LONG }, ['body.name'], 'an over-long name'),
  v('POST /api/orgs', { nameEn: LONG }, ['body.nameEn'], 'an over-long English name'),
  v('POST /api/orgs', { code: LONG }, ['body.code'], 'an over-long code'),
  v('POST /api/orgs', { path: '/1/' }, ['body.path'], 'an unknown field path'),
  v('POST /api/orgs', { active: false, depth: 0 }, ['body.active', 'body.depth'], 'unknown fields active and depth'),
  { route: 'POST /api/orgs', what: 'a parent that does not exist', body: withExtra('POST /api/orgs', { parentId: MISSING_UUID }), status: 404, code: 'NOT_FOUND' },
  // PATCH /api/orgs/:id
  v('PATCH /api/orgs/:id', { name: '   ' }, ['body.name'], 'a blank name'),
  v('PATCH /api/orgs/:id', { name: 5, type: null, regionCode: 'abc' }, ['body.name', 'body.type', 'body.regionCode'], 'wrong types'),
  v('PATCH /api/orgs/:id', { name: LONG }, ['body.name'], 'an over-long name'),
  v('PATCH /api/orgs/:id', { code: 'NEW-CODE' }, ['body.code'], 'an unknown field code'),
  v('PATCH /api/orgs/:id', { parentId: MISSING_UUID, path: '/1/' }, ['body.parentId', 'body.path'], 'unknown fields parentId and path'),
  // POST /api/orgs/:id/move
  { route: 'POST /api/orgs/:id/move', what: 'missing newParentId', body: () => ({}), status: 400, code: 'VALIDATION', fields: ['body.newParentId'] },
  v('POST /api/orgs/:id/move', { newParentId: 7 }, ['body.newParentId'], 'a number for newParentId'),
  v('POST /api/orgs/:id/move', { newParentId: LONG }, ['body.newParentId'], 'an over-long newParentId'),
  v('POST /api/orgs/:id/move', { parentId: MISSING_UUID }, ['body.parentId'], 'an unknown field parentId'),
  { route: 'POST /api/orgs/:id/move', what: 'an id that is not a uuid (SQL)', id: "1' or '1'='1", body: withExtra('POST /api/orgs/:id/move', {}), status: 400, code: 'VALIDATION', fields: ['params.id'] },
  { route: 'POST /api/orgs/:id/move', what: 'a new parent that does not exist', body: () => ({ newParentId: MISSING_UUID }), status: 404, code: 'NOT_FOUND' },
  // POST /api/users
  { route: 'POST /api/users', what: 'missing required fields', body: () => ({}), status: 400, code: 'VALIDATION', fields: ['body.orgId', 'body.username', 'body.displayName'] },
  v('POST /api/users', { orgId: 1, username: 2, displayName: false, roles: 'caseworker' }, ['body.orgId', 'body.username', 'body.displayName', 'body.roles'], 'wrong types'),
  v('POST /api/users', { username: '1-starts-with-a-digit' }, ['body.username'], 'a malformed username'),
  v('POST /api/users', { roles: ['god'] }, ['body.roles.0'], 'a role that does not exist'),
  v('POST /api/users', { displayName: LONG, username: LONG }, ['body.displayName', 'body.username'], 'over-long names'),
  v('POST /api/users', { passwordHash: '$argon2id$forged', active: false }, ['body.passwordHash', 'body.active'], 'unknown fields passwordHash and active'),
  { route: 'POST /api/users', what: 'an org that does not exist', body: withExtra('POST /api/users', { orgId: MISSING_UUID }), status: 404, code: 'NOT_FOUND' },
  // PATCH /api/users/:id
  v('PATCH /api/users/:id', { displayName: '' }, ['body.displayName'], 'an empty display name (missing)'),
  v('PATCH /api/users/:id', { displayName: [], orgId: 'E' }, ['body.displayName', 'body.orgId'], 'wrong types'),
  v('PATCH /api/users/:id', { displayName: LONG }, ['body.displayName'], 'an over-long display name'),
  v('PATCH /api/users/:id', { roles: ['org_admin'], passwordHash: 'x', mustChangePassword: false }, ['body.roles', 'body.passwordHash', 'body.mustChangePassword'], 'unknown fields'),
  { route: 'PATCH /api/users/:id', what: 'an org that does not exist', body: () => ({ orgId: MISSING_UUID }), status: 404, code: 'NOT_FOUND' },
  // PUT /api/users/:id/roles
  { route: 'PUT /api/users/:id/roles', what: 'missing roles', body: () => ({}), status: 400, code: 'VALIDATION', fields: ['body.roles'] },
  v('PUT /api/users/:id/roles', { roles: 'reviewer' }, ['body.roles'], 'a string for roles'),
  v('PUT /api/users/:id/roles', { roles: [1, 'god'] }, ['body.roles.0', 'body.roles.1'], 'wrong role items'),
  v('PUT /api/users/:id/roles', { roles: [LONG] }, ['body.roles.0'], 'an over-long role'),
  v('PUT /api/users/:id/roles', { roles: Array(9).fill('reviewer') }, ['body.roles'], 'too many roles'),
  // POST /api/auth/password
  { route: 'POST /api/auth/password', what: 'missing fields', body: () => ({}), status: 400, code: 'VALIDATION', fields: ['body.currentPassword', 'body.newPassword'] },
  v('POST /api/auth/password', { currentPassword: 1, newPassword: true }, ['body.currentPassword', 'body.newPassword'], 'wrong types'),
  v('POST /api/auth/password', { newPassword: LONG }, ['body.newPassword'], 'an over-long new password'),
  v('POST /api/auth/password', { currentPassword: LONG }, ['body.currentPassword'], 'an over-long current password'),
  // POST /api/auth/sign-in
  { route: 'POST /api/auth/sign-in', what: 'missing fields', body: () => ({}), status: 400, code: 'VALIDATION', fields: ['body.username', 'body.password'] },
  v('POST /api/auth/sign-in', { username: 1, password: null }, ['body.username', 'body.password'], 'wrong types'),
  v('POST /api/auth/sign-in', { username: LONG }, ['body.username'], 'an over-long username'),
  v('POST /api/auth/sign-in', { password: LONG }, ['body.password'], 'an over-long password'),

  // POST /api/households/lookup
  missing('POST /api/households/lookup', ['idNumber']),
  v('POST /api/households/lookup', { idNumber: 410803197801150011 }, ['body.idNumber'], 'wrong types: a number for the ID'),
  v('POST /api/households/lookup', { idNumber: LONG }, ['body.idNumber'], 'an over-long ID number'),
  v('POST /api/households/lookup', { idNumber: '410803197801150012' }, ['body.idNumber'], 'an ID number with a wrong check digit'),
  // POST /api/households
  missing('POST /api/households', ['orgId', 'name', 'idNumber', 'employmentForm', 'category', 'mainCause']),
  v('POST /api/households', { name: 1, singleParent: 'yes', monthlyIncomeFen: '1800.00', members: {} }, ['body.name', 'body.singleParent', 'body.monthlyIncomeFen', 'body.members'], 'wrong types'),
  v('POST /api/households', { monthlyIncomeFen: 1800.5, secondaryCauses: ['other', 'other', 'other', 'other'] }, ['body.monthlyIncomeFen', 'body.secondaryCauses'], 'wrong types: fractional fen and too many causes'),
  v('POST /api/households', { name: LONG, employerName: LONG, exitMeasures: LONG }, ['body.name', 'body.employerName', 'body.exitMeasures'], 'over-long texts'),
  v('POST /api/households', { status: 'archived', caseNo: 'X-1', createdBy: MISSING_UUID }, ['body.status', 'body.caseNo', 'body.createdBy'], 'unknown fields status, caseNo and createdBy'),
  v('POST /api/households', { members: [{ relation: 'spouse', name: '李\ud800秀英', idNumber: uniqueIdNumber(1980) }] }, ['body.members.0.name'], 'a lone surrogate in a member name'),
  v('POST /api/households', { members: [{ relation: 'spouse', name: '李\u0007秀英', idNumber: uniqueIdNumber(1980), age: 40 }] }, ['body.members.0.name', 'body.members.0.age'], 'a BEL in a member name and an unknown member field'),
  { route: 'POST /api/households', what: 'an org that does not exist', body: withExtra('POST /api/households', { orgId: MISSING_UUID }), status: 404, code: 'NOT_FOUND' },
  // PATCH /api/households/:id
  v('PATCH /api/households/:id', { name: '  ' }, ['body.name'], 'a blank name'),
  v('PATCH /api/households/:id', { health: 'fine', disabilityGrade: '2', members: 'none' }, ['body.health', 'body.disabilityGrade', 'body.members'], 'wrong types'),
  v('PATCH /api/households/:id', { priorityGroup: LONG }, ['body.priorityGroup'], 'an over-long priority group'),
  v('PATCH /api/households/:id', { orgId: MISSING_UUID, idNumber: '410803197801150011', status: 'archived' }, ['body.orgId', 'body.idNumber', 'body.status'], 'unknown fields orgId, idNumber (a transfer, a new filing) and status'),
  v('PATCH /api/households/:id', { members: [{ relation: 'child', name: '新成员' }] }, ['body.members.0.idNumber'], 'a new member missing its ID number'),
  // the steps with a body
  ...(['visit', 'verify'] as const).flatMap((step): Case[] => {
    const route = `POST /api/households/:id/${step}`;
    return [
      missing(route, ['visitDate', 'visitors', 'findings', 'consentSigned']),
      v(route, { visitDate: '2026-02-30', consentSigned: 'yes' }, ['body.visitDate', 'body.consentSigned'], 'wrong types: an impossible date, a string for consent'),
      v(route, { consentSigned: false }, ['body.consentSigned'], 'no signed consent'),
      v(route, { findings: LONG, visitors: LONG }, ['body.findings', 'body.visitors'], 'over-long findings and visitors'),
      v(route, { householdId: MISSING_UUID }, ['body.householdId'], 'an unknown field householdId'),
    ];
  }),
  v('POST /api/households/:id/start-notice', { noticeDays: 0, note: 7 }, ['body.noticeDays', 'body.note'], 'wrong types: zero days, a number for the note'),
  v('POST /api/households/:id/start-notice', { noticeDays: 31 }, ['body.noticeDays'], 'too many days'),
  v('POST /api/households/:id/start-notice', { note: LONG }, ['body.note'], 'an over-long note'),
  v('POST /api/households/:id/start-notice', { noticeEndsOn: '2026-12-31' }, ['body.noticeEndsOn'], 'an unknown field noticeEndsOn'),
  ...(['return', 'reject', 'lift', 'reopen', 'close'] as const).flatMap((step): Case[] => {
    const route = `POST /api/households/:id/${step}`;
    return [
      missing(route, ['reason']),
      v(route, { reason: '   ' }, ['body.reason'], 'a blank reason (missing)'),
      v(route, { reason: ['材料不全'] }, ['body.reason'], 'wrong types: an array for the reason'),
      v(route, { reason: LONG }, ['body.reason'], 'an over-long reason'),
      v(route, { status: 'archived' }, ['body.status'], 'an unknown field status'),
    ];
  }),
  missing('POST /api/households/:id/follow-up', ['contactDate', 'method', 'notes']),
  v('POST /api/households/:id/follow-up', { contactDate: 20260301, method: null }, ['body.contactDate', 'body.method'], 'wrong types'),
  v('POST /api/households/:id/follow-up', { notes: LONG, method: LONG }, ['body.notes', 'body.method'], 'over-long notes and method'),
  v('POST /api/households/:id/follow-up', { visitors: '张三' }, ['body.visitors'], 'an unknown field visitors'),
  missing('POST /api/households/:id/objections', ['content']),
  v('POST /api/households/:id/objections', { content: { text: '有房产' }, raisedBy: 5 }, ['body.content', 'body.raisedBy'], 'wrong types'),
  v('POST /api/households/:id/objections', { content: LONG, raisedBy: LONG }, ['body.content', 'body.raisedBy'], 'over-long content and raiser'),
  v('POST /api/households/:id/objections', { upheld: true }, ['body.upheld'], 'an unknown field upheld'),
  missing('POST /api/households/:id/objections/:objectionId/resolve', ['resolution', 'upheld']),
  v('POST /api/households/:id/objections/:objectionId/resolve', { upheld: 'no' }, ['body.upheld'], 'wrong types: a string for upheld'),
  v('POST /api/households/:id/objections/:objectionId/resolve', { resolution: LONG }, ['body.resolution'], 'an over-long resolution'),
  v('POST /api/households/:id/objections/:objectionId/resolve', { resolvedBy: MISSING_UUID }, ['body.resolvedBy'], 'an unknown field resolvedBy'),
  missing('POST /api/households/:id/transfer', ['toOrgId', 'reason']),
  v('POST /api/households/:id/transfer', { toOrgId: 'D' }, ['body.toOrgId'], 'wrong types: an org name for the id'),
  v('POST /api/households/:id/transfer', { reason: LONG }, ['body.reason'], 'an over-long reason'),
  v('POST /api/households/:id/transfer', { fromOrgId: MISSING_UUID }, ['body.fromOrgId'], 'an unknown field fromOrgId'),
  missing('POST /api/households/:id/reveal', ['field', 'reason']),
  v('POST /api/households/:id/reveal', { field: 'passwordHash', memberId: 'first' }, ['body.field', 'body.memberId'], 'wrong types: a field outside the list and a member that is not a uuid'),
  v('POST /api/households/:id/reveal', { reason: LONG }, ['body.reason'], 'an over-long reason'),
  v('POST /api/households/:id/reveal', { fields: ['idNumber', 'phone'] }, ['body.fields'], 'an unknown field fields'),
  missing('POST /api/households/:id/aid', ['program', 'aidType', 'amountFen', 'aidedOn']),
  v('POST /api/households/:id/aid', { amountFen: 500.5, aidType: 'loan', aidedOn: '20.1.2026' }, ['body.amountFen', 'body.aidType', 'body.aidedOn'], 'wrong types: fractional fen, an aid type outside the list, a date'),
  v('POST /api/households/:id/aid', { amountFen: -1 }, ['body.amountFen'], 'wrong types: a negative amount'),
  v('POST /api/households/:id/aid', { program: LONG, note: LONG }, ['body.program', 'body.note'], 'over-long program and note'),
  v('POST /api/households/:id/aid', { fundId: MISSING_UUID }, ['body.fundId'], 'an unknown field fundId'),
  missing('DELETE /api/households/:id/attachments/:attachmentId', ['reason']),
  v('DELETE /api/households/:id/attachments/:attachmentId', { reason: 42 }, ['body.reason'], 'wrong types: a number for the reason'),
  v('DELETE /api/households/:id/attachments/:attachmentId', { reason: LONG }, ['body.reason'], 'an over-long reason'),
  { route: 'DELETE /api/households/:id/attachments/:attachmentId', what: 'an attachment id that is not a uuid', params: { attachmentId: 'not-a-uuid' }, body: withExtra('DELETE /api/households/:id/attachments/:attachmentId', {}), status: 400, code: 'VALIDATION', fields: ['params.attachmentId'] },
  { route: 'DELETE /api/households/:id/attachments/:attachmentId', what: 'an attachment that does not exist', params: { attachmentId: MISSING_UUID }, body: withExtra('DELETE /api/households/:id/attachments/:attachmentId', {}), status: 404, code: 'NOT_FOUND' },
  // an application's documents
  missing('DELETE /api/applications/:id/attachments/:attachmentId', ['reason']),
  v('DELETE /api/applications/:id/attachments/:attachmentId', { reason: 42 }, ['body.reason'], 'wrong types: a number for the reason'),
  v('DELETE /api/applications/:id/attachments/:attachmentId', { reason: LONG }, ['body.reason'], 'an over-long reason'),
  { route: 'DELETE /api/applications/:id/attachments/:attachmentId', what: 'an attachment id that is not a uuid', params: { attachmentId: 'not-a-uuid' }, body: withExtra('DELETE /api/applications/:id/attachments/:attachmentId', {}), status: 400, code: 'VALIDATION', fields: ['params.attachmentId'] },
  { route: 'DELETE /api/applications/:id/attachments/:attachmentId', what: 'an attachment that does not exist', params: { attachmentId: MISSING_UUID }, body: withExtra('DELETE /api/applications/:id/attachments/:attachmentId', {}), status: 404, code: 'NOT_FOUND' },
  // the import decisions
  v('POST /api/household-imports/:id/approve', { reason: true }, ['body.reason'], 'wrong types: a boolean reason'),
  v('POST /api/household-imports/:id/approve', { reason: LONG }, ['body.reason'], 'an over-long reason'),
  missing('POST /api/household-imports/:id/reject', ['reason']),
  v('POST /api/household-imports/:id/reject', { reason: 1 }, ['body.reason'], 'wrong types: a number for the reason'),
  v('POST /api/household-imports/:id/reject', { reason: LONG }, ['body.reason'], 'an over-long reason'),
  // programs and campaigns
  missing('POST /api/programs', ['code', 'name', 'kind']),
  v('POST /api/programs', { kind: 'per_family', code: 'a b' }, ['body.kind', 'body.code'], 'a kind outside the list and a malformed code'),
  v('POST /api/programs', { name: 7, kind: ['per_student'] }, ['body.name', 'body.kind'], 'wrong types'),
  v('POST /api/programs', { name: LONG, description: LONG }, ['body.name', 'body.description'], 'over-long name and description'),
  missing('POST /api/campaigns', ['programId', 'orgId', 'name', 'year', 'applyFrom', 'applyTo', 'rules', 'participants']),
  v('POST /api/campaigns', { name: 5, year: '2026', participants: {} }, ['body.name', 'body.year', 'body.participants'], 'wrong types'),
  v('POST /api/campaigns', { name: LONG }, ['body.name'], 'an over-long name'),
  v('POST /api/campaigns', { year: 1900, applyFrom: '2026-02-30', noticeDays: 0 }, ['body.year', 'body.applyFrom', 'body.noticeDays'], 'a year, a date and notice days out of range'),
  v('POST /api/campaigns', { applyFrom: '2026-12-01', applyTo: '2026-06-01' }, ['body.applyTo'], 'a window that ends before it starts'),
  v('POST /api/campaigns', { participants: [] }, ['body.participants'], 'no participants'),
  v('POST /api/campaigns', { participants: [{ orgId: MISSING_UUID, budgetFen: 10.5 }] }, ['body.participants.0.budgetFen'], 'a fractional budget'),
  v('POST /api/campaigns', { rules: { ...goldenAutumnRules(), amounts: [{ stage: 'senior', filedFen: -1, unfiledFen: 2 }] } }, ['body.rules.amounts.0.filedFen'], 'a negative amount'),
  v('POST /api/campaigns', { rules: { ...goldenAutumnRules(), amounts: [{ stage: 'senior', filedFen: 1, unfiledFen: 2 }] } }, ['body.rules.amounts'], 'stages without amounts'),
  v('POST /api/campaigns', { rules: { ...goldenAutumnRules(), incomeThreshold: { defaultMonthlyFen: 100, regions: [{ regionCode: '4108', dibaoMonthlyFen: 0, multiplePercent: 5000 }] } } }, ['body.rules.incomeThreshold.regions.0.regionCode', 'body.rules.incomeThreshold.regions.0.dibaoMonthlyFen', 'body.rules.incomeThreshold.regions.0.multiplePercent'], 'a malformed region line'),
  v('POST /api/campaigns', { status: 'open', rulesVersion: 9 }, ['body.status', 'body.rulesVersion'], 'unknown fields status and rulesVersion'),
  { route: 'POST /api/campaigns', what: 'a program that does not exist', body: withExtra('POST /api/campaigns', { programId: MISSING_UUID }), status: 400, code: 'VALIDATION', fields: ['body.programId'] },
  missing('PATCH /api/campaigns/:id', ['version']),
  v('PATCH /api/campaigns/:id', { version: '1', applyFrom: 20260101 }, ['body.version', 'body.applyFrom'], 'wrong types'),
  v('PATCH /api/campaigns/:id', { name: LONG }, ['body.name'], 'an over-long name'),
  v('PATCH /api/campaigns/:id', { name: '  ', noticeDays: 31 }, ['body.name', 'body.noticeDays'], 'a blank name and too many notice days'),
  v('PATCH /api/campaigns/:id', { stepActors: { verify: ['club'] } }, ['body.stepActors.verify.0', 'body.stepActors.approve_district'], 'step actors of an unknown org type, a step left out'),
  v('PATCH /api/campaigns/:id', { rules: goldenAutumnRules() }, ['body.rules'], 'an unknown field rules (saved on their own route)'),
  missing('PUT /api/campaigns/:id/rules', ['rules', 'version']),
  v('PUT /api/campaigns/:id/rules', { rules: 'all', version: 1.5 }, ['body.rules', 'body.version'], 'wrong types'),
  v('PUT /api/campaigns/:id/rules', { rules: { ...goldenAutumnRules(), inKindItems: [{ item: LONG, quantity: 1 }] } }, ['body.rules.inKindItems.0.item'], 'an over-long in-kind item'),
  v('PUT /api/campaigns/:id/rules', { rules: { ...goldenAutumnRules(), categories: [], stages: ['kindergarten'] } }, ['body.rules.categories', 'body.rules.stages.0'], 'no category and an unknown stage'),
  v('PUT /api/campaigns/:id/rules', { rules: { ...goldenAutumnRules(), exclusions: { governmentAided: 'yes' } } }, ['body.rules.exclusions.governmentAided', 'body.rules.exclusions.militaryAcademy', 'body.rules.exclusions.freeNormal'], 'exclusions of the wrong type and missing'),
  v('POST /api/campaigns/:id/preview', { rules: 'all' }, ['body.rules'], 'wrong types: a string for the rules'),
  v('POST /api/campaigns/:id/preview', { rules: { ...goldenAutumnRules(), stages: ['kindergarten'], incomeThreshold: { defaultMonthlyFen: -1, regions: [] } } }, ['body.rules.stages.0', 'body.rules.incomeThreshold.defaultMonthlyFen'], 'an unknown stage and a negative line'),
  v('POST /api/campaigns/:id/preview', { rules: { ...goldenAutumnRules(), inKindItems: [{ item: LONG, quantity: 1 }] } }, ['body.rules.inKindItems.0.item'], 'an over-long in-kind item'),
  v('POST /api/campaigns/:id/preview', { rulesVersion: 1 }, ['body.rulesVersion'], 'an unknown field rulesVersion'),
  { route: 'POST /api/campaigns/:id/preview', what: 'rules that do not fit the program (a lump sum for a per-student campaign)', body: () => ({ rules: lumpSumRules() }), status: 400, code: 'VALIDATION', fields: ['body.rules.stages'] },
  // reach: contacts with a worklist student's family
  missing('POST /api/campaigns/:id/contacts', ['studentIdHash', 'method', 'contactedOn', 'outcome']),
  v('POST /api/campaigns/:id/contacts', { studentIdHash: 'a'.repeat(64), method: 'fax', outcome: 'maybe' }, ['body.studentIdHash', 'body.method', 'body.outcome'], 'a malformed key, a method and an outcome outside the lists'),
  v('POST /api/campaigns/:id/contacts', { contactedOn: '2026-02-30', note: 5 }, ['body.contactedOn', 'body.note'], 'wrong types: an impossible date, a number for the note'),
  v('POST /api/campaigns/:id/contacts', { note: LONG }, ['body.note'], 'an over-long note'),
  v('POST /api/campaigns/:id/contacts', { method: 'sms' }, ['body.message'], 'an SMS without its message'),
  v('POST /api/campaigns/:id/contacts', { method: 'sms', message: LONG }, ['body.message'], 'an over-long SMS'),
  v('POST /api/campaigns/:id/contacts', { message: '请申请' }, ['body.message'], 'a message on a phone call'),
  v('POST /api/campaigns/:id/contacts', { orgId: MISSING_UUID, recordedBy: MISSING_UUID }, ['body.orgId', 'body.recordedBy'], 'unknown fields orgId and recordedBy'),
  { route: 'POST /api/campaigns/:id/contacts', what: 'a student on no worklist of the actor', body: withExtra('POST /api/campaigns/:id/contacts', {}), status: 422, code: 'PRECONDITION_FAILED' },
  missing('POST /api/campaigns/:id/status', ['status']),
  v('POST /api/campaigns/:id/status', { status: 'archived' }, ['body.status'], 'a status outside the list'),
  v('POST /api/campaigns/:id/status', { status: 1 }, ['body.status'], 'wrong types: a number for the status'),
  v('POST /api/campaigns/:id/status', { status: LONG }, ['body.status'], 'an over-long status'),
  v('POST /api/campaigns/:id/notice', { noticeDays: 0, ids: ['x'] }, ['body.noticeDays', 'body.ids.0'], 'zero days and an id that is not a uuid'),
  v('POST /api/campaigns/:id/notice', { noticeDays: '5' }, ['body.noticeDays'], 'wrong types: a string for the days'),
  v('POST /api/campaigns/:id/notice', { ids: [LONG] }, ['body.ids.0'], 'an over-long id'),
  // applications
  missing('POST /api/applications', ['campaignId', 'orgId', 'schoolName', 'schoolStage', 'admissionYear']),
  v('POST /api/applications', { admissionYear: '2026', governmentAided: 'no' }, ['body.admissionYear', 'body.governmentAided'], 'wrong types'),
  v('POST /api/applications', { tuitionFen: 5200.5, nationalAid: ['lottery'], schoolKind: 'private' }, ['body.tuitionFen', 'body.nationalAid.0', 'body.schoolKind'], 'fractional fen, national aid and school kind outside the lists'),
  v('POST /api/applications', { student: { name: '赵晓雪', idNumber: '410803200701150012' } }, ['body.student.idNumber'], 'a student ID number with a wrong check digit'),
  v('POST /api/applications', { householdId: MISSING_UUID }, ['body.unfiled', 'body.memberId', 'body.student'], 'a filed household together with unfiled data and no member'),
  v('POST /api/applications', { unfiled: undefined, student: undefined }, ['body.householdId', 'body.student'], 'neither a household nor unfiled data'),
  v('POST /api/applications', { fiveClears: { household: { checked: 'yes' } } }, ['body.fiveClears.household.checked', 'body.fiveClears.aid_received'], 'five clears of the wrong type and missing'),
  v('POST /api/applications', { schoolName: LONG, wish: LONG }, ['body.schoolName', 'body.wish'], 'over-long school and wish'),
  v('POST /api/applications', { status: 'ready', approvedAmountFen: 1 }, ['body.status', 'body.approvedAmountFen'], 'unknown fields status and approvedAmountFen'),
  { route: 'POST /api/applications', what: 'a campaign that does not exist', body: withExtra('POST /api/applications', { campaignId: MISSING_UUID }), status: 404, code: 'NOT_FOUND' },
  missing('PATCH /api/applications/:id', ['version']),
  v('PATCH /api/applications/:id', { version: 'one', tuitionFen: '5000' }, ['body.version', 'body.tuitionFen'], 'wrong types'),
  v('PATCH /api/applications/:id', { schoolName: LONG, major: LONG }, ['body.schoolName', 'body.major'], 'over-long school and major'),
  v('PATCH /api/applications/:id', { schoolStage: 'kindergarten', amountFen: -5 }, ['body.schoolStage', 'body.amountFen'], 'an unknown stage and a negative amount'),
  v('PATCH /api/applications/:id', { campaignId: MISSING_UUID, status: 'ready' }, ['body.campaignId', 'body.status'], 'unknown fields campaignId and status'),
  ...(['verify', 'approve-district', 'approve-city', 'return', 'reject', 'withdraw'] as const).flatMap((step): Case[] => {
    const route = `POST /api/applications/:id/${step}`;
    return [
      v(route, { reason: LONG }, ['body.reason'], 'an over-long reason'),
      v(route, { amountFen: '5000' }, ['body.amountFen'], 'wrong types: a string for the amount'),
      v(route, { status: 'ready' }, ['body.status'], 'an unknown field status'),
    ];
  }),
  missing('POST /api/applications/bulk-step', ['step', 'ids']),
  v('POST /api/applications/bulk-step', { ids: 'all' }, ['body.ids'], 'wrong types: a string for the ids'),
  v('POST /api/applications/bulk-step', { step: LONG }, ['body.step'], 'an over-long step'),
  v('POST /api/applications/bulk-step', { step: 'pay', ids: [] }, ['body.step', 'body.ids'], 'a step outside the list and no ids'),
  v('POST /api/applications/bulk-step', { ids: Array(501).fill(MISSING_UUID) }, ['body.ids'], 'too many ids'),
  missing('POST /api/applications/:id/reveal', ['field', 'reason']),
  v('POST /api/applications/:id/reveal', { reason: 5 }, ['body.reason'], 'wrong types: a number for the reason'),
  v('POST /api/applications/:id/reveal', { reason: LONG }, ['body.reason'], 'an over-long reason'),
  v('POST /api/applications/:id/reveal', { field: 'bankCard' }, ['body.field'], 'a field outside the list'),
  missing('POST /api/applications/:id/objections', ['content']),
  v('POST /api/applications/:id/objections', { content: 5 }, ['body.content'], 'wrong types: a number for the content'),
  v('POST /api/applications/:id/objections', { content: LONG, raisedBy: LONG }, ['body.content', 'body.raisedBy'], 'over-long content and raiser'),
  missing('POST /api/applications/:id/objections/:objectionId/resolve', ['resolution', 'upheld']),
  v('POST /api/applications/:id/objections/:objectionId/resolve', { upheld: 'no' }, ['body.upheld'], 'wrong types: a string for upheld'),
  v('POST /api/applications/:id/objections/:objectionId/resolve', { resolution: LONG }, ['body.resolution'], 'an over-long resolution'),
  // lump-sum batches
  v('POST /api/campaigns/:id/lump-sum-batches', { orgId: 'E' }, ['body.orgId'], 'wrong types: an org name for the id'),
  v('POST /api/campaigns/:id/lump-sum-batches', { orgId: 42 }, ['body.orgId'], 'wrong types: a number for the org'),
  v('POST /api/campaigns/:id/lump-sum-batches', { orgId: LONG }, ['body.orgId'], 'an over-long org id'),
  v('POST /api/campaigns/:id/lump-sum-batches', { campaignId: MISSING_UUID, rulesVersion: 1 }, ['body.campaignId', 'body.rulesVersion'], 'unknown fields campaignId and rulesVersion'),
  ...(['confirm', 'discard'] as const).flatMap((verb): Case[] => {
    const route = `POST /api/lump-sum-batches/:id/${verb}`;
    return [
      v(route, { note: 7 }, ['body.note'], 'wrong types: a number for the note'),
      v(route, { note: LONG }, ['body.note'], 'an over-long note'),
      v(route, { status: 'confirmed', grants: 3 }, ['body.status', 'body.grants'], 'unknown fields status and grants'),
    ];
  }),
  // funds
  missing('POST /api/funds', ['orgId', 'name']),
  v('POST /api/funds', { orgId: 'A', name: 5 }, ['body.orgId', 'body.name'], 'wrong types: an org name for the id, a number for the name'),
  v('POST /api/funds', { name: LONG, purpose: LONG }, ['body.name', 'body.purpose'], 'over-long name and purpose'),
  v('POST /api/funds', { balanceFen: 100 }, ['body.balanceFen'], 'an unknown field balanceFen'),
  missing('POST /api/funds/:id/incomes', ['source', 'counterparty', 'amountFen', 'receivedOn']),
  v('POST /api/funds/:id/incomes', { amountFen: 100.5, receivedOn: '2021/08/20' }, ['body.amountFen', 'body.receivedOn'], 'fractional fen and a date in the wrong form'),
  v('POST /api/funds/:id/incomes', { amountFen: '100', source: 'lottery' }, ['body.amountFen', 'body.source'], 'a string amount and a source outside the list'),
  v('POST /api/funds/:id/incomes', { amountFen: 0 }, ['body.amountFen'], 'a zero amount'),
  v('POST /api/funds/:id/incomes', { amountFen: -100 }, ['body.amountFen'], 'a negative amount'),
  v('POST /api/funds/:id/incomes', { amountFen: 1e16 }, ['body.amountFen'], 'an amount beyond the limit'),
  v('POST /api/funds/:id/incomes', { counterparty: LONG, memo: LONG }, ['body.counterparty', 'body.memo'], 'over-long counterparty and memo'),
  missing('POST /api/funds/:id/allocations', ['toFundId', 'amountFen', 'allocatedOn']),
  v('POST /api/funds/:id/allocations', { toFundId: 'E', amountFen: '1' }, ['body.toFundId', 'body.amountFen'], 'wrong types'),
  v('POST /api/funds/:id/allocations', { memo: LONG }, ['body.memo'], 'an over-long memo'),
  v('POST /api/funds/:id/allocations', { fromFundId: MISSING_UUID }, ['body.fromFundId'], 'an unknown field fromFundId'),
  // payment batches
  missing('POST /api/payment-batches', ['fundId', 'name']),
  v('POST /api/payment-batches', { fundId: 'fund', campaignId: 5 }, ['body.fundId', 'body.campaignId'], 'wrong types'),
  v('POST /api/payment-batches', { name: LONG }, ['body.name'], 'an over-long name'),
  v('POST /api/payment-batches', { totalFen: 1 }, ['body.totalFen'], 'an unknown field totalFen'),
  v('POST /api/payment-batches/:id/approve', { note: LONG }, ['body.note'], 'an over-long note'),
  v('POST /api/payment-batches/:id/approve', { note: 5 }, ['body.note'], 'wrong types: a number for the note'),
  v('POST /api/payment-batches/:id/approve', { approvedBy: MISSING_UUID }, ['body.approvedBy'], 'an unknown field approvedBy'),
  missing('POST /api/payment-batches/:id/execute', ['paidOn']),
  v('POST /api/payment-batches/:id/execute', { paidOn: '8 Sep 2021' }, ['body.paidOn'], 'a date in the wrong form'),
  v('POST /api/payment-batches/:id/execute', { paidOn: 20210908 }, ['body.paidOn'], 'wrong types: a number for the date'),
  v('POST /api/payment-batches/:id/execute', { paidOn: LONG }, ['body.paidOn'], 'an over-long date'),
  missing('POST /api/payment-batches/:id/discard', ['reason']),
  v('POST /api/payment-batches/:id/discard', { reason: LONG }, ['body.reason'], 'an over-long reason'),
  v('POST /api/payment-batches/:id/discard', { reason: 7 }, ['body.reason'], 'wrong types: a number for the reason'),
  // donation drives and donations
  missing('POST /api/donation-drives', ['orgId', 'fundId', 'name', 'goalFen', 'startsOn', 'endsOn']),
  v('POST /api/donation-drives', { goalFen: '1000', startsOn: 20260101 }, ['body.goalFen', 'body.startsOn'], 'wrong types: a string amount, a number for the date'),
  v('POST /api/donation-drives', { name: LONG, description: LONG }, ['body.name', 'body.description'], 'over-long name and description'),
  v('POST /api/donation-drives', { goalFen: 0 }, ['body.goalFen'], 'a zero goal'),
  v('POST /api/donation-drives', { startsOn: '2026-09-09', endsOn: '2026-09-01' }, ['body.endsOn'], 'dates in the wrong order'),
  v('POST /api/donation-drives', { status: 'closed' }, ['body.status'], 'an unknown field status'),
  { route: 'POST /api/donation-drives', what: 'an org that does not exist', body: withExtra('POST /api/donation-drives', { orgId: MISSING_UUID }), status: 404, code: 'NOT_FOUND' },
  { route: 'POST /api/donation-drives', what: 'a fund that does not exist', body: withExtra('POST /api/donation-drives', { fundId: MISSING_UUID }), status: 404, code: 'NOT_FOUND' },
  v('PATCH /api/donation-drives/:id', { goalFen: -1, status: 'paused' }, ['body.goalFen', 'body.status'], 'wrong types: a negative goal, a status outside the list'),
  v('PATCH /api/donation-drives/:id', { name: LONG }, ['body.name'], 'an over-long name'),
  v('PATCH /api/donation-drives/:id', { endsOn: '2025-12-31' }, ['body.endsOn'], 'an end before the start'),
  v('PATCH /api/donation-drives/:id', { fundId: MISSING_UUID }, ['body.fundId'], 'an unknown field fundId'),
  missing('POST /api/donation-drives/:id/donations', ['donorKind', 'channel', 'amountFen', 'receivedOn']),
  v('POST /api/donation-drives/:id/donations', { amountFen: 100.5, channel: 'paypal' }, ['body.amountFen', 'body.channel'], 'wrong types: fractional fen, a channel outside the list'),
  v('POST /api/donation-drives/:id/donations', { amountFen: '100', showOnThanks: 'yes' }, ['body.amountFen', 'body.showOnThanks'], 'a string amount and a string for showOnThanks'),
  v('POST /api/donation-drives/:id/donations', { donorName: LONG, donorUnit: LONG, note: LONG }, ['body.donorName', 'body.donorUnit', 'body.note'], 'over-long name, unit and note'),
  v('POST /api/donation-drives/:id/donations', { amountFen: 1e16 }, ['body.amountFen'], 'an amount beyond the limit'),
  v('POST /api/donation-drives/:id/donations', { donorName: null }, ['body.donorName'], 'a person without a name'),
  v('POST /api/donation-drives/:id/donations', { receivedOn: '2026-03-03' }, ['body.receivedOn'], 'a gift still to come'),
  v('POST /api/donation-drives/:id/donations', { receiptNo: 'T-E-2026-000001' }, ['body.receiptNo'], 'an unknown field receiptNo'),
  missing('POST /api/donation-drives/:id/donation-batches', ['channel', 'receivedOn', 'rows']),
  v('POST /api/donation-drives/:id/donation-batches', { rows: 'everyone' }, ['body.rows'], 'wrong types: a string for the rows'),
  v('POST /api/donation-drives/:id/donation-batches', { rows: [{ donorName: '张三', amountFen: 0 }, { donorName: 5, amountFen: 100 }] }, ['body.rows.0.amountFen', 'body.rows.1.donorName'], 'bad rows, each named by row and field'),
  v('POST /api/donation-drives/:id/donation-batches', { rows: [{ donorName: LONG, amountFen: 100 }] }, ['body.rows.0.donorName'], 'an over-long donor name'),
  v('POST /api/donation-drives/:id/donation-batches', { rows: [] }, ['body.rows'], 'no rows'),
  v('POST /api/donation-drives/:id/donation-batches', { rows: Array.from({ length: 2001 }, () => ({ donorName: '张三', amountFen: 1 })) }, ['body.rows'], 'more than 2,000 rows'),
  v('POST /api/donation-drives/:id/donation-batches', { rows: [{ donorName: '张三', amountFen: 100, idNumber: '410803197805150016' }] }, ['body.rows.0.idNumber'], 'an unknown field in a row'),
  missing('POST /api/donations/:id/refund', ['reason']),
  v('POST /api/donations/:id/refund', { reason: 7 }, ['body.reason'], 'wrong types: a number for the reason'),
  v('POST /api/donations/:id/refund', { reason: LONG }, ['body.reason'], 'an over-long reason'),
  v('POST /api/donations/:id/refund', { amountFen: 100 }, ['body.amountFen'], 'an unknown field amountFen'),
  // follow-ups
  missing('POST /api/applications/:id/follow-ups', ['year', 'status', 'contactedOn']),
  v('POST /api/applications/:id/follow-ups', { year: '2026', status: 'working', contactedOn: '2026/03/01' }, ['body.year', 'body.status', 'body.contactedOn'], 'wrong types: a string year, a status outside the list, a date'),
  v('POST /api/applications/:id/follow-ups', { year: 1999 }, ['body.year'], 'a year out of range'),
  v('POST /api/applications/:id/follow-ups', { employer: LONG, note: LONG }, ['body.employer', 'body.note'], 'over-long employer and note'),
  v('POST /api/applications/:id/follow-ups', { applicationId: MISSING_UUID, recordedBy: MISSING_UUID }, ['body.applicationId', 'body.recordedBy'], 'unknown fields applicationId and recordedBy'),
  v('POST /api/applications/:id/follow-ups', { status: 'employed', employer: null }, ['body.employer'], 'an employed student without the employer'),
  v('POST /api/applications/:id/follow-ups', { contactedOn: '2099-01-01' }, ['body.contactedOn'], 'a contact still to come'),
  // policy articles
  missing('POST /api/policies', ['orgId', 'title', 'category', 'source', 'effectiveOn', 'body']),
  v('POST /api/policies', { title: 5, category: 'tax', effectiveOn: '2026/03/01', body: ['一'] }, ['body.title', 'body.category', 'body.effectiveOn', 'body.body'], 'wrong types: a number title, a category outside the list, a date, an array body'),
  v('POST /api/policies', { title: LONG, source: LONG, docNo: LONG, summary: LONG }, ['body.title', 'body.source', 'body.docNo', 'body.summary'], 'over-long title, source, document number and summary'),
  v('POST /api/policies', { body: '正'.repeat(50_001) }, ['body.body'], 'an over-long body'),
  v('POST /api/policies', { title: '通知\n标题' }, ['body.title'], 'a line break in the one-line title'),
  v('POST /api/policies', { status: 'published', searchTerms: ['通知'] }, ['body.status', 'body.searchTerms'], 'unknown fields status and searchTerms'),
  { route: 'POST /api/policies', what: 'an org that does not exist', body: withExtra('POST /api/policies', { orgId: MISSING_UUID }), status: 404, code: 'NOT_FOUND' },
  missing('PATCH /api/policies/:id', ['version']),
  v('PATCH /api/policies/:id', { version: '1', effectiveOn: 20260301, category: 'tax' }, ['body.version', 'body.effectiveOn', 'body.category'], 'wrong types'),
  v('PATCH /api/policies/:id', { title: LONG }, ['body.title'], 'an over-long title'),
  v('PATCH /api/policies/:id', { title: ' ' }, ['body.title'], 'a blank title'),
  v('PATCH /api/policies/:id', { orgId: MISSING_UUID, status: 'published' }, ['body.orgId', 'body.status'], 'unknown fields orgId and status'),
  missing('POST /api/policies/:id/withdraw', ['reason']),
  v('POST /api/policies/:id/withdraw', { reason: 1 }, ['body.reason'], 'wrong types: a number for the reason'),
  v('POST /api/policies/:id/withdraw', { reason: LONG }, ['body.reason'], 'an over-long reason'),
  missing('DELETE /api/policies/:id/attachments/:attachmentId', ['reason']),
  v('DELETE /api/policies/:id/attachments/:attachmentId', { reason: false }, ['body.reason'], 'wrong types: a boolean reason'),
  v('DELETE /api/policies/:id/attachments/:attachmentId', { reason: LONG }, ['body.reason'], 'an over-long reason'),
  { route: 'DELETE /api/policies/:id/attachments/:attachmentId', what: 'an attachment id that is not a uuid', params: { attachmentId: 'x' }, body: () => ({ reason: '错' }), status: 400, code: 'VALIDATION', fields: ['params.attachmentId'] },
  // consultations: the public form, hotline calls and the staff's steps
  missing('POST /api/public/consultations', ['orgId', 'category', 'question', 'phone']),
  v('POST /api/public/consultations', { orgId: 3, category: 'tax', question: ['问'], phone: 13803912345 }, ['body.orgId', 'body.category', 'body.question', 'body.phone'], 'wrong types'),
  v('POST /api/public/consultations', { question: '问'.repeat(1001), askerName: LONG }, ['body.question', 'body.askerName'], 'an over-long question (over 1,000 characters) and name'),
  v('POST /api/public/consultations', { phone: '0391-3568123' }, ['body.phone'], 'a phone that is not a mobile'),
  v('POST /api/public/consultations', { orgId: MISSING_UUID }, ['body.orgId'], 'an org that does not exist or takes no questions'),
  v('POST /api/public/consultations', { status: 'answered', ticketNo: 'ZX2026030200001', channel: 'hotline' }, ['body.status', 'body.ticketNo', 'body.channel'], 'unknown fields status, ticketNo and channel'),
  missing('POST /api/consultations', ['orgId', 'category', 'question', 'phone']),
  v('POST /api/consultations', { answer: 5, phone: '123' }, ['body.answer', 'body.phone'], 'wrong types: a number answer, a phone that is neither mobile nor landline'),
  v('POST /api/consultations', { question: LONG, answer: LONG }, ['body.question', 'body.answer'], 'an over-long question and answer'),
  v('POST /api/consultations', { channel: 'web' }, ['body.channel'], 'an unknown field channel'),
  { route: 'POST /api/consultations', what: 'an org that does not exist', body: withExtra('POST /api/consultations', { orgId: MISSING_UUID }), status: 404, code: 'NOT_FOUND' },
  missing('POST /api/consultations/:id/answer', ['answer']),
  v('POST /api/consultations/:id/answer', { answer: { text: '答' } }, ['body.answer'], 'wrong types: an object answer'),
  v('POST /api/consultations/:id/answer', { answer: LONG }, ['body.answer'], 'an over-long answer'),
  v('POST /api/consultations/:id/close', { reason: 1 }, ['body.reason'], 'wrong types: a number for the reason'),
  v('POST /api/consultations/:id/close', { reason: LONG }, ['body.reason'], 'an over-long reason'),
  missing('POST /api/consultations/:id/reroute', ['toOrgId', 'reason']),
  v('POST /api/consultations/:id/reroute', { toOrgId: 'D' }, ['body.toOrgId'], 'wrong types: an org that is not a uuid'),
  v('POST /api/consultations/:id/reroute', { reason: LONG }, ['body.reason'], 'an over-long reason'),
  { route: 'POST /api/consultations/:id/reroute', what: 'an org that does not exist', body: withExtra('POST /api/consultations/:id/reroute', { toOrgId: MISSING_UUID }), status: 404, code: 'NOT_FOUND' },
  missing('POST /api/consultations/:id/reveal', ['reason']),
  v('POST /api/consultations/:id/reveal', { reason: [] }, ['body.reason'], 'wrong types: an array reason'),
  v('POST /api/consultations/:id/reveal', { reason: LONG }, ['body.reason'], 'an over-long reason'),
  missing('POST /api/consultations/:id/faq', ['category', 'question', 'answer']),
  v('POST /api/consultations/:id/faq', { category: 'tax', question: 1 }, ['body.category', 'body.question'], 'wrong types'),
  v('POST /api/consultations/:id/faq', { question: LONG, answer: LONG }, ['body.question', 'body.answer'], 'an over-long question and answer'),
  // FAQ
  missing('POST /api/faq', ['orgId', 'category', 'question', 'answer']),
  v('POST /api/faq', { published: 'yes', category: 'tax' }, ['body.published', 'body.category'], 'wrong types: a string for published, a category outside the list'),
  v('POST /api/faq', { question: LONG, answer: LONG }, ['body.question', 'body.answer'], 'an over-long question and answer'),
  v('POST /api/faq', { consultationId: MISSING_UUID }, ['body.consultationId'], 'an unknown field consultationId'),
  { route: 'POST /api/faq', what: 'an org that does not exist', body: withExtra('POST /api/faq', { orgId: MISSING_UUID }), status: 404, code: 'NOT_FOUND' },
  v('PATCH /api/faq/:id', { published: 1, question: '' }, ['body.published', 'body.question'], 'wrong types: a number for published, an empty question'),
  v('PATCH /api/faq/:id', { answer: LONG }, ['body.answer'], 'an over-long answer'),
  v('PATCH /api/faq/:id', { orgId: MISSING_UUID }, ['body.orgId'], 'an unknown field orgId'),
  // job seekers, referrals and placements
  missing('POST /api/job-seekers', ['wishedCategory', 'wishedRegion']),
  missing('POST /api/job-seekers', ['name', 'idNumber', 'education'], 'missing the person (no record named)'),
  v('POST /api/job-seekers', { name: 1, hardship: 'yes', wishedSalaryFen: '4500', graduationYear: '2020' }, ['body.name', 'body.hardship', 'body.wishedSalaryFen', 'body.graduationYear'], 'wrong types'),
  v('POST /api/job-seekers', { wishedCategory: 'astronaut', education: 'phd', wishedRegion: '4108' }, ['body.wishedCategory', 'body.education', 'body.wishedRegion'], 'codes outside the lists and a short region'),
  v('POST /api/job-seekers', { wishedSalaryFen: 4500.5, householdId: 'first' }, ['body.wishedSalaryFen', 'body.householdId'], 'fractional fen and a household that is not a uuid'),
  v('POST /api/job-seekers', { wishedSalaryFen: -1 }, ['body.wishedSalaryFen'], 'a negative salary'),
  v('POST /api/job-seekers', { name: LONG, skills: LONG, major: LONG }, ['body.name', 'body.skills', 'body.major'], 'over-long name, skills and major'),
  v('POST /api/job-seekers', { idNumber: '410803199801150012', phone: '12345' }, ['body.idNumber', 'body.phone'], 'an ID number with a wrong check digit and a phone that is not a mobile'),
  v('POST /api/job-seekers', { householdId: MISSING_UUID }, ['body.name', 'body.idNumber'], 'a household beside a name and an ID number'),
  v('POST /api/job-seekers', { memberId: MISSING_UUID }, ['body.memberId'], 'a member without its household'),
  v('POST /api/job-seekers', { status: 'placed', idHash: 'x' }, ['body.status', 'body.idHash'], 'unknown fields status and idHash'),
  // job postings
  missing('POST /api/job-postings', ['enterpriseId', 'title', 'category', 'openings', 'salaryMinFen', 'salaryMaxFen', 'education', 'experience', 'regionCode', 'description', 'contactName', 'contactPhone', 'validUntil']),
  v('POST /api/job-postings', { openings: '5', salaryMinFen: '4000.00', category: 7, submit: 'yes' }, ['body.openings', 'body.salaryMinFen', 'body.category', 'body.submit'], 'wrong types'),
  v('POST /api/job-postings', { salaryMinFen: 400_000.5, salaryMaxFen: -1 }, ['body.salaryMinFen', 'body.salaryMaxFen'], 'wrong types: fractional fen and a negative salary'),
  v('POST /api/job-postings', { salaryMinFen: 700_000, salaryMaxFen: 500_000 }, ['body.salaryMaxFen'], 'a salary range upside down'),
  v('POST /api/job-postings', { title: LONG, description: LONG, contactName: LONG, contactPhone: LONG }, ['body.title', 'body.description', 'body.contactName', 'body.contactPhone'], 'over-long title, description, contact and phone'),
  v('POST /api/job-postings', { kind: 'volunteer', education: 'phd', experience: 10, regionCode: '4108', openings: 0 }, ['body.kind', 'body.education', 'body.experience', 'body.regionCode', 'body.openings'], 'codes outside the lists, a short region and no openings'),
  v('POST /api/job-postings', { validUntil: '2026-02-30' }, ['body.validUntil'], 'an impossible date'),
  v('POST /api/job-postings', { validUntil: '2020-01-01' }, ['body.validUntil'], 'a valid-until in the past'),
  v('POST /api/job-postings', { status: 'published', orgId: MISSING_UUID, dedupeKey: 'x' }, ['body.status', 'body.orgId', 'body.dedupeKey'], 'unknown fields status, orgId and dedupeKey'),
  { route: 'POST /api/job-postings', what: 'an enterprise that does not exist', body: withExtra('POST /api/job-postings', { enterpriseId: MISSING_UUID }), status: 404, code: 'NOT_FOUND' },
  missing('PATCH /api/job-postings/:id', ['version']),
  v('PATCH /api/job-postings/:id', { version: '1', openings: 'many', salaryMaxFen: 1.5 }, ['body.version', 'body.openings', 'body.salaryMaxFen'], 'wrong types'),
  v('PATCH /api/job-postings/:id', { title: LONG, description: LONG }, ['body.title', 'body.description'], 'over-long title and description'),
  v('PATCH /api/job-postings/:id', { salaryMinFen: 800_000, salaryMaxFen: 700_000 }, ['body.salaryMaxFen'], 'a salary range upside down'),
  v('PATCH /api/job-postings/:id', { enterpriseId: MISSING_UUID, status: 'published' }, ['body.enterpriseId', 'body.status'], 'unknown fields enterpriseId and status'),
  v('POST /api/job-postings/:id/approve', { note: 5 }, ['body.note'], 'wrong types: a number for the note'),
  v('POST /api/job-postings/:id/approve', { note: LONG }, ['body.note'], 'an over-long note'),
  ...(['return', 'reject'] as const).flatMap((step): Case[] => {
    const route = `POST /api/job-postings/:id/${step}`;
    return [missing(route, ['reason']), v(route, { reason: '   ' }, ['body.reason'], 'a blank reason (missing)'), v(route, { reason: ['不清楚'] }, ['body.reason'], 'wrong types: an array for the reason'), v(route, { reason: LONG }, ['body.reason'], 'an over-long reason')];
  }),
  v('POST /api/job-postings/:id/close', { reason: 5 }, ['body.reason'], 'wrong types: a number for the reason'),
  v('POST /api/job-postings/:id/close', { reason: LONG }, ['body.reason'], 'an over-long reason'),
  // enterprises (用人单位)
  missing('POST /api/enterprises', ['orgId', 'name', 'uscc', 'industry', 'size', 'regionCode', 'contactName', 'contactPhone']),
  v('POST /api/enterprises', { orgId: 5, name: 7, uscc: 914108, industry: ['制造业'], priorityPledge: 'yes' }, ['body.orgId', 'body.name', 'body.uscc', 'body.industry', 'body.priorityPledge'], 'wrong types'),
  v('POST /api/enterprises', { name: LONG, address: LONG, contactName: LONG, uscc: LONG, contactPhone: LONG }, ['body.name', 'body.address', 'body.contactName', 'body.uscc', 'body.contactPhone'], 'over-long name, address, contact, code and phone'),
  v('POST /api/enterprises', { uscc: spoilUscc(uniqueUscc()) }, ['body.uscc'], 'a code with a wrong check character'),
  v('POST /api/enterprises', { industry: 'rocketry', size: '中型', regionCode: '99', contactPhone: '3561234' }, ['body.industry', 'body.size', 'body.regionCode', 'body.contactPhone'], 'codes outside the lists, a short region and a phone without its area code'),
  v('POST /api/enterprises', { status: 'inactive', version: 3, createdBy: MISSING_UUID }, ['body.status', 'body.version', 'body.createdBy'], 'unknown fields status, version and createdBy'),
  { route: 'POST /api/enterprises', what: 'an org that does not exist', body: withExtra('POST /api/enterprises', { orgId: MISSING_UUID }), status: 404, code: 'NOT_FOUND' },
  missing('PATCH /api/enterprises/:id', ['version']),
  v('PATCH /api/enterprises/:id', { version: '1', priorityPledge: 'no', regionCode: 410803 }, ['body.version', 'body.priorityPledge', 'body.regionCode'], 'wrong types'),
  v('PATCH /api/enterprises/:id', { name: LONG, contactName: LONG }, ['body.name', 'body.contactName'], 'over-long name and contact'),
  v('PATCH /api/enterprises/:id', { uscc: spoilUscc(uniqueUscc()), version: 0 }, ['body.uscc', 'body.version'], 'a wrong check character and a version below 1'),
  v('PATCH /api/enterprises/:id', { orgId: MISSING_UUID, status: 'inactive' }, ['body.orgId', 'body.status'], 'unknown fields orgId and status (moved and deactivated elsewhere)'),
  missing('POST /api/enterprises/:id/hr-accounts', ['username', 'displayName']),
  v('POST /api/enterprises/:id/hr-accounts', { username: 5, displayName: [] }, ['body.username', 'body.displayName'], 'wrong types'),
  v('POST /api/enterprises/:id/hr-accounts', { username: LONG, displayName: LONG }, ['body.username', 'body.displayName'], 'over-long username and name'),
  v('POST /api/enterprises/:id/hr-accounts', { username: '1st-hr' }, ['body.username'], 'a username starting with a digit'),
  v('POST /api/enterprises/:id/hr-accounts', { roles: ['org_admin'], enterpriseId: MISSING_UUID, password: 'chosen-by-me-123' }, ['body.roles', 'body.enterpriseId', 'body.password'], 'unknown fields roles, enterpriseId and password (no mass assignment)'),
  { route: 'POST /api/job-seekers', what: 'a household that does not exist', body: () => ({ householdId: MISSING_UUID, wishedCategory: 'production', wishedRegion: '410803' }), status: 400, code: 'VALIDATION', fields: ['body.householdId'] },
  { route: 'POST /api/job-seekers', what: 'an application that does not exist', body: () => ({ applicationId: MISSING_UUID, wishedCategory: 'production', wishedRegion: '410803' }), status: 400, code: 'VALIDATION', fields: ['body.applicationId'] },
  { route: 'POST /api/job-seekers', what: 'an org that does not exist', body: withExtra('POST /api/job-seekers', { orgId: MISSING_UUID }), status: 404, code: 'NOT_FOUND' },
  missing('POST /api/job-seekers/:id/referrals', ['postingId']),
  v('POST /api/job-seekers/:id/referrals', { postingId: 42, note: 5 }, ['body.postingId', 'body.note'], 'wrong types'),
  v('POST /api/job-seekers/:id/referrals', { note: LONG }, ['body.note'], 'an over-long note'),
  v('POST /api/job-seekers/:id/referrals', { matchedOn: ['category'], status: 'placed' }, ['body.matchedOn', 'body.status'], 'unknown fields matchedOn and status'),
  missing('PATCH /api/job-seekers/:id', ['version']),
  v('PATCH /api/job-seekers/:id', { version: '1', hardship: 'yes', wishedSalaryFen: '4500', graduationYear: '2020' }, ['body.version', 'body.hardship', 'body.wishedSalaryFen', 'body.graduationYear'], 'wrong types'),
  v('PATCH /api/job-seekers/:id', { wishedCategory: 'astronaut', education: 'phd', wishedRegion: '4108', version: 0 }, ['body.wishedCategory', 'body.education', 'body.wishedRegion', 'body.version'], 'codes outside the lists, a short region and a version below 1'),
  v('PATCH /api/job-seekers/:id', { name: LONG, skills: LONG, major: LONG }, ['body.name', 'body.skills', 'body.major'], 'over-long name, skills and major'),
  v('PATCH /api/job-seekers/:id', { idNumber: '410803199801150012', phone: '12345', name: ' ' }, ['body.idNumber', 'body.phone', 'body.name'], 'an ID number with a wrong check digit, a phone that is not a mobile and a blank name'),
  v('PATCH /api/job-seekers/:id', { orgId: MISSING_UUID, status: 'inactive', idHash: 'x' }, ['body.orgId', 'body.status', 'body.idHash'], 'unknown fields orgId, status and idHash (moved, deactivated elsewhere)'),
  missing('POST /api/job-seekers/:id/reveal', ['field', 'reason']),
  v('POST /api/job-seekers/:id/reveal', { field: 'bankCard', reason: 5 }, ['body.field', 'body.reason'], 'wrong types: a field outside the list and a number for the reason'),
  v('POST /api/job-seekers/:id/reveal', { reason: LONG }, ['body.reason'], 'an over-long reason'),
  v('POST /api/job-seekers/:id/reveal', { reason: ' x ' }, ['body.reason'], 'a reason too short'),
  missing('POST /api/job-seekers/:id/deactivate', ['reason']),
  v('POST /api/job-seekers/:id/deactivate', { reason: [] }, ['body.reason'], 'wrong types: an array reason'),
  v('POST /api/job-seekers/:id/deactivate', { reason: LONG }, ['body.reason'], 'an over-long reason'),
  v('POST /api/job-seekers/:id/deactivate', { status: 'placed' }, ['body.status'], 'an unknown field status'),
  missing('POST /api/job-seekers/:id/reactivate', ['reason']),
  v('POST /api/job-seekers/:id/reactivate', { reason: 7 }, ['body.reason'], 'wrong types: a number for the reason'),
  v('POST /api/job-seekers/:id/reactivate', { reason: LONG }, ['body.reason'], 'an over-long reason'),
  { route: 'POST /api/job-seekers/:id/referrals', what: 'a posting that does not exist', body: () => ({ postingId: MISSING_UUID }), status: 400, code: 'VALIDATION', fields: ['body.postingId'] },
  missing('POST /api/job-referrals/:id/outcome', ['outcome']),
  v('POST /api/job-referrals/:id/outcome', { outcome: 'hired', placedOn: '2026-02-30' }, ['body.outcome', 'body.placedOn'], 'an outcome outside the list and an impossible date'),
  v('POST /api/job-referrals/:id/outcome', { placedOn: undefined }, ['body.placedOn'], 'a placement without its first day'),
  v('POST /api/job-referrals/:id/outcome', { outcome: 'declined' }, ['body.placedOn'], 'a first day on a decline'),
  v('POST /api/job-referrals/:id/outcome', { placedOn: '2099-01-01' }, ['body.placedOn'], 'a first day still to come'),
  v('POST /api/job-referrals/:id/outcome', { note: LONG, outcome: 1 }, ['body.note', 'body.outcome'], 'an over-long note and a number for the outcome'),
  v('POST /api/job-referrals/:id/outcome', { seekerId: MISSING_UUID, status: 'placed' }, ['body.seekerId', 'body.status'], 'unknown fields seekerId and status'),
];

// The same faults on every route: malformed JSON, an empty JSON body, a body that is not an object,
// an unknown field, and ids that are not uuids or name nothing.
for (const [route, spec] of Object.entries(ROUTES)) {
  CASES.push(
    { route, what: 'malformed JSON', raw: '{"name":', contentType: 'application/json', status: 400, code: 'VALIDATION', fields: ['body'] },
    { route, what: 'an empty JSON body', raw: '', contentType: 'application/json', status: 400, code: 'VALIDATION', fields: ['body'] },
    { route, what: 'a JSON array', raw: '[1,2]', contentType: 'application/json', status: 400, code: 'VALIDATION', fields: ['body'] },
    { route, what: 'plain text', raw: 'name=x', contentType: 'text/plain', status: 400, code: 'VALIDATION', fields: ['body'] },
    { route, what: 'an unknown field', body: () => ({ ...(spec.valid?.() ?? {}), unexpected: true }), status: 400, code: 'VALIDATION', fields: ['body.unexpected'] },
  );
  if (route.includes(':id'))
    CASES.push(
      { route, what: 'an id that is not a uuid', id: 'not-a-uuid', body: () => spec.valid?.(), status: 400, code: 'VALIDATION', fields: ['params.id'] },
      { route, what: 'an id that does not exist', id: MISSING_UUID, body: () => spec.valid?.(), status: 404, code: 'NOT_FOUND' },
    );
}
CASES.push(
  v('POST /api/orgs', { name: 'a\u0000b' }, ['body.name'], 'a NUL character in a name'),
  v('PATCH /api/users/:id', { displayName: '\u0000' }, ['body.displayName'], 'a NUL character in a display name'),
  v('POST /api/auth/sign-in', { username: 'admin-a\u0000' }, ['body.username'], 'a NUL character in a username'),
  v('POST /api/users', { roles: ['caseworker\u0000'] }, ['body.roles.0'], 'a NUL character in a role'),
  // Lone surrogates (jsonb refuses them: a 500; text turns them into U+FFFD) and control characters.
  // Every string field of every valid body is tried below too; these are the cases the issue named.
  v('POST /api/orgs', { name: 'a\ud800b' }, ['body.name'], 'a lone surrogate in a name'),
  v('POST /api/orgs', { nameEn: '\udfff' }, ['body.nameEn'], 'a lone low surrogate in an English name'),
  v('POST /api/orgs', { name: 'a\u001b[31mred' }, ['body.name'], 'an ESC control character in a name'),
  v('PATCH /api/orgs/:id', { name: 'bell\u0007' }, ['body.name'], 'a BEL control character in a name'),
  v('PATCH /api/orgs/:id', { name: 'c1\u0085' }, ['body.name'], 'a C1 control character in a name'),
  v('POST /api/orgs', { name: 'line\nbreak' }, ['body.name'], 'a line break in a one-line name'),
  v('PATCH /api/users/:id', { displayName: '\ud83d' }, ['body.displayName'], 'a lone surrogate in a display name'),
  v('POST /api/auth/sign-in', { username: 'nobody\ud800' }, ['body.username'], 'a lone surrogate in an unknown username (audited in jsonb)'),
  v('POST /api/auth/password', { newPassword: 'long-enough-pass\ud800' }, ['body.newPassword'], 'a lone surrogate in a new password'),
  v('POST /api/orgs', { ['x\ud800']: 1 }, ['body.x\ud800'], 'a lone surrogate in a key'),
  v('POST /api/households/:id/return', { reason: '\ud800材料不全' }, ['body.reason'], 'a lone surrogate in a reason'),
  v('POST /api/households/:id/visit', { visitors: '张三\ud800' }, ['body.visitors'], 'a lone surrogate in the visitors'),
  v('POST /api/households/:id/aid', { program: '送温暖\udc00' }, ['body.program'], 'a lone surrogate in a program'),
  v('POST /api/households/:id/return', { reason: '材料\u001b不全' }, ['body.reason'], 'an ESC in a multi-line reason'),
  v('POST /api/households/:id/visit', { findings: '情况属实\n\t家中无人' }, [], 'a multi-line finding (accepted: fails only on the next fault)'),
  { route: 'POST /api/orgs', what: 'a deeply nested value', raw: `{"name":${'['.repeat(200_000)}${']'.repeat(200_000)}}`, contentType: 'application/json', status: 400, code: 'VALIDATION', fields: ['body.name'] },
);

const routeKey = (r: RegisteredRoute) => `${r.method} ${r.url}`;
const lastAuditId = async () => (await t.database.db.select({ id: auditLog.id }).from(auditLog).orderBy(desc(auditLog.id)).limit(1))[0]?.id ?? 0;

function urlOf(route: string, id?: string, overrides?: Record<string, string>) {
  const spec = ROUTES[route];
  const params = { id: id ?? spec.id?.() ?? MISSING_UUID, ...(spec.params?.() ?? {}), ...overrides };
  return route
    .split(' ')[1]
    .replace(/:([A-Za-z]+)/g, (_m, name: string) => (name === 'id' ? params.id : (params as Record<string, string>)[name] ?? MISSING_UUID));
}

function send(route: string, payload: { body?: unknown; raw?: string; contentType?: string }, id?: string, params?: Record<string, string>) {
  const spec = ROUTES[route];
  const opts: InjectOptions = { method: route.split(' ')[0] as 'POST', url: urlOf(route, id, params) };
  if (payload.raw !== undefined) {
    opts.payload = payload.raw;
    opts.headers = { 'content-type': payload.contentType! };
  } else if (payload.body !== undefined) {
    opts.payload = payload.body as object;
  }
  return spec.public ? t.app.inject(opts) : admin.request(opts);
}

/** Sends one bad request and checks the answer and that no table changed. */
async function expectRefused(c: Omit<Case, 'route'> & { route: string }) {
  const before = await snapshotTables(t.database.db);
  const auditBefore = await lastAuditId();
  const res = await send(c.route, { body: c.body?.(), raw: c.raw, contentType: c.contentType }, c.id, c.params);
  expect(res.statusCode, `${c.route}: ${c.what}: ${res.body}`).toBe(c.status);
  const error = res.json().error;
  expect(error.code).toBe(c.code);
  expect(error.requestId).toBe(res.headers['x-request-id']);
  if (c.fields) {
    const named = error.details.issues.map((i: { field: string }) => i.field);
    for (const field of c.fields) expect(named, `${c.what} names ${field}`).toContain(field);
  }
  expect(await snapshotTables(t.database.db), `${c.route}: ${c.what} changed nothing`).toEqual(before);
  const added = await t.database.db.select().from(auditLog).where(gt(auditLog.id, auditBefore));
  for (const row of added) expect(row.outcome, row.action).not.toBe('success');
}

describe('bad input on every write route', () => {
  it.each(CASES.map((c) => [`${c.route}: ${c.what}`, c] as const))('%s', async (_name, c) => {
    if (c.fields?.length === 0) {
      // A value that must be accepted: shown by the next fault being the only one named.
      const res = await send(c.route, { body: { ...(c.body!() as object), unexpected: 1 } });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.details.issues.map((i: { field: string }) => i.field)).toEqual(['body.unexpected']);
      return;
    }
    await expectRefused(c);
  });

  it.each(Object.keys(ROUTES).filter((route) => ROUTES[route].valid))(
    '%s: refuses a lone surrogate and a control character in every string field of the body, naming it',
    async (route) => {
      const valid = ROUTES[route].valid!();
      const fields = Object.keys(valid).filter((f) => typeof valid[f] === 'string' || (Array.isArray(valid[f]) && typeof (valid[f] as unknown[])[0] === 'string'));
      for (const field of fields)
        for (const [bad, what] of [['\ud800', 'a lone surrogate'], ['\u001b', 'an ESC character'], ['\u0085', 'a C1 control character']]) {
          const value = valid[field];
          const spoilt = Array.isArray(value) ? [`${value[0]}${bad}x`, ...value.slice(1)] : `${String(value)}${bad}x`;
          const named = Array.isArray(value) ? `body.${field}.0` : `body.${field}`;
          await expectRefused({ route, what: `${what} in ${field}`, body: () => ({ ...valid, [field]: spoilt }), status: 400, code: 'VALIDATION', fields: [named] });
        }
    },
  );

  it('covers every write route the app registers with each kind of fault (derived from the routes, not this file)', () => {
    const writes = t.app.registeredRoutes.filter((r) => WRITE_METHODS.has(r.method) && r.url.startsWith('/api/'));
    expect(writes.length).toBeGreaterThan(30);
    for (const [route, where] of Object.entries(RAW_BODY_ROUTES)) {
      const registered = writes.find((r) => routeKey(r) === route);
      expect(registered?.rawBody?.length, `${route} (tested in ${where}) is still a raw-body route`).toBeGreaterThan(0);
    }
    const uncovered = writes.map(routeKey).filter((route) => !RAW_BODY_ROUTES[route] && !ROUTES[route]);
    expect(uncovered, 'write routes without bad-input cases: add them to ROUTES and CASES').toEqual([]);
    for (const route of Object.keys(ROUTES)) expect(writes.map(routeKey), `${route} in ROUTES is registered`).toContain(route);
    for (const r of writes.filter((w) => ROUTES[routeKey(w)])) {
      const route = routeKey(r);
      const spec = ROUTES[route];
      expect(!!spec.valid, `${route}: a valid body exactly when the route declares one`).toBe(r.hasBody);
      expect(!!spec.public, `${route}: public as registered`).toBe(!!r.config.public);
      const whats = CASES.filter((c) => c.route === route).map((c) => c.what);
      for (const generic of ['malformed JSON', 'an empty JSON body', 'a JSON array', 'plain text', 'an unknown field']) expect(whats, route).toContain(generic);
      if (route.includes(':id')) {
        expect(whats, route).toContain('an id that is not a uuid');
        expect(whats, route).toContain('an id that does not exist');
      }
      if (r.hasBody) {
        if (!spec.nothingRequired) expect(whats.some((w) => /missing/.test(w)), `${route} missing`).toBe(true);
        expect(whats.some((w) => /wrong|a number|a string/.test(w)), `${route} wrong types`).toBe(true);
        expect(whats.some((w) => /over-long/.test(w)), `${route} over-long`).toBe(true);
      }
    }
  });

  it('refuses a body over 1 MiB with 413 and changes nothing', async () => {
    const before = await snapshotTables(t.database.db);
    const res = await admin.post('/api/orgs', { ...ROUTES['POST /api/orgs'].valid!(), name: 'x'.repeat(1_100_000) });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('LIMIT_EXCEEDED');
    expect(await snapshotTables(t.database.db)).toEqual(before);
  });

  it('refuses bad query strings and NUL characters in them with 400 naming the parameter', async () => {
    for (const [url, field] of [
      ['/api/orgs?q=%00', 'querystring.q'],
      ['/api/orgs?q=%1B', 'querystring.q'],
      ['/api/users?q=a%07b', 'querystring.q'],
      ['/api/audit?objectType=%C2%85', 'querystring.objectType'],
      ['/api/households?q=%E2%80%8Bok%1B', 'querystring.q'],
      ['/api/users?q=a%00b', 'querystring.q'],
      [`/api/orgs?q=${LONG}`, 'querystring.q'],
      ['/api/users?role=god', 'querystring.role'],
      ['/api/orgs?page=abc', 'querystring.page'],
      ['/api/users?orgId=123', 'querystring.orgId'],
    ]) {
      const res = await admin.get(url);
      expect(res.statusCode, `${url}: ${res.body}`).toBe(400);
      expect(res.json().error.details.issues.map((i: { field: string }) => i.field), url).toContain(field);
    }
  });

  it('still accepts the valid bodies (the cases above fail for their fault only)', async () => {
    // Household steps may answer 409 or 403 (status, maker-checker) and made-up ids 404: past validation all the same.
    const last = ['POST /api/auth/password', 'POST /api/auth/sign-out'];
    const order = [...Object.keys(ROUTES).filter((r) => !last.includes(r)), ...last];
    // These succeed outright with their valid bodies.
    const succeeding = new Set(['POST /api/orgs', 'PATCH /api/orgs/:id', 'POST /api/orgs/:id/move', 'POST /api/users', 'PATCH /api/users/:id', 'PUT /api/users/:id/roles', 'POST /api/auth/sign-in', 'POST /api/auth/password', 'POST /api/households/lookup', 'POST /api/households', 'PATCH /api/households/:id', 'POST /api/households/:id/reveal', 'DELETE /api/households/:id/attachments/:attachmentId', 'POST /api/auth/sign-out']);
    for (const route of order) {
      const res = await send(route, { body: ROUTES[route].valid?.() });
      expect(res.statusCode, `${route}: ${res.body}`).toBeLessThan(succeeding.has(route) ? 300 : 500);
      expect(res.json().error?.code, `${route}: ${res.body}`).not.toBe('VALIDATION');
    }
  });
});

describe('sign-in rate limit', () => {
  it('answers the 6th sign-in within a minute from one address with 429 LIMIT_EXCEEDED', async () => {
    const database = await createTestDatabase();
    const app = await buildApp({ db: database.db, clock: new ManualClock(), secrets: deriveSecrets(crypto.randomBytes(32)), signInRateLimit: 5 });
    try {
      const attempt = () => app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'nobody-at-all', password: 'some-password-1' } });
      for (let i = 0; i < 5; i++) expect((await attempt()).statusCode).toBe(401);
      const limited = await attempt();
      expect(limited.statusCode).toBe(429);
      expect(limited.json().error.code).toBe('LIMIT_EXCEEDED');
      // Other routes are not limited by it.
      expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    } finally {
      await app.close();
      await database.close();
    }
  });
});

describe('response headers and API description', () => {
  it('sends the security headers', async () => {
    const res = await admin.get('/api/auth/me');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['strict-transport-security']).toBeUndefined(); // no HSTS without HTTPS
    const error = await t.app.inject({ method: 'GET', url: '/api/orgs' });
    expect(error.statusCode).toBe(401);
    expect(error.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves an OpenAPI document at /api/docs/json listing the routes', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.info.title).toBe('UnionHub API');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/orgs', '/api/orgs/{id}', '/api/users', '/api/audit', '/api/auth/sign-in']));
    expect(doc.paths['/api/orgs'].post.requestBody).toBeTruthy();
  });
});
