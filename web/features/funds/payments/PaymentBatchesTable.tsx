import { Empty, Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime, formatYuan } from '../../../shared/format.js';
import { BatchStatusTag } from './PaymentStatusTags.js';
import type { PaymentBatch } from './payments.api.js';

interface Props {
  items: PaymentBatch[];
  loading: boolean;
  /** Campaign names by id, when the viewer may read campaigns. */
  campaignNames?: Map<string, string>;
  /** Leave out the fund column (a fund's own page). */
  hideFund?: boolean;
}

/** Payment batches, newest first: each name opens the batch's page. */
export function PaymentBatchesTable({ items, loading, campaignNames, hideFund }: Props) {
  const { t } = useTranslation();
  const columns: TableProps<PaymentBatch>['columns'] = [
    {
      title: t('payments.fields.name'),
      dataIndex: 'name',
      width: 184,
      fixed: 'left',
      render: (v: string, b) => (
        <Link to={`/payment-batches/${b.id}`} data-testid={`payment-batch-link-${b.id}`}>
          {v}
        </Link>
      ),
    },
    { title: t('payments.fields.status'), dataIndex: 'status', width: 100, render: (_, b) => <BatchStatusTag status={b.status} testId={`payment-batch-status-${b.id}`} /> },
    ...(hideFund ? [] : [{ title: t('payments.fields.fund'), dataIndex: 'fundName', width: 150 }]),
    { title: t('payments.fields.org'), dataIndex: 'orgName', width: 110 },
    ...(campaignNames ? [{ title: t('payments.fields.campaign'), dataIndex: 'campaignId', width: 130, render: (v: string | null) => (v ? (campaignNames.get(v) ?? '-') : t('payments.filterCampaignPlaceholder')) }] : []),
    { title: t('payments.fields.lines'), dataIndex: 'lineCount', width: 64, align: 'right' },
    { title: t('payments.fields.total'), dataIndex: 'totalFen', width: 124, align: 'right', render: (v: number) => <span className="uh-mono">{formatYuan(v)}</span> },
    { title: t('payments.fields.createdAt'), dataIndex: 'createdAt', width: 140, render: (v: string) => formatDateTime(v) },
    { title: t('payments.fields.paidOn'), dataIndex: 'paidOn', width: 100, render: (v: string | null) => v ?? '-' },
  ];
  // As wide as its columns (about the content's width at 1440): it scrolls sideways only on a narrower screen.
  const tableWidth = columns.reduce((sum, c) => sum + Number(c.width ?? 0), 0);
  return (
    <Table<PaymentBatch>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      columns={columns}
      pagination={items.length > 50 ? { pageSize: 50, showTotal: (total) => t('common.total', { total }) } : false}
      scroll={{ x: tableWidth }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('payments.empty')} /> }}
      data-testid="payment-batches"
    />
  );
}
