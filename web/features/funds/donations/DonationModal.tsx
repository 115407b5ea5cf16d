import { Alert, App, Button, Checkbox, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DonationChannel, DonorKind } from '../../../../contracts/donations.js';
import { codeOptions } from '../../../shared/code-labels.js';
import { useReportError } from '../../../shared/useReportError.js';
import { fenOf, useYuanRule, YuanInput } from '../YuanInput.js';
import { useIdempotencyKey } from './donation-idempotency.js';
import { donationErrorMessage, renameFields } from './donation-errors.js';
import { useRecordDonation, type DriveDto, type RecordDonationBody } from './donations.api.js';
import { chinaToday } from '../../../shared/china-today.js';

interface DonationValues {
  donorKind: RecordDonationBody['donorKind'];
  donorName?: string;
  donorUnit?: string;
  channel: string;
  amountYuan: string;
  receivedOn: Dayjs;
  showOnThanks: boolean;
  note?: string;
}

const FIELDS = ['donorKind', 'donorName', 'donorUnit', 'channel', 'amountYuan', 'receivedOn', 'showOnThanks', 'note'] as const;
const noFuture = (d: Dayjs) => d.isAfter(chinaToday(), 'day');

/** 录入捐款: one gift to the drive; it gets the org's next receipt number, which can be printed at once. */
export function DonationModal({ drive, open, onClose }: { drive: DriveDto; open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<DonationValues>();
  const kind = Form.useWatch('donorKind', form);
  const record = useRecordDonation(drive.id);
  const reportError = useReportError(donationErrorMessage);
  const idempotency = useIdempotencyKey();
  const { renew } = idempotency;
  const yuanRule = useYuanRule();

  useEffect(() => {
    if (!open) return;
    renew();
    form.resetFields();
    form.setFieldsValue({ donorKind: 'person', channel: 'cash', receivedOn: chinaToday(), showOnThanks: true });
  }, [open, form, renew]);

  const submit = async (v: DonationValues) => {
    try {
      const trimmed = (s?: string) => s?.trim() || null;
      const d = await record.mutateAsync({
        key: idempotency.key,
        body: {
          donorKind: v.donorKind,
          donorName: v.donorKind === 'anonymous' ? null : trimmed(v.donorName),
          donorUnit: trimmed(v.donorUnit),
          channel: v.channel,
          amountFen: fenOf(v.amountYuan),
          receivedOn: v.receivedOn.format('YYYY-MM-DD'),
          showOnThanks: v.showOnThanks,
          note: trimmed(v.note),
        },
      });
      onClose();
      void message.success({
        content: (
          <span>
            {t('donations.donation.recorded', { no: d.receiptNo })}{' '}
            <Button size="small" type="link" onClick={() => void navigate(`/donations/${d.id}/receipt`)} data-testid="donation-print-now">
              {t('donations.donation.printNow')}
            </Button>
          </span>
        ),
        duration: 8,
      });
    } catch (err) {
      idempotency.settle(err);
      reportError(renameFields(err, { amountFen: 'amountYuan' }), { instance: form, fields: FIELDS });
    }
  };

  return (
    <Modal
      open={open}
      title={`${t('donations.donation.title')} · ${drive.name}`}
      okText={t('common.submit')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={record.isPending}
      destroyOnHidden
      data-testid="donation-modal"
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="donorKind" label={t('donations.donation.donorKind')} rules={[{ required: true }]}>
          <Radio.Group options={codeOptions(DonorKind, i18n.language)} data-testid="donation-kind" />
        </Form.Item>
        {kind === 'anonymous' ? (
          <Alert type="info" showIcon title={t('donations.donation.anonymousHint')} style={{ marginBottom: 16 }} />
        ) : (
          <Form.Item name="donorName" label={t('donations.donation.donorName')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('donations.donation.donorName') }) }, { max: 100 }]}>
            <Input maxLength={100} placeholder={t('donations.donation.donorNamePlaceholder')} data-testid="donation-name" />
          </Form.Item>
        )}
        <Form.Item name="donorUnit" label={t('donations.donation.donorUnit')} rules={[{ max: 100 }]}>
          <Input maxLength={100} placeholder={t('donations.donation.donorUnitPlaceholder')} data-testid="donation-unit" />
        </Form.Item>
        <Form.Item name="channel" label={t('donations.donation.channel')} rules={[{ required: true }]}>
          <Select options={codeOptions(DonationChannel, i18n.language)} style={{ width: 240 }} data-testid="donation-channel" />
        </Form.Item>
        <Form.Item name="amountYuan" label={t('donations.donation.amount')} rules={[yuanRule]}>
          <YuanInput style={{ width: 240 }} data-testid="donation-amount" />
        </Form.Item>
        <Form.Item name="receivedOn" label={t('donations.donation.receivedOn')} rules={[{ required: true, message: t('common.selectRequired', { field: t('donations.donation.receivedOn') }) }]}>
          <DatePicker style={{ width: 240 }} disabledDate={noFuture} data-testid="donation-date" />
        </Form.Item>
        <Form.Item name="showOnThanks" valuePropName="checked">
          <Checkbox>{t('donations.donation.showOnThanks')}</Checkbox>
        </Form.Item>
        <Form.Item name="note" label={t('donations.donation.note')} rules={[{ max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
