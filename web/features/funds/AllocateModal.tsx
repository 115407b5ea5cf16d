import { Alert, App, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatYuan } from '../../shared/format.js';
import { useCan } from '../../shared/session.js';
import { subtreeIds } from '../orgs/org-tree.js';
import { useOrgTree } from '../orgs/orgs.api.js';
import { allocationTargets } from './allocation-targets.js';
import { useReportFundError } from './fund-errors.js';
import { useAllocate, useFunds, type FundDto } from './funds.api.js';
import { useIdempotencyKey } from './idempotency-key.js';
import { fenOf, useYuanRule, YuanInput } from './YuanInput.js';
import { chinaToday } from '../../shared/china-today.js';

interface AllocateValues {
  toFundId: string;
  amountYuan: string;
  allocatedOn: Dayjs;
  memo?: string;
}

const FIELDS = ['toFundId', 'amountYuan', 'allocatedOn', 'memo'] as const;
const noFuture = (d: Dayjs) => d.isAfter(chinaToday(), 'day');

/** 拨款: from this fund to a fund of an org below its org. */
export function AllocateModal({ fund, open, onClose }: { fund: FundDto; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const [form] = Form.useForm<AllocateValues>();
  const allocate = useAllocate(fund.id);
  const reportError = useReportFundError();
  const idempotency = useIdempotencyKey();
  const yuanRule = useYuanRule();
  const { renew } = idempotency;
  const funds = useFunds();
  const { index } = useOrgTree(open && can('org.read'));

  const targets = useMemo(() => {
    const below = index?.byId.has(fund.orgId) ? subtreeIds(index, fund.orgId) : undefined;
    return allocationTargets(fund, funds.data?.items ?? [], below);
  }, [fund, funds.data, index]);

  useEffect(() => {
    if (!open) return;
    renew();
    form.resetFields();
    form.setFieldsValue({ allocatedOn: chinaToday() });
  }, [open, form, renew]);

  const submit = async (v: AllocateValues) => {
    try {
      const memo = v.memo?.trim();
      await allocate.mutateAsync({ key: idempotency.key, body: { toFundId: v.toFundId, amountFen: fenOf(v.amountYuan), allocatedOn: v.allocatedOn.format('YYYY-MM-DD'), memo: memo || null } });
      void message.success(t('funds.allocate.done'));
      onClose();
    } catch (err) {
      idempotency.settle(err);
      reportError(err, { instance: form, fields: FIELDS });
    }
  };

  return (
    <Modal
      open={open}
      title={t('funds.allocate.title', { fund: fund.name })}
      okText={t('common.submit')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={allocate.isPending}
      destroyOnHidden
      data-testid="fund-allocate-modal"
    >
      <Alert type="info" showIcon title={t('funds.allocate.hint')} style={{ marginBottom: 12 }} />
      <Typography.Paragraph type="secondary">{t('funds.allocate.available', { amount: formatYuan(fund.balanceFen) })}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="toFundId"
          label={t('funds.allocate.toFund')}
          rules={[{ required: true, message: t('common.selectRequired', { field: t('funds.allocate.toFund') }) }]}
          extra={!funds.isLoading && targets.length === 0 ? t('funds.allocate.noTargets') : undefined}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={funds.isLoading}
            placeholder={t('funds.allocate.toFundPlaceholder')}
            options={targets.map((f) => ({ value: f.id, label: `${f.orgName} · ${f.name}` }))}
            data-testid="allocate-to-fund"
          />
        </Form.Item>
        <Form.Item name="amountYuan" label={t('funds.allocate.amount')} rules={[yuanRule]}>
          <YuanInput style={{ width: 240 }} data-testid="allocate-amount" />
        </Form.Item>
        <Form.Item name="allocatedOn" label={t('funds.allocate.allocatedOn')} rules={[{ required: true, message: t('common.selectRequired', { field: t('funds.allocate.allocatedOn') }) }]}>
          <DatePicker style={{ width: 240 }} disabledDate={noFuture} data-testid="allocate-date" />
        </Form.Item>
        <Form.Item name="memo" label={t('funds.allocate.memo')}>
          <Input maxLength={200} showCount placeholder={t('funds.allocate.memoPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
