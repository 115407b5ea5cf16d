import { Segmented, Space, Table, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PaymentLineStatus } from '../../../../contracts/funds.js';
import { codeLabel } from '../../../shared/code-labels.js';
import { formatYuan } from '../../../shared/format.js';
import { TAG_TEXT } from '../../campaigns/lump-sum/batch-view.js';
import { inKindText } from './payment-view.js';
import { LineStatusTag } from './PaymentStatusTags.js';
import { usePaymentLines, type LineStatus, type PaymentBatchDetail, type PaymentLine } from './payments.api.js';

const mono = (v: string | null) => (v ? <span className="uh-mono">{v}</span> : '-');

function LineStatusCell({ line }: { line: PaymentLine }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size={0} data-testid={`payment-line-status-${line.lineNo}`}>
      <LineStatusTag status={line.status} />
      {line.status === 'paid' && line.bankConfirmed && (
        <span style={{ fontSize: 12, color: TAG_TEXT.green }}>{t('payments.lines.bankConfirmed')}</span>
      )}
      {line.status === 'failed' && (
        <span style={{ fontSize: 12, color: TAG_TEXT.red }}>{t('payments.lines.bankReturned', { reason: line.failureReason ?? '' })}</span>
      )}
    </Space>
  );
}

/** 发放明细: a batch's lines a page at a time, filtered by status; cards masked. */
export function PaymentLinesTable({ batch }: { batch: PaymentBatchDetail }) {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<LineStatus | 'all'>('all');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const filter = status === 'all' ? undefined : status;
  const { data, isFetching } = usePaymentLines(batch, filter, page, pageSize);
  const count = (s: LineStatus) => batch.byStatus.find((x) => x.status === s)?.n ?? 0;
  const total = filter ? count(filter) : batch.byStatus.reduce((sum, s) => sum + s.n, 0);
  const columns: TableProps<PaymentLine>['columns'] = [
    { title: t('payments.lines.lineNo'), dataIndex: 'lineNo', width: 60, align: 'right' },
    { title: t('payments.lines.org'), dataIndex: 'orgName', width: 140 },
    { title: t('payments.lines.payee'), dataIndex: 'payeeName', width: 90 },
    { title: t('payments.lines.bank'), dataIndex: 'bankName', width: 130, render: (v: string | null) => v ?? '-' },
    { title: t('payments.lines.card'), dataIndex: 'bankCardMasked', width: 160, render: (v: string | null) => (v ? mono(v) : <Typography.Text type="secondary">{t('payments.lines.noCard')}</Typography.Text>) },
    { title: t('payments.lines.amount'), dataIndex: 'amountFen', width: 110, align: 'right', render: (v: number) => mono(formatYuan(v)) },
    { title: t('payments.lines.inKind'), dataIndex: 'inKindItems', width: 100, render: (v: PaymentLine['inKindItems']) => inKindText(v) || '-' },
    { title: t('payments.lines.status'), dataIndex: 'status', width: 160, render: (_, l) => <LineStatusCell line={l} /> },
    { title: t('payments.lines.paymentRef'), dataIndex: 'paymentRef', width: 140, render: mono },
  ];
  const options = [
    { value: 'all' as const, label: `${t('payments.lines.all')} ${batch.byStatus.reduce((sum, s) => sum + s.n, 0)}` },
    ...PaymentLineStatus.keys.filter((s) => count(s) > 0).map((s) => ({ value: s, label: `${codeLabel(PaymentLineStatus, s, i18n.language)} ${count(s)}` })),
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Segmented<LineStatus | 'all'>
        value={status}
        onChange={(v) => {
          setStatus(v);
          setPage(1);
        }}
        options={options}
        data-testid="payment-lines-filter"
      />
      <Table<PaymentLine>
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={data?.items ?? []}
        columns={columns}
        scroll={{ x: 1090 }}
        pagination={{
          current: page,
          pageSize,
          total,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (n) => t('common.total', { total: n }),
          onChange: (p, s) => {
            setPage(s === pageSize ? p : 1);
            setPageSize(s);
          },
        }}
        data-testid="payment-lines"
      />
    </Space>
  );
}
