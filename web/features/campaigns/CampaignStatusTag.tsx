import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { CampaignStatus } from '../../../contracts/campaigns.js';
import { codeLabel } from './campaign-labels.js';

const COLORS = { draft: 'default', open: 'green', closed: 'orange' } as const;

export function CampaignStatusTag({ status }: { status: 'draft' | 'open' | 'closed' }) {
  const { i18n } = useTranslation();
  return <Tag color={COLORS[status]}>{codeLabel(CampaignStatus, status, i18n.language)}</Tag>;
}
