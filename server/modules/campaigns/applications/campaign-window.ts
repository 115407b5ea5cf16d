import { preconditionFailed } from '../../../platform/errors.js';
import type { CampaignWithProgram } from '../campaigns.queries.js';

/** Applications are made and submitted only while the campaign is open and its window runs. */
export function assertAcceptingApplications(c: CampaignWithProgram, today: string) {
  if (c.programKind !== 'per_student') throw preconditionFailed('lump_sum_program', 'a lump-sum program takes no applications; build its batch instead');
  if (c.status !== 'open') throw preconditionFailed('campaign_not_open', `the campaign is ${c.status}`, { status: c.status });
  if (today < c.applyFrom || today > c.applyTo) throw preconditionFailed('outside_window', `applications are taken from ${c.applyFrom} to ${c.applyTo}`, { applyFrom: c.applyFrom, applyTo: c.applyTo });
}
