import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { ApiError } from '../../../shared/api.js';
import { batchFigures, batchStep, executionHalted, inKindText, paymentErrorMessage, resultIssueText } from './payment-view.js';

const t = ((key: string, o?: Record<string, unknown>) => (o ? `${key} ${JSON.stringify(o)}` : key)) as unknown as TFunction;

describe('payment batch view', () => {
  it('puts a batch on its steps; a discarded one stops where it was, a failed one at the build', () => {
    expect(batchStep({ status: 'building', approvedAt: null })).toEqual({ current: 0, status: 'process' });
    expect(batchStep({ status: 'previewed', approvedAt: null })).toEqual({ current: 1, status: 'process' });
    expect(batchStep({ status: 'executing', approvedAt: 'x' })).toEqual({ current: 3, status: 'process' });
    expect(batchStep({ status: 'executed', approvedAt: 'x' })).toEqual({ current: 4, status: 'finish' });
    expect(batchStep({ status: 'discarded', approvedAt: null })).toEqual({ current: 1, status: 'error' });
    expect(batchStep({ status: 'discarded', approvedAt: 'x' })).toEqual({ current: 2, status: 'error' });
    expect(batchStep({ status: 'failed', approvedAt: null })).toEqual({ current: 0, status: 'error' });
  });

  it('tells an execution that stopped (approved, with a payment date) from a batch only approved', () => {
    expect(executionHalted({ status: 'approved', paidOn: null })).toBe(false);
    expect(executionHalted({ status: 'approved', paidOn: '2026-02-01' })).toBe(true);
    expect(executionHalted({ status: 'executed', paidOn: '2026-02-01' })).toBe(false);
  });

  it('reads the figures from the counts by status: bank-confirmed among the paid, returned as the failed', () => {
    const f = batchFigures({
      byStatus: [
        { status: 'paid', n: 5, fen: 500_000, confirmed: 5 },
        { status: 'failed', n: 1, fen: 100_000, confirmed: 1 },
      ],
    });
    expect(f).toEqual({ pending: { n: 0, fen: 0 }, paid: { n: 5, fen: 500_000 }, confirmed: 5, returned: { n: 1, fen: 100_000 }, dropped: 0 });
  });

  it('writes goods and result-file problems as staff read them', () => {
    expect(inKindText([{ item: '行李箱', quantity: 1 }, { item: '书包', quantity: 2 }])).toBe('行李箱×1、书包×2');
    expect(inKindText(null)).toBe('');
    expect(resultIssueText({ field: '第3行.处理结果', message: '未填写（成功/失败）' })).toBe('第3行 处理结果：未填写（成功/失败）');
    expect(resultIssueText({ field: 'body', message: '文件不是可读取的 .xlsx 工作簿' })).toBe('文件不是可读取的 .xlsx 工作簿');
  });

  it('says the batch refusals in plain words', () => {
    expect(paymentErrorMessage(t, new ApiError(403, 'FORBIDDEN', 'x', { reason: 'maker_checker' }))).toBe('payments.errors.maker_checker');
    expect(paymentErrorMessage(t, new ApiError(409, 'CONFLICT', 'x', { reason: 'insufficient_funds' }))).toBe('payments.errors.insufficient_funds');
    expect(paymentErrorMessage(t, new ApiError(409, 'CONFLICT', 'x', { reason: 'partly_paid' }))).toBe('payments.errors.partly_paid');
    expect(paymentErrorMessage(t, new ApiError(404, 'NOT_FOUND', 'x'))).toBe('payments.errors.notFound');
  });
});
