import { Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatYuan } from '../../shared/format.js';
import { useFundAllocations, type FundAllocation } from './funds.api.js';

/** 拨款记录: allocations out of this fund and into it, newest first. */
export function AllocationsTab({ fundId }: { fundId: string }) {
  const { t } = useTranslation();
  const { data, isLoading } = useFundAllocations(fundId);
  return (
    <Card>
      <Table<FundAllocation>
        rowKey="id"
        size="middle"
        loading={isLoading}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 760 }}
        locale={{ emptyText: t('funds.allocations.empty') }}
        columns={[
          { title: t('funds.allocations.date'), dataIndex: 'allocatedOn', width: 110 },
          {
            title: t('funds.allocations.direction'),
            dataIndex: 'direction',
            width: 90,
            render: (v: FundAllocation['direction']) => <Tag color={v === 'out' ? 'orange' : 'green'}>{t(`funds.allocations.${v}`)}</Tag>,
          },
          {
            title: t('funds.allocations.otherFund'),
            key: 'other',
            render: (_: unknown, a) => {
              const label = `${a.otherOrgName} · ${a.otherFundName}`;
              return a.otherFundId ? <Link to={`/funds/${a.otherFundId}`}>{label}</Link> : label;
            },
          },
          { title: t('funds.allocations.amount'), dataIndex: 'amountFen', align: 'right', width: 150, render: (v: number) => formatYuan(v) },
          { title: t('funds.allocations.memo'), dataIndex: 'memo', render: (v: string | null) => v ?? '' },
        ]}
      />
    </Card>
  );
}
