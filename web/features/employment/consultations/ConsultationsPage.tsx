import { BarChartOutlined, PhoneOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ConsultationChannel, type ConsultationDto } from '../../../../contracts/consultations.js';
import { ConsultationCategory } from '../../../../contracts/employment.js';
import { codeLabel, codeOptions } from '../../../shared/code-labels.js';
import { formatDateTime } from '../../../shared/format.js';
import { PageHeader } from '../../../shared/PageHeader.js';
import { OrgTreeSelect } from '../../orgs/OrgTreeSelect.js';
import { formatHours } from './consultation-view.js';
import { useConsultationQueue } from './consultations.api.js';
import { ConsultationStatusTag } from './ConsultationStatusTag.js';
import { HotlineCallModal } from './HotlineCallModal.js';

const PAGE_SIZE = 20;
const TABS = ['open', 'answered', 'closed', 'all'] as const;

/** 咨询工单: the questions routed to the user's subtree, open ones first and the longest waiting at the top. */
export default function ConsultationsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tab = (TABS as readonly string[]).includes(params.get('status') ?? '') ? (params.get('status') as (typeof TABS)[number]) : 'open';
  const [orgId, setOrgId] = useState<string | undefined>();
  const [category, setCategory] = useState<string | undefined>();
  const [channel, setChannel] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [recording, setRecording] = useState(false);
  const { data, isFetching } = useConsultationQueue({ status: tab === 'all' ? undefined : tab, orgId, category, channel, page, pageSize: PAGE_SIZE });
  const counts = data?.counts ?? {};
  const all = Object.values(counts).reduce((n, c) => n + c, 0);
  const reset = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPage(1);
  };

  return (
    <>
      <PageHeader
        title={t('consultations.title')}
        description={t('consultations.description')}
        extra={
          <Space wrap>
            <Button icon={<BarChartOutlined />} onClick={() => void navigate('/consultations/stats')} data-testid="consultations-stats">
              {t('consultations.actions.stats')}
            </Button>
            <Button icon={<QuestionCircleOutlined />} onClick={() => void navigate('/consultations/faq')} data-testid="consultations-faq">
              {t('consultations.actions.faq')}
            </Button>
            <Button type="primary" icon={<PhoneOutlined />} onClick={() => setRecording(true)} data-testid="hotline-new">
              {t('consultations.actions.hotline')}
            </Button>
          </Space>
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 8 }}>
          <OrgTreeSelect allowClear value={orgId} onChange={reset(setOrgId)} placeholder={t('consultations.filters.org')} style={{ width: 220 }} data-testid="consultations-filter-org" />
          <Select allowClear value={category} onChange={reset(setCategory)} placeholder={t('consultations.filters.category')} options={codeOptions(ConsultationCategory, lang)} style={{ width: 150 }} />
          <Select allowClear value={channel} onChange={reset(setChannel)} placeholder={t('consultations.filters.channel')} options={codeOptions(ConsultationChannel, lang)} style={{ width: 140 }} />
        </Space>
        <Tabs
          activeKey={tab}
          onChange={(key) => {
            setParams(key === 'open' ? {} : { status: key }, { replace: true });
            setPage(1);
          }}
          items={TABS.map((key) => ({
            key,
            label: (
              <span data-testid={`consultations-tab-${key}`}>
                {t(`consultations.tabs.${key}`)} <Badge count={key === 'all' ? all : (counts[key] ?? 0)} showZero overflowCount={9999} color={key === 'open' ? '#cf1322' : '#8c8c8c'} />
              </span>
            ),
          }))}
        />
        <Table<ConsultationDto>
          rowKey="id"
          loading={isFetching}
          dataSource={data?.items ?? []}
          scroll={{ x: 1100 }}
          data-testid="consultations-table"
          pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, showSizeChanger: false, showTotal: (total) => t('common.total', { total }), onChange: setPage }}
          columns={[
            {
              title: t('consultations.fields.ticketNo'),
              dataIndex: 'ticketNo',
              width: 160,
              render: (v: string, c) => (
                <Link to={`/consultations/${c.id}`} data-testid="consultation-row-link">
                  {v}
                </Link>
              ),
            },
            {
              title: t('consultations.fields.question'),
              dataIndex: 'question',
              render: (v: string) => (
                <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
                  {v}
                </Typography.Paragraph>
              ),
            },
            { title: t('consultations.fields.category'), dataIndex: 'category', width: 100, render: (v: string) => codeLabel(ConsultationCategory, v, lang) },
            { title: t('consultations.fields.org'), dataIndex: 'orgName', width: 150, ellipsis: true },
            { title: t('consultations.fields.channel'), dataIndex: 'channel', width: 110, render: (v: string) => <Tag bordered={false}>{codeLabel(ConsultationChannel, v, lang)}</Tag> },
            { title: t('consultations.fields.createdAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatDateTime(v) },
            {
              title: t('consultations.fields.waiting'),
              dataIndex: 'waitingHours',
              width: 110,
              align: 'right',
              render: (v: number, c) => <span style={{ color: c.status === 'open' && v >= 72 ? '#cf1322' : undefined }}>{formatHours(t, v)}</span>,
            },
            { title: t('consultations.fields.status'), dataIndex: 'status', width: 90, render: (v: ConsultationDto['status']) => <ConsultationStatusTag status={v} /> },
          ]}
        />
      </Card>
      <HotlineCallModal open={recording} onClose={() => setRecording(false)} onCreated={(id) => void navigate(`/consultations/${id}`)} />
    </>
  );
}
