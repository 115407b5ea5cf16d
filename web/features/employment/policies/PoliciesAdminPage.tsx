import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PolicyCategory } from '../../../../contracts/employment.js';
import { PolicyStatus, type PolicyListItemDto } from '../../../../contracts/policies.js';
import { codeLabel, codeOptions } from '../../../shared/code-labels.js';
import { formatDateTime } from '../../../shared/format.js';
import { PageHeader } from '../../../shared/PageHeader.js';
import { usePolicies, type PolicyFilter } from './policies.api.js';
import { PolicyStatusTag } from './PolicyStatusTag.js';

const PAGE_SIZE = 20;

/** 政策发布 for staff: the articles of their subtree in every state, searchable; a new draft. */
export default function PoliciesAdminPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const navigate = useNavigate();
  const [filter, setFilter] = useState<PolicyFilter>({ page: 1, pageSize: PAGE_SIZE });
  const { data, isFetching } = usePolicies(filter);
  const [form] = Form.useForm<{ q?: string; category?: string; status?: string }>();
  const apply = () => {
    const v = form.getFieldsValue();
    setFilter({ q: v.q?.trim() || undefined, category: v.category, status: v.status, page: 1, pageSize: PAGE_SIZE });
  };

  return (
    <>
      <PageHeader
        title={t('policies.title')}
        description={t('policies.description')}
        extra={
          <Space wrap>
            <Button href="/policies" target="_blank">
              {t('policies.detail.publicPage')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/policies-admin/new')} data-testid="policy-new">
              {t('policies.newArticle')}
            </Button>
          </Space>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Form form={form} layout="inline" onFinish={apply} style={{ rowGap: 12 }}>
          <Form.Item name="q">
            <Input.Search allowClear placeholder={t('policies.filters.q')} style={{ width: 300 }} onSearch={apply} maxLength={50} data-testid="policy-filter-q" />
          </Form.Item>
          <Form.Item name="category">
            <Select allowClear placeholder={t('policies.filters.category')} options={codeOptions(PolicyCategory, lang)} style={{ width: 170 }} onChange={apply} />
          </Form.Item>
          <Form.Item name="status">
            <Select allowClear placeholder={t('policies.filters.status')} options={codeOptions(PolicyStatus, lang)} style={{ width: 130 }} onChange={apply} />
          </Form.Item>
        </Form>
      </Card>
      <Card>
        <Table<PolicyListItemDto>
          rowKey="id"
          loading={isFetching}
          dataSource={data?.items ?? []}
          scroll={{ x: 1000 }}
          locale={{ emptyText: t('policies.empty') }}
          data-testid="policies-table"
          pagination={{
            current: filter.page,
            pageSize: PAGE_SIZE,
            total: data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => t('common.total', { total }),
            onChange: (page) => setFilter((f) => ({ ...f, page })),
          }}
          columns={[
            {
              title: t('policies.fields.title'),
              dataIndex: 'title',
              render: (v: string, p) => (
                <Link to={`/policies-admin/${p.id}`} data-testid="policy-row-link">
                  {v}
                </Link>
              ),
            },
            { title: t('policies.fields.category'), dataIndex: 'category', width: 130, render: (v: string) => codeLabel(PolicyCategory, v, lang) },
            { title: t('policies.fields.source'), dataIndex: 'source', width: 200, ellipsis: true },
            { title: t('policies.fields.org'), dataIndex: 'orgName', width: 150, ellipsis: true },
            { title: t('policies.fields.status'), dataIndex: 'status', width: 90, render: (v: PolicyListItemDto['status']) => <PolicyStatusTag status={v} /> },
            { title: t('policies.fields.updatedAt'), dataIndex: 'updatedAt', width: 150, render: (v: string) => formatDateTime(v) },
          ]}
        />
      </Card>
    </>
  );
}
