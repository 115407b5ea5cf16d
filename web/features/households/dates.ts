import { formatDate } from '../../shared/format.js';

/** Today's date in China ('YYYY-MM-DD'), whatever the browser's zone: the server's notion of "today". */
export function chinaToday(): string {
  return formatDate(new Date());
}

function dayNumber(ymd: string): number {
  const [y, m, d] = ymd.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** Whole days from China's today to the date (negative when past). */
export function daysUntil(ymd: string): number {
  return dayNumber(ymd) - dayNumber(chinaToday());
}
