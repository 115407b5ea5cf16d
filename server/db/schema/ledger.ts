import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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
    /** The writing transaction's start (set by the database): postings may join an entry only in the transaction that wrote it. */
    txnStartedAt: ts('txn_started_at').notNull().default(sql`now()`),
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
    /** The entry's date, copied onto the posting by the database, so a statement reads one index. */
    occurredOn: date('occurred_on').notNull(),
  },
  (t) => [
    index('journal_postings_entry_idx').on(t.entryId),
    index('journal_postings_account_idx').on(t.accountId, t.id),
    index('journal_postings_account_date_idx').on(t.accountId, t.occurredOn, t.id),
    check('journal_postings_amount_nonzero', sql`${t.amountFen} <> 0`),
  ],
);

const money = (name: string) => bigint(name, { mode: 'number' }).notNull();

/**
 * Each account's net movement per month, kept by the posting trigger: a statement's opening balance is
 * the sum of the months before it, not of every posting since the account opened.
 */
export const ledgerAccountMonths = pgTable(
  'ledger_account_months',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => ledgerAccounts.id),
    month: date('month').notNull(),
    netFen: bigint('net_fen', { mode: 'number' }).notNull(),
    /** Money in and out in the month (net = in − out): a period's totals read whole months here. */
    inFen: bigint('in_fen', { mode: 'number' }).notNull(),
    outFen: bigint('out_fen', { mode: 'number' }).notNull(),
    postings: integer('postings').notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.month] })],
);

/**
 * Income that is not a donation, booked into a fund: the union dues budget (工会经费), an enterprise's
 * contribution, or an allocation from a body outside the platform (e.g. the provincial federation).
 * Allocations between two orgs of the platform are `fund_allocations`.
 */
export const fundIncomes = pgTable(
  'fund_incomes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    fundId: uuid('fund_id')
      .notNull()
      .references(() => funds.id),
    /** budget | enterprise | external_allocation */
    source: text('source').notNull(),
    counterparty: text('counterparty').notNull(),
    amountFen: money('amount_fen'),
    receivedOn: date('received_on').notNull(),
    memo: text('memo'),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => journalEntries.id),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('fund_incomes_fund_idx').on(t.fundId, t.receivedOn), check('fund_incomes_amount_positive', sql`${t.amountFen} > 0`)],
);

/** 上级拨款: money moved from a higher org's fund to a fund of an org below it; one entry both sides see. */
export const fundAllocations = pgTable(
  'fund_allocations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fromOrgId: uuid('from_org_id')
      .notNull()
      .references(() => orgs.id),
    fromFundId: uuid('from_fund_id')
      .notNull()
      .references(() => funds.id),
    toOrgId: uuid('to_org_id')
      .notNull()
      .references(() => orgs.id),
    toFundId: uuid('to_fund_id')
      .notNull()
      .references(() => funds.id),
    amountFen: money('amount_fen'),
    allocatedOn: date('allocated_on').notNull(),
    memo: text('memo'),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => journalEntries.id),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('fund_allocations_from_idx').on(t.fromFundId),
    index('fund_allocations_to_idx').on(t.toFundId),
    check('fund_allocations_amount_positive', sql`${t.amountFen} > 0`),
    check('fund_allocations_other_fund', sql`${t.fromFundId} <> ${t.toFundId}`),
  ],
);

/** 募捐活动 such as "99 公益日": a goal and dates, the fund it feeds, and a public page with progress. */
export const donationDrives = pgTable(
  'donation_drives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    fundId: uuid('fund_id')
      .notNull()
      .references(() => funds.id),
    name: text('name').notNull(),
    description: text('description'),
    goalFen: money('goal_fen'),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    /** open | closed */
    status: text('status').notNull(),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('donation_drives_org_name_key').on(t.orgId, t.name),
    check('donation_drives_goal_positive', sql`${t.goalFen} > 0`),
    check('donation_drives_dates', sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);

/**
 * One gift. Every donation gets the next receipt number of its org's series (捐赠收据), taken from
 * `receipt_series` in the same transaction, so numbers have no gaps or repeats. A refund is a reversal of
 * its journal entry; the receipt stays, marked refunded.
 */
export const donations = pgTable(
  'donations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    fundId: uuid('fund_id')
      .notNull()
      .references(() => funds.id),
    driveId: uuid('drive_id').references(() => donationDrives.id),
    /** person | enterprise | anonymous | platform_match (配捐 by an online charity platform) */
    donorKind: text('donor_kind').notNull(),
    donorName: text('donor_name'),
    /** The donor's work unit, e.g. a department at a collective ceremony. */
    donorUnit: text('donor_unit'),
    /** cash | bank_transfer | wechat | alipay | charity_platform */
    channel: text('channel').notNull(),
    amountFen: money('amount_fen'),
    receivedOn: date('received_on').notNull(),
    receiptSeq: integer('receipt_seq').notNull(),
    receiptNo: text('receipt_no').notNull(),
    showOnThanks: boolean('show_on_thanks').notNull().default(true),
    /** Donations entered together at a collective ceremony share one entry batch. */
    entryBatchId: uuid('entry_batch_id'),
    note: text('note'),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => journalEntries.id),
    refundEntryId: uuid('refund_entry_id').references(() => journalEntries.id),
    refundReason: text('refund_reason'),
    refundedAt: ts('refunded_at'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('donations_receipt_key').on(t.orgId, t.receiptSeq),
    index('donations_drive_idx').on(t.driveId, t.receivedOn),
    index('donations_fund_idx').on(t.fundId, t.receivedOn),
    check('donations_amount_positive', sql`${t.amountFen} > 0`),
  ],
);

