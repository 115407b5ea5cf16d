import { SendOutlined } from '@ant-design/icons';
import { Button, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Education, PostingKind } from '../../../../contracts/employment.js';
import { codeLabel } from '../../../shared/code-labels.js';
import { MatchTags } from './MatchTags.js';
import { ReferModal } from './ReferModal.js';
import { ReferralStatusTag } from './SeekerStatusTag.js';
import { regionLabel, salaryRange } from './seeker-view.js';
import { useSeekerMatches, type PostingMatch, type SeekerDetail } from './seekers.api.js';

/** 匹配岗位: published postings ranked for the seeker, with 匹配项 and 推荐. */
export function SeekerMatchesTab({ seeker }: { seeker: SeekerDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { data, isLoading } = useSeekerMatches(seeker.id);
  const [referring, setReferring] = useState<{ id: string; title: string } | null>(null);
  const seeking = seeker.status === 'seeking';
  return (
    <>
      <Typography.Paragraph type="secondary">{t('seekers.matches.hint')}</Typography.Paragraph>
      {!seeking && <Typography.Paragraph type="warning">{t(seeker.status === 'inactive' ? 'seekers.matches.inactiveSeeker' : 'seekers.matches.placedSeeker')}</Typography.Paragraph>}
      <Table<PostingMatch>
        rowKey="postingId"
        loading={isLoading}
        dataSource={data?.items ?? []}
        pagination={false}
        size="middle"
        scroll={{ x: 1060 }}
        locale={{ emptyText: t('seekers.matches.empty') }}
        data-testid="seeker-matches"
        onRow={(p) => ({ 'data-testid': `seeker-match-${p.postingId}` }) as object}
        columns={[
          {
            title: t('seekers.matches.posting'),
            dataIndex: 'title',
            width: 250,
            render: (v: string, p) => (
              <Space direction="vertical" size={2}>
                <Typography.Text strong>{v}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {p.enterpriseName}
                </Typography.Text>
                {(p.kind !== 'regular' || p.priorityPledge) && (
                  <Space size={4} wrap>
                    {p.kind !== 'regular' && <Tag color="purple">{codeLabel(PostingKind, p.kind, lang)}</Tag>}
                    {p.priorityPledge && <Tag color="gold">{t('seekers.matches.pledge')}</Tag>}
                  </Space>
                )}
              </Space>
            ),
          },
          {
            title: t('seekers.matches.salary'),
            key: 'salary',
            width: 140,
            render: (_: unknown, p) => t('seekers.salaryRange', { range: salaryRange(p.salaryMinFen, p.salaryMaxFen) }),
          },
          {
            title: `${t('seekers.matches.region')} · ${t('seekers.matches.education')}`,
            key: 'where',
            width: 150,
            render: (_: unknown, p) => `${regionLabel(p.regionCode, i18n.language)} · ${codeLabel(Education, p.education, lang)}`,
          },
          { title: t('seekers.matches.score'), dataIndex: 'score', width: 72, align: 'right', render: (v: number) => <span className="uh-mono">{v}</span> },
          { title: t('seekers.matches.criteria'), key: 'criteria', render: (_: unknown, p) => <MatchTags matched={p.matched} missed={p.missed} skillsFound={p.skillsFound} /> },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 96,
            render: (_: unknown, p) =>
              p.referral ? (
                <ReferralStatusTag status={p.referral.status} />
              ) : (
                <Button size="small" type="primary" icon={<SendOutlined />} disabled={!seeking} onClick={() => setReferring({ id: p.postingId, title: p.title })} data-testid="match-refer">
                  {t('seekers.matches.refer')}
                </Button>
              ),
          },
        ]}
      />
      {data && data.items.length > 0 && (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }}>
          {t('seekers.matches.candidates', { count: data.candidates, shown: data.items.length })}
        </Typography.Text>
      )}
      <ReferModal seekerId={seeker.id} posting={referring} onClose={() => setReferring(null)} />
    </>
  );
}
