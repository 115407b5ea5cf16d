import { Alert, Empty, Form, Radio, Select, Space, Spin, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignRules } from '../../../../contracts/campaigns.js';
import { HardshipCategory, Relation, SchoolStage } from '../../../../contracts/households.js';
import { codeLabel } from '../campaign-labels.js';
import { useHouseholdMembers, useHouseholdSearch, type HouseholdMemberChoice } from './applications.api.js';

const STATUS_WORDS: Record<string, [string, string]> = {
  archived: ['在档', 'on file'],
  lifted: ['已解困', 'lifted out'],
};

/**
 * 选择建档家庭和就学子女: find a household of the archive by case number or name, then pick the member
 * who studies. Warns when the household's status or category is outside the campaign's rules.
 */
export function HouseholdMemberPicker({ rules, onMember }: { rules?: CampaignRules; onMember: (m: HouseholdMemberChoice) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const form = Form.useFormInstance();
  const householdId = Form.useWatch('householdId', form) as string | undefined;
  const [typed, setTyped] = useState('');
  const [term, setTerm] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setTerm(typed), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const search = useHouseholdSearch(term);
  const household = useHouseholdMembers(householdId);
  const options = useMemo(
    () =>
      (search.data?.items ?? []).map((h) => ({
        value: h.id,
        label: (
          <Space size={8}>
            <span className="uh-mono">{h.caseNo}</span>
            <span>{h.name}</span>
            <Typography.Text type="secondary">{h.orgName}</Typography.Text>
          </Space>
        ),
      })),
    [search.data],
  );
  // Keep the chosen household in the options when the search moves on.
  const chosen = household.data && !options.some((o) => o.value === household.data.id) ? [{ value: household.data.id, label: <span>{`${household.data.caseNo} ${household.data.name}`}</span> }] : [];
  const h = household.data;
  const pick = (word: string) => (lang === 'en' ? STATUS_WORDS[word]?.[1] : STATUS_WORDS[word]?.[0]) ?? word;
  const statusProblem = h && rules && !(rules.householdStatuses as string[]).includes(h.status);
  const categoryProblem = h && rules && !(rules.categories as string[]).includes(h.category);

  return (
    <>
      <Form.Item name="householdId" label={t('applications.fields.household')} rules={[{ required: true, message: t('common.selectRequired', { field: t('applications.fields.household') }) }]}>
        <Select
          showSearch={{ filterOption: false, onSearch: setTyped }}
          placeholder={t('applications.form.searchHousehold')}
          options={[...chosen, ...options]}
          notFoundContent={search.isFetching ? <Spin size="small" /> : term ? undefined : null}
          onChange={() => form.setFieldValue('memberId', undefined)}
          data-testid="application-form-household"
        />
      </Form.Item>
      {statusProblem && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('applications.form.householdNotArchived', { status: pick(h.status), allowed: rules.householdStatuses.map(pick).join('、') })}
        />
      )}
      {categoryProblem && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={`${t('applications.ineligible.category')}：${codeLabel(HardshipCategory, h.category, lang)}`} />
      )}
      {householdId && household.isLoading && <Spin style={{ display: 'block', marginBottom: 16 }} />}
      {householdId && h && !h.members.length && (
        <Form.Item label={t('applications.form.chooseMember')}>
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('applications.form.noMembers')} />
        </Form.Item>
      )}
      {householdId && h && h.members.length > 0 && (
        <Form.Item name="memberId" label={t('applications.form.chooseMember')} rules={[{ required: true, message: t('applications.form.chooseMember') }]}>
          <Radio.Group
            style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
            onChange={(e) => {
              const m = h.members.find((x) => x.id === e.target.value);
              if (m) onMember(m);
            }}
            data-testid="application-form-member"
          >
            {h.members.map((m) => (
              <Radio key={m.id} value={m.id}>
                {t('applications.form.memberLabel', { name: m.name, relation: codeLabel(Relation, m.relation, lang), age: m.age })}
                <Typography.Text type="secondary" className="uh-mono" style={{ marginInlineStart: 8 }}>
                  {m.idNumberMasked}
                </Typography.Text>
                {m.schoolStage && (
                  <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                    {[codeLabel(SchoolStage, m.schoolStage, lang), m.schoolOrEmployer].filter(Boolean).join(' · ')}
                  </Typography.Text>
                )}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
      )}
    </>
  );
}
