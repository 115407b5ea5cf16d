import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatWanYuan, formatYuan } from '../../shared/format.js';
import { PageHeader } from '../../shared/PageHeader.js';
import { useCan } from '../../shared/session.js';
import { CreateFundModal } from './CreateFundModal.js';
import { subtreeTotals } from './fund-totals.js';
import { useFunds, type FundDto } from './funds.api.js';

const AMOUNTS = ['raisedFen', 'allocatedOutFen', 'paidFen', 'balanceFen'] as const;
const AMOUNT_LABEL = { raisedFen: 'raised', allocatedOutFen: 'allocatedOut', paidFen: 'paid', balanceFen: 'balance' } as const;

/** 资金管理: the funds of the user's subtree with raised, allocated, paid and balance, and their total. */
export default function FundsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const { data, isLoading } = useFunds();
  const items = data?.items ?? [];
  const totals = subtreeTotals(items);
  const wan = (fen: number) => t('funds.wanYuan', { value: formatWanYuan(fen, { unit: false }) });
  const cards = [
    { key: 'count', title: t('funds.count'), value: String(items.length) },
    { key: 'raised', title: t('funds.fields.raised'), value: wan(totals.raisedFen) },
    { key: 'paid', title: t('funds.fields.paid'), value: wan(totals.paidFen) },
    { key: 'balance', title: t('funds.fields.balance'), value: wan(totals.balanceFen) },
  ];
  return (
    <>
      <PageHeader
        title={t('funds.title')}
        description={t('funds.description')}
        extra={
          can('fund.post') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="fund-new">
              {t('funds.newFund')}
            </Button>
          )
        }
      />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {cards.map((c) => (
          <Col key={c.key} xs={12} lg={6}>
            <Card size="small">
              <Statistic title={c.title} value={c.value} loading={isLoading} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card>
        <Table<FundDto>
          rowKey="id"
          loading={isLoading}
          dataSource={items}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: t('funds.empty') }}
          columns={[
            { title: t('funds.fields.org'), dataIndex: 'orgName', width: 200 },
            { title: t('funds.fields.name'), dataIndex: 'name', render: (v: string, f) => <Link to={`/funds/${f.id}`}>{v}</Link> },
            ...AMOUNTS.map((k) => ({ title: t(`funds.fields.${AMOUNT_LABEL[k]}`), dataIndex: k, align: 'right' as const, width: 150, render: (v: number) => formatYuan(v) })),
          ]}
          summary={() =>
            items.length > 0 && (
              <Table.Summary fixed>
                <Table.Summary.Row style={{ fontWeight: 600 }}>
                  <Table.Summary.Cell index={0} colSpan={2}>
                    {t('funds.totals')}
                  </Table.Summary.Cell>
                  {AMOUNTS.map((k, i) => (
                    <Table.Summary.Cell key={k} index={i + 2} align="right">
                      <span data-testid={`funds-total-${k}`}>{formatYuan(totals[k])}</span>
                    </Table.Summary.Cell>
                  ))}
                </Table.Summary.Row>
              </Table.Summary>
            )
          }
        />
        {items.length > 0 && (
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
            {t('funds.totalsNote')}
          </Typography.Text>
        )}
      </Card>
      <CreateFundModal open={creating} onClose={() => setCreating(false)} onCreated={(id) => void navigate(`/funds/${id}`)} />
    </>
  );
}
