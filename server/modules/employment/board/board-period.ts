import { JOB_STATS_DEFAULT_DAYS } from '../../../../contracts/jobs.js';
import { addDays } from '../../../platform/dates.js';

/** The period of the board's figures: as asked, else the last 30 days up to today (or up to the day asked). */
export function defaultPeriod(today: string, q: { from?: string; to?: string }) {
  const to = q.to ?? (q.from && q.from > today ? q.from : today);
  return { from: q.from ?? addDays(to, -(JOB_STATS_DEFAULT_DAYS - 1)), to };
}
