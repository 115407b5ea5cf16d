import type { TFunction } from 'i18next';
import { isApiError, type FieldIssue } from '../../../shared/api.js';
import zhPayments from '../../../shared/locales/funds/payments.zh-CN.js';
import { fundErrorMessage } from '../fund-errors.js';
import type { BatchStatus, LineStatus, PaymentBatch, PaymentBatchDetail, PaymentLine } from './payments.api.js';

export const BATCH_COLOR: Record<BatchStatus, string> = {
  building: 'processing',
  previewed: 'gold',
  approved: 'blue',
  executing: 'processing',
  executed: 'green',
  discarded: 'default',
  failed: 'red',
};

export const LINE_COLOR: Record<LineStatus, string> = { pending: 'default', paid: 'green', failed: 'red', dropped: 'default' };

/** The way of a batch: 生成 → 待审批 → 已审批 → 发放中 → 已发放. */
export const STEPS = ['building', 'previewed', 'approved', 'executing', 'executed'] as const;

/** Where a batch stands on its way; a discarded one stopped at the step it had reached, a failed one at the build. */
export function batchStep(b: Pick<PaymentBatch, 'status' | 'approvedAt'>): { current: number; status: 'process' | 'finish' | 'error' } {
  if (b.status === 'failed') return { current: 0, status: 'error' };
  if (b.status === 'discarded') return { current: b.approvedAt ? 2 : 1, status: 'error' };
  const current = STEPS.indexOf(b.status);
  return { current, status: b.status === 'executed' ? 'finish' : 'process' };
}

/** An approved batch with a payment date went to execution and came back: the job stopped (the fund ran short, say). */
export const executionHalted = (b: Pick<PaymentBatch, 'status' | 'paidOn'>) => b.status === 'approved' && b.paidOn !== null;

export interface BatchFigures {
  pending: { n: number; fen: number };
  paid: { n: number; fen: number };
  /** Paid lines the bank's results confirmed. */
  confirmed: number;
  /** Lines the bank returned (their entries reversed). */
  returned: { n: number; fen: number };
  dropped: number;
}

export function batchFigures(b: Pick<PaymentBatchDetail, 'byStatus'>): BatchFigures {
  const of = (s: LineStatus) => b.byStatus.find((x) => x.status === s) ?? { n: 0, fen: 0, confirmed: 0 };
  return {
    pending: { n: of('pending').n, fen: of('pending').fen },
    paid: { n: of('paid').n, fen: of('paid').fen },
    confirmed: of('paid').confirmed,
    returned: { n: of('failed').n, fen: of('failed').fen },
    dropped: of('dropped').n,
  };
}

/** 行李箱×1、书包×2; empty when the line carries no goods. */
export function inKindText(items: PaymentLine['inKindItems']): string {
  return (items ?? []).map((i) => `${i.item}×${i.quantity}`).join('、');
}

/** A problem of the bank's result file: '第3行 处理结果：“待定”不是…'; a problem of the whole file by its message alone. */
export function resultIssueText(issue: FieldIssue): string {
  if (issue.field === 'body' || issue.field === 'file' || !issue.field) return issue.message;
  return `${issue.field.replace('.', ' ')}：${issue.message}`;
}

type PaymentReason = Exclude<keyof typeof zhPayments.errors, 'notFound'>;
const isPaymentReason = (r: unknown): r is PaymentReason => typeof r === 'string' && r !== 'notFound' && Object.hasOwn(zhPayments.errors, r);

/** One line for the user, with the batch refusals (maker ≠ checker, status moved on, the fund short) in plain words. */
export function paymentErrorMessage(t: TFunction, err: unknown): string {
  if (isApiError(err) && isPaymentReason(err.details.reason)) return t(`payments.errors.${err.details.reason}`);
  if (isApiError(err) && err.code === 'NOT_FOUND') return t('payments.errors.notFound');
  return fundErrorMessage(t, err);
}
