import dayjs, { type Dayjs } from 'dayjs';
import { formatDate } from './format.js';

/** Today's date in China (Asia/Shanghai) as 'YYYY-MM-DD', whatever the browser's time zone: the server's "today". */
export function chinaTodayYmd(now = new Date()): string {
  return formatDate(now);
}

/**
 * Today's date in China as a date picker's value. The server dates everything in China time and
 * refuses, say, a placement "before the referral" when a browser in another zone is still on
 * yesterday (after 16:00 UTC): use it for defaults and "not in the future" limits, never dayjs().
 */
export function chinaToday(): Dayjs {
  return dayjs(chinaTodayYmd());
}
