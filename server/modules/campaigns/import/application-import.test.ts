import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { eq, sql } from 'drizzle-orm';
import { applicationImports, backgroundJobs, campaignApplications, households } from '../../../db/schema/index.js';
import { archivedHousehold, makeCampaign } from '../../../test-support/campaign-fixtures.js';
import { auditRows } from '../../../test-support/db-probes.js';
import { uniqueIdNumber } from '../../../test-support/household-fixtures.js';
import { createTestApp, type Session, type TestApp } from '../../../test-support/test-app.js';
import { bombs } from '../../../test-support/xlsx-bombs.js';
import { APPLICATION_COLUMNS, APPLICATION_SHEET } from './application-import-columns.js';
import { APPLICATION_IMPORT_MAX_ROWS } from './read-application-sheet.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let t: TestApp;
let importer: Session; // caseworker at B: imports for E
let importerC: Session; // caseworker at C: another subtree
let reviewer: Session; // reviewer at B: reads applications, may not import
let admin: Session; // org admin at A
let campaignId: string;

type Row = Record<string, string>;

/** A workbook shaped like the template, rows keyed by Chinese header. */
async function workbook(rows: Row[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(APPLICATION_SHEET);
  ws.addRow(APPLICATION_COLUMNS.map((c) => (c.required ? `${c.header}*` : c.header)));
  for (const row of rows) ws.addRow(APPLICATION_COLUMNS.map((c) => row[c.header] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const school: Row = { 学校名称: '河南理工大学', 就学阶段: '本科', 入学年份: '2026', '学费(元)': '5200', 已获国家资助: '助学贷款、勤工俭学', 家庭状况清: '是', 帮扶情况清: '是', 子女就学情况清: '是', 学校学费清: '是', 助学愿望清: '是' };

/** A filed household of E in the archive with an undergraduate child; its case no and the child's ID. */
async function filedStudent(orgName = 'E') {
  const childId = uniqueIdNumber(2007);
  const h = await archivedHousehold(t, admin, orgName, {
    members: [{ relation: 'child', name: '王小明', idNumber: childId, health: 'healthy', monthlyIncomeFen: 0, schoolStage: 'undergraduate', enrolmentYear: 2025, schoolOrEmployer: '河南理工大学' }],
  });
  const [{ caseNo }] = await t.database.db.select({ caseNo: households.caseNo }).from(households).where(eq(households.id, h.id));
  return { householdId: h.id, caseNo, childId, row: { 档案编号: caseNo, 学生姓名: '王小明', 学生身份证号: childId, ...school } as Row };
}

function unfiledRow(extra: Row = {}): Row {
  return {
    学生姓名: '赵晓雪',
    学生身份证号: uniqueIdNumber(2008),
    申请人姓名: '赵建军',
    申请人身份证号: uniqueIdNumber(1976),
    申请人手机号: '13903910002',
    家庭人口: '4',
    '家庭月人均收入(元)': '900',
    所在地区划代码: '410803',
    困难情况: '妻子突发重病，家庭临时困难',
    ...school,
    就学阶段: '高中',
    ...extra,
  };
}

function upload(s: Session, file: Buffer, opts: { org?: string; campaign?: string } = {}) {
  const query = new URLSearchParams({ campaignId: opts.campaign ?? campaignId, orgId: t.orgs[opts.org ?? 'E'].id, filename: '金秋助学申请.xlsx' });
  return s.request({ method: 'POST', url: `/api/application-imports?${query}`, headers: { 'content-type': XLSX }, payload: file });
}

async function runImport(file: Buffer) {
  const res = await upload(importer, file);
  expect(res.statusCode, res.body).toBe(202);
  expect(res.json()).toMatchObject({ status: 'queued', jobId: expect.any(String) });
  await t.app.jobs.settled();
  const got = await importer.get(`/api/application-imports/${res.json().id}`);
  expect(got.statusCode, got.body).toBe(200);
  return got.json();
}

const applicationCount = async () => (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(campaignApplications))[0].n;
const importCount = async () => (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(applicationImports))[0].n;
const jobCount = async () => (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(backgroundJobs))[0].n;

async function readReport(s: Session, id: string) {
  const res = await s.get(`/api/application-imports/${id}/errors.xlsx`);
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe(XLSX);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const rows: string[][] = [];
  wb.worksheets[0].eachRow((row, n) => n > 1 && rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
}

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('imp-admin-a', 'A', ['org_admin']);
  await t.createUser('imp-b', 'B', ['caseworker']);
  await t.createUser('imp-c', 'C', ['caseworker']);
  await t.createUser('imp-reviewer-b', 'B', ['reviewer']);
  [admin, importer, importerC, reviewer] = await Promise.all(['imp-admin-a', 'imp-b', 'imp-c', 'imp-reviewer-b'].map((u) => t.signIn(u)));
  campaignId = (await makeCampaign(t, admin, { orgName: 'A', participants: ['B', 'C'] })).campaignId;
});
afterAll(() => t.close());

describe('application import template', () => {
  it('has Chinese headers, two example rows, drop-downs for the campaign’s stages and school kinds, and instructions', async () => {
    const res = await importer.get(`/api/campaigns/${campaignId}/application-template.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(APPLICATION_SHEET)!;
    const headers = (ws.getRow(1).values as string[]).slice(1);
    expect(headers.slice(0, 3)).toEqual(['档案编号', '学生姓名', '学生身份证号*']);
    expect(headers).toContain('就学阶段*');
    expect(ws.getCell(2, 1).value).toMatch(/^HH\d+$/);
    expect(ws.getCell(3, 1).value).toBeFalsy();
    const stage = ws.getCell(2, headers.indexOf('就学阶段*') + 1).dataValidation;
    expect(stage?.type).toBe('list');
    expect(ws.getCell(2, headers.indexOf('学校类别') + 1).dataValidation?.type).toBe('list');
    const codes = wb.getWorksheet('代码表')!;
    expect(codes.state).toBe('hidden');
    // Only the stages this campaign covers (goldenAutumnRules: senior to postgraduate).
    const stages = (codes.getColumn(1).values as string[]).slice(2).filter(Boolean);
    expect(stages).toEqual(['高中', '中职', '大专', '本科', '研究生']);
    expect(wb.getWorksheet('填写说明')).toBeTruthy();
  });

  it('imports nothing from the untouched template and names both example rows', async () => {
    const template = (await importer.get(`/api/campaigns/${campaignId}/application-template.xlsx`)).rawPayload;
    const before = await applicationCount();
    const job = await runImport(template);
    expect(job.status).toBe('failed');
    expect(job.errors.map((e: { row: number; reason: string }) => [e.row, e.reason])).toEqual([
      [2, '这是模板中的示例行，请删除后再导入'],
      [3, '这是模板中的示例行，请删除后再导入'],
    ]);
    expect(await applicationCount()).toBe(before);
  });

  it('answers 404 for a campaign outside the actor’s view and 403 without application.import', async () => {
    const hidden = (await makeCampaign(t, admin, { orgName: 'C', participants: ['G'] })).campaignId;
    expect((await importer.get(`/api/campaigns/${hidden}/application-template.xlsx`)).statusCode).toBe(404);
    const denied = await reviewer.get(`/api/campaigns/${campaignId}/application-template.xlsx`);
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.details.permission).toBe('application.import');
  });
});

describe('application import', () => {
  it('imports a good file as drafts, each checked and proposed by the rules, marked with the import', async () => {
    const [a, b] = [await filedStudent(), await filedStudent()];
    const stranger = unfiledRow();
    const before = await applicationCount();
    const job = await runImport(await workbook([a.row, b.row, stranger]));
    expect(job, JSON.stringify(job.errors)).toMatchObject({ status: 'succeeded', totalRows: 3, importedApplications: 3, errorCount: 0, errors: [], orgId: t.orgs.E.id, campaignId });
    expect(await applicationCount()).toBe(before + 3);

    const rows = await t.database.db.select().from(campaignApplications).where(eq(campaignApplications.importId, job.id));
    expect(rows).toHaveLength(3);
    for (const r of rows) expect(r).toMatchObject({ status: 'draft', orgId: t.orgs.E.id, campaignId, rulesVersion: 1 });
    const filed = rows.filter((r) => r.filed);
    expect(filed.map((r) => r.householdId).sort()).toEqual([a.householdId, b.householdId].sort());
    for (const r of filed) expect(r).toMatchObject({ proposedAmountFen: 500000, amountFen: 500000, schoolStage: 'undergraduate', tuitionFen: 520000, nationalAid: ['loan', 'work_study'], inKindItems: [{ item: '行李箱', quantity: 1 }] });
    expect(filed[0].fiveClears).toMatchObject({ household: { checked: true }, wish: { checked: true } });
    const [u] = rows.filter((r) => !r.filed);
    expect(u).toMatchObject({ applicantName: '赵建军', studentName: '赵晓雪', proposedAmountFen: 200000, schoolStage: 'senior', incomePerHeadMonthlyFen: 90000 });
    expect(u.studentIdMasked).toBe(`${stranger.学生身份证号.slice(0, 6)}********${stranger.学生身份证号.slice(-4)}`);

    // Through the API as any application: the importer's own drafts, with history and audit.
    const listed = (await importer.get(`/api/applications?campaignId=${campaignId}&status=draft&pageSize=100`)).json();
    expect(listed.items.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining(rows.map((r) => r.id)));
    expect(await auditRows(t, 'application.import', job.id)).toMatchObject([{ actorUsername: 'imp-b', details: { campaignId, applications: 3 } }]);
    expect(await auditRows(t, 'application_import.start', job.id)).toHaveLength(1);
    for (const r of rows) expect(await auditRows(t, 'application.create', r.id)).toMatchObject([{ actorUsername: 'imp-b' }]);
    // The job is visible on the background-jobs route the page polls.
    const bg = (await importer.get(`/api/background-jobs/${job.jobId}`)).json();
    expect(bg).toMatchObject({ kind: 'application_import', state: 'succeeded' });
  });

  it('writes nothing from a file with a bad ID check digit, an unknown case no and an ineligible student, and reports each cell (masked)', async () => {
    const good = await filedStudent();
    const badId = uniqueIdNumber(2008);
    const wrongDigit = badId.slice(0, 17) + (badId[17] === '0' ? '1' : '0');
    const rows = [
      good.row,
      unfiledRow({ 学生身份证号: wrongDigit }),
      { ...(await filedStudent()).row, 档案编号: 'HH209900000001' },
      unfiledRow({ 学校类别: '军事院校', 已获政府同类资助: '是' }),
    ];
    const before = await applicationCount();
    const job = await runImport(await workbook(rows));
    expect(job.status).toBe('failed');
    expect(await applicationCount()).toBe(before);
    expect(job.importedApplications).toBe(0);
    expect(job.message).toContain('未写入任何申请');
    const lines = job.errors.map((e: { row: number; column: string; value: string; reason: string }) => [e.row, e.column, e.value, e.reason]);
    expect(lines).toEqual([
      [3, '学生身份证号', `${wrongDigit.slice(0, 6)}********${wrongDigit.slice(-4)}`, '身份证号校验码错误'],
      [4, '档案编号', 'HH209900000001', '档案编号不存在，或不在本单位的管辖范围内'],
      [5, '学校类别', '军事院校', '军事院校学生不在本活动资助范围内'],
      [5, '已获政府同类资助', '是', '已获政府同类资助的，不再重复资助'],
    ]);
    expect(JSON.stringify(job)).not.toContain(wrongDigit);
    const report = await readReport(importer, job.id);
    expect(report.map((r) => r.slice(0, 3))).toEqual([
      [APPLICATION_SHEET, '3', '学生身份证号'],
      [APPLICATION_SHEET, '4', '档案编号'],
      [APPLICATION_SHEET, '5', '学校类别'],
      [APPLICATION_SHEET, '5', '已获政府同类资助'],
    ]);
    expect(report[0][4]).toBe('身份证号校验码错误');
    // The good row is free to be applied for again: nothing of the import holds its place.
    expect((await t.database.db.select().from(campaignApplications).where(eq(campaignApplications.householdId, good.householdId)))).toEqual([]);
  });

  it('reports a student who already applied, the same student twice, a member not in the household, a wrong name, applicant data on a filed row and missing unfiled data', async () => {
    const taken = await filedStudent();
    const first = await runImport(await workbook([taken.row]));
    expect(first.status, JSON.stringify(first.errors)).toBe('succeeded');
    const twice = unfiledRow();
    const other = await filedStudent();
    const rows = [
      taken.row,
      twice,
      { ...twice, 申请人身份证号: uniqueIdNumber(1975) },
      { ...other.row, 学生身份证号: uniqueIdNumber(2007) },
      { ...other.row, 学生姓名: '王大明' },
      { ...(await filedStudent()).row, 申请人姓名: '王建国' },
      unfiledRow({ 申请人姓名: '', 困难情况: '' }),
      { ...(await filedStudent()).row, '申请金额(元)': '4500' },
    ];
    const job = await runImport(await workbook(rows));
    expect(job.status).toBe('failed');
    expect(job.errors.map((e: { row: number; column: string; reason: string }) => [e.row, e.column, e.reason])).toEqual([
      [2, '学生身份证号', '该学生在本活动中已有申请（一名学生每个活动只能申请一次）'],
      [4, '学生身份证号', '文件内重复：与第3行的学生身份证号相同'],
      [5, '学生身份证号', '该户档案中没有这个身份证号的家庭成员'],
      [6, '学生姓名', '学生姓名与档案中该成员的姓名不一致'],
      [7, '申请人姓名', '已填写档案编号的，申请人信息以档案为准，此列请留空'],
      [8, '申请人姓名', '未建档家庭的申请必须填写此项'],
      [8, '困难情况', '未建档家庭的申请必须填写此项'],
      [9, '金额调整原因', '申请金额与按规则测算的金额不同，须填写金额调整原因'],
    ]);
    expect((await t.database.db.select().from(campaignApplications).where(eq(campaignApplications.importId, job.id)))).toEqual([]);
  });

  it(`takes at most ${APPLICATION_IMPORT_MAX_ROWS} students a file (one transaction), saying so`, async () => {
    const before = await applicationCount();
    const job = await runImport(await workbook(Array.from({ length: APPLICATION_IMPORT_MAX_ROWS + 1 }, () => unfiledRow())));
    expect(job.status).toBe('failed');
    expect(job.errors).toEqual([{ sheet: '', row: 0, column: '', value: '', reason: `一次最多导入 ${APPLICATION_IMPORT_MAX_ROWS} 名学生，请分成几个文件导入` }]);
    expect(await applicationCount()).toBe(before);
  });

  it('refuses a zip bomb before anything is queued, with the reason naming the limit', async () => {
    const [bomb] = bombs();
    const [imports, jobs] = [await importCount(), await jobCount()];
    const res = await upload(importer, bomb.file);
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json().error).toMatchObject({ code: 'TOO_LARGE', details: { field: 'file' } });
    expect(res.json().error.message).toMatch(/MB/);
    const notXlsx = await upload(importer, Buffer.from('this is not a workbook'));
    expect(notXlsx.statusCode).toBe(400);
    expect([await importCount(), await jobCount()]).toEqual([imports, jobs]);
  });

  it('keeps imports to the actor’s subtree: 404 for another subtree’s org, campaign or import, 403 without the permission', async () => {
    const file = await workbook([unfiledRow()]);
    const [imports, jobs] = [await importCount(), await jobCount()];
    expect((await upload(importer, file, { org: 'G' })).statusCode).toBe(404);
    expect((await upload(importer, file, { org: 'A' })).statusCode).toBe(404);
    const hidden = (await makeCampaign(t, admin, { orgName: 'C', participants: ['G'] })).campaignId;
    expect((await upload(importer, file, { campaign: hidden })).statusCode).toBe(404);
    const denied = await upload(reviewer, file);
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.details.permission).toBe('application.import');
    // A campaign of B in which only D takes part: E may not apply in it.
    const notTaking = (await makeCampaign(t, admin, { orgName: 'B', participants: ['D'] })).campaignId;
    const refused = await upload(importer, file, { campaign: notTaking });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details.reason).toBe('not_participant');
    const noCampaign = await importer.request({ method: 'POST', url: `/api/application-imports?orgId=${t.orgs.E.id}`, headers: { 'content-type': XLSX }, payload: file });
    expect(noCampaign.statusCode).toBe(400);
    expect(noCampaign.json().error.details.issues[0].field).toBe('querystring.campaignId');
    expect([await importCount(), await jobCount()]).toEqual([imports, jobs]);

    const done = await runImport(file);
    expect(done.status).toBe('succeeded');
    for (const url of [`/api/application-imports/${done.id}`, `/api/application-imports/${done.id}/errors.xlsx`]) {
      expect((await importerC.get(url)).statusCode).toBe(404);
      expect((await reviewer.get(url)).statusCode).toBe(403);
    }
  });
});
