import { ArrowRightOutlined, ClockCircleOutlined } from '@ant-design/icons';
import { Empty, Space, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatYuan } from '../../../shared/format.js';
import { historyActionLabel } from './application-labels.js';
import { ApplicationStatusTag } from './ApplicationStatusTag.js';
import type { ApplicationEvent } from './applications.api.js';
import { amountChange } from './approval-steps.js';

const ACTION_COLOR: Record<string, string> = {
  return: 'orange',
  reject: 'red',
  withdraw: 'gray',
  objection: 'orange',
  approve_city: 'green',
  release: 'green',
  paid: 'green',
};

function EventDetails({ e }: { e: ApplicationEvent }) {
  const { t } = useTranslation();
  const lines: string[] = [];
  const change = amountChange(e);
  if (change) lines.push(t('applications.history.amountChanged', { from: formatYuan(change.previousAmountFen ?? 0), to: formatYuan(change.amountFen) }) + (change.reason ? `（${change.reason}）` : ''));
  if (typeof e.details?.approvedAmountFen === 'number') lines.push(t('applications.history.approvedAmount', { amount: formatYuan(e.details.approvedAmountFen) }));
  if (typeof e.details?.noticeStartsOn === 'string' && typeof e.details?.noticeEndsOn === 'string')
    lines.push(t('applications.history.noticePeriod', { from: e.details.noticeStartsOn, to: e.details.noticeEndsOn }));
  if (e.action === 'resolve_objection' && typeof e.details?.upheld === 'boolean') lines.push(t(e.details.upheld ? 'applications.detail.upheldYes' : 'applications.detail.upheldNo'));
  if (!lines.length) return null;
  return (
    <div style={{ marginTop: 2 }}>
      {lines.map((l) => (
        <Typography.Text key={l} type="secondary" style={{ display: 'block', fontSize: 13 }}>
          {l}
        </Typography.Text>
      ))}
    </div>
  );
}

/** The application's history, newest first: who did what, from which status to which, and why. */
export function ApplicationHistory({ events }: { events: ApplicationEvent[] }) {
  const { t } = useTranslation();
  const entries = [...events].reverse();
  if (!entries.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('applications.history.empty')} />;
  return (
    <Timeline
      data-testid="application-history"
      style={{ marginTop: 8 }}
      items={entries.map((e) => ({
        key: e.id,
        color: ACTION_COLOR[e.action] ?? 'blue',
        content: (
          <div style={{ paddingBottom: 4 }}>
            <Space size={8} wrap>
              <Typography.Text strong>{historyActionLabel(t, e.action)}</Typography.Text>
              {e.toStatus && e.fromStatus !== e.toStatus && (
                <Space size={4}>
                  {e.fromStatus && <ApplicationStatusTag status={e.fromStatus} />}
                  {e.fromStatus && <ArrowRightOutlined style={{ color: '#8c8c8c', fontSize: 12 }} />}
                  <ApplicationStatusTag status={e.toStatus} />
                </Space>
              )}
            </Space>
            {e.reason && (
              <div style={{ marginTop: 4 }}>
                <Typography.Text type="secondary">{t('applications.history.reason')}</Typography.Text>
                <span style={{ whiteSpace: 'pre-wrap' }}>{e.reason}</span>
              </div>
            )}
            <EventDetails e={e} />
            <div style={{ marginTop: 2 }}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                <ClockCircleOutlined /> {formatDateTime(e.at)} · {t('applications.history.actor')}
                <span className="uh-mono">{e.actorName ?? t('applications.history.system')}</span>
              </Typography.Text>
            </div>
          </div>
        ),
      }))}
    />
  );
}
