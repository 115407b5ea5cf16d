import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ReferralStatus, SeekerStatus } from '../../../../contracts/employment.js';
import { codeLabel } from '../../../shared/code-labels.js';

const SEEKER_COLOR: Record<string, string> = { seeking: 'blue', placed: 'green', inactive: 'default' };
const REFERRAL_COLOR: Record<string, string> = { referred: 'processing', placed: 'success', declined: 'default' };

export function SeekerStatusTag({ status }: { status: string }) {
  const { i18n } = useTranslation();
  return <Tag color={SEEKER_COLOR[status] ?? 'default'}>{codeLabel(SeekerStatus, status, i18n.language)}</Tag>;
}

export function ReferralStatusTag({ status }: { status: string }) {
  const { i18n } = useTranslation();
  return (
    <Tag color={REFERRAL_COLOR[status] ?? 'default'} data-testid={`referral-status-${status}`}>
      {codeLabel(ReferralStatus, status, i18n.language)}
    </Tag>
  );
}
