import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app.js';

let t: TestApp;
let cityFinance: Session; // at A
let districtFinance: Session; // at B
let otherDistrict: Session; // at C
let reader: Session; // org_admin at A: reads funds, posts nothing

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('fin.a', 'A', ['finance_officer']);
  await t.createUser('fin.b', 'B', ['finance_officer']);
  await t.createUser('fin.c', 'C', ['finance_officer']);
  await t.createUser('admin.a', 'A', ['org_admin']);
  [cityFinance, districtFinance, otherDistrict, reader] = await Promise.all([t.signIn('fin.a'), t.signIn('fin.b'), t.signIn('fin.c'), t.signIn('admin.a')]);
});
afterAll(() => t.close());

async function openFund(s: Session, org: string, name: string) {
  const res = await s.post('/api/funds', { orgId: t.orgs[org].id, name });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}
const fundOf = async (s: Session, id: string) => (await s.get(`/api/funds/${id}`)).json();

describe('funds, income and allocations', () => {
  it('books income into a fund, allocates to a district fund that both sides see, and keeps raised = allocated + paid + balance', async () => {
    const city = await openFund(cityFinance, 'A', '2021 金秋助学专项资金');
    const district = await openFund(districtFinance, 'B', '区金秋助学资金');
    expect((await cityFinance.post(`/api/funds/${city}/incomes`, { source: 'budget', counterparty: '市总工会经费', amountFen: 1_000_000, receivedOn: '2021-08-02' })).statusCode).toBe(201);
    expect((await cityFinance.post(`/api/funds/${city}/incomes`, { source: 'enterprise', counterparty: '焦煤集团', amountFen: 250_050, receivedOn: '2021-08-20' })).statusCode).toBe(201);
    const alloc = await cityFinance.post(`/api/funds/${city}/allocations`, { toFundId: district, amountFen: 300_000, allocatedOn: '2021-08-25', memo: '金秋助学' });
    expect(alloc.statusCode, alloc.body).toBe(201);

    const c = await fundOf(cityFinance, city);
    expect(c).toMatchObject({ raisedFen: 1_250_050, allocatedOutFen: 300_000, paidFen: 0, balanceFen: 950_050, bySource: { budget: 1_000_000, enterprise: 250_050, donations: 0, allocationsIn: 0 } });
    const d = await fundOf(districtFinance, district);
    expect(d).toMatchObject({ raisedFen: 300_000, balanceFen: 300_000, bySource: { allocationsIn: 300_000 } });

    // Both sides list the allocation; the district does not get the city fund's id (it cannot open it).
    const out = (await cityFinance.get(`/api/funds/${city}/allocations`)).json().items;
    expect(out).toEqual([expect.objectContaining({ direction: 'out', amountFen: 300_000, otherFundId: district, otherOrgName: '组织B' })]);
    const into = (await districtFinance.get(`/api/funds/${district}/allocations`)).json().items;
    expect(into).toEqual([expect.objectContaining({ direction: 'in', amountFen: 300_000, otherFundId: null, otherOrgName: '组织A' })]);

    // The statement: opening, movements with the balance after each, totals and closing, by period.
    const st = (await cityFinance.get(`/api/funds/${city}/statement?from=2021-08-10&to=2021-08-31`)).json();
    expect(st).toMatchObject({ openingFen: 1_000_000, closingFen: 950_050, inFen: 250_050, outFen: 300_000, rowCount: 2 });
    expect(st.items.map((r: { amountFen: number; balanceAfterFen: number }) => [r.amountFen, r.balanceAfterFen])).toEqual([
      [250_050, 1_250_050],
      [-300_000, 950_050],
    ]);
    // Keyset pages: the second page's balances continue from the first's.
    const p1 = (await cityFinance.get(`/api/funds/${city}/statement?from=2021-08-01&to=2021-08-31&pageSize=2`)).json();
    expect(p1.items).toHaveLength(2);
    const p2 = (await cityFinance.get(`/api/funds/${city}/statement?from=2021-08-01&to=2021-08-31&pageSize=2&after=${encodeURIComponent(p1.nextCursor)}`)).json();
    expect(p2.items.map((r: { balanceAfterFen: number }) => r.balanceAfterFen)).toEqual([950_050]);
    expect(p2.nextCursor).toBeNull();

    // Export: the same rows and closing balance in the workbook, and an audit row.
    const x = await cityFinance.get(`/api/funds/${city}/statement.xlsx?from=2021-08-01&to=2021-08-31`);
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const cells = wb.worksheets[0].getSheetValues().flat().filter((v) => v !== undefined && v !== null);
    expect(cells).toEqual(expect.arrayContaining(['期末余额（元）', 9500.5, 12500.5]));
    const audited = (await t.database.db.execute(sql`select count(*)::int as n from audit_log where action = 'fund.export_statement'`)) as unknown as { rows: Array<{ n: number }> };
    expect(audited.rows[0].n).toBe(1);
  });

  it('ends a statement without dates on today in China, also in the first hours of a China day (still yesterday in UTC)', async () => {
    const fund = await openFund(cityFinance, 'A', '凌晨入账测试基金');
    const before = t.clock.now();
    t.clock.set(new Date('2026-03-02T00:30:00+08:00'));
    try {
      expect((await cityFinance.post(`/api/funds/${fund}/incomes`, { source: 'budget', counterparty: '经费', amountFen: 4200, receivedOn: '2026-03-02' })).statusCode).toBe(201);
      const st = (await cityFinance.get(`/api/funds/${fund}/statement`)).json();
      expect(st.to).toBe('2026-03-02');
      expect(st.closingFen).toBe(4200);
    } finally {
      t.clock.set(before);
    }
  });

  it('refuses an allocation that would overdraw the giving fund, or that goes sideways or up', async () => {
    const a = await openFund(cityFinance, 'A', '小额基金');
    const b = await openFund(districtFinance, 'B', '区小额基金');
    const c = await openFund(otherDistrict, 'C', 'C区基金');
    await cityFinance.post(`/api/funds/${a}/incomes`, { source: 'budget', counterparty: '经费', amountFen: 100, receivedOn: '2021-08-02' });
    const over = await cityFinance.post(`/api/funds/${a}/allocations`, { toFundId: b, amountFen: 101, allocatedOn: '2021-08-03' });
    expect(over.statusCode).toBe(409);
    expect(over.json().error.details.reason).toBe('insufficient_funds');
    const up = await cityFinance.post(`/api/funds/${b}/allocations`, { toFundId: a, amountFen: 1, allocatedOn: '2021-08-03' });
    expect(up.statusCode).toBe(400);
    expect(up.json().error.details.issues[0].field).toBe('body.toFundId');
    // B's officer cannot see C's fund: a wrong value of the field, as if it did not exist.
    const hidden = await districtFinance.post(`/api/funds/${b}/allocations`, { toFundId: c, amountFen: 1, allocatedOn: '2021-08-03' });
    expect(hidden.statusCode).toBe(400);
    expect(hidden.json().error.details.issues).toEqual([{ field: 'body.toFundId', message: 'no such fund in your subtree' }]);
    expect((await fundOf(cityFinance, a)).balanceFen).toBe(100);
  });

  it('keeps funds inside the subtree: 404 outside it, 403 without fund.post', async () => {
    const c = await openFund(otherDistrict, 'C', 'C区助学基金');
    expect((await districtFinance.get(`/api/funds/${c}`)).statusCode).toBe(404);
    expect((await districtFinance.get(`/api/funds/${c}/statement`)).statusCode).toBe(404);
    expect((await districtFinance.post(`/api/funds/${c}/incomes`, { source: 'budget', counterparty: '经费', amountFen: 100, receivedOn: '2021-08-02' })).statusCode).toBe(404);
    expect((await districtFinance.post('/api/funds', { orgId: t.orgs.C.id, name: '越权基金' })).statusCode).toBe(404);
    expect((await districtFinance.get('/api/funds')).json().items.map((f: { orgName: string }) => f.orgName)).not.toContain('组织C');
    expect((await reader.get(`/api/funds/${c}`)).statusCode).toBe(200);
    expect((await reader.post(`/api/funds/${c}/incomes`, { source: 'budget', counterparty: '经费', amountFen: 100, receivedOn: '2021-08-02' })).statusCode).toBe(403);
  });

  it('reconciles: every balance recomputed from the journal agrees, and each fund’s identity holds', async () => {
    const r = (await cityFinance.get('/api/ledger/reconcile')).json();
    expect(r).toMatchObject({ differences: 0, unbalancedEntries: 0, monthDifferences: 0 });
    expect(r.funds.length).toBeGreaterThan(2);
    for (const f of r.funds) {
      expect(f.identityHolds, f.name).toBe(true);
      expect(f.keptBalanceFen).toBe(f.balanceFen);
    }
    // Across the subtree the allocation to B nets out: raised counts only money from outside.
    expect(r.totals.identityHolds).toBe(true);
    expect(r.totals.allocatedOutFen).toBe(0);
  });
});

