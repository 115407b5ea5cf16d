import { DownloadOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Card, Col, Empty, Progress, Row, Space, Spin, Statistic, Table, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SchoolStage } from '../../../../contracts/households.js';
import { errorMessage } from '../../../shared/errors.js';
import { formatDateTime, formatWanYuan } from '../../../shared/format.js';
import { useCan } from '../../../shared/session.js';
import { ApplicationStatusTag } from '../applications/ApplicationStatusTag.js';
import { codeLabel } from '../campaign-labels.js';
import { applicationsExportHref, noticeExportHref, useCampaignDashboard, type CampaignDashboard, type DashboardOrgRow } from './dashboard.api.js';

const wan = (fen: number) => formatWanYuan(fen, { unit: false });
const percent = (part: number, whole: number) => (whole > 0 ? Math.min(100, Math.round((part * 1000) / whole) / 10) : 0);

function TotalsCards({ d }: { d: CampaignDashboard }) {
  const { t } = useTranslation();
  const people = (count: number) => t('dashboard.cards.people', { count });
  const cards = [
    { key: 'students', title: t('dashboard.cards.students'), value: String(d.totals.students), suffix: t('dashboard.cards.unit'), extra: t('dashboard.cards.asked', { amount: formatWanYuan(d.totals.askedFen) }) },
    { key: 'approved', title: t('dashboard.cards.approved'), value: wan(d.totals.approvedFen), suffix: t('dashboard.cards.wan'), extra: people(d.totals.approved) },
    { key: 'ready', title: t('dashboard.cards.ready'), value: wan(d.totals.readyFen), suffix: t('dashboard.cards.wan'), extra: people(d.totals.ready) },
    { key: 'paid', title: t('dashboard.cards.paid'), value: wan(d.totals.paidFen), suffix: t('dashboard.cards.wan'), extra: people(d.totals.paid) },
  ];
  return (
    <Row gutter={[16, 16]}>
      {cards.map((c) => (
        <Col key={c.key} xs={24} sm={12} xl={6}>
          <Card size="small" data-testid={`dashboard-card-${c.key}`}>
            <Statistic title={c.title} value={c.value} suffix={c.suffix} />
            <Typography.Text type="secondary">{c.extra}</Typography.Text>
            {c.key === 'approved' && d.totals.inKind.length > 0 && (
              <Typography.Text type="secondary" style={{ marginInlineStart: 12 }} data-testid="dashboard-in-kind">
                {t('dashboard.cards.inKind', { items: d.totals.inKind.map((i) => `${i.item} ×${i.quantity}`).join(' ') })}
              </Typography.Text>
            )}
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function ReachCard({ reach }: { reach: NonNullable<CampaignDashboard['reach']> }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('dashboard.reach.title')} extra={<Typography.Text type="secondary">{t('dashboard.reach.builtAt', { time: formatDateTime(reach.builtAt) })}</Typography.Text>} data-testid="dashboard-reach">
      <Row gutter={[16, 8]}>
        <Col xs={8}>
          <Statistic title={t('dashboard.reach.eligible')} value={reach.eligible} />
        </Col>
        <Col xs={8}>
          <Statistic title={t('dashboard.reach.reached')} value={reach.reached} />
          <Progress percent={percent(reach.reached, reach.eligible)} size="small" />
        </Col>
        <Col xs={8}>
          <Statistic title={t('dashboard.reach.applied')} value={reach.applied} />
          <Progress percent={percent(reach.applied, reach.eligible)} size="small" strokeColor="#2f9e44" />
        </Col>
      </Row>
    </Card>
  );
}

function OrgTable({ d, onDrill }: { d: CampaignDashboard; onDrill: (orgId: string) => void }) {
  const { t } = useTranslation();
  const columns: NonNullable<TableProps<DashboardOrgRow>['columns']> = [
    {
      title: t('dashboard.byOrg.org'),
      dataIndex: 'orgName',
      render: (name: string, r) =>
        r.direct ? (
          <Typography.Text type="secondary">{t('dashboard.byOrg.own', { name })}</Typography.Text>
        ) : r.hasChildren ? (
          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onDrill(r.orgId)} title={t('dashboard.byOrg.drill')} data-testid="dashboard-drill">
            {name} <RightOutlined />
          </Button>
        ) : (
          name
        ),
    },
    { title: t('dashboard.byOrg.students'), dataIndex: 'students', width: 96, align: 'right' },
    { title: t('dashboard.byOrg.approved'), dataIndex: 'approved', width: 96, align: 'right' },
    { title: t('dashboard.byOrg.approvedAmount'), dataIndex: 'approvedFen', width: 150, align: 'right', render: (v: number) => wan(v) },
    { title: t('dashboard.byOrg.paid'), dataIndex: 'paid', width: 104, align: 'right' },
  ];
  // The budget column only where a row takes part in the campaign itself.
  const showBudget = d.byOrg.some((r) => r.budgetFen !== null);
  if (showBudget)
    columns.push({
      title: t('dashboard.byOrg.budget'),
      key: 'budget',
      width: 200,
      render: (_: unknown, r) =>
        r.budgetFen === null ? '' : <Progress percent={percent(r.budgetUsedFen ?? 0, r.budgetFen)} size="small" status={(r.budgetUsedFen ?? 0) > r.budgetFen ? 'exception' : 'normal'} />,
    });
  const sum = (key: 'students' | 'approved' | 'approvedFen' | 'paid') => d.byOrg.reduce((n, r) => n + r[key], 0);
  return (
    <Table<DashboardOrgRow>
      size="small"
      rowKey={(r) => `${r.orgId}-${r.direct}`}
      columns={columns}
      dataSource={d.byOrg}
      pagination={false}
      scroll={{ x: 760 }}
      data-testid="dashboard-by-org"
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>
            <Typography.Text strong>{t('dashboard.total')}</Typography.Text>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={1} align="right">{sum('students')}</Table.Summary.Cell>
          <Table.Summary.Cell index={2} align="right">{sum('approved')}</Table.Summary.Cell>
          <Table.Summary.Cell index={3} align="right">{wan(sum('approvedFen'))}</Table.Summary.Cell>
          <Table.Summary.Cell index={4} align="right">{sum('paid')}</Table.Summary.Cell>
          {showBudget && <Table.Summary.Cell index={5} />}
        </Table.Summary.Row>
      )}
    />
  );
}

