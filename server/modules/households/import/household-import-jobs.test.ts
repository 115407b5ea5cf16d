import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { makeCnId } from '../../../../contracts/cn-ids.js';
import { auditLog, backgroundJobs } from '../../../db/schema/index.js';
import { buildHouseholdWorkbook, validHouseholdRows, type SheetRow } from '../../../test-support/household-workbook.js';
import { sampleHousehold } from '../../../test-support/household-fixtures.js';
import { createTestApp, type Session, type TestApp } from '../../../test-support/test-app.js';
import { importConcurrencyKey } from './household-import-jobs.js';
import { XLSX_MIME } from '../households.routes.js';

/**
 * Imports on the job runner: queued one per org with their place shown, written unseen until their
 * last step, removed when they fail, and, for archive imports, visible only after a second person.
 */
let t: TestApp;
let importer: Session; // caseworker + reviewer at B: may import as archived
let secondReviewer: Session;
beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('archivist', 'B', ['caseworker', 'reviewer']);
  await t.createUser('second', 'B', ['reviewer']);
  await t.createUser('finance-b', 'B', ['finance_officer']);
  importer = await t.signIn('archivist');
  secondReviewer = await t.signIn('second');
});
afterAll(() => t.close());

async function upload(file: Buffer, { org = 'D', asArchived = false } = {}) {
  const res = await importer.request({ method: 'POST', url: `/api/household-imports?orgId=${t.orgs[org].id}&asArchived=${asArchived}&filename=a.xlsx`, headers: { 'content-type': XLSX_MIME }, payload: file });
  expect(res.statusCode, res.body).toBe(202);
  return res.json().id as string;
}
const importOf = async (id: string, s = importer) => (await s.get(`/api/household-imports/${id}`)).json();

const count = async (table: string, where = sql`true`) =>
  ((await t.database.db.execute(sql`select count(*)::int as n from ${sql.identifier(table)} where ${where}`)) as unknown as { rows: Array<{ n: number }> }).rows[0].n;

async function visibleByName(name: string) {
  const list = (await importer.get(`/api/households?q=${encodeURIComponent(name)}&pageSize=50`)).json();
  return list.items.filter((h: { name: string }) => h.name === name);
}

/** Another instance importing into the org right now: a running job holding the org's import key. */
async function importRunningElsewhere(org: string) {
  const [job] = await t.database.db
    .insert(backgroundJobs)
    .values({ kind: 'household_import', state: 'running', orgId: t.orgs[org].id, createdBy: '00000000-0000-4000-8000-000000000000', createdAt: new Date(), concurrencyKey: importConcurrencyKey(t.orgs[org].id), lockedBy: 'other-instance', heartbeatAt: new Date() })
    .returning();
  return { finish: () => t.database.db.update(backgroundJobs).set({ state: 'succeeded', lockedBy: null, heartbeatAt: null }).where(eq(backgroundJobs.id, job.id)) };
}

function workbookOf(rows: Array<{ household: SheetRow; members: SheetRow[] }>) {
  return buildHouseholdWorkbook(rows.map((r) => r.household), rows.flatMap((r) => r.members));
}

