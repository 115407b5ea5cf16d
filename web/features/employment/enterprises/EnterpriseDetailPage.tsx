import { ArrowLeftOutlined, EditOutlined, PoweroffOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { JIAOZUO_COUNTIES } from '../../../../contracts/cn-ids.js';
import { EnterpriseSize, Industry } from '../../../../contracts/employment.js';
import { codeLabel } from '../../../shared/code-labels.js';
import { formatDateTime } from '../../../shared/format.js';
import { PageHeader } from '../../../shared/PageHeader.js';
import { PageSpinner } from '../../../shared/PageSpinner.js';
import { useCan } from '../../../shared/session.js';
import { useReportError } from '../../../shared/useReportError.js';
import { enterpriseErrorMessage } from './enterprise-errors.js';
import { EnterpriseStatusTag } from './EnterpriseStatusTag.js';
import { useEnterprise, useSetEnterpriseStatus } from './enterprises.api.js';
import { HrAccountsCard } from './HrAccountsCard.js';

/** 用人单位 (/enterprises/:id): its data, 修改 / 停用 / 启用, and its HR accounts (staff only). */
export default function EnterpriseDetailPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const can = useCan();
  const { data: e, isLoading, error } = useEnterprise(id);
  const setStatus = useSetEnterpriseStatus(id ?? '');
  const report = useReportError(enterpriseErrorMessage);

  if (isLoading) return <PageSpinner />;
  if (!e) return <Alert type="error" showIcon title={enterpriseErrorMessage(t, error)} />;

  const staff = can('job.publish');
  const next = e.status === 'active' ? 'inactive' : 'active';
  const toggle = () =>
    modal.confirm({
      title: t(next === 'inactive' ? 'enterprises.detail.deactivate' : 'enterprises.detail.activate'),
      content: t(next === 'inactive' ? 'enterprises.detail.deactivateConfirm' : 'enterprises.detail.activateConfirm', { name: e.name }),
      okButtonProps: { danger: next === 'inactive' },
      onOk: async () => {
        try {
          await setStatus.mutateAsync(next);
          void message.success(t(next === 'inactive' ? 'enterprises.detail.deactivated' : 'enterprises.detail.activated'));
        } catch (err) {
          report(err);
        }
      },
    });

  return (
    <>
      <PageHeader
        title={
          <Space size={8} wrap>
            <span data-testid="enterprise-name">{e.name}</span>
            <EnterpriseStatusTag status={e.status} />
            {e.priorityPledge && <Tag color="orange">{t('enterprises.pledgeTag')}</Tag>}
          </Space>
        }
        description={e.orgName}
        extra={
          <Space wrap>
            <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/enterprises')}>
              {t('enterprises.detail.back')}
            </Button>
            {can('job.post') && (
              <Button icon={<EditOutlined />} onClick={() => void navigate(`/enterprises/${e.id}/edit`)} data-testid="enterprise-edit">
                {t('enterprises.detail.edit')}
              </Button>
            )}
            {staff && (
              <Button icon={<PoweroffOutlined />} danger={next === 'inactive'} onClick={toggle} data-testid="enterprise-toggle">
                {t(next === 'inactive' ? 'enterprises.detail.deactivate' : 'enterprises.detail.activate')}
              </Button>
            )}
          </Space>
        }
      />
      {e.status === 'inactive' && <Alert type="warning" showIcon title={t('enterprises.detail.inactiveAlert')} style={{ marginBottom: 16 }} />}
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} data-testid="enterprise-facts">
          <Descriptions.Item label={t('enterprises.fields.uscc')}>
            <Typography.Text className="uh-mono" copyable data-testid="enterprise-uscc">
              {e.uscc}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('enterprises.fields.industry')}>{codeLabel(Industry, e.industry, lang)}</Descriptions.Item>
          <Descriptions.Item label={t('enterprises.fields.size')}>{codeLabel(EnterpriseSize, e.size, lang)}</Descriptions.Item>
          <Descriptions.Item label={t('enterprises.fields.org')}>{e.orgName}</Descriptions.Item>
          <Descriptions.Item label={t('enterprises.fields.region')}>{JIAOZUO_COUNTIES[e.regionCode] ? `${JIAOZUO_COUNTIES[e.regionCode]}（${e.regionCode}）` : e.regionCode}</Descriptions.Item>
          <Descriptions.Item label={t('enterprises.fields.address')}>{e.address || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('enterprises.fields.contactName')}>{e.contactName}</Descriptions.Item>
          <Descriptions.Item label={t('enterprises.fields.contactPhone')}>
            <span className="uh-mono">{e.contactPhone}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('enterprises.fields.priorityPledge')}>{t(e.priorityPledge ? 'common.yes' : 'common.no')}</Descriptions.Item>
          <Descriptions.Item label={t('enterprises.fields.createdAt')}>{formatDateTime(e.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={t('enterprises.fields.updatedAt')}>{formatDateTime(e.updatedAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
      {staff && <HrAccountsCard enterprise={e} />}
    </>
  );
}
