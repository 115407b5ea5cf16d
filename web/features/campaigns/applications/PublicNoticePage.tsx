import { InfoCircleOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Card, Empty, Grid, Result, Spin, Table, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { SchoolStage } from '../../../../contracts/households.js';
import { formatYuan } from '../../../shared/format.js';
import { LanguageSwitch } from '../../../shared/LanguageSwitch.js';
import { codeLabel } from '../campaign-labels.js';
import { usePublicNotice, type PublicNoticeLine } from './applications.api.js';

/** The notice period the lines share (the earliest start, the latest end). */
function period(lines: PublicNoticeLine[]) {
  const starts = lines.map((l) => l.noticeStartsOn).filter((d): d is string => !!d).sort();
  const ends = lines.map((l) => l.noticeEndsOn).filter((d): d is string => !!d).sort();
  return starts.length && ends.length ? { from: starts[0], to: ends[ends.length - 1] } : null;
}

/** 公示名单: the students in a campaign's public notice, names and IDs masked, for anyone to read and object to; no sign-in. */
export default function PublicNoticePage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { campaignId } = useParams();
  const screens = Grid.useBreakpoint();
  const { data, isLoading, error } = usePublicNotice(campaignId);
  const narrow = !screens.md;
  const title = data ? `${data.campaign.name} ${t('applications.publicNotice.title')}` : t('applications.publicNotice.title');
  useEffect(() => {
    document.title = title;
  }, [title]);

  if (isLoading)
    return (
      <div style={{ display: 'flex', justifyContent: 'center', padding: 80 }}>
        <Spin />
      </div>
    );
  if (error || !data) return <Result status="404" title={t('applications.publicNotice.notFound')} />;

  const p = period(data.lines);
  const stage = (s: string) => codeLabel(SchoolStage, s, lang);
  return (
    <div style={{ minHeight: '100vh', background: '#f5f6f8' }} data-testid="public-notice">
      <div style={{ background: 'linear-gradient(135deg, #a8071a 0%, #cf1322 100%)', color: '#fff', padding: narrow ? '20px 16px 24px' : '28px 24px 32px' }}>
        <div style={{ maxWidth: 960, margin: '0 auto' }}>
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
            <span style={{ opacity: 0.9 }}>{t('applications.publicNotice.issuer', { org: data.campaign.orgName })}</span>
            <LanguageSwitch size="small" />
          </div>
          <h1 style={{ color: '#fff', fontSize: narrow ? 22 : 28, margin: '12px 0 4px', letterSpacing: 1 }}>
            {data.campaign.name} {t('applications.publicNotice.title')}
          </h1>
          {p && <div style={{ opacity: 0.95 }}>{t('applications.publicNotice.period', p)}</div>}
        </div>
      </div>
      <div style={{ maxWidth: 960, margin: '0 auto', padding: narrow ? 12 : 24 }}>
        <Card style={{ marginTop: narrow ? -8 : -16 }}>
          <Typography.Paragraph style={{ fontSize: 15 }}>{t('applications.publicNotice.intro', { campaign: data.campaign.name })}</Typography.Paragraph>
          <Typography.Paragraph strong data-testid="public-notice-count">
            {t('applications.publicNotice.count', { count: data.total, amount: formatYuan(data.totalAmountFen) })}
          </Typography.Paragraph>
          {data.lines.length === 0 ? (
            <Empty description={t('applications.publicNotice.empty')} />
          ) : narrow ? (
            <div data-testid="public-notice-cards">
              {data.lines.map((l, i) => (
                <div key={`${l.studentId}-${i}`} style={{ padding: '10px 0', borderTop: i ? '1px solid #f0f0f0' : undefined }}>
                  <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                    <Typography.Text strong style={{ fontSize: 16 }}>
                      {l.studentName}
                    </Typography.Text>
                    <Typography.Text strong style={{ color: '#a8071a' }}>
                      {l.amountFen === null ? '' : formatYuan(l.amountFen)}
                    </Typography.Text>
                  </div>
                  <div className="uh-mono" style={{ color: 'rgba(0,0,0,0.65)' }}>
                    {l.studentId}
                  </div>
                  <div style={{ color: 'rgba(0,0,0,0.65)', fontSize: 13 }}>
                    {l.schoolName} · {stage(l.schoolStage)}
                  </div>
                  <div style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12 }}>{l.orgName}</div>
                </div>
              ))}
            </div>
          ) : (
            <Table<PublicNoticeLine>
              size="small"
              rowKey={(l) => `${l.studentId}-${l.orgName}-${l.schoolName}`}
              dataSource={data.lines}
              pagination={data.lines.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
              data-testid="public-notice-table"
              columns={[
                { title: '#', width: 56, render: (_, __, i) => i + 1 },
                { title: t('applications.publicNotice.columns.name'), dataIndex: 'studentName', width: 90 },
                { title: t('applications.publicNotice.columns.id'), dataIndex: 'studentId', width: 190, render: (v: string) => <span className="uh-mono">{v}</span> },
                { title: t('applications.publicNotice.columns.org'), dataIndex: 'orgName' },
                { title: t('applications.publicNotice.columns.school'), dataIndex: 'schoolName' },
                { title: t('applications.publicNotice.columns.stage'), dataIndex: 'schoolStage', width: 80, render: stage },
                { title: t('applications.publicNotice.columns.amount'), dataIndex: 'amountFen', width: 120, align: 'right', render: (v: number | null) => (v === null ? '' : formatYuan(v)) },
              ]}
            />
          )}
        </Card>
        <Alert
          style={{ marginTop: 16 }}
          type="warning"
          showIcon
          icon={<InfoCircleOutlined />}
          title={t('applications.publicNotice.objectTitle')}
          description={t('applications.publicNotice.objectText', { org: data.campaign.orgName })}
          data-testid="public-notice-object"
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12, textAlign: 'center' }}>
          <SafetyCertificateOutlined /> {t('applications.publicNotice.privacy')}
        </Typography.Paragraph>
      </div>
    </div>
  );
}