describe('archive imports need a second person', () => {
  it('keeps the households out of the archive until another reviewer approves, and records the approval', async () => {
    const rows = [validHouseholdRows(), validHouseholdRows()];
    const name = rows[0].household['户主姓名'] as string;
    const id = await upload(await workbookOf(rows), { asArchived: true });
    await t.app.jobs.settled();
    const imp = await importOf(id);
    expect(imp).toMatchObject({ status: 'awaiting_approval', importedHouseholds: 2, asArchived: true, decidedBy: null });

    // Written, but not in the archive: no list, no lookup, no detail, no count.
    expect(await count('households', sql`import_id = ${id}`)).toBe(2);
    expect(await visibleByName(name)).toEqual([]);
    const lookup = (await importer.post('/api/households/lookup', { idNumber: rows[0].household['身份证号'] })).json();
    expect(lookup.items).toEqual([]);
    const [staged] = (await t.database.db.execute(sql`select id from households where import_id = ${id} limit 1`) as unknown as { rows: Array<{ id: string }> }).rows;
    expect((await importer.get(`/api/households/${staged.id}`)).statusCode).toBe(404);

    // The reviewer sees what they approve, masked.
    const preview = (await secondReviewer.get(`/api/household-imports/${id}/households`)).json();
    expect(preview.items).toHaveLength(2);
    expect(JSON.stringify(preview)).not.toContain(rows[0].household['身份证号']);

    // Not the importer.
    const own = await importer.post(`/api/household-imports/${id}/approve`, {});
    expect(own.statusCode).toBe(403);
    expect(own.json().error.details.reason).toBe('maker_checker');

    const approved = await secondReviewer.post(`/api/household-imports/${id}/approve`, { reason: '已核对纸质档案' });
    expect(approved.statusCode, approved.body).toBe(200);
    const after = await importOf(id);
    expect(after).toMatchObject({ status: 'succeeded', decisionReason: '已核对纸质档案' });
    expect(after.decidedAt).toBeTruthy();
    const [found] = await visibleByName(name);
    expect(found.status).toBe('archived');
    const actions = (await t.database.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.objectId, id))).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['household_import.start', 'household.import_staged', 'household_import.approve', 'household.import']));
    expect((await secondReviewer.post(`/api/household-imports/${id}/approve`, {})).statusCode).toBe(409);
  });

  it('a rejected archive import is removed, and its people can be filed again', async () => {
    const rows = [validHouseholdRows()];
    const id = await upload(await workbookOf(rows), { asArchived: true });
    await t.app.jobs.settled();
    expect((await importOf(id)).status).toBe('awaiting_approval');
    expect((await secondReviewer.post(`/api/household-imports/${id}/reject`, {})).statusCode).toBe(400); // a reason is required
    const res = await secondReviewer.post(`/api/household-imports/${id}/reject`, { reason: '与纸质档案不符' });
    expect(res.statusCode, res.body).toBe(200);
    await t.app.jobs.settled();
    expect((await importOf(id)).status).toBe('rejected');
    expect(await count('households', sql`import_id = ${id}`)).toBe(0);
    const again = await upload(await workbookOf(rows));
    await t.app.jobs.settled();
    expect((await importOf(again)).status).toBe('succeeded');
  });

  it('lists the imports awaiting approval to reviewers of the subtree only', async () => {
    const id = await upload(await workbookOf([validHouseholdRows()]), { asArchived: true });
    await t.app.jobs.settled();
    const list = (await secondReviewer.get('/api/household-imports?status=awaiting_approval')).json();
    expect(list.items.map((i: { id: string }) => i.id)).toContain(id);
    await t.createUser('reviewer-c', 'C', ['reviewer']);
    const outside = await t.signIn('reviewer-c');
    expect((await outside.get('/api/household-imports?status=awaiting_approval')).json().items).toEqual([]);
    expect((await outside.post(`/api/household-imports/${id}/approve`, {})).statusCode).toBe(404);
    const finance = await t.signIn('finance-b');
    expect((await finance.post(`/api/household-imports/${id}/approve`, {})).statusCode).toBe(403);
  });
});

describe('lists while an import is not yet visible', () => {
  it('pages sorted by time step around its households, newer and older ones in order', async () => {
    t.clock.advance(60_000); // the test clock stands still: away from the instants of earlier imports
    const before = { ...sampleHousehold(t.orgs.D.id), name: '排序甲' };
    expect((await importer.post('/api/households', before)).statusCode).toBe(201);
    t.clock.advance(60_000);
    const staged = [validHouseholdRows(), validHouseholdRows()].map((r) => ({ ...r, household: { ...r.household, 户主姓名: '排序乙' } }));
    const id = await upload(await workbookOf(staged), { asArchived: true });
    await t.app.jobs.settled();
    expect((await importOf(id)).status).toBe('awaiting_approval');
    t.clock.advance(60_000);
    const after = { ...sampleHousehold(t.orgs.D.id), name: '排序丙' };
    expect((await importer.post('/api/households', after)).statusCode).toBe(201);
    const names = async (order: string, page: number) =>
      (await importer.get(`/api/households?q=${encodeURIComponent('排序')}&sort=createdAt&order=${order}&pageSize=1&page=${page}`)).json();
    const [p1, p2, p3] = [await names('desc', 1), await names('desc', 2), await names('desc', 3)];
    expect([p1.items[0]?.name, p2.items[0]?.name, p3.items[0]?.name]).toEqual(['排序丙', '排序甲', undefined]);
    expect([p1.hasMore, p2.hasMore]).toEqual([true, false]);
    expect((await names('asc', 1)).items[0].name).toBe('排序甲');
    const approved = await secondReviewer.post(`/api/household-imports/${id}/approve`, {});
    expect(approved.statusCode).toBe(200);
    const all = (await importer.get(`/api/households?q=${encodeURIComponent('排序')}&sort=createdAt&order=desc`)).json();
    expect(all.items.map((h: { name: string }) => h.name)).toEqual(['排序丙', '排序乙', '排序乙', '排序甲']);
  });
});

