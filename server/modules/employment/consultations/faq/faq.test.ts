import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { consultations } from '../../../../db/schema/index.js';
import { auditRows } from '../../../../test-support/db-probes.js';
import { createTestApp, type Session, type TestApp } from '../../../../test-support/test-app.js';

let t: TestApp;
let staffB: Session;
let staffC: Session;
let caseworkerB: Session;

const pub = (url: string) => t.app.inject({ method: 'GET', url });
const publicFaq = async (query = '') => (await pub(`/api/public/faq${query}`)).json() as { items: Array<{ id: string; question: string; answer: string }>; total: number };

async function askedAndAnswered(orgName: string, answer: string | null) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/public/consultations',
    remoteAddress: `10.2.0.${Math.floor(Math.random() * 250) + 1}`,
    payload: { orgId: t.orgs[orgName].id, category: 'social_insurance', question: '我是灵活就业人员，张三，电话13800001111，怎么交养老保险？', phone: '13800001111' },
  });
  expect(res.statusCode, res.body).toBe(201);
  const [row] = await t.database.db.select({ id: consultations.id }).from(consultations).where(eq(consultations.ticketNo, res.json().ticketNo));
  if (answer) expect((await staffB.post(`/api/consultations/${row.id}/answer`, { answer })).statusCode).toBe(200);
  return row.id;
}

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('faq-b', 'B', ['jobs_officer']);
  await t.createUser('faq-c', 'C', ['jobs_officer']);
  await t.createUser('faq-case-b', 'B', ['caseworker']);
  [staffB, staffC, caseworkerB] = await Promise.all(['faq-b', 'faq-c', 'faq-case-b'].map((u) => t.signIn(u)));
});
afterAll(() => t.close());

describe('FAQ (常见问题)', () => {
  it('publishes an answered question as an entry, its wording edited; the public finds it by a word inside a longer one', async () => {
    const id = await askedAndAnswered('B', '可到社保经办窗口办理灵活就业人员养老保险参保登记，按月或按年缴费。');
    const res = await staffB.post(`/api/consultations/${id}/faq`, { category: 'social_insurance', question: '灵活就业人员怎样参加养老保险？', answer: '到社保经办窗口办理参保登记，可按月或按年缴费。' });
    expect(res.statusCode, res.body).toBe(201);
    const faqId = res.json().id;
    const list = await publicFaq(`?q=${encodeURIComponent('就业')}`); // 就业 inside 灵活就业人员
    expect(list.items).toEqual([{ id: faqId, category: 'social_insurance', question: '灵活就业人员怎样参加养老保险？', answer: '到社保经办窗口办理参保登记，可按月或按年缴费。', orgName: '组织B', updatedAt: expect.any(String) }]);
    expect(JSON.stringify(await publicFaq())).not.toContain('13800001111');
    expect((await publicFaq('?category=legal_aid')).items).toEqual([]);
    expect(await auditRows(t, 'faq.create', faqId)).toMatchObject([{ actorUsername: 'faq-b', orgId: t.orgs.B.id, details: { consultationId: id } }]);
    expect((await staffB.get('/api/faq')).json().items[0]).toMatchObject({ id: faqId, consultationId: id, published: true });
  });

  it('publishes a question once: a second publication, also at the same moment, is a 409 naming the entry', async () => {
    const id = await askedAndAnswered('B', '可向当地工会申请法律援助。');
    const body = { category: 'legal_aid', question: '单位不签劳动合同怎么办？', answer: '可向当地工会申请法律援助。' };
    const both = await Promise.all([staffB.post(`/api/consultations/${id}/faq`, body), staffB.post(`/api/consultations/${id}/faq`, body)]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const created = both.find((r) => r.statusCode === 201)!.json().id;
    expect(both.find((r) => r.statusCode === 409)!.json().error.details).toMatchObject({ reason: 'already_faq', faqId: created });
    const again = await staffB.post(`/api/consultations/${id}/faq`, body);
    expect(again.statusCode).toBe(409);
    expect((await publicFaq(`?q=${encodeURIComponent('劳动合同')}`)).items.map((e: { id: string }) => e.id)).toEqual([created]);
  });

  it('refuses to publish a question that has no answer yet (409)', async () => {
    const id = await askedAndAnswered('B', null);
    const res = await staffB.post(`/api/consultations/${id}/faq`, { category: 'other', question: '还没答复的问题？', answer: '不应发布' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details).toMatchObject({ reason: 'status', status: 'open' });
  });

  it('writes an entry directly, takes it off the public page and back, rewords it (search follows)', async () => {
    const res = await staffB.post('/api/faq', { orgId: t.orgs.E.id, category: 'legal_aid', question: '被拖欠工资怎么办？', answer: '可向工会法律援助站申请免费法律援助。' });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    expect((await publicFaq(`?q=${encodeURIComponent('拖欠')}`)).items.map((e) => e.id)).toEqual([id]);
    const hidden = await staffB.patch(`/api/faq/${id}`, { published: false });
    expect(hidden.json()).toMatchObject({ id, published: false });
    expect((await publicFaq(`?q=${encodeURIComponent('拖欠')}`)).items).toEqual([]);
    expect((await staffB.get('/api/faq?published=false')).json().items.map((e: { id: string }) => e.id)).toContain(id);
    await staffB.patch(`/api/faq/${id}`, { published: true, question: '单位拖欠工资，职工怎样维权？' });
    expect((await publicFaq(`?q=${encodeURIComponent('维权')}`)).items.map((e) => e.id)).toEqual([id]);
    expect(await auditRows(t, 'faq.update', id)).toMatchObject([{ details: { changed: ['published'], published: false } }, { details: { published: true } }]);
  });

  it('answers 404 for an entry or org of another subtree and 403 without consultation.answer', async () => {
    const id = (await staffB.post('/api/faq', { orgId: t.orgs.B.id, category: 'other', question: '工会会员卡怎么办理？', answer: '向所在基层工会申请。' })).json().id;
    expect((await staffC.patch(`/api/faq/${id}`, { published: false })).statusCode).toBe(404);
    expect((await staffC.post('/api/faq', { orgId: t.orgs.B.id, category: 'other', question: '越权写的问题？', answer: '越权' })).statusCode).toBe(404);
    expect((await staffC.get('/api/faq')).json().items.map((e: { id: string }) => e.id)).not.toContain(id);
    const denied = await caseworkerB.patch(`/api/faq/${id}`, { published: false });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.details.permission).toBe('consultation.answer');
    expect((await publicFaq()).items.map((e) => e.id)).toContain(id);
  });
});
