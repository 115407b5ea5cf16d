import { lazy, Suspense } from 'react';
import type { CampaignRules } from '../../../../contracts/campaigns.js';
import { PageSpinner } from '../../../shared/PageSpinner.js';

// The preview panel (RulesPreviewPanel.tsx) is built beside the preview's server side.
const Panel = lazy(() => import('./RulesPreviewPanel.js'));

export function RulesPreview(props: { campaignId: string; rules?: CampaignRules }) {
  return (
    <Suspense fallback={<PageSpinner />}>
      <Panel {...props} />
    </Suspense>
  );
}
