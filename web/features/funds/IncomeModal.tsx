import { Alert, App, DatePicker, Form, Input, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { IncomeSource } from '../../../contracts/funds.js';
import { codeOptions } from '../../shared/code-labels.js';
import { useReportFundError } from './fund-errors.js';
import { useRecordIncome, type FundDto, type IncomeBody } from './funds.api.js';
import { useIdempotencyKey } from './idempotency-key.js';
import { fenOf, useYuanRule, YuanInput } from './YuanInput.js';
import { chinaToday } from '../../shared/china-today.js';

interface IncomeValues {
  source: IncomeBody['source'];
  counterparty: string;
  amountYuan: string;
  receivedOn: Dayjs;
  memo?: string;
}

const FIELDS = ['source', 'counterparty', 'amountYuan', 'receivedOn', 'memo'] as const;
const noFuture = (d: Dayjs) => d.isAfter(chinaToday(), 'day');

/** 登记收入: dues budget, an enterprise's contribution, or an allocation from outside the platform. */
export function IncomeModal({ fund, open, onClose }: { fund: FundDto; open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<IncomeValues>();
  const record = useRecordIncome(fund.id);
  const reportError = useReportFundError();
  const idempotency = useIdempotencyKey();
  const yuanRule = useYuanRule();
  const { renew } = idempotency;

  useEffect(() => {
    if (!open) return;
    renew();
    form.resetFields();
    form.setFieldsValue({ source: 'budget', receivedOn: chinaToday() });
  }, [open, form, renew]);

  const submit = async (v: IncomeValues) => {
    try {
      const memo = v.memo?.trim();
      await record.mutateAsync({
        key: idempotency.key,
        body: { source: v.source, counterparty: v.counterparty.trim(), amountFen: fenOf(v.amountYuan), receivedOn: v.receivedOn.format('YYYY-MM-DD'), memo: memo || null },
      });
      void message.success(t('funds.income.done'));
      onClose();
    } catch (err) {
      idempotency.settle(err);
      reportError(err, { instance: form, fields: FIELDS });
    }
  };

  const required = (field: string) => ({ required: true, whitespace: true, message: t('common.required', { field }) });
  return (
    <Modal
      open={open}
      title={t('funds.income.title', { fund: fund.name })}
      okText={t('common.submit')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={record.isPending}
      destroyOnHidden
      data-testid="fund-income-modal"
    >
      <Alert type="info" showIcon title={t('funds.income.hint')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="source" label={t('funds.income.source')} rules={[{ required: true }]}>
          <Radio.Group options={codeOptions(IncomeSource, i18n.language)} data-testid="income-source" />
        </Form.Item>
        <Form.Item name="counterparty" label={t('funds.income.counterparty')} rules={[required(t('funds.income.counterparty')), { min: 2, max: 100 }]}>
          <Input maxLength={100} placeholder={t('funds.income.counterpartyPlaceholder')} data-testid="income-counterparty" />
        </Form.Item>
        <Form.Item name="amountYuan" label={t('funds.income.amount')} rules={[yuanRule]}>
          <YuanInput style={{ width: 240 }} data-testid="income-amount" />
        </Form.Item>
        <Form.Item name="receivedOn" label={t('funds.income.receivedOn')} rules={[{ required: true, message: t('common.selectRequired', { field: t('funds.income.receivedOn') }) }]}>
          <DatePicker style={{ width: 240 }} disabledDate={noFuture} data-testid="income-date" />
        </Form.Item>
        <Form.Item name="memo" label={t('funds.income.memo')}>
          <Input maxLength={200} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
