import { Col, Form, Input, Row, Select } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { APPLICATION_STATUSES } from '../../../../contracts/campaigns.js';
import { SchoolStage } from '../../../../contracts/households.js';
import { FilterButtons } from '../../../shared/FilterButtons.js';
import { OrgTreeSelect } from '../../orgs/OrgTreeSelect.js';
import { codeOptions } from '../campaign-labels.js';
import { useCampaigns } from '../campaigns.api.js';
import type { ApplicationFilter } from './applications.api.js';

interface FilterFormValues extends Omit<ApplicationFilter, 'filed'> {
  filed?: 'true' | 'false';
}

const toForm = (f: ApplicationFilter): FilterFormValues => ({ ...f, filed: f.filed === undefined ? undefined : f.filed ? 'true' : 'false' });

function fromForm(v: FilterFormValues, fixedCampaignId?: string): ApplicationFilter {
  return {
    q: v.q?.trim() || undefined,
    campaignId: fixedCampaignId ?? (v.campaignId || undefined),
    status: v.status?.length ? v.status : undefined,
    orgId: v.orgId || undefined,
    schoolStage: v.schoolStage || undefined,
    filed: v.filed === undefined ? undefined : v.filed === 'true',
  };
}

/** The list's filters; in a campaign's tab the campaign is fixed and not offered. */
export function ApplicationFilters({ value, onSearch, fixedCampaignId }: { value: ApplicationFilter; onSearch: (f: ApplicationFilter) => void; fixedCampaignId?: string }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<FilterFormValues>();
  const campaigns = useCampaigns();
  const campaignOptions = useMemo(
    () => (campaigns.data?.items ?? []).filter((c) => c.programKind === 'per_student').map((c) => ({ value: c.id, label: c.name })),
    [campaigns.data],
  );

  // The filters live in the address (back from an application, a link from elsewhere): keep the form in step.
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(toForm(value));
  }, [form, value]);

  const col = { xs: 24, sm: 12, lg: 6 } as const;
  return (
    <Form form={form} layout="vertical" onFinish={(v) => onSearch(fromForm(v, fixedCampaignId))} data-testid="application-filters">
      <Row gutter={16} align="bottom">
        <Col {...col}>
          <Form.Item name="q" label={t('applications.list.keyword')}>
            <Input allowClear maxLength={50} placeholder={t('applications.list.keywordPlaceholder')} data-testid="application-filter-q" />
          </Form.Item>
        </Col>
        {!fixedCampaignId && (
          <Col {...col}>
            <Form.Item name="campaignId" label={t('applications.fields.campaign')}>
              <Select allowClear loading={campaigns.isLoading} placeholder={t('applications.list.campaignPlaceholder')} options={campaignOptions} data-testid="application-filter-campaign" />
            </Form.Item>
          </Col>
        )}
        <Col {...col}>
          <Form.Item name="status" label={t('applications.fields.status')}>
            <Select
              mode="multiple"
              allowClear
              maxTagCount="responsive"
              placeholder={t('applications.list.statusPlaceholder')}
              options={APPLICATION_STATUSES.map((s) => ({ value: s, label: t(`applications.status.${s}`) }))}
              data-testid="application-filter-status"
            />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="orgId" label={t('applications.fields.org')}>
            <OrgTreeSelect allowClear placeholder={t('applications.list.orgPlaceholder')} data-testid="application-filter-org" />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="schoolStage" label={t('applications.fields.schoolStage')}>
            <Select allowClear placeholder={t('common.all')} options={codeOptions(SchoolStage, i18n.language)} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="filed" label={t('applications.fields.filed')}>
            <Select
              allowClear
              placeholder={t('applications.list.filedAll')}
              options={[
                { value: 'true', label: t('applications.fields.filedYes') },
                { value: 'false', label: t('applications.fields.filedNo') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={fixedCampaignId ? 12 : 6}>
          <Form.Item>
            <FilterButtons
              submitTestId="application-filter-submit"
              onReset={() => {
                form.resetFields();
                onSearch(fixedCampaignId ? { campaignId: fixedCampaignId } : {});
              }}
            />
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
