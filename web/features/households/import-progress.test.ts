import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api.js';
import zhCN from '../../shared/locales/zh-CN.js';
import { importDecisionErrorMessage } from './household-errors.js';
import { isImportFinished, type ImportJob } from './households.api.js';
import { progressOf } from './import-progress.js';

const job = (extra: Partial<ImportJob>): ImportJob => ({
  id: 'i1',
  orgId: 'o1',
  orgName: '中站区总工会',
  filename: 'a.xlsx',
  status: 'queued',
  jobId: 'j1',
  jobState: 'queued',
  queuePosition: 2,
  asArchived: false,
  totalRows: 0,
  processedRows: 0,
  importedHouseholds: 0,
  importedMembers: 0,
  errorCount: 0,
  message: null,
  createdBy: 'u1',
  createdAt: '2026-11-29T06:00:00.000Z',
  finishedAt: null,
  decidedBy: null,
  decidedAt: null,
  decisionReason: null,
  progress: null,
  errorsPreview: [],
  ...extra,
});

describe('import progress on the page', () => {
  it('stops polling once an import is settled, including awaiting approval, rejected and cancelled', () => {
    for (const status of ['succeeded', 'failed', 'awaiting_approval', 'rejected', 'cancelled'] as const) expect(isImportFinished(job({ status }))).toBe(true);
    for (const status of ['queued', 'validating', 'writing'] as const) expect(isImportFinished(job({ status }))).toBe(false);
    expect(isImportFinished(undefined)).toBe(false);
  });

  it('goes queued → validating → writing, and shows removing when a failed import is undone', () => {
    expect(progressOf(job({}))).toEqual({ percent: 3, phase: 'queued' });
    expect(progressOf(job({ status: 'validating', progress: null })).phase).toBe('validating');
    expect(progressOf(job({ status: 'validating', progress: { phase: 'validating', rowsRead: 400 } }))).toEqual({ percent: 12, phase: 'validating' });
    expect(progressOf(job({ status: 'writing', progress: { phase: 'writing', rowsRead: 10, totalHouseholds: 10, written: 5 } }))).toEqual({ percent: 72, phase: 'writing' });
    expect(progressOf(job({ status: 'writing', progress: { phase: 'removing', rowsRead: 10, totalHouseholds: 10, written: 10 } })).phase).toBe('removing');
  });
});

describe('refused import decisions', async () => {
  const t = (await i18next.createInstance().init({ lng: 'zh-CN', resources: { 'zh-CN': { translation: zhCN } } })) as never;
  it('says the importer cannot decide on their own import', () => {
    const err = new ApiError(403, 'FORBIDDEN', 'the importer cannot approve their own archive import', { reason: 'maker_checker' });
    expect(importDecisionErrorMessage(t, err)).toBe('不能审核自己提交的导入');
  });
  it('says when someone else decided first', () => {
    const err = new ApiError(409, 'CONFLICT', 'this import is not awaiting approval', { reason: 'import_not_awaiting_approval', status: 'succeeded' });
    expect(importDecisionErrorMessage(t, err)).toContain('已不在待审核状态');
  });
});
