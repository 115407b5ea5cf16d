import { CheckOutlined, DeleteOutlined, GiftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Empty, Form, Input, Modal, Progress, Row, Segmented, Select, Space, Statistic, Table, Tag, Tooltip, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LUMP_SUM_EXCLUSIONS, type LumpSumExclusion } from '../../../../contracts/campaigns.js';
import { HardshipCategory } from '../../../../contracts/households.js';
import { formatDateTime, formatYuan } from '../../../shared/format.js';
import { useCan } from '../../../shared/session.js';
import { useReportError } from '../../../shared/useReportError.js';
import { OrgTreeSelect } from '../../orgs/OrgTreeSelect.js';
import { codeLabel } from '../campaign-labels.js';
import { batchPhase, batchProgressLine, confirmBlock, confirmHint, lumpSumErrorMessage, PHASE_COLOR, TAG_TEXT } from './batch-view.js';
import {
  useBuildLumpSum,
  useConfirmLumpSum,
  useDiscardLumpSum,
  useLumpSumBatch,
  useLumpSumBatches,
  useLumpSumLines,
  type LineFilter,
  type LumpSumBatch,
  type LumpSumLine,
} from './lump-sum.api.js';

interface Props {
  campaign: { id: string; name: string; programKind: string; status?: string };
}

function PhaseTag({ batch }: { batch: LumpSumBatch }) {
  const { t } = useTranslation();
  const phase = batchPhase(batch);
  return (
    <Tag color={PHASE_COLOR[phase]} style={{ color: TAG_TEXT[PHASE_COLOR[phase]] }} data-testid={`lump-sum-status-${batch.id}`}>
      {t(`lumpSum.status.${phase}`)}
    </Tag>
  );
}

function ProgressLine({ batch }: { batch: LumpSumBatch }) {
  const { t } = useTranslation();
  const line = batchProgressLine(t, batch);
  if (!line) return null;
  return (
    <div data-testid="lump-sum-progress">
      {line.percent !== undefined && <Progress percent={line.percent} size="small" status="active" />}
      <Typography.Text type={line.failed ? 'danger' : 'secondary'} style={{ fontSize: 13 }}>
        {line.text}
      </Typography.Text>
    </div>
  );
}

