import ExcelJS from 'exceljs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterprises } from '../../../../db/schema/index.js';
import { XLSX_MIME } from '../../../../platform/http.js';
import { auditRows } from '../../../../test-support/db-probes.js';
import { makeEnterprise, spoilUscc, uniqueUscc } from '../../../../test-support/enterprise-fixtures.js';
import { createTestApp, type Session, type TestApp } from '../../../../test-support/test-app.js';
import { ENTERPRISE_COLUMNS, ENTERPRISE_SHEET } from './enterprise-sheet.js';

let t: TestApp;
let jobsB: Session;
let caseworkerB: Session;

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('jobs-b', 'B', ['jobs_officer']);
  await t.createUser('case-b', 'B', ['caseworker']);
  [jobsB, caseworkerB] = await Promise.all([t.signIn('jobs-b'), t.signIn('case-b')]);
});
afterAll(() => t.close());

type Row = Record<string, string | number | null>;
const HEADERS = ENTERPRISE_COLUMNS.map((c) => (c.required ? `${c.header}*` : c.header));

async function workbook(rows: Row[], sheet = ENTERPRISE_SHEET) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(ENTERPRISE_COLUMNS.map((c) => r[c.header] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

let n = 0;
function row(extra: Row = {}): Row {
  n++;
  return { 单位名称: `焦作市导入测试有限公司${n}`, 统一社会信用代码: uniqueUscc(), 行业: '制造业', 企业规模: '小型', 单位地址: `工业路${n}号`, 所在地行政区划代码: '410803', 联系人: '李明', 联系电话: '0391-3561234', 优先招聘困难家庭毕业生: '是', ...extra };
}

const upload = (s: Session, payload: Buffer, orgName = 'D') => s.request({ method: 'POST', url: `/api/enterprise-imports?orgId=${t.orgs[orgName].id}`, headers: { 'content-type': XLSX_MIME }, payload });
const count = async () => (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(enterprises))[0].n;

async function reportLines(base64: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('错误报告')!;
  const lines: string[][] = [];
  ws.eachRow((r, i) => i > 1 && lines.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return lines;
}

describe('the enterprise import', () => {
  it('offers a template that reads back with its example row flagged, writing nothing', async () => {
    const template = await jobsB.get('/api/enterprise-imports/template.xlsx');
    expect(template.statusCode).toBe(200);
    expect(template.headers['content-type']).toBe(XLSX_MIME);
    expect(template.headers['content-disposition']).toContain('filename*=UTF-8');
    const before = await count();
    const res = await upload(jobsB, template.rawPayload);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ ok: false, imported: 0, errorCount: 1, errors: [{ sheet: ENTERPRISE_SHEET, row: 2, column: '单位名称', reason: expect.stringContaining('示例') }] });
    expect(await count()).toBe(before);
    expect((await caseworkerB.get('/api/enterprise-imports/template.xlsx')).statusCode).toBe(403);
  });

  it('imports every row of a good file into the org (labels, landlines and mobiles), with one audit row', async () => {
    const rows = [row(), row({ 行业: '信息传输、软件和信息技术服务业', 企业规模: '微型', 联系电话: '13803910001', 优先招聘困难家庭毕业生: null }), row({ 所在地行政区划代码: 410811, 单位地址: null })];
    const res = await upload(jobsB, await workbook(rows));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ ok: true, rows: 3, imported: 3, errorCount: 0, errors: [] });
    const stored = await t.database.db.select().from(enterprises).where(eq(enterprises.orgId, t.orgs.D.id));
    const byCode = new Map(stored.map((e) => [e.uscc, e]));
    expect(byCode.get(rows[0].统一社会信用代码 as string)).toMatchObject({ industry: 'manufacturing', size: 'small', priorityPledge: true, regionCode: '410803', contactPhone: '0391-3561234', status: 'active', version: 1 });
    expect(byCode.get(rows[1].统一社会信用代码 as string)).toMatchObject({ industry: 'it', size: 'micro', priorityPledge: false, contactPhone: '13803910001' });
    expect(byCode.get(rows[2].统一社会信用代码 as string)).toMatchObject({ regionCode: '410811', address: null });
    const [audit] = await auditRows(t, 'enterprise.import');
    expect(audit).toMatchObject({ actorUsername: 'jobs-b', orgId: t.orgs.D.id, outcome: 'success' });
    expect(audit.details).toMatchObject({ count: 3 });
    const listed = (await jobsB.get(`/api/enterprises?q=${rows[0].统一社会信用代码}`)).json();
    expect(listed.items).toHaveLength(1);
  });

  it('refuses the whole file when any cell is wrong, naming each by row and column in Chinese, with the report', async () => {
    const existing = await makeEnterprise(t, 'F'); // in another subtree: a code is registered once in the platform
    const [onFile] = await t.database.db.select({ uscc: enterprises.uscc }).from(enterprises).where(eq(enterprises.id, existing));
    const repeated = uniqueUscc();
    const good = row();
    const rows = [
      good,
      row({ 统一社会信用代码: spoilUscc(uniqueUscc()) }),
      row({ 行业: '煤炭业', 企业规模: '特大型' }),
      row({ 统一社会信用代码: repeated }),
      row({ 统一社会信用代码: repeated.toLowerCase() }),
      row({ 统一社会信用代码: onFile.uscc }),
      row({ 联系电话: '3561234', 所在地行政区划代码: '41080' }),
      row({ 单位名称: null, 联系人: null }),
      row({ 统一社会信用代码: '91410800MA3X5R7T' }),
    ];
    const before = await count();
    const res = await upload(jobsB, await workbook(rows));
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ ok: false, rows: 9, imported: 0 });
    const cells = body.errors.map((e: { row: number; column: string; reason: string }) => [e.row, e.column, e.reason]);
    expect(cells).toEqual([
      [3, '统一社会信用代码', '统一社会信用代码校验位错误，请核对营业执照'],
      [4, '行业', expect.stringContaining('不在代码表中，请从下拉列表选择：采矿业、制造业')],
      [4, '企业规模', '不在代码表中，请从下拉列表选择：大型、中型、小型、微型'],
      [6, '统一社会信用代码', '文件内重复：与第5行的统一社会信用代码相同'],
      [7, '统一社会信用代码', '该统一社会信用代码已登记，不能重复导入'],
      [8, '联系电话', expect.stringContaining('固定电话')],
      [8, '所在地行政区划代码', expect.stringContaining('6位数字')],
      [9, '单位名称', '必填项为空'],
      [9, '联系人', '必填项为空'],
      [10, '统一社会信用代码', '统一社会信用代码应为18位'],
    ]);
    expect(body.errorCount).toBe(10);
    expect(await count()).toBe(before);
    expect(await t.database.db.select().from(enterprises).where(eq(enterprises.uscc, good.统一社会信用代码 as string))).toEqual([]);
    const lines = await reportLines(body.reportXlsx);
    expect(lines).toHaveLength(10);
    expect(lines[0]).toEqual([ENTERPRISE_SHEET, '3', '统一社会信用代码', String(rows[1].统一社会信用代码), '统一社会信用代码校验位错误，请核对营业执照']);
  });

  it('says when an all-digit code was kept as a number by Excel (its last digits lost), and not only that the check fails', async () => {
    // 914108001735304115 in a number cell: Excel stores 914108001735304100.
    const digits = row({ 统一社会信用代码: 914108001735304115 });
    const typedWrong = row({ 统一社会信用代码: '91410800MA3X5R7T0B' });
    const res = await upload(jobsB, await workbook([digits, typedWrong]));
    const reasons = res.json().errors.map((e: { row: number; value: string; reason: string }) => [e.row, e.value, e.reason]);
    expect(reasons).toEqual([
      [2, '914108001735304100', expect.stringMatching(/^统一社会信用代码校验位错误，请核对营业执照。该代码全为数字：若单元格为数字格式，Excel 只保留前15位.*设为文本格式/)],
      [3, '91410800MA3X5R7T0B', '统一社会信用代码校验位错误，请核对营业执照'],
    ]);
  });

  it('refuses more than 2,000 enterprises in one file', async () => {
    const rows = Array.from({ length: 2001 }, () => row());
    const res = await upload(jobsB, await workbook(rows));
    expect(res.json()).toMatchObject({ ok: false, imported: 0, errors: [{ row: 0, reason: expect.stringContaining('最多 2000 家') }] });
  });

  it('imports 2,000 enterprises within the request, in a few seconds', async () => {
    const rows = Array.from({ length: 2000 }, () => row());
    const file = await workbook(rows);
    const started = performance.now();
    const res = await upload(jobsB, file, 'E');
    const ms = performance.now() - started;
    expect(res.statusCode, res.body.slice(0, 500)).toBe(201);
    expect(res.json().imported).toBe(2000);
    console.log(`enterprise import: 2,000 rows (${Math.round(file.length / 1024)} KB) in ${Math.round(ms)} ms`);
    expect(ms).toBeLessThan(5000);
    // Again: every code is now on file, so every row is refused and nothing is written twice.
    const again = await upload(jobsB, file, 'E');
    expect(again.json()).toMatchObject({ ok: false, errorCount: 2000, imported: 0 });
    expect(again.json().errors).toHaveLength(500);
  }, 60_000);

  it('checks permission and org before the file: 403 without job.publish, 404 for an org outside the subtree; a file that is no workbook is a 400', async () => {
    const file = await workbook([row()]);
    expect((await upload(caseworkerB, file)).statusCode).toBe(403);
    for (const org of ['A', 'C', 'F']) expect((await upload(jobsB, file, org)).statusCode, org).toBe(404);
    const notXlsx = await upload(jobsB, Buffer.from('PK not a workbook'));
    expect(notXlsx.statusCode).toBe(400);
    expect(notXlsx.json().error.details.field).toBe('file');
    const missing = await upload(jobsB, await workbook([row()], '其他'));
    expect(missing.json().errors[0].reason).toContain('缺少“用人单位”工作表');
  });
});
