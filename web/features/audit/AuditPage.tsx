import { Card, Space, Table, Tag, Tooltip, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../shared/session.js';
import { errorMessage } from '../../shared/errors.js';
import { formatDateTime, formatJson } from '../../shared/format.js';
import { localName } from '../../shared/labels.js';
import { PageHeader } from '../../shared/PageHeader.js';
import type { AuditEntry, AuditOutcome } from '../../shared/types.js';
import { useOrgTree } from '../orgs/orgs.api.js';
import { actionLabel, objectTypeLabel } from './audit-labels.js';
import { useAudit, type AuditFilter, type AuditParams } from './audit.api.js';
import { AuditSearchForm } from './AuditSearchForm.js';

// Soft tag backgrounds with darker text than antd's default, for WCAG AA contrast.
const OUTCOME_STYLE: Record<AuditOutcome, { color: string; text: string }> = {
  success: { color: 'success', text: '#237804' },
  denied: { color: 'warning', text: '#ad4e00' },
  failure: { color: 'error', text: '#a8071a' },
};

function hasDetails(details: unknown): boolean {
  return !!details && typeof details === 'object' && Object.keys(details).length > 0;
}

/** What an entry acted on: its type, a readable name from the details when there is one, and the id. */
function AuditObject({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  if (!entry.objectType) return <>-</>;
  const details = (entry.details ?? {}) as Record<string, unknown>;
  const name = [details.username, details.code, details.name].find((v): v is string => typeof v === 'string');
  return (
    <Space orientation="vertical" size={0}>
      <span>
        {objectTypeLabel(t, entry.objectType)}
        {name && <span className="uh-mono"> {name}</span>}
      </span>
      {entry.objectId && (
        <Typography.Text type="secondary" className="uh-mono" copyable={{ text: entry.objectId }}>
          <Tooltip title={entry.objectId}>{entry.objectId.slice(0, 8)}</Tooltip>
        </Typography.Text>
      )}
    </Space>
  );
}

function useColumns(order: 'asc' | 'desc'): TableProps<AuditEntry>['columns'] {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const { index } = useOrgTree(can('org.read'));
  const orgName = (id: string | null) => {
    const org = id ? index?.byId.get(id) : undefined;
    return org ? localName(org, i18n.language) : '';
  };
  return [
    {
      title: t('audit.time'),
      dataIndex: 'at',
      width: 165,
      sorter: true,
      sortOrder: order === 'asc' ? 'ascend' : 'descend',
      sortDirections: ['descend', 'ascend', 'descend'],
      render: (v: string) => <span className="uh-mono">{formatDateTime(v, { seconds: true })}</span>,
    },
    {
      title: t('audit.actor'),
      dataIndex: 'actorUsername',
      width: 125,
      render: (v: string | null) => (v ? <span className="uh-mono">{v}</span> : <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>),
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 170,
      render: (v: string) => (
        <Space orientation="vertical" size={0}>
          <span>{actionLabel(t, v) ?? v}</span>
          <Typography.Text type="secondary" className="uh-mono">
            {v}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('audit.object'),
      key: 'object',
      width: 175,
      render: (_, e) => <AuditObject entry={e} />,
    },
    { title: t('audit.org'), dataIndex: 'orgId', ellipsis: true, render: (v: string | null) => orgName(v) || '-' },
    {
      title: t('audit.outcome'),
      dataIndex: 'outcome',
      width: 85,
      render: (v: AuditOutcome) => (
        <Tag color={OUTCOME_STYLE[v]?.color ?? 'default'} style={{ color: OUTCOME_STYLE[v]?.text }}>
          {t(`audit.outcomes.${v}`, { defaultValue: v })}
        </Tag>
      ),
    },
    { title: t('audit.ip'), dataIndex: 'ip', width: 115, render: (v: string | null) => <span className="uh-mono">{v ?? '-'}</span> },
    {
      title: t('audit.requestId'),
      dataIndex: 'requestId',
      width: 110,
      render: (v: string | null) =>
        v ? (
          <Typography.Text className="uh-mono" copyable={{ text: v }}>
            <Tooltip title={v}>{v.slice(0, 8)}</Tooltip>
          </Typography.Text>
        ) : (
          '-'
        ),
    },
  ];
}

export default function AuditPage() {
  const { t } = useTranslation();
  const [params, setParams] = useState<AuditParams>({ page: 1, pageSize: 20, order: 'desc' });
  const { data, isFetching, error } = useAudit(params);
  const columns = useColumns(params.order);

  const onSearch = (filter: AuditFilter) => setParams((p) => ({ page: 1, pageSize: p.pageSize, order: p.order, ...filter }));

  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      <Card style={{ marginBottom: 16 }} styles={{ body: { paddingBottom: 0 } }}>
        <AuditSearchForm onSearch={onSearch} />
      </Card>
      <Card>
        {error && <Typography.Text type="danger">{errorMessage(t, error)}</Typography.Text>}
        <Table<AuditEntry>
          data-testid="audit-table"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={isFetching}
          scroll={{ x: 1080 }}
          expandable={{
            rowExpandable: (e) => hasDetails(e.details),
            expandedRowRender: (e) => (
              <div>
                <Typography.Text type="secondary">{t('audit.details')}</Typography.Text>
                <pre className="uh-json uh-mono" style={{ marginTop: 8 }}>
                  {formatJson(e.details)}
                </pre>
              </div>
            ),
          }}
          onChange={(pagination, _filters, sorter) => {
            const s = Array.isArray(sorter) ? sorter[0] : sorter;
            const order = s?.order === 'ascend' ? 'asc' : 'desc';
            setParams((p) => ({ ...p, order, page: order === p.order ? (pagination.current ?? 1) : 1, pageSize: pagination.pageSize ?? p.pageSize }));
          }}
          pagination={{
            current: params.page,
            pageSize: params.pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (total) => t('common.total', { total }),
          }}
        />
      </Card>
    </>
  );
}
