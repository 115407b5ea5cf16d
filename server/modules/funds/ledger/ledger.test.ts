import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { journalEntries, journalPostings, ledgerAccounts } from '../../../db/schema/index.js';
import type { Ctx } from '../../../platform/context.js';
import { createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { openFund } from './ledger-accounts.js';
import { postJournalEntry, reverseJournalEntry } from './post-journal-entry.js';
import { reconcileLedger } from './reconcile-ledger.js';

let t: TestApp;
let ctx: Ctx;
beforeAll(async () => {
  t = await createTestApp();
  ctx = { db: t.database.db, clock: t.clock, secrets: t.secrets, actor: null, requestId: 'ledger-test' };
});
afterAll(() => t.close());

const balance = async (id: string) => (await t.database.db.select({ b: ledgerAccounts.balanceFen }).from(ledgerAccounts).where(eq(ledgerAccounts.id, id)))[0].b;
const fund = (name: string) => t.database.db.transaction((tx) => openFund(tx, ctx, { orgId: t.orgs.A.id, name }));
const donate = (f: Awaited<ReturnType<typeof fund>>, fen: number) =>
  t.database.db.transaction((tx) =>
    postJournalEntry(tx, ctx, { orgId: t.orgs.A.id, kind: 'donation', memo: '99公益日集体捐款', occurredOn: '2021-09-07', postings: [{ accountId: f.accounts.fund_balance.id, amountFen: fen }, { accountId: f.accounts.donations.id, amountFen: -fen }] }),
  );
const pay = (f: Awaited<ReturnType<typeof fund>>, fen: number) =>
  t.database.db.transaction((tx) =>
    postJournalEntry(tx, ctx, { orgId: t.orgs.A.id, kind: 'payout', memo: '助学金发放', occurredOn: '2021-09-08', postings: [{ accountId: f.accounts.paid_out.id, amountFen: fen }, { accountId: f.accounts.fund_balance.id, amountFen: -fen }] }),
  );

describe('the journal (double entry, kept by the database)', () => {
  it('posts a balanced entry and moves the balances with it', async () => {
    const f = await fund('2021 金秋助学专项资金');
    await donate(f, 559200);
    expect(await balance(f.accounts.fund_balance.id)).toBe(559200);
    expect(await balance(f.accounts.donations.id)).toBe(-559200);
    expect(await reconcileLedger(t.database.db)).toMatchObject({ differences: [], unbalancedEntries: [] });
  });

  it('refuses at commit an entry whose postings do not sum to zero, or that has fewer than two, whatever code wrote it', async () => {
    const f = await fund('不平衡测试');
    const entry = () => ({ orgId: t.orgs.A.id, kind: 'raw', memo: '绕过代码直接写入', occurredOn: '2026-03-02', createdAt: new Date() });
    await expect(
      t.database.db.transaction(async (tx) => {
        const [e] = await tx.insert(journalEntries).values(entry()).returning();
        await tx.insert(journalPostings).values([{ entryId: e.id, accountId: f.accounts.fund_balance.id, amountFen: 100, occurredOn: '2026-03-02' }, { entryId: e.id, accountId: f.accounts.donations.id, amountFen: -99, occurredOn: '2026-03-02' }]);
      }),
    ).rejects.toThrow();
    await expect(t.database.db.transaction(async (tx) => void (await tx.insert(journalEntries).values(entry())))).rejects.toThrow();
    expect(await balance(f.accounts.fund_balance.id)).toBe(0);
    // One more posting on an entry committed earlier unbalances it: refused at commit too.
    const posted = await donate(f, 300);
    await expect(t.database.db.insert(journalPostings).values({ entryId: posted.id, accountId: f.accounts.fund_balance.id, amountFen: 5, occurredOn: '2021-09-07' })).rejects.toThrow();
    expect(await balance(f.accounts.fund_balance.id)).toBe(300);
    expect(await reconcileLedger(t.database.db)).toMatchObject({ differences: [], unbalancedEntries: [] });
  });

  it('never changes or removes what is posted, and moves a balance only by a posting', async () => {
    const f = await fund('只增不改测试');
    const e = await donate(f, 1000);
    await expect(t.database.db.update(journalPostings).set({ amountFen: 2000 }).where(eq(journalPostings.entryId, e.id))).rejects.toThrow();
    await expect(t.database.db.delete(journalPostings).where(eq(journalPostings.entryId, e.id))).rejects.toThrow();
    await expect(t.database.db.update(journalEntries).set({ memo: '改' }).where(eq(journalEntries.id, e.id))).rejects.toThrow();
    await expect(t.database.db.delete(journalEntries).where(eq(journalEntries.id, e.id))).rejects.toThrow();
    await expect(t.database.db.update(ledgerAccounts).set({ balanceFen: 999999 }).where(eq(ledgerAccounts.id, f.accounts.fund_balance.id))).rejects.toThrow();
    await expect(t.database.db.execute(sql`truncate journal_postings`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`truncate journal_entries cascade`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`truncate ledger_accounts cascade`)).rejects.toThrow();
    expect(await balance(f.accounts.fund_balance.id)).toBe(1000);
    expect((await t.database.db.select().from(journalPostings).where(eq(journalPostings.entryId, e.id))).length).toBe(2);
  });

  it('refuses to take a fund below zero, also when payouts race, and changes nothing for the refused ones', async () => {
    const f = await fund('并发发放测试');
    await donate(f, 10000);
    await expect(pay(f, 10001)).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'insufficient_funds' } });
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => pay(f, 3000)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ details: { reason: 'insufficient_funds' } });
    expect(await balance(f.accounts.fund_balance.id)).toBe(1000);
    expect(await balance(f.accounts.paid_out.id)).toBe(9000);
    expect(await reconcileLedger(t.database.db)).toMatchObject({ differences: [], unbalancedEntries: [] });
  });

  it('corrects by a reversing entry that points at what it reverses, once', async () => {
    const f = await fund('冲销测试');
    const e = await donate(f, 5000);
    const reversal = await t.database.db.transaction((tx) => reverseJournalEntry(tx, ctx, { entryId: e.id, memo: '捐款退回', occurredOn: '2026-03-03' }));
    expect(reversal.reversesId).toBe(e.id);
    expect(await balance(f.accounts.fund_balance.id)).toBe(0);
    await expect(t.database.db.transaction((tx) => reverseJournalEntry(tx, ctx, { entryId: e.id, memo: '再退一次', occurredOn: '2026-03-03' }))).rejects.toMatchObject({ details: { reason: 'already_reversed' } });
    // Two reversals racing past that check: the database keeps one.
    const again = () => t.database.db.transaction((tx) => postJournalEntry(tx, ctx, { orgId: t.orgs.A.id, kind: 'reversal', memo: '并发冲销', occurredOn: '2026-03-03', reversesId: reversal.id, postings: [{ accountId: f.accounts.fund_balance.id, amountFen: 5000 }, { accountId: f.accounts.donations.id, amountFen: -5000 }] }));
    const raced = await Promise.allSettled([again(), again()]);
    expect(raced.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  it('refuses the side doors: postings added to a committed entry, an account opened with money, an account’s rules changed, the month totals truncated', async () => {
    const f = await fund('旁门测试');
    const e = await donate(f, 1000);
    // A balanced pair added later would change a posted entry: refused, whatever the sum.
    await expect(
      t.database.db.transaction(async (tx) => {
        await tx.insert(journalPostings).values([
          { entryId: e.id, accountId: f.accounts.fund_balance.id, amountFen: 5, occurredOn: '2021-09-07' },
          { entryId: e.id, accountId: f.accounts.donations.id, amountFen: -5, occurredOn: '2021-09-07' },
        ]);
      }),
    ).rejects.toThrow();
    // An entry inserted with a forged start still takes its postings only in its own transaction.
    await expect(t.database.db.execute(sql`update journal_entries set txn_started_at = now() where id = ${e.id}`)).rejects.toThrow();
    await expect(t.database.db.insert(ledgerAccounts).values({ orgId: t.orgs.A.id, fundId: null, kind: 'bank', name: '凭空开户', balanceFen: 999, createdAt: new Date() })).rejects.toThrow();
    await expect(t.database.db.update(ledgerAccounts).set({ noOverdraft: false }).where(eq(ledgerAccounts.id, f.accounts.fund_balance.id))).rejects.toThrow();
    await expect(t.database.db.update(ledgerAccounts).set({ kind: 'donations' }).where(eq(ledgerAccounts.id, f.accounts.fund_balance.id))).rejects.toThrow();
    await expect(t.database.db.execute(sql`truncate ledger_account_months`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`delete from ledger_account_months`)).rejects.toThrow();
    expect(await balance(f.accounts.fund_balance.id)).toBe(1000);
    expect(await reconcileLedger(t.database.db)).toMatchObject({ differences: [], unbalancedEntries: [], monthDifferences: [] });
  });

  it('reconciliation finds a balance that no longer matches its journal', async () => {
    const f = await fund('对账测试');
    await donate(f, 700);
    await t.database.db.execute(sql`alter table ledger_accounts disable trigger ledger_accounts_balance_by_postings`);
    try {
      await t.database.db.update(ledgerAccounts).set({ balanceFen: 800 }).where(eq(ledgerAccounts.id, f.accounts.fund_balance.id));
    } finally {
      await t.database.db.execute(sql`alter table ledger_accounts enable trigger ledger_accounts_balance_by_postings`);
    }
    const r = await reconcileLedger(t.database.db);
    expect(r.differences).toEqual([{ accountId: f.accounts.fund_balance.id, name: '对账测试:fund_balance', keptFen: 800, recomputedFen: 700 }]);
  });
});
