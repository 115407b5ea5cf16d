import ExcelJS from 'exceljs';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/client.js';
import { campaignGrants, journalEntries, paymentLines } from '../../../db/schema/index.js';
import type { Ctx } from '../../../platform/context.js';
import { makeCampaign, lumpSumRules } from '../../../test-support/campaign-fixtures.js';
import { createTestApp, type Session, type TestApp } from '../../../test-support/test-app.js';
import { loadActiveActor } from '../../users/load-actor.js';
import { fundAccounts } from '../funds.queries.js';
import { postJournalEntry } from '../ledger/post-journal-entry.js';
import { reconcileLedger } from '../ledger/reconcile-ledger.js';
import { executePaymentBatch } from './execute-payment-batch.js';

/** More lines than one transaction of the execution pays (50), so a run can stop between two. */
const LINES = 60;
const LINE_FEN = 1000;

let t: TestApp;
const s: Record<string, Session> = {};
let fundId: string;
let batchId: string;

const fund = async () => (await s.fin.get(`/api/funds/${fundId}`)).json();
const batch = async () => (await s.fin.get(`/api/payment-batches/${batchId}`)).json();
const linesByStatus = async () =>
  Object.fromEntries(
    (await t.database.db.select({ status: paymentLines.status, n: sql<number>`count(*)::int` }).from(paymentLines).where(eq(paymentLines.batchId, batchId)).groupBy(paymentLines.status)).map((r) => [r.status, r.n]),
  );

/**
 * The database as the execute request sees it, except that another payout out of the fund commits in
 * the same transaction as the request, after its check that the fund holds what is left to pay: the
 * race the check cannot see, made certain.
 */
function racedBy(db: Db, payout: (tx: Parameters<Parameters<Db['transaction']>[0]>[0]) => Promise<unknown>): Db {
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== 'transaction') return Reflect.get(target, prop, receiver);
      return (work: Parameters<Db['transaction']>[0]) =>
        target.transaction(async (tx) => {
          const out = await work(tx);
          await payout(tx);
          return out;
        });
    },
  });
}

beforeAll(async () => {
  t = await createTestApp();
  for (const [u, roles] of [
    ['admin', ['org_admin']],
    ['fin', ['finance_officer']],
    ['checker', ['finance_officer']],
  ] as const)
    await t.createUser(u, 'A', [...roles]);
  for (const u of ['admin', 'fin', 'checker']) s[u] = await t.signIn(u);
  const { campaignId } = await makeCampaign(t, s.admin, { orgName: 'A', participants: ['E'], kind: 'per_household', rules: lumpSumRules() });
  // Ready grants written directly: what is under test is paying them, not how they became ready.
  await t.database.db
    .insert(campaignGrants)
    .values(Array.from({ length: LINES }, (_, i) => ({ campaignId, recipientKey: `partial-${i}`, orgId: t.orgs.E.id, recipientName: `学生${i}`, amountFen: LINE_FEN, status: 'ready', readyAt: new Date() })));
  fundId = (await s.fin.post('/api/funds', { orgId: t.orgs.A.id, name: '分次发放资金' })).json().id;
  expect((await s.fin.post(`/api/funds/${fundId}/incomes`, { source: 'budget', counterparty: '工会经费', amountFen: LINES * LINE_FEN, receivedOn: '2026-03-01' })).statusCode).toBe(201);
  const built = await s.fin.post('/api/payment-batches', { fundId, campaignId, name: '分次发放批次' });
  expect(built.statusCode, built.body).toBe(202);
  batchId = built.json().batchId;
  await t.app.jobs.settled();
  expect(await batch()).toMatchObject({ status: 'previewed', lineCount: LINES, totalFen: LINES * LINE_FEN });
  expect((await s.checker.post(`/api/payment-batches/${batchId}/approve`, { note: '核对无误' })).statusCode).toBe(200);
});
afterAll(() => t.close());

