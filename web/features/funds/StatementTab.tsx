import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Form, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EntryKind } from '../../../contracts/funds.js';
import { codeLabel } from '../../shared/code-labels.js';
import { formatYuan } from '../../shared/format.js';
import { useReportError } from '../../shared/useReportError.js';
import { fundErrorMessage } from './fund-errors.js';
import { statementXlsxHref, useStatement, type StatementPeriod, type StatementRow } from './funds.api.js';

/** 资金明细: a period's opening, in, out and closing, and its movements with the balance after each. */
export function StatementTab({ fundId }: { fundId: string }) {
  const { t, i18n } = useTranslation();
  // Empty ends: the fund's whole history (the server starts at its first day and ends today).
  const [period, setPeriod] = useState<StatementPeriod>({});
  const statement = useStatement(fundId, period);
  const reportError = useReportError(fundErrorMessage);
  useEffect(() => {
    if (statement.error) reportError(statement.error);
  }, [statement.error, reportError]);
  const pages = statement.data?.pages ?? [];
  const first = pages[0];
  const rows = pages.flatMap((p) => p.items);
  const cards = first
    ? [
        { key: 'opening', title: t('funds.statement.opening'), fen: first.openingFen },
        { key: 'in', title: t('funds.statement.in'), fen: first.inFen },
        { key: 'out', title: t('funds.statement.out'), fen: first.outFen },
        { key: 'closing', title: t('funds.statement.closing'), fen: first.closingFen },
      ]
    : [];

  return (
    <Card>
      <div style={{ display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: 12, marginBottom: 16 }}>
        <Form layout="inline">
          <Form.Item label={t('funds.statement.period')} extra={t('funds.statement.wholeHistory')} style={{ marginBottom: 0 }}>
            <DatePicker.RangePicker
              allowEmpty={[true, true]}
              value={[period.from ? dayjs(period.from) : null, period.to ? dayjs(period.to) : null]}
              onChange={(v) => setPeriod({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
              data-testid="statement-period"
            />
          </Form.Item>
        </Form>
        <Button icon={<DownloadOutlined />} href={statementXlsxHref(fundId, period)} data-testid="statement-export">
          {t('funds.statement.export')}
        </Button>
      </div>
      <Row gutter={[16, 16]} style={{ marginBottom: 8 }}>
        {cards.map((c) => (
          <Col key={c.key} xs={12} md={6}>
            <Statistic title={c.title} value={formatYuan(c.fen)} styles={{ content: { fontSize: 18 } }} />
          </Col>
        ))}
      </Row>
      {first && (
        <Typography.Paragraph type="secondary">
          {`${period.from || period.to ? `${period.from ?? '…'} ~ ${first.to}` : t('funds.statement.allHistory', { to: first.to })} · ${t('funds.statement.rows', { count: first.rowCount })}`}
        </Typography.Paragraph>
      )}
      <Table<StatementRow>
        rowKey="postingId"
        size="middle"
        loading={statement.isLoading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 860 }}
        locale={{ emptyText: t('funds.statement.empty') }}
        columns={[
          { title: t('funds.statement.date'), dataIndex: 'occurredOn', width: 110 },
          { title: t('funds.statement.kind'), dataIndex: 'kind', width: 90, render: (v: string) => codeLabel(EntryKind, v, i18n.language) },
          {
            title: t('funds.statement.memo'),
            dataIndex: 'memo',
            render: (v: string, r) => (
              <Space size={4} wrap>
                <Typography.Text type={r.reversedBy ? 'secondary' : undefined} delete={!!r.reversedBy}>
                  {v}
                </Typography.Text>
                {r.reversedBy && <Tag color="orange">{t('funds.statement.reversed')}</Tag>}
                {r.reversesId && <Tag color="blue">{t('funds.statement.reversal')}</Tag>}
              </Space>
            ),
          },
          { title: t('funds.statement.income'), key: 'in', align: 'right', width: 140, render: (_: unknown, r) => (r.amountFen > 0 ? formatYuan(r.amountFen) : '') },
          { title: t('funds.statement.expense'), key: 'out', align: 'right', width: 140, render: (_: unknown, r) => (r.amountFen < 0 ? formatYuan(-r.amountFen) : '') },
          { title: t('funds.statement.balance'), dataIndex: 'balanceAfterFen', align: 'right', width: 150, render: (v: number) => formatYuan(v) },
        ]}
      />
      {first && rows.length > 0 && (
        <div style={{ display: 'flex', justifyContent: 'center', alignItems: 'center', gap: 16, marginTop: 16 }}>
          <Typography.Text type="secondary">{t('funds.statement.shown', { shown: rows.length, total: first.rowCount })}</Typography.Text>
          {statement.hasNextPage && (
            <Button onClick={() => void statement.fetchNextPage()} loading={statement.isFetchingNextPage} data-testid="statement-more">
              {t('funds.statement.loadMore')}
            </Button>
          )}
        </div>
      )}
    </Card>
  );
}
