import { Alert, App, DatePicker, Form, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatYuan } from '../../../shared/format.js';
import { useReportError } from '../../../shared/useReportError.js';
import { useFund } from '../funds.api.js';
import { useIdempotencyKey } from '../idempotency-key.js';
import { batchFigures, paymentErrorMessage } from './payment-view.js';
import { useExecutePaymentBatch, type PaymentBatchDetail } from './payments.api.js';
import { chinaToday } from '../../../shared/china-today.js';

const noFuture = (d: Dayjs) => d.isAfter(chinaToday(), 'day');

/** 执行发放: the payment date (today by default); the lines are paid on the job runner. */
export function ExecuteBatchModal({ batch, open, onClose }: { batch: PaymentBatchDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ paidOn: Dayjs }>();
  const execute = useExecutePaymentBatch(batch.id);
  const { data: fund } = useFund(open ? batch.fundId : undefined);
  const reportError = useReportError(paymentErrorMessage);
  const idempotency = useIdempotencyKey();
  const { renew } = idempotency;
  const pending = batchFigures(batch).pending;

  useEffect(() => {
    if (!open) return;
    renew();
    form.resetFields();
    form.setFieldsValue({ paidOn: chinaToday() });
  }, [open, form, renew]);

  const submit = async (v: { paidOn: Dayjs }) => {
    try {
      await execute.mutateAsync({ key: idempotency.key, paidOn: v.paidOn.format('YYYY-MM-DD') });
      void message.success(t('payments.execute.started'));
      onClose();
    } catch (err) {
      idempotency.settle(err);
      reportError(err, { instance: form, fields: ['paidOn'] });
    }
  };

  // The server asks the fund to hold what the batch has left to pay before it starts.
  const short = !!fund && fund.balanceFen < pending.fen;
  return (
    <Modal
      open={open}
      title={t('payments.execute.title')}
      okText={t('payments.execute.submit')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={execute.isPending}
      okButtonProps={{ 'data-testid': 'payment-execute-ok' }}
      destroyOnHidden
      data-testid="payment-execute-modal"
    >
      <Alert type="warning" showIcon title={t('payments.execute.hint', { fund: batch.fundName, count: pending.n, total: formatYuan(pending.fen) })} style={{ marginBottom: 12 }} />
      {fund && (
        <Typography.Paragraph type={short ? 'danger' : 'secondary'} data-testid="payment-execute-balance">
          {t('payments.execute.balance', { balance: formatYuan(fund.balanceFen) })}
          {short && <>{' '}{t('payments.execute.short', { total: formatYuan(pending.fen) })}</>}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="paidOn" label={t('payments.execute.paidOn')} rules={[{ required: true, message: t('common.selectRequired', { field: t('payments.execute.paidOn') }) }]}>
          <DatePicker style={{ width: 240 }} disabledDate={noFuture} data-testid="payment-execute-date" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
