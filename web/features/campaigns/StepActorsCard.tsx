import { App, Button, Card, Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { CONFIGURABLE_STEPS, type StepActors } from '../../../contracts/campaigns.js';
import { ORG_TYPES } from '../../../contracts/orgs.js';
import { orgTypeLabel } from '../../shared/labels.js';
import { useCan } from '../../shared/session.js';
import { useReportError } from '../../shared/useReportError.js';
import { useUpdateCampaign, type CampaignDto } from './campaigns.api.js';

/** 审批流程: which levels (org types) act at each step of this campaign's approval. */
export function StepActorsCard({ campaign }: { campaign: CampaignDto }) {
  const { t } = useTranslation();
  const can = useCan();
  const { message } = App.useApp();
  const [form] = Form.useForm<StepActors>();
  const update = useUpdateCampaign(campaign.id);
  const reportError = useReportError();
  const editable = can('campaign.manage') && campaign.status !== 'closed';
  return (
    <Card size="small" title={t('campaigns.stepActors.title')} extra={t('campaigns.stepActors.hint')}>
      <Form form={form} layout="horizontal" labelCol={{ span: 6 }} initialValues={campaign.stepActors} key={campaign.version} disabled={!editable}>
        {CONFIGURABLE_STEPS.map((step) => (
          <Form.Item key={step} name={step} label={t(`campaigns.stepActors.${step}`)} rules={[{ required: true, message: t('common.selectRequired', { field: t(`campaigns.stepActors.${step}`) }) }]}>
            <Select mode="multiple" options={ORG_TYPES.map((type) => ({ value: type, label: orgTypeLabel(t, type) }))} />
          </Form.Item>
        ))}
        {editable && (
          <Button
            onClick={async () => {
              const stepActors = await form.validateFields();
              try {
                await update.mutateAsync({ stepActors, version: campaign.version });
                message.success(t('common.operationSucceeded'));
              } catch (err) {
                reportError(err);
              }
            }}
            loading={update.isPending}
          >
            {t('common.save')}
          </Button>
        )}
      </Form>
    </Card>
  );
}
