import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { ApiError } from '../../../shared/api.js';
import { formatHours, retryMinutes } from './consultation-view.js';

const t = ((key: string, v: Record<string, number>) => (key.endsWith('daysHours') ? `${v.days}d${v.hours}h` : key.endsWith('minutes') ? `${v.minutes}min` : `${v.hours}h`)) as unknown as TFunction;

describe('consultation view helpers', () => {
  it('shows a wait in minutes under an hour, hours under two days (one decimal under ten), days and hours beyond', () => {
    expect(formatHours(t, null)).toBe('-');
    expect(formatHours(t, 0)).toBe('0min');
    expect(formatHours(t, 0.4)).toBe('24min');
    expect(formatHours(t, 2.34)).toBe('2.3h');
    expect(formatHours(t, 12.6)).toBe('13h');
    expect(formatHours(t, 47.9)).toBe('48h');
    expect(formatHours(t, 76)).toBe('3d4h');
  });

  it('reads the minutes to wait from a 429, at least one', () => {
    expect(retryMinutes(new ApiError(429, 'LIMIT_EXCEEDED', 'x', { retryAfterSeconds: 61 }))).toBe(2);
    expect(retryMinutes(new ApiError(429, 'LIMIT_EXCEEDED', 'x', { retryAfterSeconds: 5 }))).toBe(1);
    expect(retryMinutes(new Error('x'))).toBe(10);
  });
});
