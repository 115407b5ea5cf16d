import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { makeCnId } from '../../../contracts/cn-ids.js';
import * as schema from '../../db/schema/index.js';
import { sampleHousehold } from '../../test-support/household-fixtures.js';
import { buildHouseholdWorkbook, validHouseholdRows } from '../../test-support/household-workbook.js';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app.js';
import { XLSX_MIME } from './households.routes.js';

/**
 * ID, phone and card numbers live encrypted, hashed and masked only (decision 005). Every table of
 * the database is dumped — the list comes from the database and the schema, not from this file — after
 * numbers went in every way they can: a filing with a member, a reveal and a lookup, a clean import,
 * and a failed import whose error report names bad, duplicated and already-filed numbers.
 */
let t: TestApp;
let caseworker: Session; // at E: files and imports
let reviewer: Session; // at B: reveals
const plaintexts: string[] = [];

const phone = (n: number) => `1390371${String(n).padStart(4, '0')}`;

async function runImport(file: Buffer) {
  const res = await caseworker.request({
    method: 'POST',
    url: `/api/household-imports?orgId=${t.orgs.E.id}&asArchived=false&filename=plain.xlsx`,
    headers: { 'content-type': XLSX_MIME },
    payload: file,
  });
  expect(res.statusCode, res.body).toBe(202);
  for (let i = 0; i < 600; i++) {
    const job = (await caseworker.get(`/api/household-imports/${res.json().id}`)).json();
    if (job.status === 'succeeded' || job.status === 'failed') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the import did not finish');
}

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('plain-cw', 'E', ['caseworker']);
  await t.createUser('plain-rv', 'B', ['reviewer']);
  [caseworker, reviewer] = await Promise.all([t.signIn('plain-cw'), t.signIn('plain-rv')]);

  // Filed by hand, with a member; then revealed and looked up.
  const filed = sampleHousehold(t.orgs.E.id, { phone: phone(1), bankCard: '6217000011112222333' });
  const memberId = makeCnId('410811', '20100304', '517');
  const res = await caseworker.post('/api/households', { ...filed, members: [{ relation: 'child', name: '王小', idNumber: memberId, monthlyIncomeFen: 0 }] });
  expect(res.statusCode, res.body).toBe(201);
  plaintexts.push(filed.idNumber, memberId, phone(1), '6217000011112222333');
  const revealed = await reviewer.post(`/api/households/${res.json().id}/reveal`, { field: 'idNumber', reason: '发放前核对身份' });
  expect(revealed.json().value).toBe(filed.idNumber);
  expect((await caseworker.post('/api/households/lookup', { idNumber: memberId })).json().items).toHaveLength(1);

  // A clean import.
  const clean = [validHouseholdRows(), validHouseholdRows()];
  for (const r of clean) {
    plaintexts.push(String(r.household['身份证号']), String(r.household['手机号']), String(r.household['银行卡号']), ...r.members.map((m) => String(m['身份证号'])));
  }
  const ok = await runImport(await buildHouseholdWorkbook(clean.map((r) => r.household), clean.flatMap((r) => r.members)));
  expect(ok.status, JSON.stringify(ok.errorsPreview)).toBe('succeeded');

  // A failed import whose report names numbers: one already on file, one with a wrong check digit,
  // one twice in the file, a phone one digit short and a card with a letter.
  const [a, b, c] = [validHouseholdRows(), validHouseholdRows(), validHouseholdRows()];
  const badCheck = String(b.household['身份证号']).slice(0, 17) + (String(b.household['身份证号']).endsWith('1') ? '2' : '1');
  const shortPhone = phone(2).slice(0, 10);
  const badCard = '62220212345678X0123';
  const failed = await runImport(
    await buildHouseholdWorkbook([
      { ...a.household, 身份证号: filed.idNumber },
      { ...b.household, 身份证号: badCheck },
      c.household,
      { ...validHouseholdRows().household, 身份证号: c.household['身份证号'] },
      { ...validHouseholdRows().household, 手机号: shortPhone, 银行卡号: badCard },
    ]),
  );
  expect(failed.status).toBe('failed');
  const columns = failed.errorsPreview.map((e: { row: number; column: string }) => `${e.row}:${e.column}`);
  expect(columns).toEqual(expect.arrayContaining(['2:身份证号', '3:身份证号', '5:身份证号', '6:手机号', '6:银行卡号']));
  plaintexts.push(badCheck, String(c.household['身份证号']), shortPhone, badCard);
});
afterAll(() => t.close());

/** Every table of the public schema, as the database has it. */
async function databaseTables(): Promise<string[]> {
  const res = (await t.database.db.execute(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  )) as unknown as { rows: Array<{ table_name: string }> };
  return res.rows.map((r) => r.table_name);
}

/** Each table's rows as text: every column, bytea as hex, jsonb and arrays as written. */
async function dumpTable(name: string): Promise<string> {
  const res = (await t.database.db.execute(sql`select coalesce(string_agg(t::text, E'\n'), '') as rows from ${sql.identifier(name)} t`)) as unknown as {
    rows: Array<{ rows: string }>;
  };
  return res.rows[0].rows;
}

describe('no plaintext personal numbers in the database', () => {
  it('dumps every table the schema declares', async () => {
    const declared = (Object.values(schema) as unknown[]).filter((v): v is PgTable => v instanceof PgTable).map((table) => getTableConfig(table).name);
    expect(declared.length).toBeGreaterThan(10);
    expect(await databaseTables()).toEqual(expect.arrayContaining(declared));
  });

  it('finds no ID, phone or card number that was filed, revealed, looked up or imported, in any table', async () => {
    expect(plaintexts.length).toBe(18);
    const dumps = new Map<string, string>();
    for (const table of await databaseTables()) dumps.set(table, await dumpTable(table));
    expect(dumps.get('households')?.length).toBeGreaterThan(1000);
    expect(dumps.get('household_imports')).toContain('在全市档案中已有记录');
    const found: string[] = [];
    for (const [table, dump] of dumps)
      for (const value of plaintexts) {
        // bytea columns are dumped as hex: a number stored in one would show as its hex.
        if (dump.includes(value) || dump.includes(Buffer.from(value).toString('hex'))) found.push(`${table}: ${value}`);
      }
    expect(found).toEqual([]);
  });
});
