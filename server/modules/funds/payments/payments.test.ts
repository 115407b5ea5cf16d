import ExcelJS from 'exceljs';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, campaignGrants, householdAid, inKindIssues, journalEntries, paymentBatches, paymentLines } from '../../../db/schema/index.js';
import type { Ctx } from '../../../platform/context.js';
import { archivedHousehold, lumpSumRules, makeCampaign } from '../../../test-support/campaign-fixtures.js';
import { createTestApp, type Session, type TestApp } from '../../../test-support/test-app.js';
import { loadActiveActor } from '../../users/load-actor.js';
import { fundAccounts } from '../funds.queries.js';
import { reconcileLedger } from '../ledger/reconcile-ledger.js';
import { BANK_COLUMNS, BANK_SHEET } from './export-bank-file.js';
import { payPaymentLine } from './pay-payment-line.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let t: TestApp;
const s: Record<string, Session> = {};
let campaignId: string;
let fundId: string;
const householdIds: string[] = [];

const fund = async (id = fundId) => (await s['fin-a'].get(`/api/funds/${id}`)).json();
const batchOf = async (id: string) => (await s['fin-a'].get(`/api/payment-batches/${id}`)).json();

async function buildBatch(name: string, who = 'fin-a', extra: object = {}) {
  const res = await s[who].post('/api/payment-batches', { fundId, campaignId, name, ...extra });
  expect(res.statusCode, res.body).toBe(202);
  await t.app.jobs.settled();
  return res.json().batchId as string;
}

beforeAll(async () => {
  t = await createTestApp();
  for (const [u, org, roles] of [
    ['admin-a', 'A', ['org_admin']],
    ['admin-a2', 'A', ['org_admin']],
    ['cw-e', 'E', ['caseworker']],
    ['fin-a', 'A', ['finance_officer']],
    ['fin-a2', 'A', ['finance_officer']],
    ['fin-c', 'C', ['finance_officer']],
  ] as const)
    await t.createUser(u, org, [...roles]);
  for (const u of ['admin-a', 'admin-a2', 'cw-e', 'fin-a', 'fin-a2', 'fin-c']) s[u] = await t.signIn(u);
  // Six households of E get a 1000 元 lump sum and a suitcase each: six grants ready for payment.
  campaignId = (await makeCampaign(t, s['admin-a'], { orgName: 'A', participants: ['E'], kind: 'per_household', rules: lumpSumRules({ inKindItems: [{ item: '行李箱', quantity: 1, stages: [] }] }) })).campaignId;
  for (let i = 0; i < 6; i++) householdIds.push((await archivedHousehold(t, s['cw-e'], 'E')).id);
  const built = await s['admin-a'].post(`/api/campaigns/${campaignId}/lump-sum-batches`, { orgId: t.orgs.E.id });
  await t.app.jobs.settled();
  expect((await s['admin-a2'].post(`/api/lump-sum-batches/${built.json().batchId}/confirm`, {})).statusCode).toBe(202);
  await t.app.jobs.settled();
  fundId = (await s['fin-a'].post('/api/funds', { orgId: t.orgs.A.id, name: '特别慰问金专项资金' })).json().id;
  expect((await s['fin-a'].post(`/api/funds/${fundId}/incomes`, { source: 'budget', counterparty: '工会经费', amountFen: 1_000_000, receivedOn: '2026-01-05' })).statusCode).toBe(201);
});
afterAll(() => t.close());