function StatusTable({ d }: { d: CampaignDashboard }) {
  const { t } = useTranslation();
  const columns: TableProps<CampaignDashboard['byStatus'][number]>['columns'] = [
    { title: t('dashboard.byStatus.status'), dataIndex: 'status', render: (s: string) => <ApplicationStatusTag status={s} /> },
    { title: t('dashboard.byStatus.count'), dataIndex: 'count', width: 80, align: 'right' },
    { title: t('dashboard.byStatus.asked'), dataIndex: 'askedFen', width: 140, align: 'right', render: (v: number) => wan(v) },
    { title: t('dashboard.byStatus.approved'), dataIndex: 'approvedFen', width: 140, align: 'right', render: (v: number) => (v ? wan(v) : '') },
  ];
  return <Table size="small" rowKey="status" columns={columns} dataSource={d.byStatus} pagination={false} data-testid="dashboard-by-status" />;
}

function StageTable({ d }: { d: CampaignDashboard }) {
  const { t, i18n } = useTranslation();
  const most = Math.max(1, ...d.byStage.map((s) => s.students));
  const columns: TableProps<CampaignDashboard['byStage'][number]>['columns'] = [
    { title: t('dashboard.byStage.stage'), dataIndex: 'stage', width: 90, render: (s: string) => codeLabel(SchoolStage, s, i18n.language) },
    {
      title: t('dashboard.byStage.students'),
      dataIndex: 'students',
      render: (n: number, s) => (
        // A bar per stage, in proportion to the largest: the approved part darker.
        <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
          <div style={{ flex: 1, height: 10, background: '#f0f0f0', borderRadius: 5, overflow: 'hidden' }} aria-hidden>
            <div style={{ width: `${(n * 100) / most}%`, height: '100%', background: '#91caff', position: 'relative' }}>
              <div style={{ width: n ? `${(s.approved * 100) / n}%` : 0, height: '100%', background: '#1a5fd0' }} />
            </div>
          </div>
          <span style={{ minWidth: 32, textAlign: 'right' }}>{n}</span>
        </div>
      ),
    },
    { title: t('dashboard.byStage.approved'), dataIndex: 'approved', width: 90, align: 'right' },
    { title: t('dashboard.byStage.approvedAmount'), dataIndex: 'approvedFen', width: 140, align: 'right', render: (v: number) => wan(v) },
  ];
  return <Table size="small" rowKey="stage" columns={columns} dataSource={d.byStage} pagination={false} data-testid="dashboard-by-stage" />;
}

