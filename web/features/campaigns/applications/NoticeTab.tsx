import { CopyOutlined, ExportOutlined, NotificationOutlined, SendOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, InputNumber, Modal, Popconfirm, Space, Spin, Statistic, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ApplicationStatus } from '../../../../contracts/campaigns.js';
import { SchoolStage } from '../../../../contracts/households.js';
import { formatDate, formatYuan } from '../../../shared/format.js';
import { useCan } from '../../../shared/session.js';
import { codeLabel } from '../campaign-labels.js';
import type { CampaignDto } from '../campaigns.api.js';
import { useReportApplicationError } from './application-errors.js';
import { ApplicationStepModal, type ModalAction } from './ApplicationStepModal.js';
import { useApplication, useApplications, useReleaseNotice, useStartNotice, type ApplicationListItem, type ApplicationObjection } from './applications.api.js';
import { noticeDaysLeft } from './notice-dates.js';

const PAGE_SIZE = 50;

function useStatusList(campaignId: string, status: ApplicationStatus) {
  const [page, setPage] = useState(1);
  const query = useApplications({ campaignId, status: [status], page, pageSize: PAGE_SIZE, sort: 'applicationNo', order: 'asc' });
  const pagination: TableProps<ApplicationListItem>['pagination'] = { current: page, pageSize: PAGE_SIZE, total: query.data?.total ?? 0, onChange: setPage, showSizeChanger: false, hideOnSinglePage: true };
  return { ...query, pagination };
}

function useBaseColumns(): NonNullable<TableProps<ApplicationListItem>['columns']> {
  const { t, i18n } = useTranslation();
  return [
    { title: t('applications.fields.applicationNo'), dataIndex: 'applicationNo', width: 150, render: (v: string, a) => <Link to={`/applications/${a.id}`} className="uh-mono">{v}</Link> },
    { title: t('applications.fields.student'), dataIndex: 'studentName', width: 90 },
    { title: t('applications.fields.org'), dataIndex: 'orgName', width: 160, ellipsis: { showTitle: true } },
    { title: t('applications.fields.school'), dataIndex: 'schoolName', width: 160, ellipsis: { showTitle: true } },
    { title: t('applications.fields.schoolStage'), dataIndex: 'schoolStage', width: 76, render: (v: string) => codeLabel(SchoolStage, v, i18n.language) },
    { title: t('applications.fields.approvedAmount'), dataIndex: 'approvedAmountFen', width: 116, align: 'right', render: (v: number | null, a) => formatYuan(v ?? a.amountFen) },
  ];
}

/** An application's objections in its expanded row: record one, resolve the open ones. */
function Objections({ id, canAct }: { id: string; canAct: boolean }) {
  const { t } = useTranslation();
  const { data: a, isLoading } = useApplication(id);
  const [action, setAction] = useState<ModalAction | null>(null);
  const [objection, setObjection] = useState<ApplicationObjection | undefined>();
  if (isLoading || !a) return <Spin size="small" />;
  return (
    <div style={{ padding: '4px 8px' }} data-testid="notice-objections">
      {a.objections.length === 0 && <Typography.Text type="secondary">{t('applications.detail.noObjections')}</Typography.Text>}
      {a.objections.map((o) => (
        <div key={o.id} style={{ display: 'flex', gap: 12, alignItems: 'center', padding: '4px 0', flexWrap: 'wrap' }}>
          {o.resolvedAt ? (
            <Tag color={o.upheld ? 'red' : 'green'}>{o.upheld ? t('applications.detail.upheldYes') : t('applications.detail.upheldNo')}</Tag>
          ) : (
            <Tag color="orange">{t('applications.detail.objectionOpen')}</Tag>
          )}
          <span style={{ flex: '1 1 300px', whiteSpace: 'pre-wrap' }}>{o.content}</span>
          {!o.resolvedAt && canAct && (
            <Button
              size="small"
              type="primary"
              onClick={() => {
                setObjection(o);
                setAction('resolve');
              }}
            >
              {t('applications.steps.resolve')}
            </Button>
          )}
        </div>
      ))}
      {canAct && a.status === 'in_notice' && (
        <Button size="small" icon={<WarningOutlined />} style={{ marginTop: 8 }} onClick={() => setAction('objection')} data-testid="notice-record-objection">
          {t('applications.steps.objection')}
        </Button>
      )}
      <ApplicationStepModal
        application={a}
        action={action}
        objection={objection}
        onClose={() => {
          setAction(null);
          setObjection(undefined);
        }}
      />
    </div>
  );
}

