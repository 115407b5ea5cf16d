import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatYuan } from '../../../shared/format.js';
import { useCan } from '../../../shared/session.js';
import { useReportError } from '../../../shared/useReportError.js';
import { OrgTreeSelect } from '../../orgs/OrgTreeSelect.js';
import { useFunds } from '../funds.api.js';
import { useIdempotencyKey } from '../idempotency-key.js';
import { paymentErrorMessage } from './payment-view.js';
import { useCampaignChoices, useStartPaymentBatch } from './payments.api.js';

interface Values {
  fundId: string;
  campaignId?: string;
  orgId?: string;
  name: string;
}

const FIELDS = ['fundId', 'campaignId', 'orgId', 'name'] as const;

/** 新建发放批次: the fund to pay from, optionally one campaign and one org's subtree; the build runs on the job runner. */
export function NewPaymentBatchModal({ open, fundId, onClose, onStarted }: { open: boolean; fundId?: string; onClose: () => void; onStarted: (batchId: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const [form] = Form.useForm<Values>();
  const funds = useFunds();
  const campaigns = useCampaignChoices(can('campaign.read'));
  const start = useStartPaymentBatch();
  const reportError = useReportError(paymentErrorMessage);
  const idempotency = useIdempotencyKey();
  const { renew } = idempotency;

  useEffect(() => {
    if (!open) return;
    renew();
    form.resetFields();
    if (fundId) form.setFieldsValue({ fundId });
  }, [open, form, renew, fundId]);

  const submit = async (v: Values) => {
    try {
      const { batchId } = await start.mutateAsync({ key: idempotency.key, body: { fundId: v.fundId, campaignId: v.campaignId || undefined, orgId: v.orgId || undefined, name: v.name.trim() } });
      void message.success(t('payments.create.started'));
      onStarted(batchId);
    } catch (err) {
      idempotency.settle(err);
      reportError(err, { instance: form, fields: FIELDS });
    }
  };

  const fundOptions = (funds.data?.items ?? []).map((f) => ({ value: f.id, label: `${f.name}（${f.orgName}）· ${formatYuan(f.balanceFen)}` }));
  const campaignOptions = (campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.name}（${c.orgName}）` }));
  return (
    <Modal
      open={open}
      title={t('payments.create.title')}
      okText={t('common.submit')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={start.isPending}
      okButtonProps={{ 'data-testid': 'payment-new-ok' }}
      destroyOnHidden
      data-testid="payment-new-modal"
    >
      <Alert type="info" showIcon title={t('payments.create.hint')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="fundId" label={t('payments.create.fund')} rules={[{ required: true, message: t('common.selectRequired', { field: t('payments.create.fund') }) }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} loading={funds.isLoading} options={fundOptions} placeholder={t('payments.create.fundPlaceholder')} data-testid="payment-new-fund" />
        </Form.Item>
        {can('campaign.read') && (
          <Form.Item name="campaignId" label={t('payments.create.campaign')}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} loading={campaigns.isLoading} options={campaignOptions} placeholder={t('payments.create.campaignPlaceholder')} data-testid="payment-new-campaign" />
          </Form.Item>
        )}
        <Form.Item name="orgId" label={t('payments.create.org')}>
          <OrgTreeSelect allowClear placeholder={t('payments.create.orgPlaceholder')} data-testid="payment-new-org" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('payments.create.name')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('payments.create.name') }) },
            { min: 2, max: 100, message: t('payments.create.nameLength') },
          ]}
        >
          <Input maxLength={100} placeholder={t('payments.create.namePlaceholder')} data-testid="payment-new-name" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
