import { Alert, App, DatePicker, Form, Input, Modal, Radio, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ContactMethod, ContactOutcome } from '../../../../contracts/campaigns.js';
import { useReportError } from '../../../shared/useReportError.js';
import { codeOptions } from '../campaign-labels.js';
import { reachErrorMessage } from './reach-errors.js';
import { useRecordContact, type WorklistEntry } from './reach.api.js';
import { chinaToday } from '../../../shared/china-today.js';

interface ContactFormValues {
  method: 'sms' | 'phone' | 'visit';
  contactedOn: Dayjs;
  outcome: 'reached' | 'unreachable' | 'declined';
  note?: string;
  message?: string;
}

const FIELDS = ['method', 'contactedOn', 'outcome', 'note', 'message'] as const;
const noFuture = (d: Dayjs) => d.isAfter(chinaToday(), 'day');

/** 记录联系: a call, a visit, or an SMS sent through the outbox to the household's phone on file. */
export function ContactModal({ campaign, entry, onClose }: { campaign: { id: string; name: string }; entry: WorklistEntry | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ContactFormValues>();
  const record = useRecordContact(campaign.id);
  const reportError = useReportError(reachErrorMessage);
  const method = Form.useWatch('method', form);

  useEffect(() => {
    if (!entry) return;
    form.resetFields();
    form.setFieldsValue({
      method: entry.phoneMasked ? 'sms' : 'phone',
      contactedOn: chinaToday(),
      outcome: 'reached',
      message: t('reach.contact.messageDefault', { campaign: campaign.name, name: entry.studentName }),
    });
  }, [entry, form, t, campaign.name]);

  const submit = async (v: ContactFormValues) => {
    if (!entry) return;
    try {
      const note = v.note?.trim();
      const res = await record.mutateAsync({
        studentIdHash: entry.studentIdHash,
        method: v.method,
        contactedOn: v.contactedOn.format('YYYY-MM-DD'),
        outcome: v.outcome,
        note: note || undefined,
        message: v.method === 'sms' ? v.message?.trim() : undefined,
      });
      void message.success(t(res.notificationId ? 'reach.contact.smsQueued' : 'reach.contact.saved'));
      onClose();
    } catch (err) {
      reportError(err, { instance: form, fields: FIELDS });
    }
  };

  const methods = codeOptions(ContactMethod, i18n.language).map((o) => ({ ...o, disabled: o.value === 'sms' && !entry?.phoneMasked }));
  return (
    <Modal
      open={!!entry}
      title={entry ? t('reach.contact.title', { name: entry.studentName }) : ''}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={record.isPending}
      destroyOnHidden
      data-testid="reach-contact-modal"
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="method" label={t('reach.contact.method')} rules={[{ required: true }]} extra={!entry?.phoneMasked ? t('reach.contact.noPhone') : undefined}>
          <Radio.Group options={methods} optionType="button" data-testid="reach-contact-method" />
        </Form.Item>
        <Form.Item name="contactedOn" label={t('reach.contact.contactedOn')} rules={[{ required: true, message: t('common.selectRequired', { field: t('reach.contact.contactedOn') }) }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={noFuture} />
        </Form.Item>
        <Form.Item name="outcome" label={t('reach.contact.outcome')} rules={[{ required: true }]}>
          <Radio.Group options={codeOptions(ContactOutcome, i18n.language)} data-testid="reach-contact-outcome" />
        </Form.Item>
        {method === 'sms' && (
          <>
            <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('reach.contact.sendTo', { phone: entry?.phoneMasked ?? '' })} />
            <Form.Item name="message" label={t('reach.contact.message')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('reach.contact.message') }) }]}>
              <Input.TextArea rows={3} maxLength={300} showCount data-testid="reach-contact-message" />
            </Form.Item>
          </>
        )}
        <Form.Item name="note" label={t('reach.contact.note')}>
          <Input.TextArea rows={2} maxLength={500} showCount placeholder={t('reach.contact.notePlaceholder')} />
        </Form.Item>
        {entry && (
          <Typography.Text type="secondary">
            {entry.studentIdMasked} · {entry.orgName}
          </Typography.Text>
        )}
      </Form>
    </Modal>
  );
}
