import { PrinterOutlined, RollbackOutlined } from '@ant-design/icons';
import { Button, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DonationChannel, DonorKind } from '../../../../contracts/donations.js';
import { codeLabel } from '../../../shared/code-labels.js';
import { formatYuan } from '../../../shared/format.js';
import { useCan } from '../../../shared/session.js';
import { useDriveDonations, type DonationDto, type DriveDto } from './donations.api.js';
import { RefundModal } from './RefundModal.js';
import './donations.css';

/** 捐款明细: the drive's gifts for staff (full names, and as the thank-you list shows them), receipts and refunds. */
export function DonationsTab({ drive }: { drive: DriveDto }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const can = useCan();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [q, setQ] = useState('');
  const [refunding, setRefunding] = useState<DonationDto | null>(null);
  const { data, isFetching } = useDriveDonations(drive.id, page, pageSize, q);
  const anonymous = t('donations.public.anonymous');
  // The columns add up to the width of the content at 1440 wide, so the table does not scroll sideways there.
  const actionsWidth = can('fund.post') ? 160 : 100;
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('donations.list.search')}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
          style={{ width: 280 }}
          data-testid="donations-search"
        />
      </Space>
      <Table<DonationDto>
        rowKey="id"
        size="middle"
        loading={isFetching}
        dataSource={data?.items ?? []}
        scroll={{ x: 950 + actionsWidth }}
        locale={{ emptyText: t('donations.list.empty') }}
        data-testid="donations-table"
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
        rowClassName={(d) => (d.status === 'refunded' ? 'uh-row-muted' : '')}
        columns={[
          { title: t('donations.list.receiptNo'), dataIndex: 'receiptNo', width: 150, render: (v: string) => <span className="uh-mono">{v}</span> },
          { title: t('donations.list.donor'), dataIndex: 'donorName', width: 120, render: (v: string | null) => v ?? <Typography.Text type="secondary">{anonymous}</Typography.Text> },
          {
            title: t('donations.list.thanksName'),
            dataIndex: 'donorNameMasked',
            width: 100,
            render: (v: string | null, d) => (d.showOnThanks ? (v ?? anonymous) : <Typography.Text type="secondary">{t('donations.list.hidden')}</Typography.Text>),
          },
          { title: t('donations.list.unit'), dataIndex: 'donorUnit', width: 110 },
          { title: t('donations.list.kind'), dataIndex: 'donorKind', width: 70, render: (v: string) => codeLabel(DonorKind, v, lang) },
          { title: t('donations.list.channel'), dataIndex: 'channel', width: 100, render: (v: string) => codeLabel(DonationChannel, v, lang) },
          { title: t('donations.list.amount'), dataIndex: 'amountFen', width: 110, align: 'right', render: (v: number) => formatYuan(v) },
          { title: t('donations.list.receivedOn'), dataIndex: 'receivedOn', width: 110 },
          {
            title: t('donations.list.status'),
            dataIndex: 'status',
            width: 80,
            render: (v: DonationDto['status'], d) => (v === 'refunded' ? <Tag title={d.refundReason ?? ''}>{t('donations.list.refunded')}</Tag> : <Tag color="green">{t('donations.list.valid')}</Tag>),
          },
          {
            title: t('common.actions'),
            width: actionsWidth,
            fixed: 'right',
            render: (_, d) => (
              <Space size={4} style={{ whiteSpace: 'nowrap' }}>
                <Link to={`/donations/${d.id}/receipt`} data-testid={`receipt-${d.receiptNo}`}>
                  <PrinterOutlined /> {t('donations.list.print')}
                </Link>
                {can('fund.post') && d.status === 'valid' && (
                  <Button type="link" size="small" danger icon={<RollbackOutlined />} onClick={() => setRefunding(d)} data-testid={`refund-${d.receiptNo}`}>
                    {t('donations.list.refund')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <RefundModal donation={refunding} onClose={() => setRefunding(null)} />
    </>
  );
}