describe('payment batches: build, approve by another, execute, bank file, bank results', () => {
  let batchId: string;
  let bankFile: Buffer;

  it('builds a batch of the ready grants on the job runner, for a second finance officer to approve', async () => {
    batchId = await buildBatch('2026年特别慰问金第一批');
    expect(await batchOf(batchId)).toMatchObject({ status: 'previewed', lineCount: 6, totalFen: 600_000, builtByMe: true });
    const lines = (await s['fin-a'].get(`/api/payment-batches/${batchId}/lines`)).json().items;
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatchObject({ bankName: '中国工商银行', bankCardMasked: expect.stringMatching(/^6222\*+0123$/), amountFen: 100_000, status: 'pending', inKindItems: [{ item: '行李箱', quantity: 1 }] });
    expect(JSON.stringify(lines)).not.toContain('6222021234567890123');
    // A second batch finds nothing left to pay: a grant has at most one live line.
    const second = await buildBatch('重复批次');
    expect(await batchOf(second)).toMatchObject({ status: 'previewed', lineCount: 0 });
    expect((await s['fin-a2'].post(`/api/payment-batches/${second}/approve`, {})).json().error.details.reason).toBe('empty_batch');
  });

  it('refuses the builder’s own approval, and execution before approval', async () => {
    const own = await s['fin-a'].post(`/api/payment-batches/${batchId}/approve`, {});
    expect(own.statusCode).toBe(403);
    expect(own.json().error.details.reason).toBe('maker_checker');
    const early = await s['fin-a'].post(`/api/payment-batches/${batchId}/execute`, { paidOn: '2026-02-01' });
    expect(early.statusCode).toBe(409);
    // The database holds maker ≠ checker too, whatever code writes.
    const [b] = await t.database.db.select().from(paymentBatches).where(eq(paymentBatches.id, batchId));
    await expect(t.database.db.update(paymentBatches).set({ approvedBy: b.createdBy }).where(eq(paymentBatches.id, batchId))).rejects.toThrow();
    expect((await s['fin-c'].get(`/api/payment-batches/${batchId}`)).statusCode).toBe(404);
  });

  it('executes an approved batch: fund → paid, grants and applications paid, household aid and in-kind issues recorded', async () => {
    expect((await s['fin-a2'].post(`/api/payment-batches/${batchId}/approve`, { note: '核对无误' })).statusCode).toBe(200);
    const exec = await s['fin-a'].post(`/api/payment-batches/${batchId}/execute`, { paidOn: '2026-02-01' });
    expect(exec.statusCode, exec.body).toBe(202);
    await t.app.jobs.settled();
    expect(await batchOf(batchId)).toMatchObject({ status: 'executed', paidOn: '2026-02-01' });
    expect(await fund()).toMatchObject({ raisedFen: 1_000_000, paidFen: 600_000, balanceFen: 400_000 });
    const grants = await t.database.db.select().from(campaignGrants).where(eq(campaignGrants.campaignId, campaignId));
    expect(grants.map((g) => g.status)).toEqual(Array(6).fill('paid'));
    const aid = await t.database.db.select().from(householdAid).where(eq(householdAid.householdId, householdIds[0]));
    expect(aid.map((a) => [a.aidType, a.amountFen])).toEqual(expect.arrayContaining([['cash', 100_000], ['in_kind', 0]]));
    const issued = await t.database.db.select().from(inKindIssues).where(eq(inKindIssues.status, 'issued'));
    expect(issued.filter((i) => i.item === '行李箱').length).toBe(6);
    // Executing again is refused: the batch is executed.
    expect((await s['fin-a'].post(`/api/payment-batches/${batchId}/execute`, { paidOn: '2026-02-01' })).statusCode).toBe(409);
  });

  it('exports the bank file with the card numbers in full, and audits it', async () => {
    const res = await s['fin-a'].get(`/api/payment-batches/${batchId}/bank-file.xlsx`);
    expect(res.statusCode).toBe(200);
    bankFile = res.rawPayload;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bankFile as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(BANK_SHEET)!;
    expect(ws.getRow(1).values).toEqual([undefined, ...BANK_COLUMNS]);
    expect(ws.getRow(2).getCell(4).value).toBe('6222021234567890123');
    expect(ws.getRow(2).getCell(5).value).toBe(1000);
    const [row] = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'payment_batch.export_bank_file'));
    expect(row.details).toMatchObject({ cardsDecrypted: 6 });
  });

  it('refuses a result file whose amount for a line is not what was paid, changing nothing', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bankFile as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(BANK_SHEET)!;
    for (let r = 2; r <= 7; r++) ws.getRow(r).getCell(8).value = '成功';
    ws.getRow(3).getCell(5).value = 10000;
    // Excel writes a typed 1000 as 1000 and some amounts as long doubles: those still match.
    ws.getRow(4).getCell(5).value = '1,000.00';
    const before = await fund();
    const res = await s['fin-a'].request({ method: 'POST', url: `/api/payment-batches/${batchId}/result-import`, headers: { 'content-type': XLSX }, payload: Buffer.from(await wb.xlsx.writeBuffer()) });
    expect(res.statusCode).toBe(400);
    const found = res.json().error.details.issues;
    expect(found).toEqual([{ field: '第3行.金额（元）', message: expect.stringContaining('10000.00 元与代发的 1000.00 元不符') }]);
    expect(await fund()).toEqual(before);
    expect((await s['fin-a'].get(`/api/payment-batches/${batchId}/lines`)).json().items.filter((l: { bankConfirmed: boolean }) => l.bankConfirmed)).toEqual([]);
  });

  it('imports the bank’s results: a failed line is reversed and its grant is ready again; the rest are confirmed', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bankFile as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(BANK_SHEET)!;
    for (let r = 2; r <= 7; r++) ws.getRow(r).getCell(8).value = r === 4 ? '失败' : '成功';
    ws.getRow(4).getCell(9).value = '户名与卡号不符';
    const failedRef = String(ws.getRow(4).getCell(6).value);
    const result = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await s['fin-a'].request({ method: 'POST', url: `/api/payment-batches/${batchId}/result-import`, headers: { 'content-type': XLSX }, payload: result });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ confirmed: 5, failed: 1, returnedFen: 100_000 });

    expect(await fund()).toMatchObject({ raisedFen: 1_000_000, paidFen: 500_000, balanceFen: 500_000 });
    const [line] = await t.database.db.select().from(paymentLines).where(eq(paymentLines.paymentRef, failedRef));
    expect(line).toMatchObject({ status: 'failed', failureReason: '户名与卡号不符' });
    const [reversal] = await t.database.db.select().from(journalEntries).where(eq(journalEntries.id, line.reversalEntryId!));
    expect(reversal.reversesId).toBe(line.entryId);
    const [grant] = await t.database.db.select().from(campaignGrants).where(eq(campaignGrants.id, line.grantId));
    expect(grant).toMatchObject({ status: 'ready', paymentRef: null });
    expect(await t.database.db.select().from(householdAid).where(and(eq(householdAid.householdId, line.householdId!), eq(householdAid.sourceModule, 'campaigns')))).toEqual([]);
    expect((await t.database.db.select().from(inKindIssues).where(eq(inKindIssues.paymentLineId, line.id)))[0].status).toBe('returned');
    const lines = (await s['fin-a'].get(`/api/payment-batches/${batchId}/lines`)).json().items;
    expect(lines.filter((l: { bankConfirmed: boolean }) => l.bankConfirmed)).toHaveLength(5);

    // The same file again (a new request) is refused whole: every line is already settled.
    const again = await s['fin-a'].request({ method: 'POST', url: `/api/payment-batches/${batchId}/result-import`, headers: { 'content-type': XLSX }, payload: result });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.details.issues[0].message).toContain('已处理过');
    expect((await reconcileLedger(t.database.db)).differences).toEqual([]);

    // The returned grant goes into the next batch, alone.
    const next = await buildBatch('补发批次');
    expect(await batchOf(next)).toMatchObject({ lineCount: 1, totalFen: 100_000 });
  });

  it('refuses a result file naming a line of no batch, or a result that is neither 成功 nor 失败, changing nothing', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(BANK_SHEET);
    ws.addRow([...BANK_COLUMNS]);
    ws.addRow([1, '某人', '', '', 1000, 'PNOTHING-00001', '', '成功', '']);
    ws.addRow([2, '某人', '', '', 1000, 'PNOTHING-00002', '', '待定', '']);
    const before = await fund();
    const res = await s['fin-a'].request({ method: 'POST', url: `/api/payment-batches/${batchId}/result-import`, headers: { 'content-type': XLSX }, payload: Buffer.from(await wb.xlsx.writeBuffer()) });
    expect(res.statusCode).toBe(400);
    const messages = res.json().error.details.issues.map((i: { field: string; message: string }) => `${i.field} ${i.message}`).join('\n');
    expect(messages).toContain('第3行.处理结果');
    expect(messages).toContain('PNOTHING-00001 不是本批次的付款参考号');
    expect(await fund()).toEqual(before);
    const garbage = await s['fin-a'].request({ method: 'POST', url: `/api/payment-batches/${batchId}/result-import`, headers: { 'content-type': XLSX }, payload: Buffer.from('not a workbook') });
    expect(garbage.statusCode).toBe(400);
  });

  it('discards a batch not yet executed, freeing its grants', async () => {
    const [b] = (await s['fin-a'].get('/api/payment-batches')).json().items.filter((x: { name: string }) => x.name === '补发批次');
    expect((await s['fin-a'].post(`/api/payment-batches/${b.id}/discard`, { reason: '改为现场发放' })).statusCode).toBe(200);
    expect((await t.database.db.select().from(paymentLines).where(eq(paymentLines.batchId, b.id)))[0].status).toBe('dropped');
    expect(await batchOf(await buildBatch('补发批次二'))).toMatchObject({ lineCount: 1 });
  });
});

