import type { Ctx } from '../../../platform/context.js';
import { chinaDate } from '../../../platform/dates.js';
import { validation } from '../../../platform/errors.js';

/** A gift is recorded once it has come in: its date may not be later than today (China time). */
export function assertReceived(ctx: Ctx, receivedOn: string) {
  if (receivedOn > chinaDate(ctx.clock.now())) throw validation([{ field: 'body.receivedOn', message: 'a date still to come: record a gift once it has been received' }]);
}
