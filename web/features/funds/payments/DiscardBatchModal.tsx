import { Alert, App, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useReportError } from '../../../shared/useReportError.js';
import { useIdempotencyKey } from '../idempotency-key.js';
import { paymentErrorMessage } from './payment-view.js';
import { useDiscardPaymentBatch } from './payments.api.js';

/** 作废: a batch not yet executed is set aside with a reason; its payments can go into another batch. */
export function DiscardBatchModal({ batchId, open, onClose }: { batchId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const discard = useDiscardPaymentBatch(batchId);
  const reportError = useReportError(paymentErrorMessage);
  const idempotency = useIdempotencyKey();
  const { renew } = idempotency;

  useEffect(() => {
    if (!open) return;
    renew();
    form.resetFields();
  }, [open, form, renew]);

  const submit = async (v: { reason: string }) => {
    try {
      await discard.mutateAsync({ key: idempotency.key, reason: v.reason.trim() });
      void message.success(t('payments.discard.done'));
      onClose();
    } catch (err) {
      idempotency.settle(err);
      reportError(err, { instance: form, fields: ['reason'] });
    }
  };

  return (
    <Modal
      open={open}
      title={t('payments.discard.title')}
      okText={t('payments.discard.submit')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={discard.isPending}
      okButtonProps={{ danger: true, 'data-testid': 'payment-discard-ok' }}
      destroyOnHidden
      data-testid="payment-discard-modal"
    >
      <Alert type="warning" showIcon title={t('payments.discard.hint')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="reason"
          label={t('payments.discard.reason')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('payments.discard.reason') }) },
            { min: 2, max: 200, message: t('payments.discard.reasonLength') },
          ]}
        >
          <Input maxLength={200} showCount placeholder={t('payments.discard.reasonPlaceholder')} data-testid="payment-discard-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
