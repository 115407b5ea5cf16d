import { HeartFilled, SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Grid, Result, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { formatYuan } from '../../../shared/format.js';
import { LanguageSwitch } from '../../../shared/LanguageSwitch.js';
import { usePublicDrive, usePublicThanks } from './donations.api.js';
import { DriveProgress } from './DriveProgress.js';

const FIRST_PAGE = 50;
const LARGEST_PAGE = 200;

/** A drive's public page (no sign-in), made for a phone: progress towards the goal and the masked thank-you list. */
export default function PublicDrivePage() {
  const { t } = useTranslation();
  const { driveId } = useParams();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  const [pageSize, setPageSize] = useState(FIRST_PAGE);
  const { data: drive, isLoading, error } = usePublicDrive(driveId);
  const thanks = usePublicThanks(drive ? driveId : undefined, pageSize);
  useEffect(() => {
    if (drive) document.title = drive.name;
  }, [drive]);

  if (isLoading)
    return (
      <div style={{ display: 'flex', justifyContent: 'center', padding: 80 }}>
        <Spin />
      </div>
    );
  if (error || !drive) return <Result status="404" title={t('donations.public.notFound')} />;

  const lines = thanks.data?.items ?? [];
  const total = thanks.data?.total ?? 0;
  return (
    <div style={{ minHeight: '100vh', background: '#f5f6f8' }} data-testid="public-drive">
      <div style={{ background: 'linear-gradient(135deg, #a8071a 0%, #f5222d 100%)', color: '#fff', padding: narrow ? '18px 16px 40px' : '28px 24px 48px' }}>
        <div style={{ maxWidth: 720, margin: '0 auto' }}>
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
            <span style={{ opacity: 0.9 }}>{t('donations.public.issuer', { org: drive.orgName })}</span>
            <LanguageSwitch size="small" />
          </div>
          <h1 style={{ color: '#fff', fontSize: narrow ? 22 : 28, margin: '12px 0 6px', letterSpacing: 1 }}>{drive.name}</h1>
          <Tag color={drive.status === 'open' ? 'gold' : 'default'} style={{ marginRight: 8 }}>
            {t(drive.status === 'open' ? 'donations.public.open' : 'donations.public.closed')}
          </Tag>
          <span style={{ opacity: 0.9, fontSize: 13 }}>{t('donations.public.period', { from: drive.startsOn, to: drive.endsOn })}</span>
        </div>
      </div>
      <div style={{ maxWidth: 720, margin: '0 auto', padding: narrow ? '0 12px 24px' : '0 24px 32px' }}>
        <Card style={{ marginTop: -28 }}>
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-end', gap: 12, flexWrap: 'wrap' }}>
            <div>
              <div style={{ color: 'rgba(0,0,0,0.55)' }}>{t('donations.public.raised')}</div>
              <div style={{ fontSize: narrow ? 28 : 34, fontWeight: 700, color: '#cf1322', lineHeight: 1.2 }} data-testid="public-raised">
                {formatYuan(drive.raisedFen)}
              </div>
            </div>
            <div style={{ textAlign: 'right', color: 'rgba(0,0,0,0.65)' }}>
              {t('donations.public.goal')} {formatYuan(drive.goalFen)}
            </div>
          </div>
          <DriveProgress percent={drive.progressPercent} showInfo={false} />
          <div style={{ display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: 8, color: 'rgba(0,0,0,0.65)' }}>
            <span data-testid="public-progress">{t('donations.public.progress', { percent: drive.progressPercent })}</span>
            <span data-testid="public-count">
              <HeartFilled style={{ color: '#f5222d' }} /> {t('donations.public.count', { count: drive.donationCount })}
            </span>
          </div>
          {drive.matchedFen > 0 && <Typography.Text type="secondary">{t('donations.public.matched', { amount: formatYuan(drive.matchedFen) })}</Typography.Text>}
          {drive.description && <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0, whiteSpace: 'pre-wrap', fontSize: 15 }}>{drive.description}</Typography.Paragraph>}
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 13 }}>
            {t('donations.public.fund', { fund: drive.fundName })}
          </Typography.Paragraph>
        </Card>

        <Card style={{ marginTop: 16 }} title={<span>{t('donations.public.thanksTitle')}</span>} data-testid="public-thanks">
          {lines.length === 0 ? (
            <Empty description={t('donations.public.thanksEmpty')} />
          ) : (
            lines.map((l, i) => (
              <div key={i} style={{ display: 'flex', justifyContent: 'space-between', gap: 12, padding: '10px 0', borderTop: i ? '1px solid #f0f0f0' : undefined }} data-testid="thanks-line">
                <div style={{ minWidth: 0 }}>
                  <Typography.Text strong style={{ fontSize: 15 }}>
                    {l.donorName ?? t('donations.public.anonymous')}
                  </Typography.Text>
                  {l.donorUnit && (
                    <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 13 }}>
                      {l.donorUnit}
                    </Typography.Text>
                  )}
                  <div style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12 }}>{l.receivedOn}</div>
                </div>
                <Typography.Text strong style={{ color: '#cf1322', whiteSpace: 'nowrap' }}>
                  {formatYuan(l.amountFen)}
                </Typography.Text>
              </div>
            ))
          )}
          {lines.length < total && pageSize < LARGEST_PAGE && (
            <Button block type="link" loading={thanks.isFetching} onClick={() => setPageSize(LARGEST_PAGE)}>
              {t('donations.public.more')}
            </Button>
          )}
        </Card>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12, textAlign: 'center' }}>
          <SafetyCertificateOutlined /> {t('donations.public.privacy')}
        </Typography.Paragraph>
      </div>
    </div>
  );
}
