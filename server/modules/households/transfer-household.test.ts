import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { householdTransfers, households } from '../../db/schema/index.js';
import { sampleHousehold } from '../../test-support/household-fixtures.js';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app.js';

/**
 * Accepting a transfer re-checks the household under a row lock: one closed or rejected since the
 * request stays where it is, also when the close and the acceptance arrive at the same moment.
 */
let t: TestApp;
let maker: Session; // caseworker at E: files and asks for transfers
let checker: Session; // another caseworker at E
let reviewerB: Session; // reviewer at B, above E: rejects, archives, closes
let staffC: Session; // org admin at C: accepts transfers to F

const visit = { visitDate: '2026-03-02', visitors: '张敏、刘强', findings: '家中一人重病，收入微薄，情况属实', consentSigned: true };

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('tr-maker', 'E', ['caseworker']);
  await t.createUser('tr-checker', 'E', ['caseworker']);
  await t.createUser('tr-reviewer', 'B', ['reviewer']);
  await t.createUser('tr-admin-c', 'C', ['org_admin']);
  await signInAll();
});
afterAll(() => t.close());

async function signInAll() {
  [maker, checker, reviewerB, staffC] = await Promise.all(['tr-maker', 'tr-checker', 'tr-reviewer', 'tr-admin-c'].map((u) => t.signIn(u)));
}

async function file() {
  const res = await maker.post('/api/households', sampleHousehold(t.orgs.E.id));
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function archive(ids: string[]) {
  for (const id of ids) {
    expect((await checker.post(`/api/households/${id}/check`, {})).statusCode).toBe(200);
    expect((await checker.post(`/api/households/${id}/visit`, visit)).statusCode).toBe(200);
    expect((await reviewerB.post(`/api/households/${id}/start-notice`, { noticeDays: 5 })).statusCode).toBe(200);
  }
  t.clock.advance(6 * 24 * 3600_000);
  await signInAll();
  for (const id of ids) expect((await reviewerB.post(`/api/households/${id}/approve`, {})).statusCode).toBe(200);
}

async function requestTransfer(id: string) {
  const res = await maker.post(`/api/households/${id}/transfer`, { toOrgId: t.orgs.F.id, reason: '职工调入F单位' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().transferId as string;
}

const stored = async (id: string) => (await t.database.db.select().from(households).where(eq(households.id, id)))[0];
const transferStatus = async (transferId: string) => (await t.database.db.select().from(householdTransfers).where(eq(householdTransfers.id, transferId)))[0].status;
const accept = (transferId: string) => staffC.post(`/api/household-transfers/${transferId}/accept`, {});

describe('accepting a transfer', () => {
  it('refuses a household closed after the request, moving nothing; the receiving side can still decline', async () => {
    const id = await file();
    await archive([id]);
    const transferId = await requestTransfer(id);
    expect((await reviewerB.post(`/api/households/${id}/close`, { reason: '迁出本市' })).json().status).toBe('closed');
    const res = await accept(transferId);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details).toMatchObject({ reason: 'status', status: 'closed' });
    expect(await stored(id)).toMatchObject({ orgId: t.orgs.E.id, status: 'closed' });
    expect(await transferStatus(transferId)).toBe('pending');
    expect((await staffC.get(`/api/households/${id}`)).statusCode).toBe(404);
    expect((await staffC.post(`/api/household-transfers/${transferId}/decline`, {})).statusCode).toBe(200);
  });

  it('refuses a household rejected after the request', async () => {
    const id = await file();
    const transferId = await requestTransfer(id);
    expect((await reviewerB.post(`/api/households/${id}/reject`, { reason: '收入超过标准' })).json().status).toBe('rejected');
    const res = await accept(transferId);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.status).toBe('rejected');
    expect((await stored(id)).orgId).toBe(t.orgs.E.id);
  });

  it('lets exactly one of a close and an acceptance arriving together win', async () => {
    const ids = [await file(), await file(), await file(), await file()];
    await archive(ids);
    const transferIds: string[] = [];
    for (const id of ids) transferIds.push(await requestTransfer(id));
    const outcomes = await Promise.all(
      ids.map(async (id, i) => {
        const [closed, accepted] = await Promise.all([reviewerB.post(`/api/households/${id}/close`, { reason: '迁出本市' }), accept(transferIds[i])]);
        return { id, transferId: transferIds[i], closed: closed.statusCode, accepted: accepted.statusCode };
      }),
    );
    for (const o of outcomes) {
      const h = await stored(o.id);
      if (o.accepted === 200) {
        // Accepted first: the household moved, and the sending side's reviewer no longer reaches it.
        expect(o.closed).toBe(404);
        expect(h).toMatchObject({ orgId: t.orgs.F.id, status: 'archived' });
        expect(await transferStatus(o.transferId)).toBe('accepted');
      } else {
        expect([o.closed, o.accepted]).toEqual([200, 409]);
        expect(h).toMatchObject({ orgId: t.orgs.E.id, status: 'closed' });
        expect(await transferStatus(o.transferId)).toBe('pending');
      }
    }
  });
});
