import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { makeCnId, maskCnId } from '../../../../contracts/cn-ids.js';
import { buildHouseholdWorkbook, validHouseholdRows } from '../../../test-support/household-workbook.js';
import { sampleHousehold } from '../../../test-support/household-fixtures.js';
import { createTestApp, type Session, type TestApp } from '../../../test-support/test-app.js';
import { XLSX_MIME } from '../households.routes.js';

let t: TestApp;
let worker: Session;
beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('importer', 'B', ['caseworker']);
  await t.createUser('importer-c', 'C', ['caseworker']);
  worker = await t.signIn('importer');
});
afterAll(() => t.close());

async function upload(s: Session, file: Buffer, org = 'D', asArchived = false) {
  const res = await s.request({ method: 'POST', url: `/api/household-imports?orgId=${t.orgs[org].id}&asArchived=${asArchived}&filename=test.xlsx`, headers: { 'content-type': XLSX_MIME }, payload: file });
  return res;
}

async function runImport(file: Buffer, org = 'D') {
  const res = await upload(worker, file, org);
  expect(res.statusCode, res.body).toBe(202);
  await t.app.jobs.settled();
  return (await worker.get(`/api/household-imports/${res.json().id}`)).json();
}

const counts = async () => {
  const r = (await t.database.db.execute(sql`select (select count(*) from households)::int as h, (select count(*) from household_members)::int as m, (select count(*) from household_id_claims)::int as c`)) as unknown as { rows: Array<{ h: number; m: number; c: number }> };
  return r.rows[0];
};

