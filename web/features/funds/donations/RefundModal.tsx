import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatYuan } from '../../../shared/format.js';
import { useReportError } from '../../../shared/useReportError.js';
import { useIdempotencyKey } from './donation-idempotency.js';
import { donationErrorMessage } from './donation-errors.js';
import { useRefund, type DonationDto } from './donations.api.js';

/** 退款: the gift's journal entry reversed, with a reason; the receipt stays, marked refunded. */
export function RefundModal({ donation, onClose }: { donation: DonationDto | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const refund = useRefund();
  const reportError = useReportError(donationErrorMessage);
  const idempotency = useIdempotencyKey();
  const { renew } = idempotency;

  useEffect(() => {
    if (!donation) return;
    renew();
    form.resetFields();
  }, [donation, form, renew]);

  const submit = async ({ reason }: { reason: string }) => {
    if (!donation) return;
    try {
      await refund.mutateAsync({ id: donation.id, reason: reason.trim(), key: idempotency.key });
      void message.success(t('donations.refund.done'));
      onClose();
    } catch (err) {
      idempotency.settle(err);
      reportError(err, { instance: form, fields: ['reason'] });
    }
  };

  return (
    <Modal
      open={!!donation}
      title={t('donations.refund.title')}
      okText={t('donations.list.refund')}
      okButtonProps={{ danger: true }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={refund.isPending}
      destroyOnHidden
      data-testid="refund-modal"
    >
      {donation && (
        <Typography.Paragraph strong>
          {t('donations.refund.summary', { no: donation.receiptNo, donor: donation.donorName ?? t('donations.public.anonymous'), amount: formatYuan(donation.amountFen) })}
        </Typography.Paragraph>
      )}
      <Alert type="warning" showIcon title={t('donations.refund.warning')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="reason" label={t('donations.refund.reason')} rules={[{ required: true, whitespace: true, min: 2, max: 200, message: t('donations.refund.reasonLength') }]}>
          <Input.TextArea rows={3} maxLength={200} showCount placeholder={t('donations.refund.reasonPlaceholder')} data-testid="refund-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
