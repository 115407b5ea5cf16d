import { ArrowLeftOutlined, CopyOutlined, ExportOutlined, PlusOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Result, Row, Space, Statistic, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatYuan } from '../../../shared/format.js';
import { PageHeader } from '../../../shared/PageHeader.js';
import { PageSpinner } from '../../../shared/PageSpinner.js';
import { useCan } from '../../../shared/session.js';
import { useReportError } from '../../../shared/useReportError.js';
import { BatchEntryPanel } from './BatchEntryPanel.js';
import { donationErrorMessage } from './donation-errors.js';
import { DonationModal } from './DonationModal.js';
import { DonationsTab } from './DonationsTab.js';
import { useDrive, useUpdateDrive } from './donations.api.js';
import { DriveProgress } from './DriveProgress.js';

/** A drive: its progress (from the ledger), the gifts with their receipts, one gift or a collective batch. */
export default function DriveDetailPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const can = useCan();
  const { id } = useParams();
  const { data: drive, isLoading, error } = useDrive(id);
  const update = useUpdateDrive(id ?? '');
  const reportError = useReportError(donationErrorMessage);
  const [recording, setRecording] = useState(false);
  const [tab, setTab] = useState('donations');
  if (isLoading) return <PageSpinner />;
  if (error || !drive) return <Result status="warning" title={donationErrorMessage(t, error)} extra={<Link to="/donation-drives">{t('donations.detail.back')}</Link>} />;

  const publicPath = `/donate/${drive.id}`;
  const setStatus = (status: 'open' | 'closed') => {
    const run = async () => {
      try {
        await update.mutateAsync({ status });
        void message.success(t(status === 'closed' ? 'donations.detail.closed' : 'donations.detail.reopened'));
      } catch (err) {
        reportError(err);
      }
    };
    if (status === 'closed') modal.confirm({ title: t('donations.detail.closeConfirm'), onOk: run });
    else void run();
  };
  const copyLink = async () => {
    await navigator.clipboard?.writeText(new URL(publicPath, window.location.origin).toString());
    void message.success(t('donations.detail.linkCopied'));
  };
  const poster = can('fund.post');
  const open = drive.status === 'open';

  return (
    <>
      <div style={{ marginBottom: 8 }}>
        <Link to="/donation-drives">
          <ArrowLeftOutlined /> {t('donations.detail.back')}
        </Link>
      </div>
      <PageHeader
        title={
          <Space>
            {drive.name}
            <Tag color={open ? 'red' : 'default'}>{t(`donations.status.${drive.status}`)}</Tag>
          </Space>
        }
        description={`${drive.orgName} · ${drive.fundName}`}
        extra={
          <Space wrap>
            <Button icon={<ExportOutlined />} href={publicPath} target="_blank" data-testid="drive-public-link">
              {t('donations.detail.publicPage')}
            </Button>
            <Button icon={<CopyOutlined />} onClick={() => void copyLink()}>
              {t('donations.detail.copyLink')}
            </Button>
            {poster &&
              (open ? (
                <Button icon={<StopOutlined />} onClick={() => setStatus('closed')} data-testid="drive-close">
                  {t('donations.detail.close')}
                </Button>
              ) : (
                <Button icon={<UndoOutlined />} onClick={() => setStatus('open')} data-testid="drive-reopen">
                  {t('donations.detail.reopen')}
                </Button>
              ))}
            {poster && open && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)} data-testid="donation-new">
                {t('donations.donation.record')}
              </Button>
            )}
          </Space>
        }
      />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={12}>
          <Card size="small" style={{ height: '100%' }}>
            <Statistic title={t('donations.fields.raised')} value={formatYuan(drive.raisedFen)} valueStyle={{ color: '#cf1322' }} data-testid="drive-raised" />
            <DriveProgress percent={drive.progressPercent} />
            <Typography.Text type="secondary">{t('donations.detail.goalOf', { goal: formatYuan(drive.goalFen) })}</Typography.Text>
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card size="small" style={{ height: '100%' }}>
            <Statistic title={t('donations.fields.count')} value={t('donations.detail.countValue', { count: drive.donationCount })} data-testid="drive-count" />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card size="small" style={{ height: '100%' }}>
            <Statistic title={t('donations.fields.matched')} value={formatYuan(drive.matchedFen)} />
          </Card>
        </Col>
      </Row>
      <Card style={{ marginBottom: 16 }} size="small">
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('donations.fields.dates')}>
            {drive.startsOn} ~ {drive.endsOn}
          </Descriptions.Item>
          <Descriptions.Item label={t('donations.fields.fund')}>
            <Link to={`/funds/${drive.fundId}`}>{drive.fundName}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('donations.fields.org')}>{drive.orgName}</Descriptions.Item>
          {drive.description && (
            <Descriptions.Item label={t('donations.fields.description')} span={3}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{drive.description}</span>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      {!open && <Alert type="info" showIcon title={t('donations.detail.closedHint')} style={{ marginBottom: 16 }} />}
      <Card>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'donations', label: t('donations.tabs.donations'), children: <DonationsTab drive={drive} /> },
            ...(poster && open ? [{ key: 'batch', label: <span data-testid="tab-batch">{t('donations.tabs.batch')}</span>, children: <BatchEntryPanel drive={drive} /> }] : []),
          ]}
        />
      </Card>
      <DonationModal drive={drive} open={recording} onClose={() => setRecording(false)} />
    </>
  );
}
