import { CloudUploadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { JIAOZUO_COUNTIES } from '../../../../contracts/cn-ids.js';
import { EnterpriseSize, Industry } from '../../../../contracts/employment.js';
import { codeLabel, codeOptions } from '../../../shared/code-labels.js';
import { PageHeader } from '../../../shared/PageHeader.js';
import { useCan } from '../../../shared/session.js';
import { OrgTreeSelect } from '../../orgs/OrgTreeSelect.js';
import { EnterpriseStatusTag } from './EnterpriseStatusTag.js';
import { useEnterprises, type EnterpriseDto, type EnterpriseFilter } from './enterprises.api.js';

const PAGE_SIZE = 20;

/** 用人单位: the enterprises of the user's subtree (an HR account: its own), by name or code, industry, pledge, status and union (kept in the address). */
export default function EnterprisesPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const can = useCan();
  const navigate = useNavigate();
  const [sp, setSp] = useSearchParams();
  const filter: EnterpriseFilter = {
    page: Number(sp.get('page') ?? 1) || 1,
    pageSize: PAGE_SIZE,
    q: sp.get('q') ?? undefined,
    industry: sp.get('industry') ?? undefined,
    pledged: (sp.get('pledged') as EnterpriseFilter['pledged']) ?? undefined,
    status: (sp.get('status') as EnterpriseFilter['status']) ?? undefined,
    orgId: sp.get('orgId') ?? undefined,
  };
  const { data, isFetching } = useEnterprises(filter);
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
  const staff = can('job.publish');

  return (
    <>
      <PageHeader
        title={t('enterprises.title')}
        description={t('enterprises.description')}
        extra={
          staff && (
            <Space>
              <Button icon={<CloudUploadOutlined />} onClick={() => void navigate('/enterprises/import')} data-testid="enterprise-import">
                {t('enterprises.import')}
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/enterprises/new')} data-testid="enterprise-new">
                {t('enterprises.newEnterprise')}
              </Button>
            </Space>
          )
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            defaultValue={filter.q}
            placeholder={t('enterprises.searchPlaceholder')}
            onSearch={(v) => setFilter('q', v.trim() || undefined)}
            style={{ width: 220 }}
            data-testid="enterprise-filter-q"
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            value={filter.industry}
            placeholder={t('enterprises.allIndustries')}
            onChange={(v: string | undefined) => setFilter('industry', v)}
            options={codeOptions(Industry, lang)}
            style={{ width: 220 }}
            popupMatchSelectWidth={false}
            data-testid="enterprise-filter-industry"
          />
          <Select
            value={filter.pledged ?? ''}
            onChange={(v: string) => setFilter('pledged', v || undefined)}
            options={[
              { value: '', label: t('enterprises.pledgeAll') },
              { value: 'true', label: t('enterprises.pledgeOnly') },
              { value: 'false', label: t('enterprises.pledgeNot') },
            ]}
            style={{ width: 150 }}
            data-testid="enterprise-filter-pledged"
          />
          <Select
            allowClear
            value={filter.status}
            placeholder={t('enterprises.allStatuses')}
            onChange={(v: string | undefined) => setFilter('status', v)}
            options={(['active', 'inactive'] as const).map((s) => ({ value: s, label: t(`enterprises.status.${s}`) }))}
            style={{ width: 120 }}
            data-testid="enterprise-filter-status"
          />
          {can('org.read') && (
            <OrgTreeSelect allowClear value={filter.orgId} onChange={(v) => setFilter('orgId', v)} placeholder={t('enterprises.orgFilter')} style={{ width: 220 }} data-testid="enterprise-filter-org" />
          )}
        </Space>
        <Table<EnterpriseDto>
          rowKey="id"
          loading={isFetching}
          dataSource={data?.items ?? []}
          scroll={{ x: 1110 }}
          locale={{ emptyText: t('enterprises.empty') }}
          data-testid="enterprises-table"
          pagination={{
            current: filter.page,
            pageSize: PAGE_SIZE,
            total: data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (n) => t('enterprises.total', { count: n }),
            onChange: (p) => setFilter('page', p > 1 ? String(p) : undefined),
          }}
          columns={[
            {
              title: t('enterprises.fields.name'),
              dataIndex: 'name',
              width: 250,
              render: (v: string, e) => (
                <Space size={4} wrap>
                  <Link to={`/enterprises/${e.id}`} data-testid="enterprise-link">
                    {v}
                  </Link>
                  {e.priorityPledge && <Tag color="orange">{t('enterprises.pledgeShort')}</Tag>}
                </Space>
              ),
            },
            { title: t('enterprises.fields.uscc'), dataIndex: 'uscc', width: 180, render: (v: string) => <Typography.Text className="uh-mono">{v}</Typography.Text> },
            { title: t('enterprises.fields.industry'), dataIndex: 'industry', width: 160, ellipsis: true, render: (v: string) => codeLabel(Industry, v, lang) },
            { title: t('enterprises.fields.size'), dataIndex: 'size', width: 90, render: (v: string) => codeLabel(EnterpriseSize, v, lang) },
            { title: t('enterprises.fields.region'), dataIndex: 'regionCode', width: 90, render: (v: string) => JIAOZUO_COUNTIES[v] ?? v },
            { title: t('enterprises.fields.org'), dataIndex: 'orgName', width: 130, ellipsis: true },
            {
              title: t('enterprises.fields.contactName'),
              width: 130,
              render: (_, e) => (
                <>
                  <div>{e.contactName}</div>
                  <Typography.Text type="secondary" className="uh-mono" style={{ fontSize: 12 }}>
                    {e.contactPhone}
                  </Typography.Text>
                </>
              ),
            },
            { title: t('enterprises.fields.status'), dataIndex: 'status', width: 80, render: (v: EnterpriseDto['status']) => <EnterpriseStatusTag status={v} /> },
          ]}
        />
      </Card>
    </>
  );
}
