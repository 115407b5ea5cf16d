import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { InKindIssueStatus } from '../../../../contracts/in-kind.js';
import { codeLabel, codeOptions } from '../../../shared/code-labels.js';
import { PageHeader } from '../../../shared/PageHeader.js';
import { OrgTreeSelect } from '../../orgs/OrgTreeSelect.js';
import { inKindXlsxHref, useInKindIssues, type InKindFilter, type InKindIssue } from './in-kind.api.js';

const PAGE_SIZE = 50;

/** 实物发放: every item handed out with a payment batch, who received it and when, with the pieces issued and returned by item. */
export default function InKindIssuesPage() {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState<InKindFilter>({});
  const [page, setPage] = useState(1);
  const { data, isLoading, isFetching } = useInKindIssues(filter, page, PAGE_SIZE);
  const change = (next: Partial<InKindFilter>) => {
    setFilter((f) => ({ ...f, ...next }));
    setPage(1);
  };
  const itemOptions = [...new Set([...(data?.byItem ?? []).map((b) => b.item), ...(filter.item ? [filter.item] : [])])].map((item) => ({ value: item, label: item }));

  return (
    <>
      <PageHeader
        title={t('inKind.title')}
        description={t('inKind.description')}
        extra={
          <Button icon={<DownloadOutlined />} href={inKindXlsxHref(filter)} data-testid="in-kind-export">
            {t('inKind.export')}
          </Button>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Space wrap size={[16, 12]}>
          <Space size={4}>
            <Typography.Text type="secondary">{t('inKind.period')}</Typography.Text>
            <DatePicker.RangePicker
              allowEmpty={[true, true]}
              value={[filter.from ? dayjs(filter.from) : null, filter.to ? dayjs(filter.to) : null]}
              onChange={(v) => change({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
              data-testid="in-kind-period"
            />
          </Space>
          <Space size={4}>
            <Typography.Text type="secondary">{t('inKind.item')}</Typography.Text>
            <Select allowClear value={filter.item} onChange={(v: string | undefined) => change({ item: v })} options={itemOptions} placeholder={t('inKind.itemPlaceholder')} style={{ width: 160 }} data-testid="in-kind-item" />
          </Space>
          <Space size={4}>
            <Typography.Text type="secondary">{t('inKind.status')}</Typography.Text>
            <Select allowClear value={filter.status} onChange={(v: InKindFilter['status']) => change({ status: v })} options={codeOptions(InKindIssueStatus, i18n.language)} placeholder={t('inKind.statusPlaceholder')} style={{ width: 130 }} data-testid="in-kind-status" />
          </Space>
          <Space size={4}>
            <Typography.Text type="secondary">{t('inKind.org')}</Typography.Text>
            <OrgTreeSelect allowClear value={filter.orgId} onChange={(v) => change({ orgId: v })} placeholder={t('inKind.orgPlaceholder')} style={{ width: 240 }} data-testid="in-kind-org" />
          </Space>
        </Space>
      </Card>
      {(data?.byItem.length ?? 0) > 0 && (
        <Card title={t('inKind.totals')} size="small" style={{ marginBottom: 16 }}>
          <Space wrap size={[48, 12]} data-testid="in-kind-totals">
            {data!.byItem.map((b) => (
              <Space key={b.item} size={24}>
                <Statistic title={`${b.item} · ${t('inKind.issued')}`} value={t('inKind.pieces', { count: b.issued })} />
                <Statistic title={`${b.item} · ${t('inKind.returned')}`} value={t('inKind.pieces', { count: b.returned })} />
              </Space>
            ))}
          </Space>
        </Card>
      )}
      <Card>
        <Table<InKindIssue>
          rowKey="id"
          size="middle"
          loading={isLoading || isFetching}
          dataSource={data?.items ?? []}
          scroll={{ x: 900 }}
          locale={{ emptyText: t('inKind.empty') }}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, showSizeChanger: false, onChange: setPage, showTotal: (n) => t('inKind.count', { count: n }) }}
          data-testid="in-kind-table"
          columns={[
            { title: t('inKind.fields.issuedOn'), dataIndex: 'issuedOn', width: 110 },
            { title: t('inKind.fields.org'), dataIndex: 'orgName', width: 180 },
            { title: t('inKind.fields.recipient'), dataIndex: 'recipientName', width: 90 },
            { title: t('inKind.fields.item'), dataIndex: 'item', width: 90 },
            { title: t('inKind.fields.quantity'), dataIndex: 'quantity', width: 70, align: 'right' },
            {
              title: t('inKind.fields.status'),
              dataIndex: 'status',
              width: 90,
              render: (v: InKindIssue['status']) => <Tag color={v === 'returned' ? 'orange' : 'green'}>{codeLabel(InKindIssueStatus, v, i18n.language)}</Tag>,
            },
            { title: t('inKind.fields.batch'), dataIndex: 'batchName', render: (v: string | null, r) => (r.batchId ? <Link to={`/payment-batches/${r.batchId}`}>{v}</Link> : '—') },
            { title: t('inKind.fields.paymentRef'), dataIndex: 'paymentRef', width: 190, render: (v: string | null) => <Typography.Text code>{v ?? '—'}</Typography.Text> },
          ]}
        />
      </Card>
    </>
  );
}
