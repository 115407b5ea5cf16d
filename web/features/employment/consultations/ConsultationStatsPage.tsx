import { ArrowLeftOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, DatePicker, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ConsultationStatsRow } from '../../../../contracts/consultations.js';
import { PageHeader } from '../../../shared/PageHeader.js';
import { formatHours } from './consultation-view.js';
import { useConsultationStats } from './consultations.api.js';

type Row = ConsultationStatsRow & { key: string; total?: boolean };

/**
 * 咨询响应时效: per org of the user's subtree, the questions asked in a period, how many were answered,
 * the median and 90th percentile hours to the answer, those still open and the oldest of them; an org
 * with orgs below it drills down.
 */
export default function ConsultationStatsPage() {
  const { t } = useTranslation();
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const [orgId, setOrgId] = useState<string | undefined>();
  const { data, isFetching } = useConsultationStats({ from: range?.[0].format('YYYY-MM-DD'), to: range?.[1].format('YYYY-MM-DD'), orgId });
  const rows: Row[] = data ? [...data.rows.map((r) => ({ ...r, key: `${r.orgId}-${r.direct}` })), { ...data.totals, key: 'total', total: true, orgId: '', orgName: t('consultations.stats.total'), direct: false, hasChildren: false }] : [];
  const hours = (v: number | null) => formatHours(t, v);
  const lateOver = (v: number | null, limit: number) => (v !== null && v > limit ? { color: '#cf1322' } : undefined);

  return (
    <>
      <div style={{ marginBottom: 8 }}>
        <Link to="/consultations">
          <ArrowLeftOutlined /> {t('consultations.stats.back')}
        </Link>
      </div>
      <PageHeader title={t('consultations.stats.title')} description={t('consultations.stats.description')} />
      <Card>
        <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
          <Breadcrumb
            items={(data?.trail ?? []).map((o, i, all) => ({
              title: i < all.length - 1 ? <a onClick={() => setOrgId(i === 0 ? undefined : o.id)}>{o.name}</a> : o.name,
            }))}
            data-testid="consultation-stats-trail"
          />
          <Space wrap>
            <Typography.Text type="secondary">{t('consultations.stats.period')}</Typography.Text>
            <DatePicker.RangePicker
              value={range ?? (data ? [dayjs(data.from), dayjs(data.to)] : null)}
              onChange={(v) => setRange(v && v[0] && v[1] ? [v[0], v[1]] : null)}
              allowClear={false}
              data-testid="consultation-stats-period"
            />
          </Space>
        </Space>
        <Table<Row>
          rowKey="key"
          loading={isFetching}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 900 }}
          size="middle"
          data-testid="consultation-stats-table"
          onRow={(r) => (r.total ? { style: { fontWeight: 600, background: '#fafafa' } } : {})}
          columns={[
            {
              title: t('consultations.stats.org'),
              dataIndex: 'orgName',
              render: (v: string, r) =>
                r.hasChildren ? (
                  <Button type="link" style={{ padding: 0 }} onClick={() => setOrgId(r.orgId)} data-testid="consultation-stats-drill">
                    {v}
                  </Button>
                ) : r.direct ? (
                  t('consultations.stats.own', { org: v })
                ) : (
                  v
                ),
            },
            { title: t('consultations.stats.asked'), dataIndex: 'asked', width: 90, align: 'right' },
            { title: t('consultations.stats.answered'), dataIndex: 'answered', width: 90, align: 'right' },
            { title: t('consultations.stats.median'), dataIndex: 'medianHours', width: 130, align: 'right', render: (v: number | null) => <span style={lateOver(v, 72)}>{hours(v)}</span> },
            { title: t('consultations.stats.p90'), dataIndex: 'p90Hours', width: 130, align: 'right', render: (v: number | null) => <span style={lateOver(v, 120)}>{hours(v)}</span> },
            { title: t('consultations.stats.open'), dataIndex: 'open', width: 90, align: 'right', render: (v: number) => <span style={v > 0 ? { color: '#cf1322' } : undefined}>{v}</span> },
            { title: t('consultations.stats.oldestOpen'), dataIndex: 'oldestOpenHours', width: 130, align: 'right', render: (v: number | null) => <span style={lateOver(v, 72)}>{hours(v)}</span> },
          ]}
        />
      </Card>
    </>
  );
}
