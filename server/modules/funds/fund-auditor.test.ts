import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app.js';

// The fund review committee (经审) proves raised = paid + balance from the books of its subtree, and moves no money.
let t: TestApp;
const s: Record<string, Session> = {};
let fundId: string;
let childFundId: string;

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('fin-a', 'A', ['finance_officer']);
  await t.createUser('aud-a', 'A', ['fund_auditor']);
  await t.createUser('aud-c', 'C', ['fund_auditor']);
  for (const u of ['fin-a', 'aud-a', 'aud-c']) s[u] = await t.signIn(u);
  fundId = (await s['fin-a'].post('/api/funds', { orgId: t.orgs.A.id, name: '帮扶资金' })).json().id;
  childFundId = (await s['fin-a'].post('/api/funds', { orgId: t.orgs.B.id, name: 'B区帮扶资金' })).json().id;
  expect((await s['fin-a'].post(`/api/funds/${fundId}/incomes`, { source: 'budget', counterparty: '工会经费', amountFen: 500_000, receivedOn: '2026-01-05' })).statusCode).toBe(201);
  expect((await s['fin-a'].post(`/api/funds/${fundId}/allocations`, { toFundId: childFundId, amountFen: 200_000, allocatedOn: '2026-01-06' })).statusCode).toBe(201);
});
afterAll(() => t.close());

describe('the fund auditor (经审人员)', () => {
  it('reads the funds, statements, allocations, batches, in-kind register and reconciliation of its subtree', async () => {
    const funds = (await s['aud-a'].get('/api/funds')).json().items;
    expect(funds.map((f: { name: string }) => f.name).sort()).toEqual(['B区帮扶资金', '帮扶资金']);
    const statement = await s['aud-a'].get(`/api/funds/${fundId}/statement`);
    expect(statement.json()).toMatchObject({ inFen: 500_000, outFen: 200_000, closingFen: 300_000 });
    expect((await s['aud-a'].get(`/api/funds/${fundId}/statement.xlsx`)).statusCode).toBe(200);
    expect((await s['aud-a'].get(`/api/funds/${fundId}/allocations`)).json().items).toHaveLength(1);
    for (const path of ['/api/payment-batches', '/api/in-kind-issues', '/api/donation-drives']) expect((await s['aud-a'].get(path)).statusCode, path).toBe(200);
    const reconcile = (await s['aud-a'].get('/api/ledger/reconcile')).json();
    expect(JSON.stringify(reconcile)).toContain(fundId);
  });

  it('sees nothing outside its subtree', async () => {
    expect((await s['aud-c'].get('/api/funds')).json().items).toEqual([]);
    expect((await s['aud-c'].get(`/api/funds/${fundId}`)).statusCode).toBe(404);
  });

  it('moves no money and builds, approves or executes nothing', async () => {
    for (const [path, body] of [
      ['/api/funds', { orgId: t.orgs.A.id, name: '经审自建资金' }],
      [`/api/funds/${fundId}/incomes`, { source: 'budget', counterparty: '工会经费', amountFen: 100, receivedOn: '2026-01-05' }],
      [`/api/funds/${fundId}/allocations`, { toFundId: childFundId, amountFen: 100, allocatedOn: '2026-01-06' }],
      ['/api/payment-batches', { fundId, name: '经审批次' }],
    ] as const) {
      const res = await s['aud-a'].post(path, body);
      expect(res.statusCode, `${path} ${res.body}`).toBe(403);
    }
    expect((await s['fin-a'].get(`/api/funds/${fundId}`)).json()).toMatchObject({ balanceFen: 300_000 });
  });
});
