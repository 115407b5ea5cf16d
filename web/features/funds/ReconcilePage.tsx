import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime, formatYuan } from '../../shared/format.js';
import { PageHeader } from '../../shared/PageHeader.js';
import { useReportError } from '../../shared/useReportError.js';
import { fundErrorMessage } from './fund-errors.js';
import { useReconciliation, type ReconciledFund } from './funds.api.js';

const GREEN = '#389e0d';
const RED = '#cf1322';
const AMOUNTS = ['raisedFen', 'allocatedOutFen', 'paidFen', 'balanceFen'] as const;
const AMOUNT_LABEL = { raisedFen: 'raised', allocatedOutFen: 'allocatedOut', paidFen: 'paid', balanceFen: 'balance' } as const;

function Check({ ok }: { ok: boolean }) {
  return <span style={{ color: ok ? GREEN : RED, fontWeight: 600 }}>{ok ? '✓' : '✗'}</span>;
}

/** 对账: every balance recomputed from the journal now beside the kept one, per fund and for the whole journal. */
export default function ReconcilePage() {
  const { t } = useTranslation();
  const { data: r, isFetching, refetch, error } = useReconciliation();
  const reportError = useReportError(fundErrorMessage);
  useEffect(() => {
    if (error) reportError(error);
  }, [error, reportError]);

  const journal = r
    ? [
        { key: 'accountsChecked', value: r.accountsChecked, neutral: true },
        { key: 'differences', value: r.differences },
        { key: 'unbalancedEntries', value: r.unbalancedEntries },
        { key: 'monthDifferences', value: r.monthDifferences },
      ]
    : [];
  const clean = !!r && r.differences === 0 && r.unbalancedEntries === 0 && r.monthDifferences === 0;

  return (
    <>
      <PageHeader
        title={t('funds.reconcile.title')}
        description={t('funds.reconcile.description')}
        extra={
          <Button type="primary" icon={<ReloadOutlined />} loading={isFetching} onClick={() => void refetch()} data-testid="reconcile-rerun">
            {t('funds.reconcile.rerun')}
          </Button>
        }
      />
      <Card title={t('funds.reconcile.journal')} style={{ marginBottom: 16 }} loading={!r && isFetching}>
        {r && (
          <>
            <Row gutter={[16, 16]}>
              {journal.map((j) => (
                <Col key={j.key} xs={12} md={6}>
                  <Statistic
                    title={t(`funds.reconcile.${j.key as 'differences'}`)}
                    value={j.value}
                    styles={{ content: { color: j.neutral ? undefined : j.value === 0 ? GREEN : RED } }}
                    data-testid={`reconcile-${j.key}`}
                  />
                </Col>
              ))}
            </Row>
            <Alert style={{ marginTop: 16 }} type={clean ? 'success' : 'error'} showIcon title={t(clean ? 'funds.reconcile.allClear' : 'funds.reconcile.problems')} />
            <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }} data-testid="reconcile-took">
              {t('funds.reconcile.checkedAt', { at: formatDateTime(r.checkedAt, { seconds: true }), ms: r.tookMs })}
            </Typography.Text>
          </>
        )}
      </Card>
      <Card title={t('funds.reconcile.perFund')}>
        <Table<ReconciledFund>
          rowKey="fundId"
          size="middle"
          loading={!r && isFetching}
          dataSource={r?.funds ?? []}
          pagination={false}
          scroll={{ x: 1040 }}
          locale={{ emptyText: t('funds.reconcile.noFunds') }}
          columns={[
            {
              title: t('funds.fields.name'),
              key: 'fund',
              render: (_: unknown, f) => (
                <>
                  <Link to={`/funds/${f.fundId}`}>{f.name}</Link>
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {f.orgName}
                  </Typography.Text>
                </>
              ),
            },
            ...AMOUNTS.map((k) => ({ title: t(`funds.fields.${AMOUNT_LABEL[k]}`), dataIndex: k, align: 'right' as const, width: 130, render: (v: number) => formatYuan(v) })),
            {
              title: t('funds.reconcile.keptBalance'),
              dataIndex: 'keptBalanceFen',
              align: 'right',
              width: 160,
              render: (v: number, f) =>
                f.differingAccounts.length === 0 && v === f.balanceFen ? (
                  <>
                    {formatYuan(v)} <Check ok />
                  </>
                ) : (
                  <>
                    <span style={{ color: RED }}>{formatYuan(v)}</span> <Check ok={false} />
                    <div>
                      {f.differingAccounts.map((k) => (
                        <Tag key={k} color="red">
                          {k}
                        </Tag>
                      ))}
                    </div>
                  </>
                ),
            },
            { title: t('funds.reconcile.identity'), dataIndex: 'identityHolds', width: 190, align: 'center', render: (v: boolean) => <Check ok={v} /> },
          ]}
          summary={() =>
            r &&
            r.funds.length > 0 && (
              <Table.Summary fixed>
                <Table.Summary.Row style={{ fontWeight: 600 }}>
                  <Table.Summary.Cell index={0}>{t('funds.reconcile.subtreeTotals')}</Table.Summary.Cell>
                  {AMOUNTS.map((k, i) => (
                    <Table.Summary.Cell key={k} index={i + 1} align="right">
                      {formatYuan(r.totals[k])}
                    </Table.Summary.Cell>
                  ))}
                  <Table.Summary.Cell index={5} />
                  <Table.Summary.Cell index={6} align="center">
                    <span data-testid="reconcile-total-identity">
                      <Check ok={r.totals.identityHolds} />
                    </span>
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              </Table.Summary>
            )
          }
        />
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
          {t('funds.reconcile.totalsNote')}
        </Typography.Text>
      </Card>
    </>
  );
}
