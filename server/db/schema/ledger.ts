import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, check, date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgs } from './orgs.js';

const ts = (name: string) => timestamp(name, { withTimezone: true });

/** A fund an org holds (e.g. "2021 金秋助学专项资金"); its money lives in ledger accounts. */
export const funds = pgTable(
  'funds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    name: text('name').notNull(),
    purpose: text('purpose'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('funds_org_name_key').on(t.orgId, t.name)],
);

/**
 * An account of the double-entry ledger. `balance_fen` is kept by the database itself (a trigger adds
 * every posting as it is written), so no code path can move money without moving the balance; an
 * account that may not be overdrawn (a fund's balance) has a CHECK that refuses it going below zero,
 * which also holds under concurrent postings (each waits for the row). Balances are debit-positive.
 */
export const ledgerAccounts = pgTable(
  'ledger_accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    fundId: uuid('fund_id').references(() => funds.id),
    /** fund_balance | donations | allocations_in | allocations_out | budget | enterprise | grants_payable | paid_out | in_kind | bank */
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    noOverdraft: boolean('no_overdraft').notNull().default(false),
    balanceFen: bigint('balance_fen', { mode: 'number' }).notNull().default(0),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('ledger_accounts_fund_kind_key').on(t.fundId, t.kind),
    index('ledger_accounts_org_idx').on(t.orgId),
    check('ledger_accounts_no_overdraft', sql`not ${t.noOverdraft} or ${t.balanceFen} >= 0`),
  ],
);

/**
 * One movement of money: postings that sum to zero (a deferred constraint trigger checks each entry at
 * commit). Entries and postings are append-only; a correction is a new entry that `reverses` another.
 */
export const journalEntries = pgTable(
  'journal_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    kind: text('kind').notNull(),
    memo: text('memo').notNull(),
    occurredOn: date('occurred_on').notNull(),
    /** The entry this one reverses; an entry is reversed at most once. */
    reversesId: uuid('reverses_id'),
    sourceModule: text('source_module'),
    sourceRef: text('source_ref'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('journal_entries_reverses_key').on(t.reversesId).where(sql`reverses_id is not null`),
    uniqueIndex('journal_entries_source_key').on(t.sourceModule, t.sourceRef).where(sql`source_ref is not null`),
    index('journal_entries_org_idx').on(t.orgId, t.occurredOn),
  ],
);

export const journalPostings = pgTable(
  'journal_postings',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => journalEntries.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => ledgerAccounts.id),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
  },
  (t) => [
    index('journal_postings_entry_idx').on(t.entryId),
    index('journal_postings_account_idx').on(t.accountId, t.id),
    check('journal_postings_amount_nonzero', sql`${t.amountFen} <> 0`),
  ],
);
