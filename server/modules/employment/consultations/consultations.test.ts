import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { consultations } from '../../../db/schema/index.js';
import { decryptPii } from '../../../platform/pii-crypto.js';
import { auditRows } from '../../../test-support/db-probes.js';
import { createTestApp, type Session, type TestApp } from '../../../test-support/test-app.js';

let t: TestApp;
let staffA: Session; // jobs_officer at the city A
let staffB: Session; // jobs_officer at the district B
let staffC: Session; // jobs_officer at C: another subtree
let caseworkerB: Session; // no consultation.answer

// Each public request from its own address unless a test means one address: the form is rate-limited per address.
let addresses = 0;
const nextAddress = () => `10.1.${Math.floor(++addresses / 250)}.${(addresses % 250) + 1}`;

const question = (orgName: string, extra: Record<string, unknown> = {}) => ({
  orgId: t.orgs[orgName].id,
  category: 'labour_rights',
  question: '单位拖欠三个月工资不发，工会能帮忙追讨吗？',
  askerName: '王师傅',
  phone: '13803912345',
  ...extra,
});
const ask = (body: unknown, remoteAddress = nextAddress()) => t.app.inject({ method: 'POST', url: '/api/public/consultations', payload: body as object, remoteAddress });
const lookup = (ticketNo: string, last4: string, remoteAddress = nextAddress()) => t.app.inject({ method: 'GET', url: `/api/public/consultations/${ticketNo}?phoneLast4=${last4}`, remoteAddress });
const rows = async () => (await t.database.db.select({ n: count() }).from(consultations))[0].n;

async function asked(orgName: string, extra: Record<string, unknown> = {}): Promise<{ id: string; ticketNo: string }> {
  const res = await ask(question(orgName, extra));
  expect(res.statusCode, res.body).toBe(201);
  const { ticketNo } = res.json();
  const [row] = await t.database.db.select({ id: consultations.id }).from(consultations).where(eq(consultations.ticketNo, ticketNo));
  return { id: row.id, ticketNo };
}

/** Moves the clock on (past the sessions' 30 idle minutes) and signs everyone in again. */
async function later(ms: number) {
  t.clock.advance(ms);
  [staffA, staffB, staffC, caseworkerB] = await Promise.all(['zx-a', 'zx-b', 'zx-c', 'zx-case-b'].map((u) => t.signIn(u)));
}

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('zx-a', 'A', ['jobs_officer']);
  await t.createUser('zx-b', 'B', ['jobs_officer']);
  await t.createUser('zx-c', 'C', ['jobs_officer']);
  await t.createUser('zx-case-b', 'B', ['caseworker']);
  [staffA, staffB, staffC, caseworkerB] = await Promise.all(['zx-a', 'zx-b', 'zx-c', 'zx-case-b'].map((u) => t.signIn(u)));
});
afterAll(() => t.close());