describe('Idempotency-Key on money-moving requests', () => {
  let fund: string;
  const income = { source: 'enterprise', counterparty: '某企业', amountFen: 5000, receivedOn: '2021-09-01' };
  const send = (key: string | undefined, body: object) =>
    cityFinance.request({ method: 'POST', url: `/api/funds/${fund}/incomes`, payload: body, headers: { 'idempotency-key': key ?? '' } });
  beforeAll(async () => {
    fund = await openFund(cityFinance, 'A', '幂等测试基金');
  });

  it('replays the first answer for the same key and body, refuses another body with 422, and a missing key with 400', async () => {
    const first = await send('key-replay-0001', income);
    expect(first.statusCode).toBe(201);
    const again = await send('key-replay-0001', income);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    const other = await send('key-replay-0001', { ...income, amountFen: 6000 });
    expect(other.statusCode).toBe(422);
    expect(other.json().error.details.reason).toBe('idempotency_key_reused');
    const missing = await send(undefined, income);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.issues[0].field).toBe('headers.idempotency-key');
    expect((await fundOf(cityFinance, fund)).balanceFen).toBe(5000);
  });

  it('does the work once when requests with one key arrive at the same moment', async () => {
    const before = (await fundOf(cityFinance, fund)).balanceFen;
    const answers = await Promise.all(Array.from({ length: 8 }, () => send('key-race-000001', { ...income, amountFen: 700 })));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(8).fill(201));
    expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
    expect((await fundOf(cityFinance, fund)).balanceFen).toBe(before + 700);
  });

  it('keys are per user: another user’s same key is a new request', async () => {
    const before = (await fundOf(cityFinance, fund)).balanceFen;
    const other = await t.signIn('fin.a');
    await other.request({ method: 'POST', url: `/api/funds/${fund}/incomes`, payload: { ...income, amountFen: 1 }, headers: { 'idempotency-key': 'key-user-000001' } });
    await t.createUser('fin.a2', 'A', ['finance_officer']);
    const second = await t.signIn('fin.a2');
    const res = await second.request({ method: 'POST', url: `/api/funds/${fund}/incomes`, payload: { ...income, amountFen: 1 }, headers: { 'idempotency-key': 'key-user-000001' } });
    expect(res.statusCode).toBe(201);
    expect(res.headers['idempotent-replayed']).toBeUndefined();
    expect((await fundOf(cityFinance, fund)).balanceFen).toBe(before + 2);
  });
});

describe('kept Idempotency-Keys', () => {
  it('are swept once past their time, and only then', async () => {
    const { sweepIdempotencyKeys, IDEMPOTENCY_KEY_TTL_MS } = await import('../../platform/idempotency.js');
    const count = async () => ((await t.database.db.execute(sql`select count(*)::int as n from idempotency_keys`)) as unknown as { rows: Array<{ n: number }> }).rows[0].n;
    const kept = await count();
    expect(kept).toBeGreaterThan(0);
    await sweepIdempotencyKeys(t.database.db, new Date(Date.now() + IDEMPOTENCY_KEY_TTL_MS - 60_000));
    expect(await count()).toBe(kept);
    await sweepIdempotencyKeys(t.database.db, new Date(Date.now() + IDEMPOTENCY_KEY_TTL_MS + 60_000));
    expect(await count()).toBe(0);
  });
});
