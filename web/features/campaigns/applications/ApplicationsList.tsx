import { Card, Table, Tag, Typography, type TableProps } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { SchoolStage } from '../../../../contracts/households.js';
import { formatYuan } from '../../../shared/format.js';
import { codeLabel } from '../campaign-labels.js';
import { useCampaigns } from '../campaigns.api.js';
import { applicationErrorMessage } from './application-errors.js';
import { ApplicationFilters } from './ApplicationFilters.js';
import { ApplicationStatusTag } from './ApplicationStatusTag.js';
import { useApplications, type ApplicationFilter, type ApplicationListItem, type ApplicationListParams, type ApplicationSort } from './applications.api.js';
import { BulkStepBar } from './BulkStepBar.js';
import { DEFAULT_SORT, PAGE_SIZES, paramsFrom, SORTABLE, toSearch } from './list-params.js';

function useColumns(params: ApplicationListParams, showCampaign: boolean): NonNullable<TableProps<ApplicationListItem>['columns']> {
  const { t, i18n } = useTranslation();
  const campaigns = useCampaigns();
  const campaignName = useMemo(() => new Map((campaigns.data?.items ?? []).map((c) => [c.id, c.name])), [campaigns.data]);
  const sortOrder = (field: ApplicationSort) => (params.sort === field ? (params.order === 'asc' ? 'ascend' : 'descend') : null);
  return [
    {
      title: t('applications.fields.applicationNo'),
      dataIndex: 'applicationNo',
      width: 150,
      fixed: 'left',
      sorter: true,
      sortOrder: sortOrder('applicationNo'),
      render: (v: string, a) => (
        <Link to={`/applications/${a.id}`} className="uh-mono" data-testid="application-link">
          {v}
        </Link>
      ),
    },
    {
      title: t('applications.fields.student'),
      dataIndex: 'studentName',
      width: 156,
      sorter: true,
      sortOrder: sortOrder('studentName'),
      render: (v: string, a) => (
        <>
          <span>{v}</span>
          {!a.filed && (
            <Tag color="orange" style={{ color: '#873800', marginInlineStart: 6 }}>
              {t('applications.fields.unfiledShort')}
            </Tag>
          )}
          <Typography.Text type="secondary" className="uh-mono" style={{ display: 'block' }}>
            {a.studentIdMasked}
          </Typography.Text>
        </>
      ),
    },
    ...(showCampaign
      ? [{ title: t('applications.fields.campaign'), dataIndex: 'campaignId', width: 124, ellipsis: { showTitle: true }, render: (v: string) => campaignName.get(v) ?? '' }]
      : []),
    { title: t('applications.fields.org'), dataIndex: 'orgName', width: 150, ellipsis: { showTitle: true } },
    {
      title: t('applications.fields.school'),
      dataIndex: 'schoolName',
      width: 170,
      ellipsis: { showTitle: true },
      render: (v: string, a) => (
        <>
          <span title={v}>{v}</span>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {codeLabel(SchoolStage, a.schoolStage, i18n.language)} · {a.admissionYear}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('applications.fields.amount'),
      dataIndex: 'amountFen',
      width: 132,
      align: 'right',
      sorter: true,
      sortOrder: sortOrder('amountFen'),
      render: (v: number, a) => (
        <>
          <span>{formatYuan(v)}</span>
          {a.approvedAmountFen !== null && (
            <Typography.Text type="success" style={{ display: 'block', fontSize: 12 }}>
              {t('applications.list.approved', { amount: formatYuan(a.approvedAmountFen) })}
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      title: t('applications.fields.status'),
      dataIndex: 'status',
      width: 108,
      fixed: 'right',
      sorter: true,
      sortOrder: sortOrder('status'),
      render: (v: string, a) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          <ApplicationStatusTag status={v} testId="application-status" />
          {a.status === 'in_notice' && a.noticeEndsOn && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {t('applications.list.noticeUntil', { date: a.noticeEndsOn })}
            </Typography.Text>
          )}
        </span>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 76,
      fixed: 'right',
      render: (_, a) => <Link to={`/applications/${a.id}`}>{t('applications.list.view')}</Link>,
    },
  ];
}

/**
 * The applications in the user's subtree, filtered and sorted on the server, with the state in the
 * address; rows can be selected for the bulk steps. In a campaign's tab the campaign is fixed and
 * the page's own parameters (`keep`) stay in the address.
 */
export function ApplicationsList({ fixedCampaignId, keep = [] }: { fixedCampaignId?: string; keep?: readonly string[] }) {
  const { t, i18n } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const params = useMemo(() => paramsFrom(searchParams, fixedCampaignId), [searchParams, fixedCampaignId]);
  const filter = useMemo<ApplicationFilter>(
    () => ({ q: params.q, campaignId: params.campaignId, status: params.status, orgId: params.orgId, schoolStage: params.schoolStage, filed: params.filed }),
    [params.q, params.campaignId, params.status, params.orgId, params.schoolStage, params.filed],
  );
  const { data, isFetching, error } = useApplications(params);
  const columns = useColumns(params, !fixedCampaignId);
  const [selected, setSelected] = useState<Map<string, ApplicationListItem>>(new Map());

  const setParams = (next: ApplicationListParams) => setSearchParams(new URLSearchParams(toSearch(next, { current: searchParams, keep, fixedCampaignId }).slice(1)));
  const onFilter = (f: ApplicationFilter) => setParams({ page: 1, pageSize: params.pageSize, sort: params.sort, order: params.order, ...f });
  const onTableChange: TableProps<ApplicationListItem>['onChange'] = (pagination, _filters, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const field = typeof s?.field === 'string' && (SORTABLE as readonly string[]).includes(s.field) && s.order ? (s.field as ApplicationSort) : DEFAULT_SORT;
    const order = s?.order === 'ascend' ? 'asc' : 'desc';
    const sortChanged = field !== params.sort || order !== params.order;
    setParams({ ...params, page: sortChanged ? 1 : (pagination.current ?? 1), pageSize: pagination.pageSize ?? params.pageSize, sort: field, order });
  };
  const numberFormat = new Intl.NumberFormat(i18n.language === 'en' ? 'en-US' : 'zh-CN');

  return (
    <>
      <Card style={{ marginBottom: 16 }} styles={{ body: { paddingBottom: 0 } }}>
        <ApplicationFilters value={filter} onSearch={onFilter} fixedCampaignId={fixedCampaignId} />
      </Card>
      <Card>
        {error && <Typography.Text type="danger">{applicationErrorMessage(t, error)}</Typography.Text>}
        <BulkStepBar
          selected={[...selected.values()]}
          onClear={() => setSelected(new Map())}
          onDone={(ids) =>
            setSelected((prev) => {
              const next = new Map(prev);
              for (const id of ids) next.delete(id);
              return next;
            })
          }
        />
        <Table<ApplicationListItem>
          data-testid="application-table"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={isFetching}
          onChange={onTableChange}
          scroll={{ x: fixedCampaignId ? 980 : 1100 }}
          locale={{ emptyText: t('applications.list.empty') }}
          rowSelection={{
            selectedRowKeys: [...selected.keys()],
            preserveSelectedRowKeys: true,
            onChange: (_keys, rows) =>
              setSelected((prev) => {
                const onPage = new Set((data?.items ?? []).map((i) => i.id));
                const next = new Map([...prev].filter(([id]) => !onPage.has(id)));
                for (const r of rows) if (r) next.set(r.id, r);
                return next;
              }),
          }}
          pagination={{
            current: params.page,
            pageSize: params.pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: PAGE_SIZES,
            showTotal: (total) => <span data-testid="application-total">{t('applications.list.total', { total: numberFormat.format(total) })}</span>,
          }}
        />
      </Card>
    </>
  );
}
