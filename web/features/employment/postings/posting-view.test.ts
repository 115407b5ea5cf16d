import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { canClose, canEdit, chinaToday, monthlyYuan, salaryText, yuanToFen } from './posting-view.js';

const t = ((key: string, opts?: { range?: string }) => (key === 'jobs.salaryNegotiable' ? '面议' : `${opts?.range} 元/月`)) as unknown as TFunction;

describe('posting view helpers', () => {
  it('writes salaries as yuan a month, with separators, one figure or 面议', () => {
    expect(monthlyYuan(400_000)).toBe('4,000');
    expect(monthlyYuan(1_234_550)).toBe('12,345.50');
    expect(salaryText(t, 400_000, 600_000)).toBe('4,000–6,000 元/月');
    expect(salaryText(t, 500_000, 500_000)).toBe('5,000 元/月');
    expect(salaryText(t, 0, 0)).toBe('面议');
    expect(yuanToFen(4000)).toBe(400_000);
    expect(yuanToFen(undefined)).toBe(0);
  });

  it('knows what each status allows, and today in China', () => {
    expect(canEdit('returned')).toBe(true);
    expect(canEdit('submitted')).toBe(false);
    expect(canClose('published')).toBe(true);
    expect(canClose('expired')).toBe(false);
    expect(chinaToday(new Date('2026-03-01T17:00:00Z'))).toBe('2026-03-02');
  });
});

describe('postingErrorMessage', () => {
  it('names the status a posting is in when someone else dealt with it first', async () => {
    const { ApiError } = await import('../../../shared/api.js');
    const { postingErrorMessage } = await import('./posting-view.js');
    const echo = ((key: string, opts?: { status?: string }) => `${key}:${opts?.status}`) as unknown as TFunction;
    const err = new ApiError(409, 'CONFLICT', 'a posting in status published cannot be rejected', { reason: 'status', status: 'published' });
    expect(postingErrorMessage(echo, err)).toBe('jobs.detail.statusChanged:已发布');
  });
});
