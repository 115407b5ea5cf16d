import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCnId } from '../contracts/cn-ids.js';
import { enqueueJob } from './platform/jobs/job-queries.js';
import { XLSX_MIME } from './platform/http.js';
import { sampleHousehold } from './test-support/household-fixtures.js';
import { buildHouseholdWorkbook, validHouseholdRows } from './test-support/household-workbook.js';
import { createTestApp, type Session, type TestApp } from './test-support/test-app.js';

/**
 * Every line the app logs, at level trace, while personal numbers go through it every way they can:
 * a filing, a reveal, a lookup, a clean and a failed import, bad input holding a card number in a
 * wrong field, a name and a phone in a list's query, an ID number where a uuid belongs, and a
 * database error whose query parameters hold an ID number, raised in a request and in a job. No line
 * may hold an ID, phone or card number (however grouped) or a name; request lines carry reqId and
 * the acting user's id, never a username.
 */
let t: TestApp;
let caseworker: Session;
let reviewer: Session;
let caseworkerId: string;
let reviewerId: string;
const lines: string[] = [];
const forbidden: string[] = [];
const names = ['甄士隐', '封氏', '甄英莲', '贾雨村'];

const ID_NUMBER = makeCnId('410803', '19780115', '123');
const MEMBER_ID = makeCnId('410811', '20100304', '517');
const PHONE = '13903711234';
const CARD = '6217000011112222333';

/** The number as typed, and as people write it: grouped by spaces or dashes, a phone with +86. */
function formattings(value: string): string[] {
  const groups = (sizes: number[]) => {
    const out: string[] = [];
    let at = 0;
    for (const size of sizes) out.push(value.slice(at, (at += size)));
    if (at < value.length) out.push(value.slice(at));
    return out;
  };
  const by = (sizes: number[]) => [groups(sizes).join(' '), groups(sizes).join('-')];
  if (value.length === 11) return [value, ...by([3, 4, 4]), `+86${value}`, `+86 ${value}`];
  if (value.length === 18) return [value, ...by([6, 8, 4]), ...by([6, 4, 4, 4])];
  return [value, ...by([4, 4, 4, 4])];
}

async function runImport(file: Buffer) {
  const res = await caseworker.request({ method: 'POST', url: `/api/household-imports?orgId=${t.orgs.E.id}&asArchived=false&filename=pii.xlsx`, headers: { 'content-type': XLSX_MIME }, payload: file });
  expect(res.statusCode, res.body).toBe(202);
  await t.app.jobs.settled();
  return (await caseworker.get(`/api/household-imports/${res.json().id}`)).json();
}

