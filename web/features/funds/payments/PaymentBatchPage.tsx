import { ArrowLeftOutlined, CheckOutlined, DeleteOutlined, DownloadOutlined, SendOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Result, Row, Space, Spin, Statistic, Steps, Tooltip } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { formatDateTime, formatYuan } from '../../../shared/format.js';
import { PageHeader } from '../../../shared/PageHeader.js';
import { PageSpinner } from '../../../shared/PageSpinner.js';
import { useCan } from '../../../shared/session.js';
import { ApproveBatchModal } from './ApproveBatchModal.js';
import { BankResultsModal } from './BankResultsModal.js';
import { DiscardBatchModal } from './DiscardBatchModal.js';
import { ExecuteBatchModal } from './ExecuteBatchModal.js';
import { batchFigures, batchStep, executionHalted, paymentErrorMessage, STEPS } from './payment-view.js';
import { PaymentLinesTable } from './PaymentLinesTable.js';
import { BatchStatusTag } from './PaymentStatusTags.js';
import { bankFileHref, useCampaignChoices, usePaymentBatch, type PaymentBatchDetail } from './payments.api.js';

type Dialog = 'approve' | 'execute' | 'discard' | 'results';

function Actions({ batch, open }: { batch: PaymentBatchDetail; open: (d: Dialog) => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const s = batch.status;
  const buttons: ReactNode[] = [];
  if (s === 'previewed' && can('payment.approve')) {
    const approve = (
      <Button type="primary" icon={<CheckOutlined />} disabled={batch.builtByMe || batch.lineCount === 0} onClick={() => open('approve')} data-testid="payment-approve">
        {t('payments.actions.approve')}
      </Button>
    );
    buttons.push(
      batch.builtByMe ? (
        <Tooltip key="approve" title={t('payments.approve.builtByMe')}>
          <span>{approve}</span>
        </Tooltip>
      ) : (
        <span key="approve">{approve}</span>
      ),
    );
  }
  if (s === 'approved' && can('payment.create'))
    buttons.push(
      <Button key="execute" type="primary" icon={<SendOutlined />} onClick={() => open('execute')} data-testid="payment-execute">
        {t('payments.actions.execute')}
      </Button>,
    );
  if (s === 'executed' && can('payment.create'))
    buttons.push(
      <Button key="bank-file" type="primary" icon={<DownloadOutlined />} href={bankFileHref(batch.id)} data-testid="payment-bank-file">
        {t('payments.actions.bankFile')}
      </Button>,
      <Button key="results" icon={<UploadOutlined />} onClick={() => open('results')} data-testid="payment-import-results">
        {t('payments.actions.importResults')}
      </Button>,
    );
  if ((s === 'previewed' || s === 'approved') && can('payment.create'))
    buttons.push(
      <Button key="discard" danger icon={<DeleteOutlined />} onClick={() => open('discard')} data-testid="payment-discard">
        {t('payments.actions.discard')}
      </Button>,
    );
  return <Space wrap>{buttons}</Space>;
}

/** What the batch is doing or why it stopped, under the steps. */
function StateLine({ batch }: { batch: PaymentBatchDetail }) {
  const { t } = useTranslation();
  const note = batch.note ?? '';
  if (batch.status === 'building' || batch.status === 'executing')
    return (
      <Space data-testid="payment-progress">
        <Spin size="small" />
        {t(`payments.progress.${batch.status}`)}
      </Space>
    );
  if (batch.status === 'failed') return <Alert type="error" showIcon title={t('payments.progress.failed', { reason: note })} data-testid="payment-state" />;
  if (batch.status === 'discarded') return <Alert type="warning" showIcon title={t('payments.progress.discarded', { reason: note })} data-testid="payment-state" />;
  if (executionHalted(batch)) return <Alert type="error" showIcon title={t('payments.progress.halted', { reason: note })} data-testid="payment-state" />;
  if (batch.status === 'previewed' && batch.lineCount === 0) return <Alert type="warning" showIcon title={t('payments.progress.empty')} data-testid="payment-state" />;
  if (batch.status === 'previewed' && batch.builtByMe) return <Alert type="info" showIcon title={t('payments.approve.builtByMe')} data-testid="payment-state" />;
  return null;
}

function Figures({ batch }: { batch: PaymentBatchDetail }) {
  const { t } = useTranslation();
  const f = batchFigures(batch);
  const count = (n: number) => t('payments.figures.count', { n });
  const cards = [
    { key: 'lines', title: t('payments.figures.lines'), value: count(batch.lineCount) },
    { key: 'total', title: t('payments.figures.total'), value: formatYuan(batch.totalFen) },
    { key: 'pending', title: t('payments.figures.pending'), value: count(f.pending.n), sub: formatYuan(f.pending.fen) },
    { key: 'paid', title: t('payments.figures.paid'), value: count(f.paid.n), sub: formatYuan(f.paid.fen) },
    { key: 'confirmed', title: t('payments.figures.confirmed'), value: count(f.confirmed) },
    { key: 'returned', title: t('payments.figures.returned'), value: count(f.returned.n), sub: formatYuan(f.returned.fen) },
  ];
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      {cards.map((c) => (
        <Col key={c.key} xs={12} md={8} xl={4}>
          <Card size="small">
            <Statistic title={c.title} value={c.value} styles={{ content: { fontSize: 20 } }} data-testid={`payment-stat-${c.key}`} />
            <span className="uh-mono" style={{ color: 'rgba(0,0,0,0.6)', fontSize: 13, display: 'block', minHeight: 20 }} data-testid={c.sub ? `payment-stat-${c.key}-fen` : undefined}>
              {c.sub ?? ''}
            </span>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** One payment batch: where it stands (生成 → 待审批 → 已审批 → 发放中 → 已发放), its figures, the actions its status allows, and its lines. */
export default function PaymentBatchPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const { data: batch, isLoading, error } = usePaymentBatch(id);
  const campaigns = useCampaignChoices(can('campaign.read') && !!batch?.campaignId);
  if (isLoading) return <PageSpinner />;
  if (error || !batch)
    return <Result status="warning" title={paymentErrorMessage(t, error)} extra={<Button onClick={() => void navigate('/payment-batches')}>{t('payments.backToList')}</Button>} />;
  const step = batchStep(batch);
  const campaignName = batch.campaignId ? campaigns.data?.items.find((c) => c.id === batch.campaignId)?.name : undefined;
  const close = () => setDialog(null);
  return (
    <>
      <PageHeader
        title={
          <Space>
            {batch.name}
            <BatchStatusTag status={batch.status} testId="payment-batch-status" />
          </Space>
        }
        description={[batch.fundName, batch.orgName, campaignName].filter(Boolean).join(' · ')}
        extra={
          <Space wrap>
            <Actions batch={batch} open={setDialog} />
            <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/payment-batches')}>
              {t('payments.backToList')}
            </Button>
          </Space>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Steps current={step.current} status={step.status} items={STEPS.map((s) => ({ title: t(`payments.steps.${s}`) }))} data-testid="payment-steps" />
        <div style={{ marginTop: 16 }}>
          <StateLine batch={batch} />
        </div>
      </Card>
      <Figures batch={batch} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }}>
          <Descriptions.Item label={t('payments.fields.fund')}>
            <Link to={`/funds/${batch.fundId}`}>{batch.fundName}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('payments.fields.org')}>{batch.orgName}</Descriptions.Item>
          <Descriptions.Item label={t('payments.fields.campaign')}>{batch.campaignId ? (campaignName ?? '-') : t('payments.filterCampaignPlaceholder')}</Descriptions.Item>
          <Descriptions.Item label={t('payments.fields.createdAt')}>{formatDateTime(batch.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={t('payments.fields.approvedAt')}>{formatDateTime(batch.approvedAt) || '-'}</Descriptions.Item>
          <Descriptions.Item label={t('payments.fields.paidOn')}>{batch.paidOn ?? '-'}</Descriptions.Item>
          <Descriptions.Item label={t('payments.fields.executedAt')}>{formatDateTime(batch.executedAt) || '-'}</Descriptions.Item>
          {batch.note && <Descriptions.Item label={t('payments.fields.note')}>{batch.note}</Descriptions.Item>}
        </Descriptions>
      </Card>
      {batch.status !== 'building' && batch.status !== 'failed' && (
        <Card title={t('payments.lines.title')}>
          <PaymentLinesTable batch={batch} />
        </Card>
      )}
      {/* Each dialog mounts while its action is allowed: its Idempotency-Key lives as long as it is open. */}
      {batch.status === 'previewed' && <ApproveBatchModal batch={batch} open={dialog === 'approve'} onClose={close} />}
      {batch.status === 'approved' && <ExecuteBatchModal batch={batch} open={dialog === 'execute'} onClose={close} />}
      {(batch.status === 'previewed' || batch.status === 'approved') && <DiscardBatchModal batchId={batch.id} open={dialog === 'discard'} onClose={close} />}
      <BankResultsModal batchId={batch.id} open={dialog === 'results'} onClose={close} />
    </>
  );
}