async function readReport(id: string) {
  const res = await worker.get(`/api/household-imports/${id}/errors`);
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe(XLSX_MIME);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const rows: string[][] = [];
  wb.worksheets[0].eachRow((row, n) => n > 1 && rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
}

describe('import template', () => {
  it('has Chinese headers, an example row and drop-downs for coded fields', async () => {
    const res = await worker.get('/api/households/import-template');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('户主信息')!;
    expect(ws.getCell('A1').value).toBe('户主姓名*');
    expect(ws.getCell('B2').value).toMatch(/^\d{17}[\dX]$/);
    const categoryCol = (ws.getRow(1).values as string[]).indexOf('困难类别*');
    expect(ws.getCell(2, categoryCol).dataValidation?.type).toBe('list');
    expect(wb.getWorksheet('家庭成员')).toBeTruthy();
    expect(wb.getWorksheet('代码表')?.state).toBe('hidden');
  });

  it('imports nothing from the untouched template and says the example row must go', async () => {
    const template = (await worker.get('/api/households/import-template')).rawPayload;
    const job = await runImport(template);
    expect(job.status).toBe('failed');
    expect(job.errorsPreview[0].reason).toContain('示例行');
  });
});

describe('import', () => {
  it('imports a clean file of households with members, as applications with history', async () => {
    const rows = [validHouseholdRows(), validHouseholdRows(), validHouseholdRows()];
    const before = await counts();
    const job = await runImport(await buildHouseholdWorkbook(rows.map((r) => r.household), rows.flatMap((r) => r.members)));
    expect(job.status, JSON.stringify(job.errorsPreview)).toBe('succeeded');
    expect(job.importedHouseholds).toBe(3);
    expect(job.importedMembers).toBe(6);
    const after = await counts();
    expect(after.h - before.h).toBe(3);
    expect(after.m - before.m).toBe(6);
    expect(after.c - before.c).toBe(9);
    const list = (await worker.get(`/api/households?orgId=${t.orgs.D.id}&q=${encodeURIComponent('职工')}&pageSize=50`)).json();
    const imported = list.items.find((h: { name: string }) => h.name === rows[0].household['户主姓名']);
    expect(imported.status).toBe('applied');
    const detail = (await worker.get(`/api/households/${imported.id}`)).json();
    expect(detail.monthlyIncomeFen).toBe(180050);
    expect(detail.members).toHaveLength(2);
    expect(detail.memberSchoolStages).toEqual(['junior']);
    expect(detail.history[0].action).toBe('import');
  });

  it('reports every bad cell of a bad file in Chinese and writes nothing', async () => {
    const good = validHouseholdRows();
    const a = validHouseholdRows();
    const b = validHouseholdRows();
    const c = validHouseholdRows();
    const d = validHouseholdRows();
    const e = validHouseholdRows();
    const badCheck = (a.household['身份证号'] as string).slice(0, 17) + ((a.household['身份证号'] as string)[17] === '1' ? '2' : '1');
    const impossibleDate = makeCnId('410803', '19810230', '123'); // 30 February
    const fullWidth = (d.household['身份证号'] as string).replace(/\d/g, (x) => String.fromCharCode(0xff10 + Number(x)));
    const households = [
      good.household,
      { ...a.household, 身份证号: badCheck },
      { ...b.household, 身份证号: impossibleDate },
      { ...c.household, 身份证号: good.household['身份证号'] }, // duplicate inside the file
      { ...d.household, 身份证号: ` ${fullWidth} ` }, // full-width digits and spaces: normalised, fine
      { ...e.household, 户主姓名: '' }, // blank required cell
      { ...validHouseholdRows().household, 困难类别: '非常困难' }, // unknown code
      { ...validHouseholdRows().household, '本人月收入(元)': '1,800.555' }, // three decimals
      { ...validHouseholdRows().household, 手机号: '12345' },
    ];
    const members = [...good.members, { ...d.members[0], 户主身份证号: fullWidth, 身份证号: good.members[0]['身份证号'] }];
    const before = await counts();
    const job = await runImport(await buildHouseholdWorkbook(households, members));
    expect(job.status).toBe('failed');
    expect(await counts()).toEqual(before);
    const report = await readReport(job.id);
    const find = (row: number, column: string) => report.find((r) => r[0] === '户主信息' && r[1] === String(row) && r[2] === column)?.[4];
    expect(find(3, '身份证号')).toBe('身份证号校验码错误');
    expect(find(4, '身份证号')).toBe('身份证号中的出生日期不存在');
    expect(find(5, '身份证号')).toMatch(/文件内重复：与户主信息第2行/);
    expect(find(7, '户主姓名')).toBe('必填项为空');
    expect(find(8, '困难类别')).toBe('不在下拉列表（代码表）中');
    expect(find(9, '本人月收入(元)')).toMatch(/金额格式错误/);
    expect(find(10, '手机号')).toMatch(/手机号码/);
    expect(report.find((r) => r[0] === '家庭成员' && r[4].startsWith('文件内重复'))).toBeTruthy();
    expect(report.some((r) => r[0] === '户主信息' && r[1] === '6')).toBe(false); // the full-width row itself is valid
    expect(report.filter((r) => r[0] === '户主信息')).toHaveLength(7);
  });

  it('finds people already in an open household anywhere, naming no union (only a single filing does)', async () => {
    const staffC = await t.signIn('importer-c');
    const existing = sampleHousehold(t.orgs.G.id);
    expect((await staffC.post('/api/households', existing)).statusCode).toBe(201);
    const row = validHouseholdRows();
    const before = await counts();
    const job = await runImport(await buildHouseholdWorkbook([{ ...row.household, 身份证号: existing.idNumber }]));
    expect(job.status).toBe('failed');
    expect(job.errorsPreview[0]).toMatchObject({ sheet: '户主信息', row: 2, column: '身份证号', reason: '在全市档案中已有记录', value: maskCnId(existing.idNumber) });
    expect(await counts()).toEqual(before);
  });

  it('refuses what is not a workbook, an org outside the subtree, and a missing permission', async () => {
    const notXlsx = await upload(worker, Buffer.from('name,id\n张三,1'));
    expect(notXlsx.statusCode).toBe(400);
    expect(notXlsx.json().error.details.issues[0].field).toBe('file');
    const outside = await upload(worker, await buildHouseholdWorkbook([validHouseholdRows().household]), 'C');
    expect(outside.statusCode).toBe(404);
    const asArchived = await upload(worker, await buildHouseholdWorkbook([validHouseholdRows().household]), 'D', true);
    expect(asArchived.statusCode).toBe(403); // archiving directly needs household.review
  });

  it('exports the filtered list with masked personal data only, and logs the export', async () => {
    const res = await worker.get(`/api/households/export?orgId=${t.orgs.D.id}`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getCell('A1').value).toBe('档案编号');
    expect(ws.rowCount).toBeGreaterThan(3);
    const text = JSON.stringify((ws.getSheetValues() as unknown[]).slice(2));
    expect(text).toMatch(/\d{6}\*{8}[\dX]{4}/);
    expect(text).not.toMatch(/\d{17}[\dX]/);
    expect(text).not.toMatch(/1[3-9]\d{9}/);
    const logged = (await t.database.db.execute(sql`select count(*)::int as n from audit_log where action = 'household.export'`)) as unknown as { rows: Array<{ n: number }> };
    expect(logged.rows[0].n).toBeGreaterThan(0);
  });
});
