import { DownloadOutlined, IdcardOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, Tooltip, Typography, type TableProps } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { HardshipCategory, HardshipCause } from '../../../contracts/households.js';
import { useCan } from '../../shared/session.js';
import { toQueryString } from '../../shared/api.js';
import { errorMessage } from '../../shared/errors.js';
import { localName } from '../../shared/labels.js';
import { PageHeader } from '../../shared/PageHeader.js';
import { useOrgTree } from '../orgs/orgs.api.js';
import { codeLabel, isHouseholdStatus } from './household-labels.js';
import { HouseholdFilters, DUE_WITHIN_DAYS } from './HouseholdFilters.js';
import { HouseholdStatusTag, SoftTag } from './HouseholdStatusTag.js';
import { filterQuery, useHouseholdCount, useHouseholds, type HouseholdFilter, type HouseholdListItem, type HouseholdListParams, type HouseholdSort } from './households.api.js';
import { IncomingTransfersButton } from './IncomingTransfers.js';
import { LookupModal } from './LookupModal.js';
import { daysUntil } from './dates.js';

const SORTABLE: readonly string[] = ['createdAt', 'updatedAt', 'caseNo', 'name', 'status', 'nextVerificationDue'] satisfies HouseholdSort[];
const DEFAULT_SORT: HouseholdSort = 'createdAt';
const PAGE_SIZES = [10, 20, 50, 100];

/** The list's state lives in the address, so going back from a household returns to the same page and filters. */
function paramsFrom(sp: URLSearchParams): HouseholdListParams {
  const num = (k: string, d: number) => {
    const n = Number(sp.get(k));
    return Number.isInteger(n) && n > 0 ? n : d;
  };
  const sort = sp.get('sort') ?? '';
  const status = (sp.get('status') ?? '').split(',').filter(isHouseholdStatus);
  return {
    page: num('page', 1),
    pageSize: PAGE_SIZES.includes(num('pageSize', 20)) ? num('pageSize', 20) : 20,
    sort: SORTABLE.includes(sort) ? (sort as HouseholdSort) : DEFAULT_SORT,
    order: sp.get('order') === 'asc' ? 'asc' : 'desc',
    q: sp.get('q') || undefined,
    orgId: sp.get('orgId') || undefined,
    status: status.length ? status : undefined,
    category: sp.get('category') || undefined,
    cause: sp.get('cause') || undefined,
    schoolStage: sp.get('schoolStage') || undefined,
    dueWithinDays: sp.get('dueWithinDays') ? DUE_WITHIN_DAYS : undefined,
  };
}

function toSearch(p: HouseholdListParams): string {
  return toQueryString({
    ...filterQuery(p),
    page: p.page === 1 ? undefined : p.page,
    pageSize: p.pageSize === 20 ? undefined : p.pageSize,
    sort: p.sort === DEFAULT_SORT ? undefined : p.sort,
    order: p.order === 'desc' ? undefined : p.order,
  });
}

function DueDate({ value }: { value: string | null }) {
  const { t } = useTranslation();
  if (!value) return <Typography.Text type="secondary">-</Typography.Text>;
  const days = daysUntil(value);
  return (
    <Space size={4}>
      <span className="uh-mono">{value}</span>
      {days < 0 ? (
        <SoftTag color="red">{t('households.list.overdue')}</SoftTag>
      ) : days <= DUE_WITHIN_DAYS ? (
        <SoftTag color="orange">{t('households.list.dueSoon')}</SoftTag>
      ) : null}
    </Space>
  );
}

