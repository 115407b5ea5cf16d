import { preconditionFailed } from '../../../platform/errors.js';
import type { CampaignWithProgram } from '../campaigns.queries.js';

/** Reach (lists, contacts) is for per-student campaigns still running: a closed one takes no more applications. */
export function assertReachOpen(campaign: CampaignWithProgram) {
  if (campaign.programKind !== 'per_student') throw preconditionFailed('not_per_student', 'the worklist is for per-student programs');
  if (campaign.status === 'closed') throw preconditionFailed('campaign_closed', 'the campaign is closed');
}