/** The next receipt number of each org: a row locked by the UPDATE that takes it, so numbers never skip or repeat. */
export const receiptSeries = pgTable('receipt_series', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => orgs.id),
  prefix: text('prefix').notNull(),
  lastSeq: integer('last_seq').notNull().default(0),
});

/**
 * A payment batch (发放批次): grants ready for payment, paid from one fund. Built on the job runner,
 * approved by a finance officer who did not build it, then executed (fund → paid out, one entry a line).
 */
export const paymentBatches = pgTable(
  'payment_batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    fundId: uuid('fund_id')
      .notNull()
      .references(() => funds.id),
    campaignId: uuid('campaign_id'),
    name: text('name').notNull(),
    /** building | previewed | approved | executing | executed | discarded | failed */
    status: text('status').notNull(),
    lineCount: integer('line_count').notNull().default(0),
    totalFen: bigint('total_fen', { mode: 'number' }).notNull().default(0),
    paidOn: date('paid_on'),
    jobId: uuid('job_id'),
    note: text('note'),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull(),
    approvedBy: uuid('approved_by'),
    approvedAt: ts('approved_at'),
    executedBy: uuid('executed_by'),
    executedAt: ts('executed_at'),
  },
  (t) => [
    index('payment_batches_org_idx').on(t.orgId, t.createdAt),
    check('payment_batches_status_known', sql`${t.status} in ('building', 'previewed', 'approved', 'executing', 'executed', 'discarded', 'failed')`),
    check('payment_batches_maker_checker', sql`${t.approvedBy} is null or ${t.approvedBy} <> ${t.createdBy}`),
  ],
);

/**
 * One grant in a payment batch. A grant has at most one live line (pending, paid), held by a partial
 * unique index, so two batches can never pay it twice. A line the bank returns is failed: its entry
 * is reversed and its grant is ready again.
 */
export const paymentLines = pgTable(
  'payment_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => paymentBatches.id),
    lineNo: integer('line_no').notNull(),
    grantId: uuid('grant_id').notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    householdId: uuid('household_id'),
    payeeName: text('payee_name').notNull(),
    bankName: text('bank_name'),
    bankCardEnc: text('bank_card_enc'),
    bankCardMasked: text('bank_card_masked'),
    amountFen: money('amount_fen'),
    inKindItems: jsonb('in_kind_items').$type<Array<{ item: string; quantity: number }>>().notNull().default([]),
    /** pending (in a batch not yet executed) | paid | failed | dropped (the batch was discarded) */
    status: text('status').notNull(),
    paymentRef: text('payment_ref').notNull(),
    entryId: uuid('entry_id').references(() => journalEntries.id),
    reversalEntryId: uuid('reversal_entry_id').references(() => journalEntries.id),
    failureReason: text('failure_reason'),
    resultAt: ts('result_at'),
  },
  (t) => [
    uniqueIndex('payment_lines_batch_line_key').on(t.batchId, t.lineNo),
    uniqueIndex('payment_lines_ref_key').on(t.paymentRef),
    uniqueIndex('payment_lines_one_live_per_grant').on(t.grantId).where(sql`status in ('pending', 'paid')`),
    check('payment_lines_status_known', sql`${t.status} in ('pending', 'paid', 'failed', 'dropped')`),
  ],
);

/** In-kind items handed out (a suitcase 行李箱), with quantities: not money, so not in the journal. */
export const inKindIssues = pgTable(
  'in_kind_issues',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    paymentLineId: uuid('payment_line_id').references(() => paymentLines.id),
    grantId: uuid('grant_id'),
    householdId: uuid('household_id'),
    recipientName: text('recipient_name').notNull(),
    item: text('item').notNull(),
    quantity: integer('quantity').notNull(),
    issuedOn: date('issued_on').notNull(),
    /** issued | returned (its payment line failed before the item was handed over) */
    status: text('status').notNull().default('issued'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('in_kind_issues_org_idx').on(t.orgId, t.issuedOn), check('in_kind_issues_quantity_positive', sql`${t.quantity} > 0`)],
);

/**
 * Idempotency-Key records of money-moving requests: one per user and key, with a hash of what was asked.
 * The row is written before the work and committed on its own, so of two requests with one key, only
 * the first does the work; the second waits for its answer and replays it.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: uuid('user_id').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    /** pending | done */
    state: text('state').notNull(),
    responseStatus: integer('response_status'),
    responseBody: text('response_body'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index('idempotency_keys_created_idx').on(t.createdAt)],
);