beforeAll(async () => {
  t = await createTestApp({ logger: { level: 'trace', stream: { write: (line: string) => void lines.push(line) } } });
  caseworkerId = await t.createUser('pii-logs-cw', 'E', ['caseworker']);
  reviewerId = await t.createUser('pii-logs-rv', 'B', ['reviewer']);
  [caseworker, reviewer] = await Promise.all([t.signIn('pii-logs-cw'), t.signIn('pii-logs-rv')]);

  // A filing with a member, then a reveal of the ID number and a lookup by the member's.
  const filing = sampleHousehold(t.orgs.E.id, { name: names[0], idNumber: ID_NUMBER, phone: PHONE, bankCard: CARD });
  const filed = await caseworker.post('/api/households', { ...filing, members: [{ relation: 'spouse', name: names[1], idNumber: MEMBER_ID, monthlyIncomeFen: 0 }] });
  expect(filed.statusCode, filed.body).toBe(201);
  const revealed = await reviewer.post(`/api/households/${filed.json().id}/reveal`, { field: 'idNumber', reason: '发放前核对身份' });
  expect(revealed.json().value).toBe(ID_NUMBER);
  expect((await caseworker.post('/api/households/lookup', { idNumber: MEMBER_ID })).json().items).toHaveLength(1);
  // Filing the same person again: refused with a conflict naming the field.
  expect((await caseworker.post('/api/households', sampleHousehold(t.orgs.E.id, { idNumber: ID_NUMBER }))).statusCode).toBe(409);
  forbidden.push(ID_NUMBER, MEMBER_ID, PHONE, CARD);

  // A clean import and a failed one (a person already on file, a wrong check digit, a short phone).
  const clean = validHouseholdRows();
  forbidden.push(String(clean.household['身份证号']), String(clean.household['手机号']), String(clean.household['银行卡号']), ...clean.members.map((m) => String(m['身份证号'])));
  names.push(String(clean.household['户主姓名']), ...clean.members.map((m) => String(m['姓名'])));
  expect((await runImport(await buildHouseholdWorkbook([clean.household], clean.members))).status).toBe('succeeded');
  const bad = validHouseholdRows();
  const badCheck = String(bad.household['身份证号']).slice(0, 17) + (String(bad.household['身份证号']).endsWith('1') ? '2' : '1');
  const shortPhone = '1390371567';
  const failed = await runImport(await buildHouseholdWorkbook([{ ...validHouseholdRows().household, 身份证号: ID_NUMBER }, { ...bad.household, 身份证号: badCheck, 手机号: shortPhone }]));
  expect(failed.status).toBe('failed');
  forbidden.push(badCheck, shortPhone, String(bad.household['银行卡号']));

  // Bad input: a card number in the phone field and in an unknown field, an ID number as a name,
  // a name and a phone in a list's query, an ID number where a uuid belongs.
  for (const body of [
    { ...sampleHousehold(t.orgs.E.id), phone: CARD },
    { ...sampleHousehold(t.orgs.E.id), cardNo: CARD },
    { ...sampleHousehold(t.orgs.E.id), name: ID_NUMBER, bankCard: `${CARD}1234` },
  ]) expect((await caseworker.post('/api/households', body)).statusCode).toBe(400);
  expect((await caseworker.post('/api/households/lookup', { idNumber: `${ID_NUMBER.slice(0, 17)}Z` })).statusCode).toBe(400);
  expect((await caseworker.get(`/api/households?q=${encodeURIComponent(names[0])}`)).statusCode).toBe(200);
  expect((await caseworker.get(`/api/households?q=${PHONE}`)).statusCode).toBe(200);
  expect((await caseworker.get(`/api/households/${ID_NUMBER}`)).statusCode).toBe(400);
  expect((await caseworker.get(`/api/no-such-route/${PHONE}?name=${encodeURIComponent(names[0])}`)).statusCode).toBe(404);

  // A database error whose query parameters hold an ID number and a name: logged by the app and
  // by the job runner (an unexpected failure), as drizzle raises it.
  const failingQuery = () => t.database.db.execute(sql`select ${ID_NUMBER}::int, ${names[2]}::int`);
  await failingQuery().catch((err: unknown) => t.app.log.error({ err, context: { tried: err } }, 'a failed query'));
  t.app.jobs.register({ kind: 'pii_log_probe', run: async () => void (await failingQuery()) });
  await enqueueJob(t.database.db, { kind: 'pii_log_probe', orgId: t.orgs.E.id, createdBy: caseworkerId, createdAt: t.clock.now() });
  t.app.jobs.kick();
  await t.app.jobs.settled();
}, 120_000);
afterAll(() => t.close());

const parsed = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);

describe('logs without personal data', () => {
  it('logs the requests, the errors and the failed job (the test reads what matters)', () => {
    const messages = parsed().map((l) => l.msg);
    expect(messages.filter((m) => m === 'request completed').length).toBeGreaterThan(15);
    expect(messages).toContain('a failed query');
    expect(messages.some((m) => typeof m === 'string' && /^job .* \(pii_log_probe\) failed$/.test(m))).toBe(true);
    const failedQuery = parsed().find((l) => l.msg === 'a failed query')!.err as { message: string; cause?: { message: string } };
    expect(failedQuery.message).toContain('Failed query: select $1::int, $2::int');
  });

  it('holds no ID, phone or card number, however written, nor a name (as typed or URL-encoded)', () => {
    const text = lines.join('');
    expect(forbidden.length).toBe(12);
    const found = [...forbidden.flatMap(formattings), ...names, ...names.map(encodeURIComponent)].filter((value) => text.includes(value));
    expect(found).toEqual([]);
  });

  it('carries the request id on every request line and the actor id (never the username) once signed in', () => {
    const requests = parsed().filter((l) => l.msg === 'request completed');
    for (const line of requests) expect(line.reqId, JSON.stringify(line)).toEqual(expect.any(String));
    const byCaseworker = requests.filter((l) => l.actorId === caseworkerId);
    const byReviewer = requests.filter((l) => l.actorId === reviewerId);
    expect(byCaseworker.length).toBeGreaterThan(10);
    expect(byReviewer.map((l) => (l.req as { route: string }).route)).toContain('/api/households/:id/reveal');
    // The sign-ins themselves come before a session exists.
    expect(requests.filter((l) => (l.req as { route: string }).route === '/api/auth/sign-in').every((l) => l.actorId === undefined)).toBe(true);
    expect(lines.join('')).not.toContain('pii-logs-cw');
    // The error line of a request carries both too.
    const incoming = parsed().filter((l) => l.msg === 'incoming request' && l.actorId === caseworkerId);
    expect(incoming.length).toBe(byCaseworker.length);
  });
});
