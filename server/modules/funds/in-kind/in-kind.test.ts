import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../../db/schema/index.js';
import { archivedHousehold, lumpSumRules, makeCampaign } from '../../../test-support/campaign-fixtures.js';
import { createTestApp, type Session, type TestApp } from '../../../test-support/test-app.js';
import { BANK_SHEET } from '../payments/export-bank-file.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let t: TestApp;
const s: Record<string, Session> = {};

/** Four households of E get 500 元 and a suitcase each; the batch is paid on 2026-02-01 and the bank returns one line. */
beforeAll(async () => {
  t = await createTestApp();
  for (const [u, org, roles] of [
    ['admin-a', 'A', ['org_admin']],
    ['admin-a2', 'A', ['org_admin']],
    ['cw-e', 'E', ['caseworker']],
    ['fin-a', 'A', ['finance_officer']],
    ['fin-a2', 'A', ['finance_officer']],
    ['fin-b', 'B', ['finance_officer']],
    ['fin-c', 'C', ['finance_officer']],
  ] as const)
    await t.createUser(u, org, [...roles]);
  for (const u of ['admin-a', 'admin-a2', 'cw-e', 'fin-a', 'fin-a2', 'fin-b', 'fin-c']) s[u] = await t.signIn(u);
  const rules = lumpSumRules({ inKindItems: [{ item: '行李箱', quantity: 1, stages: [] }] });
  const { campaignId } = await makeCampaign(t, s['admin-a'], { orgName: 'A', participants: ['E'], kind: 'per_household', rules });
  for (let i = 0; i < 4; i++) await archivedHousehold(t, s['cw-e'], 'E');
  const built = await s['admin-a'].post(`/api/campaigns/${campaignId}/lump-sum-batches`, { orgId: t.orgs.E.id });
  await t.app.jobs.settled();
  expect((await s['admin-a2'].post(`/api/lump-sum-batches/${built.json().batchId}/confirm`, {})).statusCode).toBe(202);
  await t.app.jobs.settled();
  const fundId = (await s['fin-a'].post('/api/funds', { orgId: t.orgs.A.id, name: '特别慰问金专项资金' })).json().id;
  expect((await s['fin-a'].post(`/api/funds/${fundId}/incomes`, { source: 'budget', counterparty: '工会经费', amountFen: 10_000_000, receivedOn: '2026-01-05' })).statusCode).toBe(201);
  const batch = await s['fin-a'].post('/api/payment-batches', { fundId, campaignId, name: '特别慰问金第一批' });
  await t.app.jobs.settled();
  const batchId = batch.json().batchId;
  expect((await s['fin-a2'].post(`/api/payment-batches/${batchId}/approve`, {})).statusCode).toBe(200);
  expect((await s['fin-a'].post(`/api/payment-batches/${batchId}/execute`, { paidOn: '2026-02-01' })).statusCode).toBe(202);
  await t.app.jobs.settled();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await s['fin-a'].get(`/api/payment-batches/${batchId}/bank-file.xlsx`)).rawPayload as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(BANK_SHEET)!;
  for (let r = 2; r <= ws.rowCount; r++) ws.getRow(r).getCell(8).value = r === 3 ? '失败' : '成功';
  ws.getRow(3).getCell(9).value = '账户已销户';
  const res = await s['fin-a'].request({ method: 'POST', url: `/api/payment-batches/${batchId}/result-import`, headers: { 'content-type': XLSX }, payload: Buffer.from(await wb.xlsx.writeBuffer()) });
  expect(res.json()).toMatchObject({ confirmed: 3, failed: 1 });
});
afterAll(() => t.close());

const register = async (who: string, query = '') => {
  const res = await s[who].get(`/api/in-kind-issues${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('the in-kind register (实物发放登记)', () => {
  it('lists each suitcase issued with its batch and payment reference, and counts pieces issued and returned by item', async () => {
    const r = await register('fin-a');
    expect(r.total).toBe(4);
    expect(r.byItem).toEqual([{ item: '行李箱', issued: 3, returned: 1 }]);
    expect(r.items).toHaveLength(4);
    for (const i of r.items) expect(i).toMatchObject({ item: '行李箱', quantity: 1, issuedOn: '2026-02-01', orgName: t.orgs.E.name, batchName: '特别慰问金第一批', paymentRef: expect.any(String) });
    expect(r.items.filter((i: { status: string }) => i.status === 'returned')).toHaveLength(1);
  });

  it('filters by status, item, period and org, and pages', async () => {
    expect((await register('fin-a', '?status=returned')).total).toBe(1);
    expect((await register('fin-a', '?item=%E8%A1%8C%E6%9D%8E%E7%AE%B1&status=issued')).byItem).toEqual([{ item: '行李箱', issued: 3, returned: 0 }]);
    expect((await register('fin-a', '?item=%E4%B9%A6%E5%8C%85')).total).toBe(0);
    expect((await register('fin-a', '?from=2026-02-02')).total).toBe(0);
    expect((await register('fin-a', '?from=2026-02-01&to=2026-02-01')).total).toBe(4);
    expect((await register('fin-a', `?orgId=${t.orgs.E.id}`)).total).toBe(4);
    expect((await register('fin-a', `?orgId=${t.orgs.D.id}`)).total).toBe(0);
    const page2 = await register('fin-a', '?page=2&pageSize=3');
    expect(page2.items).toHaveLength(1);
    expect(page2.total).toBe(4);
  });

  it('shows an org only the issues of its own subtree', async () => {
    expect((await register('fin-b')).total).toBe(4);
    expect(await register('fin-c')).toMatchObject({ total: 0, items: [], byItem: [] });
    expect((await s['fin-c'].get(`/api/in-kind-issues?orgId=${t.orgs.E.id}`)).statusCode).toBe(404);
    expect((await s['cw-e'].get('/api/in-kind-issues')).statusCode).toBe(403);
  });

  it('refuses a bad filter naming the field', async () => {
    for (const [q, field] of [
      ['?from=2026-13-01', 'querystring.from'],
      ['?from=2026-03-01&to=2026-02-01', 'querystring.to'],
      ['?status=lost', 'querystring.status'],
      ['?orgId=E', 'querystring.orgId'],
      ['?pageSize=1000', 'querystring.pageSize'],
      ['?colour=red', 'querystring'],
    ]) {
      const res = await s['fin-a'].get(`/api/in-kind-issues${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(JSON.stringify(res.json().error.details), q).toContain(field);
    }
  });

  it('exports the register with the pieces by item, and audits the export', async () => {
    const res = await s['fin-a'].get('/api/in-kind-issues.xlsx?status=issued');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows = wb.getWorksheet('实物发放登记')!.getSheetValues().filter(Boolean);
    expect(rows).toHaveLength(1 + 3);
    expect(wb.getWorksheet('按物品合计')!.getRow(2).values).toEqual([undefined, '行李箱', 3, 0]);
    const [row] = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'in_kind.export'));
    expect(row.details).toMatchObject({ count: 3, filter: { status: 'issued' } });
  });
});
