import { Col, Form, Input, Row, Select, Switch, Tooltip } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { HardshipCategory, HardshipCause, HOUSEHOLD_STATUSES, SchoolStage } from '../../../contracts/households.js';
import { FilterButtons } from '../../shared/FilterButtons.js';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect.js';
import { codeOptions } from './household-labels.js';
import type { HouseholdFilter } from './households.api.js';

/** The re-verification worklist: archived households whose yearly check falls due within 30 days (or is overdue). */
export const DUE_WITHIN_DAYS = 30;

interface FilterFormValues extends Omit<HouseholdFilter, 'dueWithinDays'> {
  due?: boolean;
}

function toForm(f: HouseholdFilter): FilterFormValues {
  return { ...f, due: f.dueWithinDays !== undefined };
}

function fromForm(v: FilterFormValues): HouseholdFilter {
  return {
    q: v.q?.trim() || undefined,
    orgId: v.orgId || undefined,
    status: v.status?.length ? v.status : undefined,
    category: v.category || undefined,
    cause: v.cause || undefined,
    schoolStage: v.schoolStage || undefined,
    dueWithinDays: v.due ? DUE_WITHIN_DAYS : undefined,
  };
}

export function HouseholdFilters({ value, onSearch }: { value: HouseholdFilter; onSearch: (f: HouseholdFilter) => void }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<FilterFormValues>();
  const lang = i18n.language;

  // The filters live in the address (back from a household, a link from the import page): keep the form in step.
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(toForm(value));
  }, [form, value]);

  return (
    <Form form={form} layout="vertical" onFinish={(v) => onSearch(fromForm(v))} data-testid="household-filters">
      <Row gutter={16} align="bottom">
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="q" label={t('households.list.keyword')}>
            <Input allowClear maxLength={50} placeholder={t('households.list.keywordPlaceholder')} data-testid="household-filter-q" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="orgId" label={t('households.fields.org')}>
            <OrgTreeSelect allowClear placeholder={t('households.list.orgPlaceholder')} data-testid="household-filter-org" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="status" label={t('households.list.status')}>
            <Select
              mode="multiple"
              allowClear
              maxTagCount="responsive"
              placeholder={t('common.all')}
              options={HOUSEHOLD_STATUSES.map((s) => ({ value: s, label: t(`households.status.${s}`) }))}
              data-testid="household-filter-status"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="category" label={t('households.fields.category')}>
            <Select allowClear placeholder={t('common.all')} options={codeOptions(HardshipCategory, lang)} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="cause" label={t('households.list.cause')} tooltip={t('households.list.causeHint')}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('common.all')} options={codeOptions(HardshipCause, lang)} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="schoolStage" label={t('households.list.schoolStage')}>
            <Select allowClear placeholder={t('common.all')} options={codeOptions(SchoolStage, lang)} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6} lg={4}>
          <Form.Item
            name="due"
            valuePropName="checked"
            label={
              <Tooltip title={t('households.list.dueHint', { days: DUE_WITHIN_DAYS })}>
                <span>{t('households.list.due')}</span>
              </Tooltip>
            }
          >
            <Switch data-testid="household-filter-due" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={18} lg={8}>
          <Form.Item>
            <FilterButtons
              submitTestId="household-filter-submit"
              onReset={() => {
                form.resetFields();
                onSearch({});
              }}
            />
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
