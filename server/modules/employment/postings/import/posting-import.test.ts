import ExcelJS from 'exceljs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterprises, jobPostings } from '../../../../db/schema/index.js';
import { addDays, chinaDate } from '../../../../platform/dates.js';
import { XLSX_MIME } from '../../../../platform/http.js';
import { auditRows } from '../../../../test-support/db-probes.js';
import { hrSessionFor, makeEnterprise, spoilUscc } from '../../../../test-support/enterprise-fixtures.js';
import { samplePosting } from '../../../../test-support/job-posting-fixtures.js';
import { createTestApp, type Session, type TestApp } from '../../../../test-support/test-app.js';
import { dedupeKeyOf } from '../posting-record.js';
import { POSTING_COLUMNS, POSTING_SHEET, sheetDate } from './posting-sheet.js';

let t: TestApp;
let jobsB: Session;
let caseworkerB: Session;
let usccD: string; // an enterprise of D (in B's subtree)
let usccE: string; // one of E
let usccF: string; // one of F (C's subtree)
let enterpriseD: string;

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('jobs-b', 'B', ['jobs_officer']);
  await t.createUser('case-b', 'B', ['caseworker']);
  [jobsB, caseworkerB] = await Promise.all([t.signIn('jobs-b'), t.signIn('case-b')]);
  const usccOf = async (id: string) => (await t.database.db.select({ uscc: enterprises.uscc }).from(enterprises).where(eq(enterprises.id, id)))[0].uscc;
  enterpriseD = await makeEnterprise(t, 'D', { name: '焦作市中站区恒通机械厂' });
  usccD = await usccOf(enterpriseD);
  usccE = await usccOf(await makeEnterprise(t, 'E', { name: '焦作市山阳区万家超市' }));
  usccF = await usccOf(await makeEnterprise(t, 'F', { name: '沁阳市远航物流有限公司' }));
});
afterAll(() => t.close());

type Row = Record<string, string | number | Date | null>;
const HEADERS = POSTING_COLUMNS.map((c) => (c.required ? `${c.header}*` : c.header));

