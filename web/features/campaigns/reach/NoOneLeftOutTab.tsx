import { DownloadOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Card, Empty, Progress, Space, Spin, Table, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../../shared/errors.js';
import { formatDateTime } from '../../../shared/format.js';
import { useCan } from '../../../shared/session.js';
import { reachExportHref, useNotApplied, useReachReport, type ReachReport, type ReachReportRow, type WorklistEntry } from './reach.api.js';
import { useWorklistColumns } from './worklist-columns.js';

const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part * 1000) / whole) / 10 : 0);

function ReportTable({ report, onDrill }: { report: ReachReport; onDrill: (row: ReachReportRow) => void }) {
  const { t } = useTranslation();
  const columns: NonNullable<TableProps<ReachReportRow>['columns']> = [
    {
      title: t('reach.report.org'),
      dataIndex: 'orgName',
      render: (name: string, r) =>
        r.direct ? (
          <Typography.Text type="secondary">{t('reach.report.own', { name })}</Typography.Text>
        ) : r.hasChildren ? (
          <Button type="link" size="small" style={{ padding: 0 }} title={t('reach.report.drill')} onClick={() => onDrill(r)} data-testid="reach-report-drill">
            {name} <RightOutlined />
          </Button>
        ) : (
          name
        ),
    },
    { title: t('reach.report.eligible'), dataIndex: 'eligible', width: 96, align: 'right' },
    { title: t('reach.report.reached'), dataIndex: 'reached', width: 96, align: 'right' },
    { title: t('reach.report.notReached'), dataIndex: 'notReached', width: 96, align: 'right', render: (n: number) => (n ? <Typography.Text type="warning">{n}</Typography.Text> : n) },
    { title: t('reach.report.applied'), dataIndex: 'applied', width: 96, align: 'right' },
    { title: t('reach.report.notApplied'), dataIndex: 'notApplied', width: 96, align: 'right', render: (n: number) => (n ? <Typography.Text type="danger">{n}</Typography.Text> : n) },
    { title: t('reach.report.appliedRate'), key: 'rate', width: 160, render: (_: unknown, r) => <Progress percent={percent(r.applied, r.eligible)} size="small" strokeColor="#2f9e44" /> },
  ];
  const s = report.totals;
  return (
    <Table<ReachReportRow>
      size="small"
      rowKey={(r) => `${r.orgId}-${r.direct}`}
      columns={columns}
      dataSource={report.rows}
      pagination={false}
      scroll={{ x: 800 }}
      data-testid="reach-report"
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>
            <Typography.Text strong>{t('reach.report.total')}</Typography.Text>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={1} align="right">{s.eligible}</Table.Summary.Cell>
          <Table.Summary.Cell index={2} align="right">{s.reached}</Table.Summary.Cell>
          <Table.Summary.Cell index={3} align="right">{s.notReached}</Table.Summary.Cell>
          <Table.Summary.Cell index={4} align="right">{s.applied}</Table.Summary.Cell>
          <Table.Summary.Cell index={5} align="right">{s.notApplied}</Table.Summary.Cell>
          <Table.Summary.Cell index={6}>
            <Progress percent={percent(s.applied, s.eligible)} size="small" strokeColor="#2f9e44" />
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}

function NotAppliedList({ campaignId, org }: { campaignId: string; org: { id: string; name: string } | null }) {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const enabled = can('campaign.reach');
  const { data, isFetching, error } = useNotApplied(campaignId, org?.id, page.page, page.pageSize, enabled);
  const columns = useWorklistColumns().filter((c) => c.key !== 'applied' && (c as { dataIndex?: string }).dataIndex !== 'applied');
  if (!enabled) return null;
  return (
    <Card
      size="small"
      title={t('reach.report.notAppliedTitle', { org: org?.name ?? t('reach.report.top') })}
      extra={
        can('application.submit') && (
          <Button size="small" onClick={() => void navigate(`/applications/new?campaignId=${campaignId}`)} data-testid="reach-apply">
            {t('reach.report.apply')}
          </Button>
        )
      }
    >
      {error && <Alert type="error" showIcon title={errorMessage(t, error)} style={{ marginBottom: 12 }} />}
      <Table<WorklistEntry>
        size="small"
        rowKey="studentIdHash"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={isFetching}
        scroll={{ x: 960 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reach.report.notAppliedEmpty')} /> }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
          onChange: (p, pageSize) => setPage({ page: pageSize === page.pageSize ? p : 1, pageSize }),
        }}
        data-testid="reach-not-applied"
      />
    </Card>
  );
}

/** 应助尽助: per org, how many eligible students were reached and applied (drill down the tree), who has not applied, and the export. */
export default function NoOneLeftOutTab({ campaign }: { campaign: { id: string; name: string; year: number } }) {
  const { t } = useTranslation();
  const can = useCan();
  // The orgs drilled into, outermost first: the breadcrumb, and the last is the level shown.
  const [trail, setTrail] = useState<Array<{ id: string; name: string }>>([]);
  const current = trail.at(-1);
  const { data: report, isLoading, isFetching, error } = useReachReport(campaign.id, current?.id);

  if (isLoading) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  if (error || !report) return <Alert type="error" showIcon title={errorMessage(t, error)} />;

  const crumbs = [{ id: '', name: t('reach.report.top') }, ...trail].map((o, i, all) => ({
    title:
      i < all.length - 1 ? (
        <a onClick={() => setTrail(trail.slice(0, i))} data-testid="reach-report-crumb">
          {o.name}
        </a>
      ) : (
        o.name
      ),
  }));

  return (
    <Spin spinning={isFetching}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="no-one-left-out-tab">
        <Card size="small">
          <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
            <Space orientation="vertical" size={2}>
              <Breadcrumb items={crumbs} />
              <Typography.Text type="secondary">{t('reach.report.description')}</Typography.Text>
              <Typography.Text type="secondary">{report.worklistBuiltAt ? t('reach.report.builtAt', { time: formatDateTime(report.worklistBuiltAt) }) : ''}</Typography.Text>
            </Space>
            {can('campaign.reach') && (
              <Button icon={<DownloadOutlined />} href={reachExportHref(campaign.id, current?.id)} data-testid="reach-report-export">
                {t('reach.report.export')}
              </Button>
            )}
          </Space>
        </Card>
        {!report.worklistBuiltAt && <Alert type="info" showIcon title={t('reach.report.notBuilt')} />}
        <Card size="small">
          <ReportTable report={report} onDrill={(r) => setTrail([...trail, { id: r.orgId, name: r.orgName }])} />
        </Card>
        <NotAppliedList campaignId={campaign.id} org={current ?? null} />
      </Space>
    </Spin>
  );
}