function useColumns(params: HouseholdListParams): NonNullable<TableProps<HouseholdListItem>['columns']> {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { index } = useOrgTree();
  const orgName = (h: HouseholdListItem) => {
    const org = index?.byId.get(h.orgId);
    return org ? localName(org, lang) : h.orgName;
  };
  const sortOrder = (field: HouseholdSort) => (params.sort === field ? (params.order === 'asc' ? 'ascend' : 'descend') : null);
  return [
    {
      title: t('households.fields.caseNo'),
      dataIndex: 'caseNo',
      width: 150,
      fixed: 'left',
      sorter: true,
      sortOrder: sortOrder('caseNo'),
      render: (v: string, h) => (
        <Link to={`/households/${h.id}`} className="uh-mono">
          {v}
        </Link>
      ),
    },
    {
      title: t('households.fields.name'),
      dataIndex: 'name',
      width: 130,
      sorter: true,
      sortOrder: sortOrder('name'),
      render: (v: string, h) => (
        <Space size={4} style={{ whiteSpace: 'nowrap' }}>
          <span>{v}</span>
          {h.relapsed && (
            <Tooltip title={t('households.detail.relapsedHint')}>
              <SoftTag color="volcano" style={{ marginInlineEnd: 0 }}>
                {t('households.detail.relapsed')}
              </SoftTag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    { title: t('households.fields.idNumber'), dataIndex: 'idNumberMasked', width: 168, render: (v: string) => <span className="uh-mono">{v}</span> },
    { title: t('households.fields.phone'), dataIndex: 'phoneMasked', width: 116, render: (v: string | null) => <span className="uh-mono">{v ?? '-'}</span> },
    { title: t('households.fields.org'), dataIndex: 'orgName', width: 170, ellipsis: { showTitle: true }, render: (_, h) => orgName(h) },
    { title: t('households.fields.category'), dataIndex: 'category', width: 110, ellipsis: { showTitle: true }, render: (v: string) => codeLabel(HardshipCategory, v, lang) },
    { title: t('households.fields.mainCause'), dataIndex: 'mainCause', width: 140, ellipsis: { showTitle: true }, render: (v: string) => codeLabel(HardshipCause, v, lang) },
    { title: t('households.fields.householdSize'), dataIndex: 'householdSize', width: 84, align: 'right', render: (v: number) => t('households.list.persons', { count: v }) },
    {
      title: t('households.fields.status'),
      dataIndex: 'status',
      width: 112,
      fixed: 'right',
      sorter: true,
      sortOrder: sortOrder('status'),
      render: (v: string) => <HouseholdStatusTag status={v} testId="household-status" />,
    },
    {
      title: t('households.fields.nextVerificationDue'),
      dataIndex: 'nextVerificationDue',
      width: 168,
      fixed: 'right',
      sorter: true,
      sortOrder: sortOrder('nextVerificationDue'),
      render: (v: string | null) => <DueDate value={v} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 80,
      fixed: 'right',
      render: (_, h) => (
        <Link to={`/households/${h.id}`} data-testid="household-view">
          {t('households.list.view')}
        </Link>
      ),
    },
  ];
}

/** 档案列表: the households of the user's subtree, filtered and sorted on the server. */
export default function HouseholdsPage() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const params = useMemo(() => paramsFrom(searchParams), [searchParams]);
  const filter = useMemo<HouseholdFilter>(
    () => ({ q: params.q, orgId: params.orgId, status: params.status, category: params.category, cause: params.cause, schoolStage: params.schoolStage, dueWithinDays: params.dueWithinDays }),
    [params.q, params.orgId, params.status, params.category, params.cause, params.schoolStage, params.dueWithinDays],
  );
  const { data, isFetching, error } = useHouseholds(params);
  const counted = useHouseholdCount(filter, !!data).data;
  const columns = useColumns(params);
  const [lookupOpen, setLookupOpen] = useState(false);

  const setParams = (next: HouseholdListParams) => setSearchParams(new URLSearchParams(toSearch(next).slice(1)));

  const onFilter = (f: HouseholdFilter) => setParams({ page: 1, pageSize: params.pageSize, sort: params.sort, order: params.order, ...f });

  const onTableChange: TableProps<HouseholdListItem>['onChange'] = (pagination, _filters, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const field = typeof s?.field === 'string' && SORTABLE.includes(s.field) && s.order ? (s.field as HouseholdSort) : DEFAULT_SORT;
    const order = s?.order === 'ascend' ? 'asc' : 'desc';
    const sortChanged = field !== params.sort || order !== params.order;
    setParams({ ...params, page: sortChanged ? 1 : (pagination.current ?? 1), pageSize: pagination.pageSize ?? params.pageSize, sort: field, order });
  };

  const exportHref = '/api/households/export' + toQueryString(filterQuery(filter));
  // Until the count arrives (or past the 10,000 it counts to), the pager offers the pages seen so far and the next one.
  const seen = data ? (params.page - 1) * params.pageSize + data.items.length + (data.hasMore ? 1 : 0) : 0;
  const total = Math.max(counted?.total ?? 0, seen);
  const numberFormat = new Intl.NumberFormat(i18n.language === 'en' ? 'en-US' : 'zh-CN');

  return (
    <>
      <PageHeader
        title={t('households.title')}
        description={t('households.description')}
        extra={
          <Space wrap>
            {can('household.transfer') && <IncomingTransfersButton />}
            <Button icon={<IdcardOutlined />} onClick={() => setLookupOpen(true)} data-testid="household-lookup">
              {t('households.list.lookup')}
            </Button>
            {can('household.export') && (
              // A plain link: the browser downloads with the session cookie; the filters ride in the query.
              <Button icon={<DownloadOutlined />} href={exportHref} data-testid="household-export">
                {t('households.list.export')}
              </Button>
            )}
            {can('household.import') && (
              <Button icon={<UploadOutlined />} onClick={() => void navigate('/households/import')} data-testid="household-import">
                {t('households.list.import')}
              </Button>
            )}
            {can('household.create') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/households/new')} data-testid="household-new">
                {t('households.list.create')}
              </Button>
            )}
          </Space>
        }
      />
      <Card style={{ marginBottom: 16 }} styles={{ body: { paddingBottom: 0 } }}>
        <HouseholdFilters value={filter} onSearch={onFilter} />
      </Card>
      <Card>
        {error && <Typography.Text type="danger">{errorMessage(t, error)}</Typography.Text>}
        <Table<HouseholdListItem>
          data-testid="household-table"
          rowKey="id"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={isFetching}
          onChange={onTableChange}
          scroll={{ x: 1430 }}
          pagination={{
            current: params.page,
            pageSize: params.pageSize,
            total,
            showSizeChanger: true,
            pageSizeOptions: PAGE_SIZES,
            showTotal: () =>
              !counted ? null : counted.totalIsCapped ? (
                t('households.list.totalCapped', { total: numberFormat.format(counted.total) })
              ) : (
                <span data-testid="household-total">{t('common.total', { total: numberFormat.format(counted.total) })}</span>
              ),
          }}
        />
      </Card>
      <LookupModal open={lookupOpen} onClose={() => setLookupOpen(false)} />
    </>
  );
}
