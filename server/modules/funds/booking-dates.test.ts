import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { financeAtRoot, makeDrive, sampleDonation } from '../../test-support/donation-fixtures.js';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app.js';

// The test clock reads 2026-03-02 09:00 in China.
let t: TestApp;
let fin: Session;
let cityFund: string;
let districtFund: string;

const issues = (res: { json(): { error: { details: { issues: Array<{ field: string }> } } } }) => res.json().error.details.issues.map((i) => i.field);

beforeAll(async () => {
  t = await createTestApp();
  fin = await financeAtRoot(t);
  cityFund = (await fin.post('/api/funds', { orgId: t.orgs.A.id, name: '日期测试资金' })).json().id;
  districtFund = (await fin.post('/api/funds', { orgId: t.orgs.B.id, name: '区日期测试资金' })).json().id;
  expect((await fin.post(`/api/funds/${cityFund}/incomes`, { source: 'budget', counterparty: '工会经费', amountFen: 100_000, receivedOn: '2026-02-01' })).statusCode).toBe(201);
});
afterAll(() => t.close());

describe('the dates money is booked on', () => {
  const income = (receivedOn: string) => fin.post(`/api/funds/${cityFund}/incomes`, { source: 'budget', counterparty: '工会经费', amountFen: 100, receivedOn });

  it('refuses income dated after today or before the books begin, naming the field', async () => {
    for (const day of ['2026-03-03', '2099-01-01', '1900-01-01', '1999-12-31']) {
      const res = await income(day);
      expect(res.statusCode, day).toBe(400);
      expect(issues(res)).toEqual(['body.receivedOn']);
    }
    expect((await income('2026-03-02')).statusCode).toBe(201);
    expect((await income('2000-01-01')).statusCode).toBe(201);
  });

  it('refuses an allocation dated after today', async () => {
    const res = await fin.post(`/api/funds/${cityFund}/allocations`, { toFundId: districtFund, amountFen: 100, allocatedOn: '2026-12-01' });
    expect(res.statusCode).toBe(400);
    expect(issues(res)).toEqual(['body.allocatedOn']);
    expect((await fin.get(`/api/funds/${districtFund}`)).json().balanceFen).toBe(0);
  });

  it('refuses a gift dated before the books begin (a receipt numbered 1900)', async () => {
    const { driveId } = await makeDrive(t, 'A');
    const res = await fin.post(`/api/donation-drives/${driveId}/donations`, sampleDonation({ receivedOn: '1900-01-01' }));
    expect(res.statusCode).toBe(400);
    expect(issues(res)).toEqual(['body.receivedOn']);
  });

  it('so that a statement without dates holds every movement: its opening is 0 and its closing the balance', async () => {
    const st = (await fin.get(`/api/funds/${cityFund}/statement`)).json();
    const fund = (await fin.get(`/api/funds/${cityFund}`)).json();
    expect(st).toMatchObject({ openingFen: 0, closingFen: fund.balanceFen });
  });
});

describe('statement periods and cursors', () => {
  it('refuses a period that ends before it starts, on the page and the export', async () => {
    const page = await fin.get(`/api/funds/${cityFund}/statement?from=2026-03-01&to=2026-02-01`);
    expect(page.statusCode).toBe(400);
    expect(issues(page)).toEqual(['querystring.to']);
    const onlyFrom = await fin.get(`/api/funds/${cityFund}/statement?from=2099-01-01`);
    expect(onlyFrom.statusCode).toBe(400);
    expect(issues(onlyFrom)).toEqual(['querystring.from']);
    const file = await fin.get(`/api/funds/${cityFund}/statement.xlsx?from=2026-03-01&to=2026-02-01`);
    expect(file.statusCode).toBe(400);
    expect(issues(file)).toEqual(['querystring.to']);
    expect((await fin.get(`/api/funds/${cityFund}/statement?from=2026-02-01&to=2026-02-01`)).json()).toMatchObject({ inFen: 100_000, rowCount: 1 });
  });

  it('answers 400, not 500, for a cursor with a day that does not exist or a posting id no database holds', async () => {
    for (const after of ['2026-99-01~1', '2026-02-30~1', '2026-03-01~9999999999999999', '2026-03-01~99999999999999999999']) {
      const res = await fin.get(`/api/funds/${cityFund}/statement?after=${after}`);
      expect(res.statusCode, after).toBe(400);
      expect(issues(res)).toEqual(['querystring.after']);
    }
    const first = (await fin.get(`/api/funds/${cityFund}/statement?pageSize=1`)).json();
    expect((await fin.get(`/api/funds/${cityFund}/statement?pageSize=1&after=${first.items[0].cursor}`)).statusCode).toBe(200);
  });
});
