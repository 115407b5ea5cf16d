import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { ApiError } from '../../../shared/api.js';
import { batchPhase, batchProgressLine, confirmBlock, lumpSumErrorMessage } from './batch-view.js';
import type { LumpSumBatch } from './lump-sum.api.js';

const t = ((key: string, o?: Record<string, unknown>) => (o ? `${key} ${JSON.stringify(o)}` : key)) as unknown as TFunction;
const batch = (over: Partial<LumpSumBatch> = {}): LumpSumBatch => ({
  id: 'b', campaignId: 'c', campaignName: '特别慰问金', orgId: 'o', orgName: '组织B', status: 'previewed', confirming: false, rulesVersion: 1,
  householdCount: 200, excludedCount: 5, totalFen: 20000000, createdByName: 'x', createdAt: '', confirmedAt: null, note: null,
  jobId: 'j', jobState: 'succeeded', confirmJobId: null, confirmJobState: null, progress: null, error: null, builtByMe: false, ...over,
});

describe('batch view', () => {
  it('calls a previewed batch with a confirmer "confirming"', () => {
    expect(batchPhase(batch())).toBe('previewed');
    expect(batchPhase(batch({ confirming: true }))).toBe('confirming');
    expect(batchPhase(batch({ status: 'confirmed' }))).toBe('confirmed');
  });

  it('shows the build’s and the confirm’s progress, and why a batch stopped', () => {
    expect(batchProgressLine(t, batch({ status: 'building', jobState: 'queued' }))?.text).toBe('lumpSum.build.queued');
    expect(batchProgressLine(t, batch({ status: 'building', jobState: 'running', progress: { households: 1200 } }))?.text).toContain('"done":1200');
    expect(batchProgressLine(t, batch({ confirming: true, progress: { grants: 50 } }))).toMatchObject({ percent: 25 });
    expect(batchProgressLine(t, batch({ confirming: true, progress: { grants: 200 } }))?.percent).toBe(99);
    expect(batchProgressLine(t, batch({ status: 'failed', error: '权限' }))).toMatchObject({ failed: true });
    expect(batchProgressLine(t, batch({ error: '其他批次' }))?.text).toContain('confirmFailed');
    expect(batchProgressLine(t, batch())).toBeNull();
  });

  it('lets only another manager confirm a previewed batch', () => {
    expect(confirmBlock(batch(), true)).toBeNull();
    expect(confirmBlock(batch({ builtByMe: true }), true)).toBe('built_by_me');
    expect(confirmBlock(batch(), false)).toBe('not_allowed');
    expect(confirmBlock(batch({ confirming: true }), true)).toBe('not_allowed');
    expect(confirmBlock(batch({ status: 'confirmed' }), true)).toBe('not_allowed');
  });

  it('names the batch refusals in plain words', () => {
    expect(lumpSumErrorMessage(t, new ApiError(409, 'CONFLICT', 'x', { reason: 'rules_changed' }))).toBe('lumpSum.errors.rules_changed');
    expect(lumpSumErrorMessage(t, new ApiError(403, 'FORBIDDEN', 'x', { reason: 'maker_checker' }))).toBe('lumpSum.errors.maker_checker');
  });
});
