import { ReloadOutlined, TeamOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Form, Progress, Row, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WorklistReason } from '../../../../contracts/campaigns.js';
import { errorMessage } from '../../../shared/errors.js';
import { FilterButtons } from '../../../shared/FilterButtons.js';
import { formatDateTime } from '../../../shared/format.js';
import { useCan } from '../../../shared/session.js';
import { useReportError } from '../../../shared/useReportError.js';
import { OrgTreeSelect } from '../../orgs/OrgTreeSelect.js';
import { codeOptions } from '../campaign-labels.js';
import { buildProgress } from './build-progress.js';
import { ContactHistory } from './ContactHistory.js';
import { ContactModal } from './ContactModal.js';
import { reachErrorMessage } from './reach-errors.js';
import { useWorklistColumns } from './worklist-columns.js';
import { useBuildWorklist, useWorklist, useWorklistJob, type WorklistEntry, type WorklistFilter } from './reach.api.js';

interface Props {
  campaign: { id: string; name: string; year: number; status?: string; worklistBuiltAt?: string | null };
}

function BuildCard({ campaign, builtAt }: { campaign: Props['campaign']; builtAt: string | null | undefined }) {
  const { t } = useTranslation();
  const can = useCan();
  const [jobId, setJobId] = useState<string | null>(null);
  const build = useBuildWorklist(campaign.id);
  const job = useWorklistJob(campaign.id, jobId);
  const reportError = useReportError(reachErrorMessage);
  const running = !!jobId && (job.data?.state === 'queued' || job.data?.state === 'running' || !job.data);
  const progress = job.data ? buildProgress(t, job.data) : null;
  const start = async () => {
    try {
      setJobId((await build.mutateAsync()).jobId);
    } catch (err) {
      reportError(err);
    }
  };
  return (
    <Card size="small">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space orientation="vertical" size={2}>
            <Typography.Text>{t('reach.description')}</Typography.Text>
            <Typography.Text type="secondary" data-testid="reach-built-at">
              {builtAt ? t('reach.build.builtAt', { time: formatDateTime(builtAt) }) : t('reach.build.never')}
            </Typography.Text>
          </Space>
          {can('campaign.reach') && campaign.status !== 'closed' && (
            <Button type={builtAt ? 'default' : 'primary'} icon={builtAt ? <ReloadOutlined /> : <TeamOutlined />} loading={build.isPending || running} onClick={() => void start()} data-testid="reach-build">
              {builtAt ? t('reach.build.rebuild') : t('reach.build.button')}
            </Button>
          )}
        </Space>
        {progress && (
          <div data-testid="reach-build-progress">
            <Progress percent={progress.percent} status={progress.status} size="small" />
            <Typography.Text type={progress.status === 'exception' ? 'danger' : 'secondary'}>{progress.text}</Typography.Text>
          </div>
        )}
        {!progress && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('reach.build.hint')}</Typography.Text>}
      </Space>
    </Card>
  );
}

function Filters({ onSearch }: { onSearch: (f: WorklistFilter) => void }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<WorklistFilter>();
  const col = { xs: 24, sm: 12, lg: 6 } as const;
  const yesNo = (yes: string, no: string) => [
    { value: 'yes', label: yes },
    { value: 'no', label: no },
  ];
  return (
    <Form form={form} layout="vertical" onFinish={(v) => onSearch({ orgId: v.orgId || undefined, reached: v.reached, applied: v.applied, reason: v.reason })} data-testid="reach-filters">
      <Row gutter={16} align="bottom">
        <Col {...col}>
          <Form.Item name="orgId" label={t('reach.filters.org')}>
            <OrgTreeSelect allowClear placeholder={t('reach.filters.orgPlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={4}>
          <Form.Item name="reached" label={t('reach.filters.reached')}>
            <Select allowClear placeholder={t('common.all')} options={yesNo(t('reach.filters.reachedYes'), t('reach.filters.reachedNo'))} data-testid="reach-filter-reached" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={4}>
          <Form.Item name="applied" label={t('reach.filters.applied')}>
            <Select allowClear placeholder={t('common.all')} options={yesNo(t('reach.filters.appliedYes'), t('reach.filters.appliedNo'))} data-testid="reach-filter-applied" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={4}>
          <Form.Item name="reason" label={t('reach.filters.reason')}>
            <Select allowClear placeholder={t('common.all')} options={codeOptions(WorklistReason, i18n.language)} />
          </Form.Item>
        </Col>
        <Col xs={24} lg={6}>
          <FilterButtons
            onReset={() => {
              form.resetFields();
              onSearch({});
            }}
          />
        </Col>
      </Row>
    </Form>
  );
}

/** 通知到人: build the worklist from the archive, then tell each family and record it. */
export default function ReachTab({ campaign }: Props) {
  const { t } = useTranslation();
  const can = useCan();
  const [filter, setFilter] = useState<WorklistFilter>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [contactFor, setContactFor] = useState<WorklistEntry | null>(null);
  const { data, isLoading, isFetching, error } = useWorklist(campaign.id, filter, page.page, page.pageSize);
  const columns = useWorklistColumns();
  if (can('campaign.reach') && campaign.status !== 'closed')
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      fixed: 'right',
      render: (_: unknown, r) => (
        <Button size="small" onClick={() => setContactFor(r)} data-testid="reach-record-contact">
          {t('reach.actions.record')}
        </Button>
      ),
    });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="reach-tab">
      <BuildCard campaign={campaign} builtAt={data?.worklistBuiltAt ?? campaign.worklistBuiltAt} />
      <Card size="small">
        <Filters
          onSearch={(f) => {
            setFilter(f);
            setPage((p) => ({ ...p, page: 1 }));
          }}
        />
        {error && <Alert type="error" showIcon title={errorMessage(t, error)} style={{ marginBottom: 12 }} />}
        <Table<WorklistEntry>
          size="small"
          rowKey="studentIdHash"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={isLoading || isFetching}
          scroll={{ x: 1100 }}
          expandable={{ expandedRowRender: (r) => <ContactHistory campaignId={campaign.id} studentIdHash={r.studentIdHash} /> }}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
            onChange: (p, pageSize) => setPage({ page: pageSize === page.pageSize ? p : 1, pageSize }),
          }}
          data-testid="reach-worklist"
        />
      </Card>
      <ContactModal campaign={campaign} entry={contactFor} onClose={() => setContactFor(null)} />
    </Space>
  );
}
