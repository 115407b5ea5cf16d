import { and, gte, like, lt, max, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.js';
import { consultations } from '../../../db/schema/index.js';
import { addDays, chinaDate } from '../../../platform/dates.js';

// Any fixed number: the transaction-level advisory lock that queues the day's ticket numbering.
const TICKET_LOCK = 0x2c5e_1235;

/**
 * The next ticket number of the China day: ZX + YYYYMMDD + five digits (ZX2026112900012). Taken under a
 * transaction-level advisory lock, so concurrent questions queue for a moment and each sees the number
 * the previous one took; the unique index on ticket_no is the database's guarantee behind it.
 */
export async function nextTicketNo(tx: Tx, now: Date): Promise<string> {
  await tx.execute(sql`select pg_advisory_xact_lock(${TICKET_LOCK})`);
  const prefix = (date: string) => `ZX${date.replaceAll('-', '')}`;
  const today = chinaDate(now);
  const day = prefix(today);
  // The range reads the unique index; the LIKE keeps it exact under any collation.
  const [{ last }] = await tx
    .select({ last: max(consultations.ticketNo) })
    .from(consultations)
    .where(and(gte(consultations.ticketNo, day), lt(consultations.ticketNo, prefix(addDays(today, 1))), like(consultations.ticketNo, `${day}%`)));
  const seq = last ? Number(last.slice(day.length)) + 1 : 1;
  if (seq > 99_999) throw new Error('more than 99,999 questions in one day');
  return `${day}${String(seq).padStart(5, '0')}`;
}
