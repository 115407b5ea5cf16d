import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { makeCnId } from '../../../contracts/cn-ids.js';
import { auditLog } from '../../db/schema/index.js';
import { sampleHousehold, uniqueIdNumber } from '../../test-support/household-fixtures.js';
import { buildHouseholdWorkbook, validHouseholdRows } from '../../test-support/household-workbook.js';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app.js';
import { XLSX_MIME } from './households.routes.js';

/**
 * Learning that a person is on file (one open household per person, federation-wide) is audited
 * every time, whatever told it: a lookup, a refused filing, correction or reopening, or an import's
 * error report, which names no union at all.
 */
let t: TestApp;
let atE: Session; // caseworker at E
let atG: Session; // caseworker at G, in the other subtree
let auditor: Session; // auditor at A
let onFileAtG: string; // an ID number in an open household of G

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('dup-e', 'E', ['caseworker']);
  await t.createUser('dup-g', 'G', ['caseworker']);
  await t.createUser('dup-auditor', 'A', ['auditor']);
  [atE, atG, auditor] = await Promise.all(['dup-e', 'dup-g', 'dup-auditor'].map((u) => t.signIn(u)));
  onFileAtG = uniqueIdNumber(1971);
  expect((await atG.post('/api/households', sampleHousehold(t.orgs.G.id, { idNumber: onFileAtG }))).statusCode).toBe(201);
});
afterAll(() => t.close());

const hits = () => t.database.db.select().from(auditLog).where(eq(auditLog.action, 'household.duplicate_hit')).orderBy(asc(auditLog.id));
const lastHit = async () => (await hits()).at(-1)!;

async function waitForImport(id: string) {
  for (let i = 0; i < 600; i++) {
    const job = (await atE.get(`/api/household-imports/${id}`)).json();
    if (job.status === 'succeeded' || job.status === 'failed') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the import did not finish');
}

describe('duplicate hits', () => {
  it('audits a filing refused because the person is on file elsewhere, naming the union to the filer only', async () => {
    const before = (await hits()).length;
    const res = await atE.post('/api/households', sampleHousehold(t.orgs.E.id, { idNumber: onFileAtG }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details).toMatchObject({ reason: 'duplicate_id', field: 'idNumber', holdingOrg: { name: '组织G' } });
    expect(await hits()).toHaveLength(before + 1);
    const hit = await lastHit();
    expect(hit).toMatchObject({ actorUsername: 'dup-e', orgId: t.orgs.E.id, outcome: 'success', details: { source: 'filing', count: 1, holdingOrgIds: [t.orgs.G.id] } });
    expect(JSON.stringify(hit)).not.toContain(onFileAtG);
  });

  it('audits a correction refused for the same reason, against the household worked on', async () => {
    const own = (await atE.post('/api/households', sampleHousehold(t.orgs.E.id))).json().id as string;
    const res = await atE.patch(`/api/households/${own}`, { members: [{ relation: 'spouse', name: '配偶', idNumber: onFileAtG, monthlyIncomeFen: 0 }] });
    expect(res.statusCode).toBe(409);
    expect(await lastHit()).toMatchObject({ actorUsername: 'dup-e', objectType: 'household', objectId: own, details: { source: 'correction', count: 1, holdingOrgIds: [t.orgs.G.id] } });
  });

  it('audits a lookup that finds someone, and not one that finds nobody', async () => {
    const idNumber = uniqueIdNumber(1972);
    expect((await atE.post('/api/households', sampleHousehold(t.orgs.E.id, { idNumber }))).statusCode).toBe(201);
    const before = (await hits()).length;
    expect((await atE.post('/api/households/lookup', { idNumber: onFileAtG })).json().items).toEqual([]); // outside the subtree
    expect(await hits()).toHaveLength(before);
    expect((await atE.post('/api/households/lookup', { idNumber })).json().items).toHaveLength(1);
    expect(await hits()).toHaveLength(before + 1);
    expect(await lastHit()).toMatchObject({ actorUsername: 'dup-e', details: { source: 'lookup', count: 1, holdingOrgIds: [t.orgs.E.id] } });
  });

  it('reports people of a failed import as on file in the federation, masked, without any union, and audits the hits', async () => {
    const bad = makeCnId('410803', '19810230', '123'); // 30 February: the file fails anyway
    const known = validHouseholdRows();
    const rows = [{ ...known.household, 身份证号: onFileAtG }, { ...validHouseholdRows().household, 身份证号: bad }];
    const before = (await hits()).length;
    const res = await atE.request({
      method: 'POST',
      url: `/api/household-imports?orgId=${t.orgs.E.id}&asArchived=false&filename=dup.xlsx`,
      headers: { 'content-type': XLSX_MIME },
      payload: await buildHouseholdWorkbook(rows),
    });
    expect(res.statusCode, res.body).toBe(202);
    const job = await waitForImport(res.json().id);
    expect(job.status).toBe('failed');
    const line = job.errorsPreview.find((e: { row: number; column: string }) => e.row === 2 && e.column === '身份证号');
    expect(line).toMatchObject({ sheet: '户主信息', reason: '在全市档案中已有记录', value: `${onFileAtG.slice(0, 6)}********${onFileAtG.slice(-4)}` });
    expect(JSON.stringify(job.errorsPreview)).not.toContain('组织G');
    expect(await hits()).toHaveLength(before + 1);
    expect(await lastHit()).toMatchObject({ actorUsername: 'dup-e', orgId: t.orgs.E.id, details: { source: 'import', count: 1, holdingOrgIds: [t.orgs.G.id] } });
  });

  it('lets the auditor list the hits by action and actor', async () => {
    const fromE = (await hits()).filter((h) => h.actorUsername === 'dup-e');
    expect(new Set(fromE.map((h) => (h.details as { source: string }).source))).toEqual(new Set(['filing', 'correction', 'lookup', 'import']));
    const res = await auditor.get('/api/audit?action=household.duplicate_hit&actor=dup-e&pageSize=200');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((i: { id: number }) => i.id)).toEqual(fromE.map((h) => h.id).reverse());
    expect(res.json().total).toBe(fromE.length);
    expect((await auditor.get('/api/audit?action=household.duplicate_hit&actor=dup-g')).json().total).toBe(0);
    // The entries are the auditor's to read: a caseworker cannot search them.
    expect((await atE.get('/api/audit?action=household.duplicate_hit')).statusCode).toBe(403);
  });
});
