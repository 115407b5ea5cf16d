import { z } from 'zod';
import { codes } from './households.js';
import { text as safeText } from './text.js';

/**
 * Funds and the disbursement ledger: amounts are integer fen end to end (never floats); the web shows
 * 元 with two decimals and 万元 where a report does (docs/funds.md).
 */

/** A positive amount of fen, at most 1 亿元 in one movement. */
export const PositiveFen = z.number().int('an integer number of fen').min(1, 'more than 0').max(100_000_000_00, 'at most 100,000,000.00 元');
export const IsoDate = z.iso.date('a date as YYYY-MM-DD');
const text = (max: number) => safeText().max(max);
const prose = (max: number) => safeText({ multiline: true }).max(max);

export const CreateFundInput = z.strictObject({
  orgId: z.uuid(),
  name: text(100).min(2),
  purpose: prose(500).optional().nullable(),
});

/** Income other than donations (those come through donation drives and donation entry). */
export const IncomeSource = codes({
  budget: ['工会经费预算', 'Union dues budget'],
  enterprise: ['企业捐助', 'Enterprise contribution'],
  external_allocation: ['上级拨款（系统外）', 'Allocation from outside the platform'],
});

export const RecordIncomeInput = z.strictObject({
  source: z.enum(IncomeSource.keys),
  counterparty: text(100).min(2),
  amountFen: PositiveFen,
  receivedOn: IsoDate,
  memo: text(200).optional().nullable(),
});

/** 上级拨款: from a fund of the actor's org (or above the receiving org) to a fund of an org below it. */
export const AllocateInput = z.strictObject({
  toFundId: z.uuid(),
  amountFen: PositiveFen,
  allocatedOn: IsoDate,
  memo: text(200).optional().nullable(),
});

/** "YYYY-MM-DD~postingId": a real day and a posting id the database can hold. */
function isStatementCursor(cursor: string): boolean {
  const m = /^(\d{4}-\d{2}-\d{2})~(\d{1,16})$/.exec(cursor);
  return !!m && IsoDate.safeParse(m[1]).success && Number.isSafeInteger(Number(m[2]));
}

export const StatementQuery = z.strictObject({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  /** Keyset cursor: the last row's `cursor` from the previous page. */
  after: z.string().refine(isStatementCursor, 'a cursor from the previous page').optional(),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

/** What a journal entry records, as a statement shows it. */
export const EntryKind = codes({
  donation: ['捐款', 'Donation'],
  income: ['收入', 'Income'],
  allocation: ['拨款', 'Allocation'],
  payment: ['发放', 'Payment'],
  reversal: ['冲正', 'Reversal'],
});

export const PaymentBatchStatus = codes({
  building: ['生成中', 'Building'],
  previewed: ['待审批', 'Awaiting approval'],
  approved: ['已审批', 'Approved'],
  executing: ['发放中', 'Executing'],
  executed: ['已发放', 'Executed'],
  discarded: ['已作废', 'Discarded'],
  failed: ['生成失败', 'Failed'],
});

export const PaymentLineStatus = codes({
  pending: ['待发放', 'Pending'],
  paid: ['已发放', 'Paid'],
  failed: ['银行退回', 'Returned by the bank'],
  dropped: ['已移出', 'Dropped'],
});

export const StartPaymentBatchInput = z.strictObject({
  fundId: z.uuid(),
  campaignId: z.uuid().optional(),
  name: text(100).min(2),
  /** Only grants of this org's subtree (within the actor's). */
  orgId: z.uuid().optional(),
});

export const ApprovePaymentBatchInput = z.strictObject({ note: text(200).optional().nullable() });
export const ExecutePaymentBatchInput = z.strictObject({ paidOn: IsoDate });
export const DiscardPaymentBatchInput = z.strictObject({ reason: text(200).min(2) });
