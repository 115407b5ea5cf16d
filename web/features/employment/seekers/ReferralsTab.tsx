import { Button, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format.js';
import { MatchTags } from './MatchTags.js';
import { OutcomeModal } from './OutcomeModal.js';
import { ReferralStatusTag } from './SeekerStatusTag.js';
import type { ReferralDto, SeekerDetail } from './seekers.api.js';

/** 推荐记录: the seeker's referrals, with 录用上岗 / 未录用 for those still open. */
export function ReferralsTab({ seeker }: { seeker: SeekerDetail }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<{ referral: ReferralDto; outcome: 'placed' | 'declined' } | null>(null);
  const anyOpen = seeker.referrals.some((r) => r.status === 'referred');
  return (
    <>
      <Table<ReferralDto>
        rowKey="id"
        dataSource={seeker.referrals}
        pagination={false}
        size="middle"
        scroll={{ x: anyOpen ? 1300 : 1110 }}
        locale={{ emptyText: t('seekers.referrals.empty') }}
        data-testid="seeker-referrals"
        onRow={(r) => ({ 'data-testid': `referral-${r.postingId}` }) as object}
        columns={[
          { title: t('seekers.referrals.posting'), dataIndex: 'postingTitle', width: 180 },
          { title: t('seekers.referrals.enterprise'), dataIndex: 'enterpriseName', width: 200 },
          { title: t('seekers.referrals.matchedOn'), dataIndex: 'matchedOn', width: 280, render: (v: string[]) => <MatchTags matched={v} /> },
          { title: t('seekers.referrals.referredAt'), dataIndex: 'referredAt', width: 140, render: (v: string) => formatDateTime(v) },
          { title: t('seekers.referrals.referredBy'), dataIndex: 'referredByName', width: 100 },
          { title: t('seekers.referrals.status'), dataIndex: 'status', width: 90, render: (v: string) => <ReferralStatusTag status={v} /> },
          { title: t('seekers.referrals.placedOn'), dataIndex: 'placedOn', width: 110, render: (v: string | null) => v ?? '' },
          {
            title: t('seekers.referrals.note'),
            dataIndex: 'note',
            width: 200,
            render: (v: string | null) => (
              <Typography.Text style={{ whiteSpace: 'pre-line' }} type="secondary">
                {v ?? ''}
              </Typography.Text>
            ),
          },
          ...(anyOpen
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 190,
                  render: (_: unknown, r: ReferralDto) =>
                    r.status === 'referred' && (
                      <Space size={4}>
                        <Button size="small" type="primary" disabled={seeker.status === 'placed'} onClick={() => setOpen({ referral: r, outcome: 'placed' })} data-testid="referral-place">
                          {t('seekers.referrals.place')}
                        </Button>
                        <Button size="small" onClick={() => setOpen({ referral: r, outcome: 'declined' })} data-testid="referral-decline">
                          {t('seekers.referrals.decline')}
                        </Button>
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
      />
      <OutcomeModal referral={open?.referral ?? null} outcome={open?.outcome ?? 'placed'} onClose={() => setOpen(null)} />
    </>
  );
}
