import { Alert, App, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatYuan } from '../../../shared/format.js';
import { useReportError } from '../../../shared/useReportError.js';
import { useIdempotencyKey } from '../idempotency-key.js';
import { paymentErrorMessage } from './payment-view.js';
import { useApprovePaymentBatch, type PaymentBatch } from './payments.api.js';

/** 审批: a finance officer other than the builder approves the batch, with an optional comment. */
export function ApproveBatchModal({ batch, open, onClose }: { batch: PaymentBatch; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note?: string }>();
  const approve = useApprovePaymentBatch(batch.id);
  const reportError = useReportError(paymentErrorMessage);
  const idempotency = useIdempotencyKey();
  const { renew } = idempotency;

  useEffect(() => {
    if (!open) return;
    renew();
    form.resetFields();
  }, [open, form, renew]);

  const submit = async (v: { note?: string }) => {
    try {
      await approve.mutateAsync({ key: idempotency.key, note: v.note?.trim() || undefined });
      void message.success(t('payments.approve.done'));
      onClose();
    } catch (err) {
      idempotency.settle(err);
      reportError(err, { instance: form, fields: ['note'] });
    }
  };

  return (
    <Modal
      open={open}
      title={t('payments.approve.title')}
      okText={t('payments.approve.submit')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={approve.isPending}
      okButtonProps={{ 'data-testid': 'payment-approve-ok' }}
      destroyOnHidden
      data-testid="payment-approve-modal"
    >
      <Alert type="info" showIcon title={t('payments.approve.hint', { count: batch.lineCount, total: formatYuan(batch.totalFen) })} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="note" label={t('payments.approve.note')}>
          <Input maxLength={200} showCount placeholder={t('payments.approve.notePlaceholder')} data-testid="payment-approve-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
