import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '../../../shared/PageHeader.js';
import { useCan } from '../../../shared/session.js';
import { ApplicationsList } from './ApplicationsList.js';

/** 助学申请: every application in the user's subtree, across campaigns. */
export default function ApplicationsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const [sp] = useSearchParams();
  const campaignId = sp.get('campaignId');
  return (
    <>
      <PageHeader
        title={t('applications.title')}
        description={t('applications.description')}
        extra={
          can('application.submit') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate(campaignId ? `/applications/new?campaignId=${campaignId}` : '/applications/new')} data-testid="application-new">
              {t('applications.list.create')}
            </Button>
          )
        }
      />
      <ApplicationsList />
    </>
  );
}