describe('the public form', () => {
  it('offers the city, the district federations and industry unions, not aid stations or grassroots unions', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/public/consultation-orgs' });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      { id: t.orgs.A.id, name: '组织A', nameEn: 'Org A', type: 'city_federation' },
      { id: t.orgs.B.id, name: '组织B', nameEn: 'Org B', type: 'district_federation' },
      { id: t.orgs.C.id, name: '组织C', nameEn: 'Org C', type: 'district_federation' },
    ]);
  });

  it('takes a question without sign-in: a ticket number of the China day, the phone encrypted and masked, routed and audited', async () => {
    const before = await rows();
    const res = await ask(question('B', { phone: '138 0391 2345' }));
    expect(res.statusCode, res.body).toBe(201);
    const { ticketNo, orgName } = res.json();
    expect(ticketNo).toMatch(/^ZX20260302\d{5}$/);
    expect(orgName).toBe('组织B');
    expect(await rows()).toBe(before + 1);
    const [row] = await t.database.db.select().from(consultations).where(eq(consultations.ticketNo, ticketNo));
    expect(row).toMatchObject({ orgId: t.orgs.B.id, channel: 'web', status: 'open', phoneMasked: '138****2345', askerName: '王师傅', createdBy: null });
    expect(row.phoneEnc).not.toContain('13803912345');
    expect(decryptPii(t.secrets, row.phoneEnc)).toBe('13803912345');
    expect(await auditRows(t, 'consultation.ask', row.id)).toMatchObject([{ actorUserId: null, orgId: t.orgs.B.id, details: { ticketNo, channel: 'web', category: 'labour_rights' } }]);
    // Staff of B see it in their queue with the phone masked; C's staff do not.
    const queue = (await staffB.get('/api/consultations?status=open')).json();
    expect(queue.items.find((c: { id: string }) => c.id === row.id)).toMatchObject({ ticketNo, phoneMasked: '138****2345', status: 'open', channel: 'web' });
    expect(JSON.stringify(queue)).not.toContain('13803912345');
    expect((await staffC.get(`/api/consultations/${row.id}`)).statusCode).toBe(404);
  });

  it('refuses an org that takes no questions (an aid station, a grassroots union, nothing) with 400 naming orgId, writing nothing', async () => {
    const before = await rows();
    for (const orgId of [t.orgs.D.id, t.orgs.E.id, '00000000-0000-4000-8000-000000000000']) {
      const res = await ask(question('B', { orgId }));
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.details.issues.map((i: { field: string }) => i.field)).toEqual(['body.orgId']);
    }
    const longer = await ask(question('B', { question: '问'.repeat(1001) }));
    expect(longer.json().error.details.issues.map((i: { field: string }) => i.field)).toEqual(['body.question']);
    const phone = await ask(question('B', { phone: '12345678901' }));
    expect(phone.json().error.details.issues.map((i: { field: string }) => i.field)).toEqual(['body.phone']);
    expect(await rows()).toBe(before);
  });

  it('numbers the day’s tickets without a gap or a repeat under parallel questions, and starts again the next day', async () => {
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => ask(question(i % 2 ? 'B' : 'C'))));
    expect(results.map((r) => r.statusCode)).toEqual(Array(12).fill(201));
    const tickets = results.map((r) => r.json().ticketNo as string).sort();
    expect(new Set(tickets).size).toBe(12);
    const seqs = tickets.map((n) => Number(n.slice(-5)));
    expect(seqs).toEqual(Array.from({ length: 12 }, (_, i) => seqs[0] + i));
    await later(24 * 3600_000);
    const next = (await ask(question('B'))).json().ticketNo;
    expect(next).toBe('ZX2026030300001');
  });

  it(`answers the ${5 + 1}th question within ten minutes from one address with 429 and a clear message, writing nothing; malformed ones do not count`, async () => {
    const address = '10.9.9.9';
    for (let i = 0; i < 3; i++) expect((await ask({ ...question('B'), phone: 'abc' }, address)).statusCode).toBe(400);
    for (let i = 0; i < 5; i++) expect((await ask(question('B'), address)).statusCode).toBe(201);
    const before = await rows();
    const limited = await ask(question('B'), address);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error).toMatchObject({ code: 'LIMIT_EXCEEDED', details: { reason: 'rate_limited', max: 5, windowMinutes: 10 } });
    expect(limited.json().error.message).toMatch(/at most 5 in 10 minutes; try again in \d+ minutes/);
    expect(limited.json().error.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(limited.headers['retry-after']).toBeDefined();
    expect(await rows()).toBe(before);
    // Another address is not held back.
    expect((await ask(question('B'), '10.9.9.10')).statusCode).toBe(201);
  });
});

describe('the asker’s look-up', () => {
  it('shows the question, and the answer once given, only with both the ticket and the phone’s last four digits', async () => {
    const { id, ticketNo } = await asked('B', { phone: '13912345678' });
    const open = await lookup(ticketNo, '5678');
    expect(open.statusCode, open.body).toBe(200);
    expect(open.json()).toMatchObject({ ticketNo, orgName: '组织B', status: 'open', answer: null, question: question('B').question });
    expect(open.json()).not.toHaveProperty('askerName');
    expect(open.body).not.toContain('1391234');
    expect(open.headers['cache-control']).toBe('no-store');
    await staffB.post(`/api/consultations/${id}/answer`, { answer: '请携带劳动合同和工资条到区总工会法律援助窗口，我们协助您向劳动监察大队投诉。' });
    expect((await lookup(ticketNo, '5678')).json()).toMatchObject({ status: 'answered', answer: expect.stringContaining('法律援助窗口') });

    const wrongPhone = await lookup(ticketNo, '0000');
    const wrongTicket = await lookup('ZX2026030299999', '5678');
    for (const res of [wrongPhone, wrongTicket]) {
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
    expect(wrongPhone.json().error.message).toBe(wrongTicket.json().error.message);
    expect((await lookup('ZX123', '5678')).statusCode).toBe(400);
    expect((await lookup(ticketNo, '56789')).statusCode).toBe(400);
  });

  it('limits look-ups per address (wrong guesses count) with 429', async () => {
    const { ticketNo } = await asked('C');
    const address = '10.8.8.8';
    for (let i = 0; i < 20; i++) expect((await lookup(ticketNo, String(1000 + i), address)).statusCode).toBe(404);
    const limited = await lookup(ticketNo, '2345', address);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.details.reason).toBe('rate_limited');
    expect((await lookup(ticketNo, '2345')).statusCode).toBe(200);
  });
});

