import type { Ctx } from '../../platform/context.js';
import { chinaDate } from '../../platform/dates.js';
import { validation } from '../../platform/errors.js';

/**
 * The first day of the books: a statement without dates starts here, so a movement dated earlier (a
 * slip such as 1900 for 2021) would sit in every statement's opening balance instead of its rows.
 */
export const FIRST_BOOKING_DAY = '2000-01-01';

/**
 * A movement is booked once it has happened: dated neither after today (China time; a statement
 * without dates ends today and would leave it out while the balance holds it) nor before the books begin.
 */
export function assertBookableDay(ctx: Ctx, field: string, day: string, messages: { future?: string } = {}) {
  if (day > chinaDate(ctx.clock.now())) throw validation([{ field, message: messages.future ?? 'a date still to come: book a movement once it has happened' }]);
  if (day < FIRST_BOOKING_DAY) throw validation([{ field, message: `a date before ${FIRST_BOOKING_DAY}, when the books begin` }]);
}

/** A period of the query string never ends before it starts (either end may be open); the end named is the one the user gave. */
export function assertPeriodInOrder(period: { from?: string; to?: string }, given: { to?: string } = period) {
  if (period.from && period.to && period.from > period.to) throw validation([{ field: given.to ? 'querystring.to' : 'querystring.from', message: 'the period ends before it starts' }]);
}

/** A statement's period: from the first booking day to today unless given, and never ending before it starts. */
export function statementPeriod(ctx: Ctx, q: { from?: string; to?: string }) {
  const period = { from: q.from ?? FIRST_BOOKING_DAY, to: q.to ?? chinaDate(ctx.clock.now()) };
  assertPeriodInOrder(period, q);
  return period;
}
