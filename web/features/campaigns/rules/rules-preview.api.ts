import { useMutation } from '@tanstack/react-query';
import type { CampaignRules, RulePreview } from '../../../../contracts/campaigns.js';
import { api } from '../../../shared/api.js';

/** POST /api/campaigns/:id/preview: the saved rules when `rules` is left out. Writes nothing, so nothing to invalidate. */
export function useRulePreview(campaignId: string) {
  return useMutation({
    mutationFn: (rules: CampaignRules | undefined) => api.post<RulePreview>(`/api/campaigns/${campaignId}/preview`, rules ? { rules } : {}),
  });
}
