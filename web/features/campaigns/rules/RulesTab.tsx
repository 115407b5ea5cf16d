import { Alert, Button, Form, Space } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignRules } from '../../../../contracts/campaigns.js';
import { useCan } from '../../../shared/session.js';
import { useReportError } from '../../../shared/useReportError.js';
import { App } from 'antd';
import { useSaveRules, type CampaignDto } from '../campaigns.api.js';
import { formToRules, rulesToForm, type RulesFormValues } from './rules-form.js';
import { RulesFields } from './RulesFields.js';
import { RulesPreview } from './RulesPreview.js';
import { StepActorsCard } from '../StepActorsCard.js';

/** 规则设置: the campaign's rules, edited with validation and previewed (试算) before they are saved. */
export default function RulesTab({ campaign }: { campaign: CampaignDto }) {
  const { t } = useTranslation();
  const can = useCan();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ rules: RulesFormValues }>();
  const initial = useMemo(() => ({ rules: rulesToForm(campaign.rules) }), [campaign.rules]);
  const save = useSaveRules(campaign.id);
  const reportError = useReportError();
  const [previewRules, setPreviewRules] = useState<CampaignRules | undefined>(undefined);
  const editable = can('campaign.manage') && campaign.status !== 'closed';

  const onSave = async () => {
    const values = await form.validateFields();
    try {
      const res = await save.mutateAsync({ rules: formToRules(values.rules), version: campaign.version });
      message.success(t('campaigns.rules.saved', { version: res.rulesVersion }));
    } catch (err) {
      reportError(err);
    }
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Alert type="info" showIcon message={t('campaigns.rules.versionNote', { version: campaign.rulesVersion })} />
      <Form form={form} layout="vertical" initialValues={initial} disabled={!editable} key={campaign.version}>
        <RulesFields kind={campaign.programKind} disabled={!editable} />
      </Form>
      <Space>
        {editable && (
          <Button type="primary" onClick={onSave} loading={save.isPending} data-testid="save-rules">
            {t('campaigns.rules.save')}
          </Button>
        )}
        <Button onClick={async () => setPreviewRules(formToRules((await form.validateFields()).rules))} data-testid="preview-form-rules">
          {t('campaigns.rules.previewEdited')}
        </Button>
      </Space>
      <RulesPreview campaignId={campaign.id} rules={previewRules} />
      <StepActorsCard campaign={campaign} />
    </Space>
  );
}
