import { SendOutlined } from '@ant-design/icons';
import { Button, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Education } from '../../../../contracts/employment.js';
import { codeLabel } from '../../../shared/code-labels.js';
import { MatchTags } from './MatchTags.js';
import { ReferModal } from './ReferModal.js';
import { ReferralStatusTag } from './SeekerStatusTag.js';
import { monthlyYuan, regionLabel } from './seeker-view.js';
import { usePostingMatches, type SeekerMatch } from './seekers.api.js';

/**
 * 匹配求职者: the tab a posting's staff page mounts (for users with job.match). Seekers of the
 * user's subtree ranked for the posting, hardship families first for a pledged enterprise, with
 * 匹配项 and 推荐. `referable`: the posting is published and still valid.
 */
export function PostingMatchesTab({ postingId, postingTitle, referable = true }: { postingId: string; postingTitle: string; referable?: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { data, isLoading } = usePostingMatches(postingId);
  const [referring, setReferring] = useState<string | null>(null);
  return (
    <>
      <Typography.Paragraph type="secondary">{t('seekers.matches.postingHint')}</Typography.Paragraph>
      <Table<SeekerMatch>
        rowKey="id"
        loading={isLoading}
        dataSource={data?.items ?? []}
        pagination={false}
        size="middle"
        scroll={{ x: 1040 }}
        locale={{ emptyText: t('seekers.matches.seekersEmpty') }}
        data-testid="posting-matches"
        onRow={(s) => ({ 'data-testid': `posting-match-${s.id}` }) as object}
        columns={[
          {
            title: t('seekers.matches.seeker'),
            dataIndex: 'name',
            width: 200,
            render: (v: string, s) => (
              <Space direction="vertical" size={2}>
                <Space size={4}>
                  <Link to={`/job-seekers/${s.id}`}>{v}</Link>
                  {s.hardship && <Tag color="orange">{t('seekers.hardshipTag')}</Tag>}
                </Space>
                <Typography.Text type="secondary" className="uh-mono" style={{ fontSize: 12 }}>
                  {s.idNumberMasked}
                </Typography.Text>
              </Space>
            ),
          },
          { title: t('seekers.fields.education'), dataIndex: 'education', width: 120, render: (v: string) => codeLabel(Education, v, lang) },
          {
            title: t('seekers.fields.wishedRegion'),
            key: 'wish',
            width: 160,
            render: (_: unknown, s) => [regionLabel(s.wishedRegion, i18n.language), s.wishedSalaryFen === null ? null : t('seekers.salaryWish', { amount: monthlyYuan(s.wishedSalaryFen) })].filter(Boolean).join(' · '),
          },
          { title: t('seekers.matches.score'), dataIndex: 'score', width: 72, align: 'right', render: (v: number) => <span className="uh-mono">{v}</span> },
          { title: t('seekers.matches.criteria'), key: 'criteria', render: (_: unknown, s) => <MatchTags matched={s.matched} missed={s.missed} skillsFound={s.skillsFound} /> },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 96,
            render: (_: unknown, s) =>
              s.referral ? (
                <ReferralStatusTag status={s.referral.status} />
              ) : (
                <Button size="small" type="primary" icon={<SendOutlined />} disabled={!referable} onClick={() => setReferring(s.id)} data-testid="posting-match-refer">
                  {t('seekers.matches.refer')}
                </Button>
              ),
          },
        ]}
      />
      <ReferModal seekerId={referring ?? ''} posting={referring ? { id: postingId, title: postingTitle } : null} onClose={() => setReferring(null)} />
    </>
  );
}