describe('a payment batch whose execution stops short', () => {
  it('keeps what it paid and goes back to approved when another payout leaves the fund short midway', async () => {
    const users = await t.database.db.query.users.findFirst({ where: (u, { eq: is }) => is(u.username, 'fin') });
    const actor = (await loadActiveActor(t.database.db, users!.id))!;
    const accounts = await fundAccounts(t.database.db, fundId);
    // Another payout of 5 lines' worth: the first 50 lines can still be paid, the last 10 no longer.
    const otherPayout = (tx: Parameters<Parameters<Db['transaction']>[0]>[0]) =>
      postJournalEntry(tx, ctx, {
        orgId: t.orgs.A.id,
        kind: 'payment',
        memo: '另一笔发放',
        occurredOn: '2026-03-02',
        sourceModule: 'test',
        sourceRef: 'other-payout',
        postings: [
          { accountId: accounts.fund_balance, amountFen: -5 * LINE_FEN },
          { accountId: accounts.paid_out, amountFen: 5 * LINE_FEN },
        ],
      });
    const ctx: Ctx = { db: racedBy(t.database.db, (tx) => otherPayout(tx)), clock: t.clock, secrets: t.secrets, actor, requestId: 'partial-execution', jobs: t.app.jobs };
    expect(await executePaymentBatch({ ctx, id: batchId, input: { paidOn: '2026-03-02' } })).toMatchObject({ status: 'executing' });
    await t.app.jobs.settled();

    const stopped = await batch();
    expect(stopped.status).toBe('approved');
    expect(stopped.note).toContain('已发放 50 笔');
    expect(await linesByStatus()).toEqual({ paid: 50, pending: 10 });
    expect(await fund()).toMatchObject({ paidFen: 55 * LINE_FEN, balanceFen: 5 * LINE_FEN });
    const paidGrants = await t.database.db.select().from(campaignGrants).where(eq(campaignGrants.status, 'paid'));
    expect(paidGrants).toHaveLength(50);
    expect((await reconcileLedger(t.database.db)).differences).toEqual([]);
  });

  it('cannot be discarded once some of it is paid, nor give a bank file before it is done', async () => {
    const discard = await s.fin.post(`/api/payment-batches/${batchId}/discard`, { reason: '不再发放' });
    expect(discard.statusCode).toBe(409);
    expect(discard.json().error.details.reason).toBe('partly_paid');
    expect(await linesByStatus()).toEqual({ paid: 50, pending: 10 });
    expect((await s.fin.get(`/api/payment-batches/${batchId}/bank-file.xlsx`)).statusCode).toBe(409);
    // Executing again while the fund is still short is refused up front, changing nothing.
    const early = await s.fin.post(`/api/payment-batches/${batchId}/execute`, { paidOn: '2026-03-02' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.details).toMatchObject({ reason: 'insufficient_funds', leftFen: 10 * LINE_FEN, balanceFen: 5 * LINE_FEN });
  });

  it('pays the rest, and only the rest, when executed again after the fund is topped up', async () => {
    expect((await s.fin.post(`/api/funds/${fundId}/incomes`, { source: 'budget', counterparty: '追加经费', amountFen: 5 * LINE_FEN, receivedOn: '2026-03-02' })).statusCode).toBe(201);
    // Paid on a day still to come is refused: the posting would fall outside every statement up to today.
    const tomorrow = await s.fin.post(`/api/payment-batches/${batchId}/execute`, { paidOn: '2026-03-03' });
    expect(tomorrow.statusCode).toBe(400);
    expect(tomorrow.json().error.details.issues[0].field).toBe('body.paidOn');
    const again = await s.fin.post(`/api/payment-batches/${batchId}/execute`, { paidOn: '2026-03-02' });
    expect(again.statusCode, again.body).toBe(202);
    await t.app.jobs.settled();

    const done = await batch();
    expect(done).toMatchObject({ status: 'executed', lineCount: LINES, totalFen: LINES * LINE_FEN });
    expect(done.note).toBeNull();
    expect(done.byStatus).toEqual([{ status: 'paid', n: LINES, fen: LINES * LINE_FEN, confirmed: 0 }]);
    expect(await fund()).toMatchObject({ paidFen: 65 * LINE_FEN, balanceFen: 0 });
    // Each line posted once: 60 entries of the batch's lines, none twice.
    const entries = await t.database.db.select().from(journalEntries).where(and(eq(journalEntries.sourceModule, 'payments'), eq(journalEntries.kind, 'payment')));
    expect(entries).toHaveLength(LINES);
    expect(new Set(entries.map((e) => e.sourceRef)).size).toBe(LINES);
    expect(await t.database.db.select().from(campaignGrants).where(eq(campaignGrants.status, 'paid'))).toHaveLength(LINES);
    expect(await reconcileLedger(t.database.db)).toMatchObject({ differences: [], unbalancedEntries: [], monthDifferences: [] });

    // The bank file holds every line (these grants have no card: the sheet for payment in person).
    const file = await s.fin.get(`/api/payment-batches/${batchId}/bank-file.xlsx`);
    expect(file.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    expect(wb.getWorksheet('无银行卡（现场发放）')!.rowCount).toBe(LINES + 1);
  });
});
