import { chinaTodayYmd } from '../../shared/china-today.js';

function dayNumber(ymd: string): number {
  const [y, m, d] = ymd.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** Whole days from China's today to the date (negative when past). */
export function daysUntil(ymd: string): number {
  return dayNumber(ymd) - dayNumber(chinaTodayYmd());
}