async function workbook(rows: Row[], sheet = POSTING_SHEET) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(POSTING_COLUMNS.map((c) => r[c.header] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

let n = 0;
function row(uscc: string, extra: Row = {}): Row {
  n++;
  return {
    企业统一社会信用代码: uscc,
    岗位名称: `导入岗位${n}`,
    岗位类别: '技术工种',
    岗位性质: '',
    招聘人数: 3,
    '月薪下限(元)': '4000',
    '月薪上限(元)': '6000.50',
    学历要求: '高中/中专/技校',
    经验要求: '不限',
    工作地点行政区划代码: '410803',
    岗位描述: '八小时工作制，缴纳五险。',
    联系人: '李明',
    联系电话: '0391-3561234',
    有效期至: addDays(chinaDate(t.clock.now()), 60),
    ...extra,
  };
}

const upload = (s: Session, payload: Buffer) => s.request({ method: 'POST', url: '/api/job-posting-imports', headers: { 'content-type': XLSX_MIME }, payload });
const count = async () => (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(jobPostings))[0].n;

describe('the posting import', () => {
  it('offers a template whose example row is flagged when read back, writing nothing', async () => {
    const template = await jobsB.get('/api/job-posting-imports/template.xlsx');
    expect(template.statusCode).toBe(200);
    expect(template.headers['content-type']).toBe(XLSX_MIME);
    const res = await upload(jobsB, template.rawPayload);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ ok: false, imported: 0 });
    expect(res.json().errors[0]).toMatchObject({ sheet: POSTING_SHEET, row: 2, column: '岗位名称' });
    expect(await count()).toBe(0);
  });

  it('imports a list of its subtree’s enterprises all at once, as submitted postings awaiting review, with terms, keys and the audit row', async () => {
    const res = await upload(jobsB, await workbook([row(usccD, { 岗位名称: '电焊工', 岗位性质: '公益性岗位' }), row(usccE, { 岗位名称: '收银员', 岗位类别: '销售/客服', 有效期至: new Date(`${addDays(chinaDate(t.clock.now()), 10)}T00:00:00Z`) }), row(usccD, { 岗位名称: '电焊工', 工作地点行政区划代码: '410811' })]));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ ok: true, rows: 3, imported: 3, errorCount: 0 });
    const rows = await t.database.db.select().from(jobPostings).where(eq(jobPostings.enterpriseId, enterpriseD));
    expect(rows).toHaveLength(2);
    const welder = rows.find((r) => r.regionCode === '410803')!;
    expect(welder).toMatchObject({ status: 'submitted', kind: 'public_interest', salaryMinFen: 400_000, salaryMaxFen: 600_050, openings: 3, education: 'senior', dedupeKey: dedupeKeyOf(enterpriseD, '电焊工', '410803') });
    expect(welder.submittedAt?.toISOString()).toBe(t.clock.now().toISOString());
    expect(welder.searchTerms).toEqual(expect.arrayContaining(['电焊', '焊工', '恒通', '技术']));
    const [cashier] = await t.database.db.select().from(jobPostings).where(eq(jobPostings.title, '收银员'));
    expect(cashier.validUntil).toBe(addDays(chinaDate(t.clock.now()), 10)); // a date cell
    const queue = (await jobsB.get('/api/job-postings?status=submitted')).json().items;
    expect(queue).toHaveLength(3);
    const [entry] = await auditRows(t, 'job_posting.import');
    expect(entry).toMatchObject({ outcome: 'success', details: { count: 3, enterprises: 2 } });
  });

  it('refuses the whole list when any cell is wrong, naming each one, and writes nothing', async () => {
    const before = await count();
    const today = chinaDate(t.clock.now());
    const res = await upload(
      jobsB,
      await workbook([
        row(usccD, { 岗位名称: '仓库管理员' }), // fine on its own: not written either
        row(spoilUscc(usccD)), // row 3: check character
        row(usccF), // row 4: an enterprise of another subtree
        row('91410800MA00000003'.slice(0, 17) + '0'), // row 5: a code of nothing (or a wrong check character)
        row(usccD, { 有效期至: addDays(today, -1) }), // row 6
        row(usccD, { '月薪下限(元)': '7000', '月薪上限(元)': '5000' }), // row 7
        row(usccD, { 岗位名称: '仓库 管理员' }), // row 8: the same as row 2
        row(usccD, { 岗位名称: '电焊工' }), // row 9: live already
        row(usccD, { 岗位类别: '老板', 招聘人数: 0, 有效期至: '明年' }), // row 10
        { ...row(''), 企业统一社会信用代码: 914108001735304115 }, // row 11: a code of digits in a number cell
      ]),
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ ok: false, imported: 0 });
    const at = (r: number) => body.errors.filter((e: { row: number }) => e.row === r).map((e: { column: string; reason: string }) => `${e.column}: ${e.reason}`);
    expect(at(2)).toEqual([]);
    expect(at(3)).toEqual([expect.stringContaining('企业统一社会信用代码: 统一社会信用代码校验位错误')]);
    expect(at(4)).toEqual([expect.stringContaining('不在本单位辖区')]);
    expect(at(5)).toHaveLength(1);
    expect(at(6)).toEqual([expect.stringContaining('有效期至: 有效期不能早于今天')]);
    expect(at(7)).toEqual(['月薪上限(元): 月薪上限低于月薪下限']);
    expect(at(8)).toEqual(['岗位名称: 文件内重复：与第2行是同一企业、同一地区的同名岗位']);
    expect(at(9)).toEqual([expect.stringContaining('岗位名称: 该企业在同一地区已有同名岗位')]);
    expect(at(10).join('\n')).toContain('岗位类别: 不在代码表中');
    expect(at(10).join('\n')).toContain('有效期至: 日期应写成');
    expect(at(11)).toEqual([expect.stringMatching(/^企业统一社会信用代码: 统一社会信用代码校验位错误.*Excel 只保留前15位.*设为文本格式/)]);
    expect(body.errorCount).toBe(body.errors.length);
    expect(body.reportXlsx).toBeTruthy();
    expect(await count()).toBe(before);
  });

  it('lets an HR account import for its own enterprise only', async () => {
    const { session: hr } = await hrSessionFor(t, enterpriseD);
    const refused = await upload(hr, await workbook([row(usccD), row(usccE)]));
    expect(refused.json().errors).toEqual([expect.objectContaining({ row: 3, column: '企业统一社会信用代码' })]);
    const ok = await upload(hr, await workbook([row(usccD, { 岗位名称: '装配工' })]));
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('refuses a missing permission (403) and a file that is not a workbook (400), writing nothing', async () => {
    const before = await count();
    expect((await upload(caseworkerB, await workbook([row(usccD)]))).statusCode).toBe(403);
    expect((await caseworkerB.get('/api/job-posting-imports/template.xlsx')).statusCode).toBe(403);
    const junk = await upload(jobsB, Buffer.from('PK not a workbook'));
    expect(junk.statusCode).toBeGreaterThanOrEqual(400);
    expect(junk.statusCode).toBeLessThan(500);
    expect(await count()).toBe(before);
  });

  it('reads the dates union offices type', () => {
    expect(sheetDate('2026-12-31')).toBe('2026-12-31');
    expect(sheetDate('2026/1/5')).toBe('2026-01-05');
    expect(sheetDate('2026年1月5日')).toBe('2026-01-05');
    expect(sheetDate('46022')).toBe('2025-12-31');
    expect(sheetDate('2026-02-30')).toBeNull();
    expect(sheetDate('明年')).toBeNull();
  });
});

describe('a posting entered twice by hand and by import', () => {
  it('the import refuses a title entered by hand meanwhile', async () => {
    const hand = await jobsB.post('/api/job-postings', samplePosting(t, enterpriseD, { title: '叉车司机' }));
    expect(hand.statusCode).toBe(201);
    const res = await upload(jobsB, await workbook([row(usccD, { 岗位名称: '叉车 司机' })]));
    expect(res.json().errors[0].reason).toContain('已有同名岗位');
  });
});
