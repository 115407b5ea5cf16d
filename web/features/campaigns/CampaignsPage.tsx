import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ProgramKind } from '../../../contracts/campaigns.js';
import { PageHeader } from '../../shared/PageHeader.js';
import { useCan } from '../../shared/session.js';
import { codeLabel } from './campaign-labels.js';
import { useCampaigns, type CampaignDto } from './campaigns.api.js';
import { CampaignStatusTag } from './CampaignStatusTag.js';

/** 帮扶活动: the campaigns the user organises or takes part in, newest year first. */
export default function CampaignsPage() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const { data, isLoading } = useCampaigns();
  return (
    <>
      <PageHeader
        title={t('campaigns.title')}
        description={t('campaigns.description')}
        extra={
          can('campaign.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/campaigns/new')}>
              {t('campaigns.newCampaign')}
            </Button>
          )
        }
      />
      <Card>
        <Table<CampaignDto>
          rowKey="id"
          loading={isLoading}
          dataSource={data?.items ?? []}
          pagination={false}
          columns={[
            { title: t('campaigns.fields.name'), dataIndex: 'name', render: (v: string, c) => <Link to={`/campaigns/${c.id}`}>{v}</Link> },
            { title: t('campaigns.fields.program'), dataIndex: 'programName', render: (v: string, c) => (<>{v} <Tag>{codeLabel(ProgramKind, c.programKind, i18n.language)}</Tag></>) },
            { title: t('campaigns.fields.year'), dataIndex: 'year', width: 90 },
            { title: t('campaigns.fields.window'), key: 'window', render: (_: unknown, c) => `${c.applyFrom} ~ ${c.applyTo}` },
            { title: t('campaigns.fields.organiser'), dataIndex: 'orgName' },
            { title: t('common.status'), dataIndex: 'status', width: 110, render: (v: CampaignDto['status']) => <CampaignStatusTag status={v} /> },
          ]}
        />
      </Card>
    </>
  );
}