describe('the queue', () => {
  it('runs one import per org at a time: the next one waits, showing its place, then runs', async () => {
    const blocker = await importRunningElsewhere('D');
    const waiting = await upload(await workbookOf([validHouseholdRows()]), { org: 'D' });
    const elsewhere = await upload(await workbookOf([validHouseholdRows()]), { org: 'E' });
    await new Promise((r) => setTimeout(r, 300));
    expect(await importOf(waiting)).toMatchObject({ status: 'queued', jobState: 'queued', queuePosition: 1 });
    // Another org's import is not held up by it.
    await expect.poll(async () => (await importOf(elsewhere)).status, { timeout: 20_000 }).toBe('succeeded');

    const job = (await t.app.inject({ method: 'GET', url: `/api/background-jobs/${(await importOf(waiting)).jobId}`, headers: { cookie: importer.cookie } })).json();
    expect(job).toMatchObject({ kind: 'household_import', state: 'queued', queuePosition: 1 });

    await blocker.finish();
    t.app.jobs.kick();
    await t.app.jobs.settled();
    expect((await importOf(waiting)).status).toBe('succeeded');
  });

  it('a queued import can be cancelled; a finished one cannot', async () => {
    const blocker = await importRunningElsewhere('D');
    const id = await upload(await workbookOf([validHouseholdRows()]), { org: 'D' });
    const { jobId } = await importOf(id);
    const res = await importer.post(`/api/background-jobs/${jobId}/cancel`);
    expect(res.statusCode, res.body).toBe(200);
    expect(await importOf(id)).toMatchObject({ status: 'cancelled', jobState: 'cancelled' });
    expect((await importer.post(`/api/background-jobs/${jobId}/cancel`)).statusCode).toBe(409);
    await blocker.finish();
  });
});

describe('all or nothing while writing in short transactions', () => {
  it('a conflict found in a later batch removes what the earlier batches wrote and reports it', async () => {
    // 1,001 households: the first 1,000 are written in transactions of their own before the last one is refused.
    const onFile = sampleHousehold(t.orgs.E.id);
    expect((await importer.post('/api/households', onFile)).statusCode).toBe(201);
    const rows: SheetRow[] = [];
    for (let i = 0; i < 1000; i++) {
      const { household } = validHouseholdRows();
      rows.push({ ...household, 身份证号: makeCnId('410803', `19${70 + Math.floor(i / 100)}0${1 + (i % 9)}1${i % 10}`, String(100 + (i % 100)).padStart(3, '0')), 户主姓名: `批量${i}` });
    }
    rows.push({ ...validHouseholdRows().household, 身份证号: onFile.idNumber, 户主姓名: '已在档' });
    const before = await count('households');
    const claimsBefore = await count('household_id_claims');
    const id = await upload(await buildHouseholdWorkbook(rows));
    await t.app.jobs.settled();
    const imp = await importOf(id);
    expect(imp.status, JSON.stringify(imp.errorsPreview.slice(0, 3))).toBe('failed');
    expect(imp.errorsPreview).toEqual([expect.objectContaining({ row: 1002, column: '身份证号' })]);
    expect(await count('households')).toBe(before);
    expect(await count('household_id_claims')).toBe(claimsBefore);
    expect(await count('households', sql`import_id = ${id}`)).toBe(0);
  });
});
