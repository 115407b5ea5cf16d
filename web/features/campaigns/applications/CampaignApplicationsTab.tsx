import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCan } from '../../../shared/session.js';
import type { CampaignDto } from '../campaigns.api.js';
import { ApplicationsList } from './ApplicationsList.js';

/** 申请审批 on a campaign's page: its applications, with the bulk steps, and a new one for it. */
export default function CampaignApplicationsTab({ campaign }: { campaign: CampaignDto }) {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  return (
    <>
      {campaign.status === 'open' && (can('application.submit') || can('application.import')) && (
        <Space style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 12 }}>
          {can('application.import') && (
            <Button icon={<UploadOutlined />} onClick={() => void navigate(`/campaigns/${campaign.id}/import`)} data-testid="campaign-application-import">
              {t('applicationImport.title')}
            </Button>
          )}
          {can('application.submit') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate(`/applications/new?campaignId=${campaign.id}`)} data-testid="campaign-application-new">
              {t('applications.list.create')}
            </Button>
          )}
        </Space>
      )}
      <ApplicationsList fixedCampaignId={campaign.id} keep={['tab']} />
    </>
  );
}