function BuildCard({ campaign, onBuilt }: { campaign: Props['campaign']; onBuilt: (batchId: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const [orgId, setOrgId] = useState<string | undefined>();
  const build = useBuildLumpSum(campaign.id);
  const reportError = useReportError(lumpSumErrorMessage);
  const start = async () => {
    try {
      const { batchId } = await build.mutateAsync(orgId ? { orgId } : {});
      void message.success(t('lumpSum.build.started'));
      onBuilt(batchId);
    } catch (err) {
      reportError(err);
    }
  };
  return (
    <Card size="small">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text>{t('lumpSum.description')}</Typography.Text>
        {can('campaign.manage') && campaign.status !== 'closed' && (
          <Space wrap align="end">
            <Space orientation="vertical" size={2}>
              <Typography.Text type="secondary">{t('lumpSum.build.org')}</Typography.Text>
              <OrgTreeSelect value={orgId} onChange={setOrgId} allowClear placeholder={t('lumpSum.build.orgPlaceholder')} style={{ width: 280 }} data-testid="lump-sum-org" />
            </Space>
            <Button type="primary" icon={<GiftOutlined />} loading={build.isPending} onClick={() => void start()} data-testid="lump-sum-build">
              {t('lumpSum.build.button')}
            </Button>
          </Space>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('lumpSum.build.hint')}
        </Typography.Text>
      </Space>
    </Card>
  );
}

function BatchList({ campaignId, selected, onOpen }: { campaignId: string; selected: string | null; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const { data, isLoading } = useLumpSumBatches(campaignId);
  const columns: TableProps<LumpSumBatch>['columns'] = [
    { title: t('lumpSum.list.org'), dataIndex: 'orgName', width: 180 },
    {
      title: t('lumpSum.list.status'),
      key: 'status',
      width: 220,
      render: (_, b) => (
        <Space orientation="vertical" size={2}>
          <PhaseTag batch={b} />
          <ProgressLine batch={b} />
        </Space>
      ),
    },
    { title: t('lumpSum.list.households'), dataIndex: 'householdCount', width: 110, align: 'right' },
    { title: t('lumpSum.list.excluded'), dataIndex: 'excludedCount', width: 110, align: 'right' },
    { title: t('lumpSum.list.total'), dataIndex: 'totalFen', width: 150, align: 'right', render: (v: number) => <span className="uh-mono">{formatYuan(v)}</span> },
    { title: t('lumpSum.list.createdBy'), dataIndex: 'createdByName', width: 120, render: (v: string | null) => v ?? '-' },
    { title: t('lumpSum.list.createdAt'), dataIndex: 'createdAt', width: 170, render: (v: string) => formatDateTime(v) },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      fixed: 'right',
      render: (_, b) => (
        <Button type="link" size="small" onClick={() => onOpen(b.id)} disabled={b.id === selected} data-testid={`lump-sum-open-${b.id}`}>
          {t('lumpSum.list.view')}
        </Button>
      ),
    },
  ];
  return (
    <Card size="small" title={t('lumpSum.list.title')}>
      <Table
        rowKey="id"
        size="small"
        loading={isLoading}
        dataSource={data?.items ?? []}
        columns={columns}
        pagination={false}
        scroll={{ x: 1150 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('lumpSum.list.empty')} /> }}
        data-testid="lump-sum-batches"
      />
    </Card>
  );
}

type Show = 'all' | 'qualifying' | 'excluded';

function linesTotal(b: LumpSumBatch, show: Show, exclusion: LumpSumExclusion | undefined): number {
  if (show === 'qualifying') return b.householdCount;
  if (show === 'excluded') return exclusion ? (b.exclusions?.[exclusion] ?? 0) : b.excludedCount;
  return b.householdCount + b.excludedCount;
}

function Lines({ campaignId, batch }: { campaignId: string; batch: LumpSumBatch }) {
  const { t, i18n } = useTranslation();
  const [show, setShow] = useState<Show>('all');
  const [exclusion, setExclusion] = useState<LumpSumExclusion | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const filter: LineFilter = { show: show === 'all' ? undefined : show, exclusion: show === 'excluded' ? exclusion : undefined };
  const ready = batch.status !== 'building' && batch.status !== 'failed';
  const { data, isFetching } = useLumpSumLines(campaignId, batch.id, filter, page, pageSize, ready);
  const columns: TableProps<LumpSumLine>['columns'] = [
    { title: t('lumpSum.columns.caseNo'), dataIndex: 'caseNo', width: 150, render: (v: string) => <span className="uh-mono">{v}</span> },
    { title: t('lumpSum.columns.name'), dataIndex: 'recipientName', width: 100 },
    { title: t('lumpSum.columns.idNumber'), dataIndex: 'idNumberMasked', width: 190, render: (v: string) => <span className="uh-mono">{v}</span> },
    { title: t('lumpSum.columns.org'), dataIndex: 'orgName', width: 160 },
    { title: t('lumpSum.columns.category'), dataIndex: 'category', width: 110, render: (v: string) => codeLabel(HardshipCategory, v, i18n.language) },
    { title: t('lumpSum.columns.amount'), dataIndex: 'amountFen', width: 120, align: 'right', render: (v: number, l) => (l.exclusion ? '-' : <span className="uh-mono">{formatYuan(v)}</span>) },
    {
      title: t('lumpSum.columns.result'),
      dataIndex: 'exclusion',
      width: 180,
      render: (v: LumpSumExclusion | null) =>
        v ? (
          <Tag color="orange" style={{ color: TAG_TEXT.orange }}>
            {t(`lumpSum.exclusion.${v}`)}
          </Tag>
        ) : (
          <Tag color="green" style={{ color: TAG_TEXT.green }}>
            {t('lumpSum.qualifies')}
          </Tag>
        ),
    },
  ];
  if (!ready) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Segmented<Show>
          value={show}
          onChange={(v) => {
            setShow(v);
            setPage(1);
          }}
          options={[
            { value: 'all', label: t('lumpSum.detail.all') },
            { value: 'qualifying', label: t('lumpSum.detail.qualifying') },
            { value: 'excluded', label: t('lumpSum.detail.excluded') },
          ]}
          data-testid="lump-sum-show"
        />
        {show === 'excluded' && (
          <Select<LumpSumExclusion>
            allowClear
            value={exclusion}
            onChange={(v) => {
              setExclusion(v);
              setPage(1);
            }}
            placeholder={t('lumpSum.detail.reasonPlaceholder')}
            style={{ width: 220 }}
            options={LUMP_SUM_EXCLUSIONS.map((r) => ({ value: r, label: t(`lumpSum.exclusion.${r}`) }))}
            data-testid="lump-sum-reason"
          />
        )}
      </Space>
      <Table
        rowKey="householdId"
        size="small"
        loading={isFetching}
        dataSource={data?.items ?? []}
        columns={columns}
        scroll={{ x: 1010 }}
        pagination={{
          current: page,
          pageSize,
          total: linesTotal(batch, show, exclusion),
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
          onChange: (p, s) => {
            setPage(s === pageSize ? p : 1);
            setPageSize(s);
          },
        }}
        data-testid="lump-sum-lines"
      />
    </Space>
  );
}

function NoteModal({ open, title, hint, label, placeholder, submit, danger, pending, onCancel, onSubmit }: {
  open: boolean;
  title: string;
  hint: string;
  label: string;
  placeholder: string;
  submit: string;
  danger?: boolean;
  pending: boolean;
  onCancel: () => void;
  onSubmit: (note: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ note?: string }>();
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onCancel}
      destroyOnHidden
      okText={submit}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger, loading: pending, 'data-testid': 'lump-sum-modal-ok' }}
      onOk={() => onSubmit(form.getFieldValue('note')?.trim() || undefined)}
    >
      <Alert type={danger ? 'warning' : 'info'} showIcon title={hint} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="note" label={label}>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={placeholder} data-testid="lump-sum-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function BatchDetail({ campaignId, batchId, onClose }: { campaignId: string; batchId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const { data: batch } = useLumpSumBatch(campaignId, batchId);
  const confirm = useConfirmLumpSum(campaignId);
  const discard = useDiscardLumpSum(campaignId);
  const reportError = useReportError(lumpSumErrorMessage);
  const [modal, setModal] = useState<'confirm' | 'discard' | null>(null);
  if (!batch) return null;
  const block = confirmBlock(batch, can('campaign.manage'));
  const phase = batchPhase(batch);
  const run = async (which: 'confirm' | 'discard', note: string | undefined) => {
    try {
      if (which === 'confirm') {
        await confirm.mutateAsync({ batchId, note });
        void message.success(t('lumpSum.confirm.started'));
      } else {
        await discard.mutateAsync({ batchId, note });
        void message.success(t('lumpSum.discard.done'));
      }
      setModal(null);
    } catch (err) {
      reportError(err);
    }
  };
  const confirmButton = (
    <Button type="primary" icon={<CheckOutlined />} disabled={block !== null} onClick={() => setModal('confirm')} data-testid="lump-sum-confirm">
      {t('lumpSum.confirm.button')}
    </Button>
  );
  return (
    <Card
      size="small"
      data-testid="lump-sum-detail"
      title={
        <Space>
          {t('lumpSum.detail.title', { org: batch.orgName })}
          <PhaseTag batch={batch} />
        </Space>
      }
      extra={
        <Space wrap>
          {phase === 'previewed' && can('campaign.manage') && (
            <>
              {block === 'built_by_me' ? (
                <Tooltip title={t('lumpSum.detail.builtByMe')}>
                  <span>{confirmButton}</span>
                </Tooltip>
              ) : (
                confirmButton
              )}
              <Button danger icon={<DeleteOutlined />} onClick={() => setModal('discard')} data-testid="lump-sum-discard">
                {t('lumpSum.discard.button')}
              </Button>
            </>
          )}
          <Button onClick={onClose}>{t('lumpSum.detail.close')}</Button>
        </Space>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <ProgressLine batch={batch} />
        {phase === 'previewed' && batch.builtByMe && <Alert type="info" showIcon title={t('lumpSum.detail.builtByMe')} />}
        <Row gutter={16}>
          {[
            { key: 'households', title: t('lumpSum.detail.householdCount'), value: batch.householdCount },
            { key: 'excluded', title: t('lumpSum.detail.excludedCount'), value: batch.excludedCount },
            { key: 'total', title: t('lumpSum.detail.totalFen'), value: formatYuan(batch.totalFen) },
          ].map((s) => (
            <Col key={s.key} xs={24} sm={8}>
              <Card size="small" variant="borderless" style={{ background: '#f7f9fc' }}>
                <Statistic title={s.title} value={s.value} styles={{ content: { fontSize: 20 } }} data-testid={`lump-sum-stat-${s.key}`} />
              </Card>
            </Col>
          ))}
        </Row>
        <Space wrap size={[8, 8]}>
          <Typography.Text type="secondary">{t('lumpSum.detail.exclusions')}：</Typography.Text>
          {batch.exclusions && Object.keys(batch.exclusions).length ? (
            LUMP_SUM_EXCLUSIONS.filter((r) => batch.exclusions?.[r]).map((r) => (
              <Tag key={r} color="orange" style={{ color: TAG_TEXT.orange }} data-testid={`lump-sum-exclusion-${r}`}>
                {t(`lumpSum.exclusion.${r}`)} {batch.exclusions![r]}
              </Tag>
            ))
          ) : (
            <Typography.Text type="secondary">{batch.status === 'building' ? '-' : t('lumpSum.detail.noExclusions')}</Typography.Text>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('lumpSum.detail.rulesVersion', { version: batch.rulesVersion })}
          </Typography.Text>
        </Space>
        {batch.note && <Typography.Text type="secondary">{t('lumpSum.detail.note', { note: batch.note })}</Typography.Text>}
        <Lines campaignId={campaignId} batch={batch} />
      </Space>
      <NoteModal
        open={modal === 'confirm'}
        title={t('lumpSum.confirm.title')}
        hint={confirmHint(t, batch)}
        label={t('lumpSum.confirm.note')}
        placeholder={t('lumpSum.confirm.notePlaceholder')}
        submit={t('lumpSum.confirm.submit')}
        pending={confirm.isPending}
        onCancel={() => setModal(null)}
        onSubmit={(note) => void run('confirm', note)}
      />
      <NoteModal
        open={modal === 'discard'}
        title={t('lumpSum.discard.title')}
        hint={t('lumpSum.discard.hint')}
        label={t('lumpSum.discard.note')}
        placeholder={t('lumpSum.discard.notePlaceholder')}
        submit={t('lumpSum.discard.submit')}
        danger
        pending={discard.isPending}
        onCancel={() => setModal(null)}
        onSubmit={(note) => void run('discard', note)}
      />
    </Card>
  );
}

/** The campaign page's tab for a per-household program (特别慰问金): build, check, confirm or discard batches. */
export default function LumpSumTab({ campaign }: Props) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<string | null>(null);
  if (campaign.programKind !== 'per_household') return <Alert type="info" showIcon title={t('lumpSum.notLumpSum')} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="lump-sum-tab">
      <BuildCard campaign={campaign} onBuilt={setSelected} />
      <BatchList campaignId={campaign.id} selected={selected} onOpen={setSelected} />
      {selected && <BatchDetail key={selected} campaignId={campaign.id} batchId={selected} onClose={() => setSelected(null)} />}
    </Space>
  );
}
