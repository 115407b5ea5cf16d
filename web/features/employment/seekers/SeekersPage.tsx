import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Education, JobCategory, SeekerStatus } from '../../../../contracts/employment.js';
import { codeLabel, codeOptions } from '../../../shared/code-labels.js';
import { formatDate } from '../../../shared/format.js';
import { PageHeader } from '../../../shared/PageHeader.js';
import { useSeekers, type SeekerDto, type SeekerFilter } from './seekers.api.js';
import { SeekerStatusTag } from './SeekerStatusTag.js';
import { monthlyYuan, regionLabel } from './seeker-view.js';

const PAGE_SIZE = 20;

/** 求职登记: the seekers of the user's subtree, filtered by hardship, status, education and name (kept in the address). */
export default function SeekersPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const navigate = useNavigate();
  const [sp, setSp] = useSearchParams();
  const filter: SeekerFilter = {
    page: Number(sp.get('page') ?? 1) || 1,
    pageSize: PAGE_SIZE,
    status: sp.get('status') ?? undefined,
    hardship: (sp.get('hardship') as SeekerFilter['hardship']) ?? undefined,
    education: sp.get('education') ?? undefined,
    q: sp.get('q') ?? undefined,
  };
  const { data, isFetching } = useSeekers(filter);
  const setFilter = (key: string, value: string | undefined) =>
    setSp(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        if (key !== 'page') next.delete('page');
        return next;
      },
      { replace: true },
    );

  return (
    <>
      <PageHeader
        title={t('seekers.title')}
        description={t('seekers.description')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/job-seekers/new')} data-testid="seeker-new">
            {t('seekers.newSeeker')}
          </Button>
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            defaultValue={filter.q}
            placeholder={t('seekers.searchPlaceholder')}
            onSearch={(v) => setFilter('q', v.trim() || undefined)}
            style={{ width: 200 }}
            data-testid="seeker-filter-q"
          />
          <Select
            value={filter.hardship ?? ''}
            onChange={(v: string) => setFilter('hardship', v || undefined)}
            options={[
              { value: '', label: t('seekers.hardshipAll') },
              { value: 'true', label: t('seekers.hardshipOnly') },
              { value: 'false', label: t('seekers.hardshipNot') },
            ]}
            style={{ width: 140 }}
            data-testid="seeker-filter-hardship"
          />
          <Select
            allowClear
            value={filter.status}
            placeholder={t('seekers.allStatuses')}
            onChange={(v: string | undefined) => setFilter('status', v)}
            options={codeOptions(SeekerStatus, lang)}
            style={{ width: 140 }}
            data-testid="seeker-filter-status"
          />
          <Select
            allowClear
            value={filter.education}
            placeholder={t('seekers.allEducations')}
            onChange={(v: string | undefined) => setFilter('education', v)}
            options={codeOptions(Education, lang)}
            style={{ width: 170 }}
            data-testid="seeker-filter-education"
          />
        </Space>
        <Table<SeekerDto>
          rowKey="id"
          loading={isFetching}
          dataSource={data?.items ?? []}
          scroll={{ x: 1060 }}
          locale={{ emptyText: t('seekers.empty') }}
          data-testid="seekers-table"
          pagination={{
            current: filter.page,
            pageSize: PAGE_SIZE,
            total: data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (n) => t('seekers.total', { count: n }),
            onChange: (p) => setFilter('page', p > 1 ? String(p) : undefined),
          }}
          columns={[
            {
              title: t('seekers.fields.name'),
              dataIndex: 'name',
              width: 170,
              render: (v: string, s) => (
                <Space size={4}>
                  <Link to={`/job-seekers/${s.id}`} data-testid="seeker-link">
                    {v}
                  </Link>
                  {s.hardship && <Tag color="orange">{t('seekers.hardshipTag')}</Tag>}
                </Space>
              ),
            },
            { title: t('seekers.fields.idNumber'), dataIndex: 'idNumberMasked', width: 180, render: (v: string) => <span className="uh-mono">{v}</span> },
            { title: t('seekers.fields.education'), dataIndex: 'education', width: 130, render: (v: string) => codeLabel(Education, v, lang) },
            {
              title: t('seekers.fields.wishes'),
              key: 'wishes',
              width: 210,
              render: (_: unknown, s) => (
                <Space direction="vertical" size={0}>
                  <span>{codeLabel(JobCategory, s.wishedCategory, lang)}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {[regionLabel(s.wishedRegion, i18n.language), s.wishedSalaryFen === null ? null : t('seekers.salaryWish', { amount: monthlyYuan(s.wishedSalaryFen) })].filter(Boolean).join(' · ')}
                  </Typography.Text>
                </Space>
              ),
            },
            { title: t('seekers.fields.status'), dataIndex: 'status', width: 90, render: (v: string) => <SeekerStatusTag status={v} /> },
            { title: t('seekers.fields.org'), dataIndex: 'orgName', width: 170 },
            { title: t('seekers.fields.createdAt'), dataIndex: 'createdAt', width: 110, render: (v: string) => formatDate(v) },
          ]}
        />
      </Card>
    </>
  );
}
