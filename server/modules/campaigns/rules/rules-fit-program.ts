import type { CampaignRules } from '../../../../contracts/campaigns.js';
import { validation } from '../../../platform/errors.js';

/** A per-student program needs stages and amounts; a lump-sum program needs its one amount per household. */
export function assertRulesFitProgram(kind: string, rules: CampaignRules) {
  if (kind === 'per_student' && rules.stages.length === 0) throw validation([{ field: 'body.rules.stages', message: 'a per-student program covers at least one school stage' }]);
  if (kind === 'per_household' && (rules.householdAmountFen === null || rules.householdAmountFen <= 0))
    throw validation([{ field: 'body.rules.householdAmountFen', message: 'a lump-sum program needs the amount per household' }]);
}
