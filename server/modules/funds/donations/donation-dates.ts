import type { Ctx } from '../../../platform/context.js';
import { assertBookableDay } from '../booking-dates.js';

/** A gift is recorded once it has come in: its date may not be later than today (China time), nor before the books begin. */
export function assertReceived(ctx: Ctx, receivedOn: string) {
  assertBookableDay(ctx, 'body.receivedOn', receivedOn, { future: 'a date still to come: record a gift once it has been received' });
}
