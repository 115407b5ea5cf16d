import { Empty, Spin, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ContactMethod, ContactOutcome } from '../../../../contracts/campaigns.js';
import { formatDateTime } from '../../../shared/format.js';
import { codeLabel } from '../campaign-labels.js';
import { useContacts } from './reach.api.js';

const SMS_COLOR: Record<string, string> = { queued: 'processing', sent: 'success', failed: 'error' };
const OUTCOME_COLOR: Record<string, string> = { reached: 'green', unreachable: 'orange', declined: 'default' };

/** Every contact recorded with one student's family, newest first. */
export function ContactHistory({ campaignId, studentIdHash }: { campaignId: string; studentIdHash: string }) {
  const { t, i18n } = useTranslation();
  const { data, isLoading } = useContacts(campaignId, studentIdHash);
  if (isLoading) return <Spin size="small" />;
  if (!data?.items.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reach.history.empty')} />;
  return (
    <Timeline
      style={{ marginTop: 8 }}
      data-testid="reach-contact-history"
      items={data.items.map((c) => ({
        key: c.id,
        content: (
          <div>
            <Typography.Text strong>{c.contactedOn}</Typography.Text> {codeLabel(ContactMethod, c.method, i18n.language)}{' '}
            <Tag color={OUTCOME_COLOR[c.outcome]}>{codeLabel(ContactOutcome, c.outcome, i18n.language)}</Tag>
            {c.notificationStatus && <Tag color={SMS_COLOR[c.notificationStatus]}>{t(`reach.history.sms.${c.notificationStatus as 'queued' | 'sent' | 'failed'}`)}</Tag>}
            {c.note && <div>{c.note}</div>}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('reach.history.recordedBy', { name: c.recordedByName ?? '-', time: formatDateTime(c.recordedAt) })}
            </Typography.Text>
          </div>
        ),
      }))}
    />
  );
}
