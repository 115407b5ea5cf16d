import type { TFunction } from 'i18next';
import { isApiError } from '../../../shared/api.js';
import { errorMessage } from '../../../shared/errors.js';
import { formatYuan } from '../../../shared/format.js';
import zhLumpSum from '../../../shared/locales/campaigns/lumpSum.zh-CN.js';
import type { LumpSumBatch } from './lump-sum.api.js';

export type BatchPhase = keyof typeof zhLumpSum.status;

/** What a batch is doing, as the page shows it: a previewed batch with a confirmer is being confirmed. */
export function batchPhase(b: Pick<LumpSumBatch, 'status' | 'confirming'>): BatchPhase {
  return b.status === 'previewed' && b.confirming ? 'confirming' : b.status;
}

/** antd's preset tag text is too light on its soft background for WCAG AA: darker text for these. */
export const TAG_TEXT: Record<string, string> = { gold: '#874d00', green: '#135200', red: '#a8071a', orange: '#873800' };

export const PHASE_COLOR: Record<BatchPhase, string> = {
  building: 'processing',
  previewed: 'gold',
  confirming: 'processing',
  confirmed: 'green',
  discarded: 'default',
  failed: 'red',
};

/** The line under a batch at work or stopped: its job's progress, or why it stopped. Null when there is nothing to say. */
export function batchProgressLine(t: TFunction, b: LumpSumBatch): { text: string; percent?: number; failed?: boolean } | null {
  const phase = batchPhase(b);
  if (phase === 'building') return { text: b.jobState === 'queued' ? t('lumpSum.build.queued') : t('lumpSum.build.running', { done: b.progress?.households ?? 0 }) };
  if (phase === 'confirming') {
    const done = b.progress?.grants ?? 0;
    return { text: t('lumpSum.detail.confirming', { done, total: b.householdCount }), percent: b.householdCount ? Math.min(99, Math.floor((done * 100) / b.householdCount)) : 0 };
  }
  if (phase === 'failed') return { text: t('lumpSum.detail.failed', { error: b.error ?? '' }), failed: true };
  if (phase === 'previewed' && b.error) return { text: t('lumpSum.detail.confirmFailed', { error: b.error }), failed: true };
  return null;
}

/** Who may confirm: a person with campaign.manage other than the builder, on a previewed batch not being confirmed. */
export function confirmBlock(b: LumpSumBatch, canManage: boolean): 'not_allowed' | 'built_by_me' | null {
  if (!canManage || batchPhase(b) !== 'previewed') return 'not_allowed';
  return b.builtByMe ? 'built_by_me' : null;
}

export function confirmHint(t: TFunction, b: LumpSumBatch): string {
  return t('lumpSum.confirm.hint', { count: b.householdCount, total: formatYuan(b.totalFen) });
}

type LumpSumReason = keyof typeof zhLumpSum.errors;
const isLumpSumReason = (r: unknown): r is LumpSumReason => typeof r === 'string' && Object.hasOwn(zhLumpSum.errors, r);

/** One line for the user, with the batch refusals (stale preview, maker ≠ checker, one open batch) in plain words. */
export function lumpSumErrorMessage(t: TFunction, err: unknown): string {
  if (isApiError(err) && isLumpSumReason(err.details.reason)) return t(`lumpSum.errors.${err.details.reason}`);
  return errorMessage(t, err);
}