describe('staff: hotline calls, the queue, answers', () => {
  it('enters a 12351 call (a landline too), answered on the spot or left open, audited', async () => {
    const res = await staffB.post('/api/consultations', { ...question('E', { askerName: null }), phone: '0391-3568123', category: 'social_insurance', answer: '灵活就业人员可在社保经办窗口办理养老保险参保登记。' });
    expect(res.statusCode, res.body).toBe(201);
    const { id, ticketNo, status } = res.json();
    expect(status).toBe('answered');
    const got = (await staffB.get(`/api/consultations/${id}`)).json();
    expect(got).toMatchObject({ ticketNo, channel: 'hotline', orgName: '组织E', phoneMasked: '039*****8123', answeredByName: 'zx-b', createdByName: 'zx-b', waitingHours: 0 });
    expect(await auditRows(t, 'consultation.record_call', id)).toMatchObject([{ actorUsername: 'zx-b', orgId: t.orgs.E.id, details: { channel: 'hotline', answered: true } }]);
    const open = await staffB.post('/api/consultations', question('B', { phone: '13700001111' }));
    expect(open.json().status).toBe('open');
    const fullWidth = await staffB.post('/api/consultations', question('B', { phone: '０３９１－３５６８１２３' }));
    expect(fullWidth.statusCode, fullWidth.body).toBe(201);
    expect((await staffB.get(`/api/consultations/${fullWidth.json().id}`)).json().phoneMasked).toBe('039*****8123');
    const badPhone = await staffB.post('/api/consultations', question('B', { phone: '3568123' }));
    expect(badPhone.statusCode).toBe(400);
    expect((await staffC.post('/api/consultations', question('B'))).statusCode).toBe(404);
    expect((await caseworkerB.post('/api/consultations', question('B'))).statusCode).toBe(403);
  });

  it('lists the queue open first, the longest waiting at the top, with counts by status and filters', async () => {
    await later(24 * 3600_000);
    const first = await asked('B');
    await later(3600_000);
    const second = await asked('B');
    const queue = (await staffB.get('/api/consultations?pageSize=100')).json();
    const ids = queue.items.map((c: { id: string }) => c.id);
    expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
    const statuses = queue.items.map((c: { status: string }) => c.status);
    expect(statuses.lastIndexOf('open')).toBeLessThan(statuses.indexOf('answered'));
    expect(queue.items.find((c: { id: string }) => c.id === first.id).waitingHours).toBe(1);
    expect(queue.counts.open).toBeGreaterThanOrEqual(2);
    expect(queue.counts.answered).toBeGreaterThanOrEqual(1);
    const hotline = (await staffB.get('/api/consultations?channel=hotline')).json();
    expect(hotline.items.every((c: { channel: string }) => c.channel === 'hotline')).toBe(true);
    const underE = (await staffB.get(`/api/consultations?orgId=${t.orgs.E.id}`)).json();
    expect(underE.items.every((c: { orgName: string }) => c.orgName === '组织E')).toBe(true);
    expect((await staffB.get(`/api/consultations?orgId=${t.orgs.C.id}`)).statusCode).toBe(404);
    expect((await staffC.get('/api/consultations?pageSize=100')).json().items.map((c: { id: string }) => c.id)).not.toContain(first.id);
  });

  it('answers an open question once: of two answering at once one wins, the other gets 409', async () => {
    const { id } = await asked('B');
    await later(2 * 3600_000);
    const results = await Promise.all([staffB.post(`/api/consultations/${id}/answer`, { answer: '第一位的答复' }), staffA.post(`/api/consultations/${id}/answer`, { answer: '第二位的答复' })]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().error.details).toMatchObject({ reason: 'status', status: 'answered' });
    const got = (await staffB.get(`/api/consultations/${id}`)).json();
    expect(got).toMatchObject({ status: 'answered', waitingHours: 2 });
    expect(await auditRows(t, 'consultation.answer', id)).toHaveLength(1);
    expect((await staffB.post(`/api/consultations/${id}/answer`, { answer: '再答一次' })).statusCode).toBe(409);
  });

  it('closes an answered question; an open one only with a reason; a closed one is a 409', async () => {
    const answered = await asked('B');
    await staffB.post(`/api/consultations/${answered.id}/answer`, { answer: '已电话回复。' });
    const res = await staffB.post(`/api/consultations/${answered.id}/close`, {});
    expect(res.json()).toMatchObject({ status: 'closed' });
    expect((await staffB.get(`/api/consultations/${answered.id}`)).json()).toMatchObject({ status: 'closed', closedByName: 'zx-b' });
    expect((await staffB.post(`/api/consultations/${answered.id}/close`, {})).statusCode).toBe(409);
    const open = await asked('B');
    const noReason = await staffB.post(`/api/consultations/${open.id}/close`, {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details.issues[0].field).toBe('body.reason');
    expect((await staffB.post(`/api/consultations/${open.id}/close`, { reason: '重复提交' })).statusCode).toBe(200);
    expect(await auditRows(t, 'consultation.close', open.id)).toMatchObject([{ details: { from: 'open', reason: '重复提交' } }]);
    expect((await lookup(open.ticketNo, '2345')).json()).toMatchObject({ status: 'closed', answer: null });
  });

  it('reroutes an open question within the subtree; the org it leaves loses sight of it when outside the new one', async () => {
    const { id } = await asked('B');
    const toE = await staffB.post(`/api/consultations/${id}/reroute`, { toOrgId: t.orgs.E.id, reason: '属基层工会处理' });
    expect(toE.json()).toMatchObject({ orgId: t.orgs.E.id, orgName: '组织E' });
    expect((await staffB.post(`/api/consultations/${id}/reroute`, { toOrgId: t.orgs.E.id, reason: '再转一次' })).statusCode).toBe(409);
    expect((await staffB.post(`/api/consultations/${id}/reroute`, { toOrgId: t.orgs.C.id, reason: '转到C' })).statusCode).toBe(404);
    const toC = await staffA.post(`/api/consultations/${id}/reroute`, { toOrgId: t.orgs.C.id, reason: '属C区管辖' });
    expect(toC.statusCode, toC.body).toBe(200);
    expect((await staffB.get(`/api/consultations/${id}`)).statusCode).toBe(404);
    expect((await staffC.get(`/api/consultations/${id}`)).json()).toMatchObject({ orgName: '组织C', status: 'open' });
    const audits = await auditRows(t, 'consultation.reroute', id);
    expect(audits.map((a) => a.orgId)).toEqual([t.orgs.B.id, t.orgs.E.id, t.orgs.C.id]);
    await staffC.post(`/api/consultations/${id}/answer`, { answer: '已答复' });
    const late = await staffC.post(`/api/consultations/${id}/reroute`, { toOrgId: t.orgs.F.id, reason: '晚了' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({ message: '只有待答复的咨询可以转办 (only an open question is rerouted; this one is answered)', details: { reason: 'status', status: 'answered' } });
  });

  it('reveals the full phone to call back, with the reason audited', async () => {
    const { id } = await asked('B', { phone: '15939101234' });
    const res = await staffB.post(`/api/consultations/${id}/reveal`, { reason: '电话回访' });
    expect(res.json()).toEqual({ phone: '15939101234' });
    expect(res.headers['cache-control']).toBe('no-store');
    expect(await auditRows(t, 'consultation.reveal', id)).toMatchObject([{ actorUsername: 'zx-b', details: { field: 'phone', reason: '电话回访' } }]);
  });

  it('answers 404 for a question of another subtree on every route, changing nothing', async () => {
    const { id } = await asked('B');
    for (const res of [
      await staffC.get(`/api/consultations/${id}`),
      await staffC.post(`/api/consultations/${id}/answer`, { answer: '越权答复' }),
      await staffC.post(`/api/consultations/${id}/close`, { reason: '越权办结' }),
      await staffC.post(`/api/consultations/${id}/reroute`, { toOrgId: t.orgs.C.id, reason: '越权转办' }),
      await staffC.post(`/api/consultations/${id}/reveal`, { reason: '越权查看' }),
      await staffC.post(`/api/consultations/${id}/faq`, { category: 'other', question: '越权发布的问题', answer: '越权' }),
    ]) {
      expect(res.statusCode, res.body).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
    expect((await staffB.get(`/api/consultations/${id}`)).json()).toMatchObject({ status: 'open', orgName: '组织B' });
    expect(await auditRows(t, 'consultation.reveal', id)).toEqual([]);
  });

  it('refuses a missing permission with 403 naming consultation.answer on every staff route', async () => {
    const { id } = await asked('B');
    for (const res of [
      await caseworkerB.get('/api/consultations'),
      await caseworkerB.get('/api/consultations/stats'),
      await caseworkerB.get(`/api/consultations/${id}`),
      await caseworkerB.post(`/api/consultations/${id}/answer`, { answer: '无权答复' }),
      await caseworkerB.post(`/api/consultations/${id}/close`, { reason: '无权办结' }),
      await caseworkerB.post(`/api/consultations/${id}/reroute`, { toOrgId: t.orgs.E.id, reason: '无权转办' }),
      await caseworkerB.post(`/api/consultations/${id}/reveal`, { reason: '无权查看' }),
      await caseworkerB.get('/api/faq'),
      await caseworkerB.post('/api/faq', { orgId: t.orgs.B.id, category: 'other', question: '无权写的问题', answer: '无权' }),
    ]) {
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().error.details.permission).toBe('consultation.answer');
    }
    expect((await staffB.get(`/api/consultations/${id}`)).json().status).toBe('open');
  });
});
