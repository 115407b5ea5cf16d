import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { donations } from '../../../db/schema/index.js';
import { XLSX_MIME } from '../../../platform/http.js';
import { createTestApp, type Session, type TestApp } from '../../../test-support/test-app.js';
import { financeAtRoot, makeDrive } from '../../../test-support/donation-fixtures.js';
import { DONATION_COLUMNS, DONATION_SHEET } from './donation-sheet.js';

let t: TestApp;
let root: Session;
let reader: Session;
let atB: Session;

beforeAll(async () => {
  t = await createTestApp();
  root = await financeAtRoot(t);
  await t.createUser('reader-a', 'A', ['org_admin']);
  await t.createUser('fin-b', 'B', ['finance_officer']);
  reader = await t.signIn('reader-a');
  atB = await t.signIn('fin-b');
});
afterAll(() => t.close());

async function workbook(rows: unknown[][], headers = DONATION_COLUMNS.map((c) => (c.required ? `${c.header}*` : c.header)), sheet = DONATION_SHEET) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const upload = (s: Session, driveId: string, payload: Buffer) =>
  s.request({ method: 'POST', url: `/api/donation-drives/${driveId}/donation-batches/parse-xlsx`, headers: { 'content-type': XLSX_MIME }, payload });

describe('the collective-donation sheet', () => {
  it('offers a template that reads back with its example row flagged', async () => {
    const { driveId } = await makeDrive(t, 'B');
    const template = await reader.get(`/api/donation-drives/${driveId}/donation-batches/template.xlsx`);
    expect(template.statusCode).toBe(200);
    expect(template.headers['content-type']).toBe(XLSX_MIME);
    const parsed = (await upload(root, driveId, template.rawPayload)).json();
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors).toEqual([expect.objectContaining({ row: 2, column: '姓名', reason: expect.stringContaining('示例') })]);
  });

  it('reads rows and reports every cell in error by row and column, writing nothing', async () => {
    const { driveId } = await makeDrive(t, 'B');
    const file = await workbook([
      ['张三', '财务科', 200],
      ['李四', '', '100.5'],
      ['', '工会办公室', 50],
      ['王五', '后勤', '十元'],
      ['赵六', '后勤', 0],
      ['钱七', null, '1,000.00'],
    ]);
    const res = await upload(root, driveId, file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().rows).toEqual([
      { row: 2, donorName: '张三', donorUnit: '财务科', amountFen: 20_000 },
      { row: 3, donorName: '李四', donorUnit: null, amountFen: 10_050 },
      { row: 7, donorName: '钱七', donorUnit: null, amountFen: 100_000 },
    ]);
    expect(res.json().errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [4, '姓名'],
      [5, '金额(元)'],
      [6, '金额(元)'],
    ]);
    expect((await t.database.db.select().from(donations).where(eq(donations.driveId, driveId))).length).toBe(0);
  });

  it('refuses a file that is not a workbook, a sheet of another name, and too many rows', async () => {
    const { driveId } = await makeDrive(t, 'B');
    const notXlsx = await upload(root, driveId, Buffer.from('姓名,金额\n张三,100'));
    expect(notXlsx.statusCode).toBe(400);
    expect(notXlsx.json().error.details.field).toBe('file');
    const other = (await upload(root, driveId, await workbook([['张三', '', 1]], undefined, 'Sheet1'))).json();
    expect(other.errors[0].reason).toContain('捐款名单');
    const many = (await upload(root, driveId, await workbook(Array.from({ length: 2001 }, (_, i) => [`职工${i}`, '', 1])))).json();
    expect(many.rows).toEqual([]);
    expect(many.errors[0].reason).toContain('2000');
  });

  it('answers 404 for a drive of another subtree and 403 without fund.post', async () => {
    const { driveId } = await makeDrive(t, 'C');
    const file = await workbook([['张三', '', 1]]);
    expect((await upload(atB, driveId, file)).statusCode).toBe(404);
    expect((await atB.get(`/api/donation-drives/${driveId}/donation-batches/template.xlsx`)).statusCode).toBe(404);
    expect((await upload(reader, driveId, file)).statusCode).toBe(403);
  });
});

describe('a ceremony of 2,000 people', () => {
  it('enters 2,000 rows in one transaction, receipts consecutive', async () => {
    const { driveId } = await makeDrive(t, 'D');
    const rows = Array.from({ length: 2000 }, (_, i) => ({ donorName: `职工${i}`, donorUnit: `第${i % 20}车间`, amountFen: 100 + i }));
    const started = performance.now();
    const res = await root.post(`/api/donation-drives/${driveId}/donation-batches`, { channel: 'cash', receivedOn: '2026-03-02', rows });
    const ms = Math.round(performance.now() - started);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
    expect(res.json()).toMatchObject({ count: 2000, firstReceiptNo: 'T-D-2026-000001', lastReceiptNo: 'T-D-2026-002000' });
    console.log(`2,000-row donation batch: ${ms} ms (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`);
    expect((await atB.get(`/api/donation-drives/${driveId}`)).json()).toMatchObject({ donationCount: 2000, raisedFen: 2000 * 100 + (1999 * 2000) / 2 });
  }, 120_000);
});
