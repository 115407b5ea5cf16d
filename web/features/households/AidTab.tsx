import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, DatePicker, Empty, Form, Input, Modal, Radio, Row, Space, Statistic, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SoftTag } from './HouseholdStatusTag.js';
import { useCan } from '../../shared/session.js';
import { formatYuan } from '../../shared/format.js';
import { useReportHouseholdError } from './household-errors.js';
import { useAddAid, type AidEntry, type AidType, type HouseholdDetail } from './households.api.js';
import { yuanToFen } from '../../shared/money.js';
import { useYuanRule, YuanInput } from './YuanInput.js';
import { chinaToday } from '../../shared/china-today.js';

const AID_TYPES: AidType[] = ['cash', 'in_kind', 'service'];
const AID_COLOR: Record<string, string> = { cash: 'gold', in_kind: 'blue', service: 'purple' };
const PROGRAMS = ['送温暖', '金秋助学', '医疗救助', '生活救助', '就业帮扶', '节日慰问'];
const FIELDS = new Set(['program', 'aidType', 'amountYuan', 'item', 'aidedOn', 'note']);

interface AidValues {
  program: string;
  aidType: AidType;
  amountYuan?: string;
  item?: string;
  aidedOn: Dayjs;
  note?: string;
}

function AddAidModal({ h, open, onClose }: { h: HouseholdDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reportError = useReportHouseholdError();
  const [form] = Form.useForm<AidValues>();
  const add = useAddAid();
  const aidType = Form.useWatch('aidType', form);
  const amountRule = useYuanRule({ required: aidType === 'cash', label: t('households.aid.amount') });

  const submit = async () => {
    const v = await form.validateFields();
    try {
      await add.mutateAsync({
        id: h.id,
        body: {
          program: v.program.trim(),
          aidType: v.aidType,
          amountFen: yuanToFen(v.amountYuan),
          item: v.item?.trim() || null,
          aidedOn: v.aidedOn.format('YYYY-MM-DD'),
          note: v.note?.trim() || null,
        },
      });
      void message.success(t('households.aid.added'));
      onClose();
    } catch (err) {
      reportError(err, { instance: form, isField: (p) => p.length === 1 && FIELDS.has(String(p[0]).replace(/Fen$/, 'Yuan')) });
    }
  };

  return (
    <Modal
      open={open}
      title={t('households.aid.add')}
      okText={t('common.submit')}
      cancelText={t('common.cancel')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={add.isPending}
      okButtonProps={{ 'data-testid': 'action-modal-submit' }}
      destroyOnHidden
      width={560}
    >
      <Form form={form} layout="vertical" preserve={false} requiredMark="optional" initialValues={{ aidType: 'cash', aidedOn: chinaToday() }} style={{ marginTop: 12 }}>
        <Form.Item
          name="program"
          label={t('households.aid.program')}
          rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('households.aid.program') }) }]}
        >
          <Input maxLength={50} placeholder={t('households.aid.programPlaceholder')} list="uh-aid-programs" data-testid="aid-program" />
        </Form.Item>
        <datalist id="uh-aid-programs">
          {PROGRAMS.map((p) => (
            <option key={p} value={p} />
          ))}
        </datalist>
        <Form.Item name="aidType" label={t('households.aid.aidType')} rules={[{ required: true }]}>
          <Radio.Group optionType="button" buttonStyle="solid" options={AID_TYPES.map((a) => ({ value: a, label: t(`households.aid.types.${a}`) }))} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="amountYuan"
              label={aidType === 'cash' ? t('households.aid.amount') : t('households.aid.value')}
              rules={[amountRule]}
              dependencies={['aidType']}
            >
              <YuanInput data-testid="aid-amount" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="aidedOn" label={t('households.aid.aidedOn')} rules={[{ required: true, message: t('common.selectRequired', { field: t('households.aid.aidedOn') }) }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(chinaToday(), 'day')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="item" label={t('households.aid.item')}>
          <Input maxLength={100} placeholder={t('households.aid.itemPlaceholder')} />
        </Form.Item>
        <Form.Item name="note" label={t('households.aid.note')}>
          <Input.TextArea rows={2} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 帮扶台账: totals by year and every entry, from the platform's programs and manual entries. */
export function AidTab({ h }: { h: HouseholdDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const [adding, setAdding] = useState(false);
  const { aidLedger } = h;
  const canAdd = can('household.update') && (h.status === 'archived' || h.status === 'lifted');
  const sourceLabel = (s: string) => (s === 'households' ? t('households.aid.sourceManual') : s === 'programs' ? t('households.aid.sourcePrograms') : s);

  return (
    <div data-testid="household-aid">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Typography.Text type="secondary">{t('households.aid.hint')}</Typography.Text>
        {can('household.update') && (
          <Button type="primary" icon={<PlusOutlined />} disabled={!canAdd} onClick={() => setAdding(true)} data-testid="household-aid-add">
            {t('households.aid.add')}
          </Button>
        )}
      </Space>
      {can('household.update') && !canAdd && <Alert type="info" showIcon title={t('households.aid.onlyArchived')} style={{ marginBottom: 16 }} />}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={8} xl={6}>
          <Card size="small" variant="borderless" style={{ background: '#fff7e6', height: '100%' }}>
            <Statistic title={t('households.aid.total')} value={formatYuan(aidLedger.totalFen)} styles={{ content: { color: '#ad4e00' } }} />
            <Typography.Text type="secondary">{t('households.aid.countAll', { count: aidLedger.entries.length })}</Typography.Text>
          </Card>
        </Col>
        {aidLedger.byYear.map((y) => (
          <Col key={y.year} xs={12} md={8} xl={6}>
            <Card size="small" variant="borderless" style={{ background: '#f7f9fc', height: '100%' }} data-testid="aid-year">
              <Statistic title={t('households.aid.yearTotal', { year: y.year })} value={formatYuan(y.amountFen)} />
              <Typography.Text type="secondary">{t('households.aid.countAll', { count: y.count })}</Typography.Text>
            </Card>
          </Col>
        ))}
      </Row>
      <Table<AidEntry>
        rowKey="id"
        pagination={aidLedger.entries.length > 20 ? { pageSize: 20 } : false}
        dataSource={aidLedger.entries}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('households.aid.empty')} /> }}
        columns={[
          { title: t('households.aid.aidedOn'), dataIndex: 'aidedOn', width: 120, render: (v: string) => <span className="uh-mono">{v}</span> },
          { title: t('households.aid.program'), dataIndex: 'program', width: 160 },
          {
            title: t('households.aid.aidType'),
            dataIndex: 'aidType',
            width: 90,
            render: (v: string) => <SoftTag color={AID_COLOR[v] ?? 'default'}>{v === 'cash' || v === 'in_kind' || v === 'service' ? t(`households.aid.types.${v}`) : v}</SoftTag>,
          },
          { title: t('households.aid.amountLabel'), dataIndex: 'amountFen', width: 130, align: 'right', render: (v: number) => formatYuan(v) },
          { title: t('households.aid.item'), dataIndex: 'item', render: (v: string | null) => v ?? '-' },
          { title: t('households.aid.note'), dataIndex: 'note', ellipsis: true, render: (v: string | null) => v ?? '-' },
          { title: t('households.aid.source'), dataIndex: 'sourceModule', width: 110, render: (v: string) => sourceLabel(v) },
        ]}
      />
      <AddAidModal h={h} open={adding} onClose={() => setAdding(false)} />
    </div>
  );
}