describe('concurrent payouts against one fund', () => {
  it('of 50 payouts racing against a fund that covers 30, exactly 30 succeed and the balance ends at 0, never below', async () => {
    const payer = (await loadActiveActor(t.database.db, (await t.database.db.query.users.findFirst({ where: (u, { eq: is }) => is(u.username, 'fin-a') }))!.id))!;
    const ctx: Ctx = { db: t.database.db, clock: t.clock, secrets: t.secrets, actor: payer, requestId: 'race' };
    const raceFund = (await s['fin-a'].post('/api/funds', { orgId: t.orgs.A.id, name: '并发测试资金' })).json().id as string;
    await s['fin-a'].post(`/api/funds/${raceFund}/incomes`, { source: 'budget', counterparty: '经费', amountFen: 30 * 1000, receivedOn: '2026-03-01' });
    const [user] = await t.database.db.execute(sql`select id from users where username = 'fin-a'`).then((r) => (r as unknown as { rows: Array<{ id: string }> }).rows);
    const [batch] = await t.database.db.insert(paymentBatches).values({ orgId: t.orgs.A.id, fundId: raceFund, name: '并发批次', status: 'executing', createdBy: user.id, createdAt: new Date() }).returning();
    // Fifty ready grants of 10 元 (written directly: the payout is what is under test).
    const grants = await t.database.db
      .insert(campaignGrants)
      .values(Array.from({ length: 50 }, (_, i) => ({ campaignId, recipientKey: `race-${i}`, orgId: t.orgs.E.id, recipientName: `学生${i}`, amountFen: 1000, status: 'ready', readyAt: new Date() })))
      .returning();
    const lines = await t.database.db
      .insert(paymentLines)
      .values(grants.map((g, i) => ({ batchId: batch.id, lineNo: i + 1, grantId: g.id, orgId: g.orgId, payeeName: g.recipientName, amountFen: 1000, status: 'pending', paymentRef: `RACE-${i}` })))
      .returning();
    const accounts = await fundAccounts(t.database.db, raceFund);
    const outcomes = await Promise.allSettled(
      lines.map((line) => t.database.db.transaction((tx) => payPaymentLine(tx, ctx, { line, fundOrgId: t.orgs.A.id, accounts, paidOn: '2026-03-02', memo: '并发发放' }))),
    );
    const refused = outcomes.filter((o) => o.status === 'rejected') as PromiseRejectedResult[];
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(30);
    expect(refused).toHaveLength(20);
    for (const r of refused) expect((r.reason as { details?: { reason?: string } }).details?.reason).toBe('insufficient_funds');
    expect(await fund(raceFund)).toMatchObject({ balanceFen: 0, paidFen: 30_000 });
    // Never below zero: every prefix of the fund balance's postings, in commit order, stays at or above 0.
    const { rows } = (await t.database.db.execute(sql`
      select min(running) as lowest from (select sum(amount_fen) over (order by id) as running from journal_postings where account_id = ${accounts.fund_balance}) x`)) as unknown as { rows: Array<{ lowest: string }> };
    expect(Number(rows[0].lowest)).toBeGreaterThanOrEqual(0);
    const paidGrants = await t.database.db.select().from(campaignGrants).where(and(eq(campaignGrants.campaignId, campaignId), eq(campaignGrants.status, 'paid'), sql`${campaignGrants.recipientKey} like 'race-%'`));
    expect(paidGrants).toHaveLength(30);
    expect(await reconcileLedger(t.database.db)).toMatchObject({ differences: [], unbalancedEntries: [], monthDifferences: [] });
  });
});