function Budgets({ d }: { d: CampaignDashboard }) {
  const { t } = useTranslation();
  if (d.budgets.length === 0) return <Typography.Text type="secondary">{t('dashboard.budgets.none')}</Typography.Text>;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="dashboard-budgets">
      {d.budgets.map((b) => (
        <div key={b.orgId}>
          <div style={{ display: 'flex', justifyContent: 'space-between', gap: 12, flexWrap: 'wrap' }}>
            <Typography.Text>{b.orgName}</Typography.Text>
            <Typography.Text type="secondary">{t('dashboard.budgets.usedOf', { used: formatWanYuan(b.usedFen), budget: formatWanYuan(b.budgetFen) })}</Typography.Text>
          </div>
          <Progress percent={percent(b.usedFen, b.budgetFen)} size="small" status={b.usedFen > b.budgetFen ? 'exception' : 'normal'} />
        </div>
      ))}
    </Space>
  );
}

/** The campaign dashboard (活动看板): totals, reach, by org with drill-down, by status and stage, budgets, and the exports. */
export default function DashboardTab({ campaign }: { campaign: { id: string; name: string; year: number } }) {
  const { t } = useTranslation();
  const can = useCan();
  const [orgId, setOrgId] = useState<string | undefined>();
  const { data: d, isLoading, isFetching, error } = useCampaignDashboard(campaign.id, orgId);

  if (isLoading) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  if (error || !d) return <Alert type="error" showIcon title={errorMessage(t, error)} />;

  const trail = d.trail.map((o, i) => ({
    title:
      i < d.trail.length - 1 ? (
        <a onClick={() => setOrgId(i === 0 ? undefined : o.id)} data-testid="dashboard-crumb">
          {o.name}
        </a>
      ) : (
        o.name
      ),
  }));

  return (
    <Spin spinning={isFetching}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="dashboard-tab">
        <Card size="small">
          <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
            <Space orientation="vertical" size={2}>
              <Breadcrumb items={trail} data-testid="dashboard-trail" />
              <Typography.Text type="secondary">{t('dashboard.description')}</Typography.Text>
            </Space>
            <Space wrap>
              {can('application.read') && (
                <Button icon={<DownloadOutlined />} href={applicationsExportHref(campaign.id, orgId)} data-testid="dashboard-export-applications">
                  {t('dashboard.exportApplications')}
                </Button>
              )}
              <Button icon={<DownloadOutlined />} href={noticeExportHref(campaign.id)} data-testid="dashboard-export-notice">
                {t('dashboard.exportNotice')}
              </Button>
            </Space>
          </Space>
        </Card>

        <TotalsCards d={d} />
        {d.reach && <ReachCard reach={d.reach} />}

        <Card size="small" title={t('dashboard.byOrg.title')}>
          {d.byOrg.every((r) => r.students === 0 && r.budgetFen === null) && d.totals.students === 0 ? <Empty description={t('dashboard.empty')} /> : <OrgTable d={d} onDrill={setOrgId} />}
        </Card>

        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <Card size="small" title={t('dashboard.byStatus.title')} style={{ height: '100%' }}>
              <StatusTable d={d} />
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card size="small" title={t('dashboard.byStage.title')} style={{ height: '100%' }}>
              <StageTable d={d} />
            </Card>
          </Col>
        </Row>

        <Card size="small" title={t('dashboard.budgets.title')}>
          <Budgets d={d} />
        </Card>
      </Space>
    </Spin>
  );
}
