import { SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Form, Input, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { HardshipCategory } from '../../../contracts/households.js';
import { useReportError } from '../../shared/useReportError.js';
import { codeLabel } from './household-labels.js';
import { HouseholdStatusTag } from './HouseholdStatusTag.js';
import { lookupHouseholds, type HouseholdListItem } from './households.api.js';
import { useIdNumberRule } from './id-number.js';

/**
 * 按身份证号查找: the full number goes in a POST body only (never the address bar or the logs), and
 * neither the number nor the answer is kept after the dialog closes.
 */
export function LookupModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const reportError = useReportError();
  const idRule = useIdNumberRule();
  const [form] = Form.useForm<{ idNumber: string }>();
  const [items, setItems] = useState<HouseholdListItem[] | null>(null);
  const [loading, setLoading] = useState(false);

  const search = async () => {
    const { idNumber } = await form.validateFields();
    setLoading(true);
    try {
      setItems((await lookupHouseholds(idNumber)).items);
    } catch (err) {
      reportError(err, { instance: form, fields: ['idNumber'] });
    } finally {
      setLoading(false);
    }
  };

  const close = () => {
    setItems(null);
    onClose();
  };

  return (
    <Modal open={open} title={t('households.lookup.title')} onCancel={close} footer={<Button onClick={close}>{t('common.close')}</Button>} destroyOnHidden width={900}>
      <Alert type="info" showIcon title={t('households.lookup.hint')} style={{ margin: '12px 0 16px' }} />
      <Form form={form} layout="inline" preserve={false} onFinish={() => void search().catch(() => undefined)} style={{ marginBottom: 16 }}>
        <Form.Item name="idNumber" rules={[idRule]} style={{ flex: 1 }}>
          <Input
            allowClear
            autoComplete="off"
            maxLength={18}
            placeholder={t('households.lookup.placeholder')}
            className="uh-mono"
            data-testid="household-lookup-input"
            onChange={() => setItems(null)}
          />
        </Form.Item>
        <Form.Item style={{ marginInlineEnd: 0 }}>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />} loading={loading} data-testid="household-lookup-submit">
            {t('households.lookup.submit')}
          </Button>
        </Form.Item>
      </Form>
      {items &&
        (items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('households.lookup.none')} data-testid="household-lookup-none" />
        ) : (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text type="secondary">{t('households.lookup.found', { count: items.length })}</Typography.Text>
            <Table<HouseholdListItem>
              data-testid="household-lookup-results"
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={items}
              columns={[
                { title: t('households.fields.caseNo'), dataIndex: 'caseNo', width: 150, render: (v: string, h) => <Link to={`/households/${h.id}`} className="uh-mono">{v}</Link> },
                { title: t('households.fields.name'), dataIndex: 'name' },
                { title: t('households.fields.idNumber'), dataIndex: 'idNumberMasked', width: 170, render: (v: string) => <span className="uh-mono" style={{ whiteSpace: 'nowrap' }}>{v}</span> },
                { title: t('households.fields.org'), dataIndex: 'orgName', ellipsis: true },
                { title: t('households.fields.category'), dataIndex: 'category', render: (v: string) => codeLabel(HardshipCategory, v, i18n.language) },
                { title: t('households.fields.status'), dataIndex: 'status', width: 110, render: (v: string) => <HouseholdStatusTag status={v} /> },
              ]}
            />
          </Space>
        ))}
    </Modal>
  );
}