describe('Idempotency-Key on a payment request', () => {
  it('executes once when the same request with one key arrives twice at the same moment', async () => {
    // The grant the bank returned above waits in 补发批次二: set that aside and pay it in a batch of its own.
    const [held] = (await s['fin-a'].get('/api/payment-batches')).json().items.filter((x: { name: string }) => x.name === '补发批次二');
    expect((await s['fin-a'].post(`/api/payment-batches/${held.id}/discard`, { reason: '并入幂等批次' })).statusCode).toBe(200);
    const id = await buildBatch('幂等批次');
    expect((await s['fin-a2'].post(`/api/payment-batches/${id}/approve`, {})).statusCode).toBe(200);
    const paidBefore = (await fund()).paidFen;
    const key = 'execute-once-000001';
    const send = () => s['fin-a'].request({ method: 'POST', url: `/api/payment-batches/${id}/execute`, payload: { paidOn: '2026-03-02' }, headers: { 'idempotency-key': key } });
    const [a, b] = await Promise.all([send(), send()]);
    expect([a.statusCode, b.statusCode]).toEqual([202, 202]);
    expect(a.json()).toEqual(b.json());
    await t.app.jobs.settled();
    const audits = await t.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'payment_batch.execute'), eq(auditLog.objectId, id)));
    expect(audits.filter((r) => r.outcome === 'success')).toHaveLength(1);
    expect(await batchOf(id)).toMatchObject({ status: 'executed', lineCount: 1 });
    expect((await fund()).paidFen).toBe(paidBefore + 100_000);
  });
});