function PublishModal({ campaign, ids, total, open, onClose }: { campaign: CampaignDto; ids: string[]; total: number; open: boolean; onClose: (published: boolean) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reportError = useReportApplicationError();
  const [form] = Form.useForm<{ noticeDays: number }>();
  const start = useStartNotice(campaign.id);
  const submit = async () => {
    const { noticeDays } = await form.validateFields();
    try {
      const r = await start.mutateAsync({ ...(ids.length ? { ids } : {}), noticeDays });
      void message.success(t('applications.notice.published', { count: r.published, from: r.noticeStartsOn, to: r.noticeEndsOn }), 6);
      onClose(true);
    } catch (err) {
      reportError(err);
    }
  };
  return (
    <Modal
      open={open}
      title={t('applications.notice.publishTitle')}
      okText={t('applications.notice.publish')}
      cancelText={t('common.cancel')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={() => onClose(false)}
      confirmLoading={start.isPending}
      okButtonProps={{ 'data-testid': 'notice-publish-submit' }}
      destroyOnHidden
    >
      <Typography.Paragraph style={{ marginTop: 12 }}>{ids.length ? t('applications.notice.publishSelected', { count: ids.length }) : t('applications.notice.publishAll', { count: total })}</Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ noticeDays: campaign.noticeDays }}>
        <Form.Item name="noticeDays" label={t('applications.notice.noticeDays')} rules={[{ required: true, type: 'integer', min: 1, max: 30, message: t('common.required', { field: t('applications.notice.noticeDays') }) }]}>
          <InputNumber min={1} max={30} precision={0} suffix={t('campaigns.dayUnit')} style={{ width: 160 }} data-testid="notice-days" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 公示与发放 on a campaign's page: publish the city-approved for the notice, watch it and its objections, release it to payment. */
export default function NoticeTab({ campaign }: { campaign: CampaignDto }) {
  const { t } = useTranslation();
  const can = useCan();
  const { message } = App.useApp();
  const reportError = useReportApplicationError();
  const canAct = can('application.notice');
  const awaiting = useStatusList(campaign.id, 'city_approved');
  const inNotice = useStatusList(campaign.id, 'in_notice');
  const ready = useStatusList(campaign.id, 'ready');
  const release = useReleaseNotice(campaign.id);
  const baseColumns = useBaseColumns();
  const [selected, setSelected] = useState<string[]>([]);
  const [publishing, setPublishing] = useState(false);
  const [released, setReleased] = useState<{ released: number; stillInNotice: number; heldByObjection: number } | null>(null);
  const today = formatDate(new Date());
  const publicPath = `/notice/${campaign.id}`;

  const onRelease = async () => {
    try {
      setReleased(await release.mutateAsync());
    } catch (err) {
      reportError(err);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="notice-tab">
      <Card size="small">
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space wrap>
            <NotificationOutlined style={{ color: '#1a5fd0' }} />
            <Typography.Text strong>{t('applications.notice.publicLink')}</Typography.Text>
            <a href={publicPath} target="_blank" rel="noreferrer" data-testid="notice-public-link">
              {window.location.origin}
              {publicPath} <ExportOutlined />
            </a>
          </Space>
          <Button
            size="small"
            icon={<CopyOutlined />}
            onClick={() => void navigator.clipboard?.writeText(window.location.origin + publicPath).then(() => message.success(t('common.copied')))}
          >
            {t('applications.notice.copyLink')}
          </Button>
        </Space>
      </Card>

      <Card
        title={`${t('applications.notice.awaiting')}（${awaiting.data?.total ?? 0}）`}
        extra={
          canAct && (
            <Button type="primary" icon={<SendOutlined />} disabled={!awaiting.data?.total} onClick={() => setPublishing(true)} data-testid="notice-publish">
              {selected.length ? t('applications.notice.publishSelected', { count: selected.length }) : t('applications.notice.publishAll', { count: awaiting.data?.total ?? 0 })}
            </Button>
          )
        }
      >
        <Typography.Paragraph type="secondary">{t('applications.notice.awaitingHint')}</Typography.Paragraph>
        <Table<ApplicationListItem>
          size="small"
          rowKey="id"
          loading={awaiting.isFetching}
          dataSource={awaiting.data?.items ?? []}
          columns={baseColumns}
          pagination={awaiting.pagination}
          scroll={{ x: 760 }}
          rowSelection={canAct ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) } : undefined}
          locale={{ emptyText: t('applications.notice.noneAwaiting') }}
          data-testid="notice-awaiting"
        />
      </Card>

      <Card
        title={`${t('applications.notice.inNotice')}（${inNotice.data?.total ?? 0}）`}
        extra={
          canAct && (
            <Popconfirm title={t('applications.notice.releaseConfirm')} onConfirm={() => void onRelease()} okText={t('common.ok')} cancelText={t('common.cancel')}>
              <Button type="primary" loading={release.isPending} disabled={!inNotice.data?.total} data-testid="notice-release">
                {t('applications.notice.release')}
              </Button>
            </Popconfirm>
          )
        }
      >
        <Typography.Paragraph type="secondary">{t('applications.notice.inNoticeHint')}</Typography.Paragraph>
        <Table<ApplicationListItem>
          size="small"
          rowKey="id"
          loading={inNotice.isFetching}
          dataSource={inNotice.data?.items ?? []}
          pagination={inNotice.pagination}
          scroll={{ x: 900 }}
          expandable={{ expandedRowRender: (a) => <Objections id={a.id} canAct={canAct} /> }}
          columns={[
            ...baseColumns,
            {
              title: t('applications.fields.noticeEndsOn'),
              dataIndex: 'noticeEndsOn',
              width: 170,
              render: (v: string | null) => {
                if (!v) return '-';
                const left = noticeDaysLeft(v, today);
                return (
                  <Space size={4}>
                    <span className="uh-mono">{v}</span>
                    {left > 0 ? <Tag color="gold">{t('applications.notice.daysLeft', { count: left })}</Tag> : <Tag color="green">{t('applications.notice.ended')}</Tag>}
                  </Space>
                );
              },
            },
          ]}
          locale={{ emptyText: t('applications.notice.noneInNotice') }}
          data-testid="notice-in-notice"
        />
      </Card>

      <Card title={`${t('applications.notice.ready')}（${ready.data?.total ?? 0}）`}>
        <Typography.Paragraph type="secondary">{t('applications.notice.readyHint')}</Typography.Paragraph>
        <Table<ApplicationListItem>
          size="small"
          rowKey="id"
          loading={ready.isFetching}
          dataSource={ready.data?.items ?? []}
          columns={baseColumns}
          pagination={ready.pagination}
          scroll={{ x: 760 }}
          locale={{ emptyText: t('applications.notice.noneReady') }}
          data-testid="notice-ready"
        />
      </Card>

      <PublishModal
        campaign={campaign}
        ids={selected}
        total={awaiting.data?.total ?? 0}
        open={publishing}
        onClose={(published) => {
          setPublishing(false);
          if (published) setSelected([]);
        }}
      />
      <Modal
        open={!!released}
        title={t('applications.notice.releaseTitle')}
        onCancel={() => setReleased(null)}
        footer={
          <Button type="primary" onClick={() => setReleased(null)}>
            {t('common.close')}
          </Button>
        }
      >
        {released && (
          <Space size={32} style={{ margin: '16px 0' }} data-testid="notice-release-result">
            <Statistic title={t('applications.notice.released')} value={released.released} styles={{ content: { color: '#389e0d' } }} />
            <Statistic title={t('applications.notice.stillInNotice')} value={released.stillInNotice} />
            <Statistic title={t('applications.notice.heldByObjection')} value={released.heldByObjection} styles={{ content: released.heldByObjection ? { color: '#d46b08' } : undefined }} />
          </Space>
        )}
        {released && released.heldByObjection > 0 && <Alert type="warning" showIcon title={t('applications.notice.inNoticeHint')} />}
      </Modal>
    </Space>
  );
}
