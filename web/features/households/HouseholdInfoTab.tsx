import { Descriptions, Space, Tag, Typography, type DescriptionsProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { JIAOZUO_COUNTIES } from '../../../contracts/cn-ids.js';
import {
  DisabilityType,
  EmploymentForm,
  HardshipCategory,
  HardshipCause,
  HealthStatus,
  Housing,
  HukouType,
  MaritalStatus,
  MedicalInsurance,
  PoliticalStatus,
  Sex,
  WorkStatus,
} from '../../../contracts/households.js';
import { formatDate, formatDateTime, formatYuan } from '../../shared/format.js';
import { localName } from '../../shared/labels.js';
import { useOrgTree } from '../orgs/orgs.api.js';
import { codeLabel } from './household-labels.js';
import { HouseholdStatusTag } from './HouseholdStatusTag.js';
import type { HouseholdDetail } from './households.api.js';
import { RevealButton } from './RevealButton.js';

const dash = (v: ReactNode) => (v === null || v === undefined || v === '' ? <Typography.Text type="secondary">-</Typography.Text> : v);

export function Masked({ value, children }: { value: string | null; children?: ReactNode }) {
  if (!value) return <Typography.Text type="secondary">-</Typography.Text>;
  return (
    <Space size={4} wrap>
      <span className="uh-mono">{value}</span>
      {children}
    </Space>
  );
}

function Section({ title, items }: { title: string; items: DescriptionsProps['items'] }) {
  return (
    <Descriptions
      title={<Typography.Text strong>{title}</Typography.Text>}
      bordered
      size="small"
      column={{ xs: 1, md: 2, xl: 3 }}
      items={items}
      styles={{ label: { width: 130, whiteSpace: 'nowrap' }, content: { minWidth: 140 } }}
      style={{ marginBottom: 24 }}
    />
  );
}

/** 基本信息: every field with its label; ID, phone and card masked, each with 查看 for those allowed. */
export function HouseholdInfoTab({ h }: { h: HouseholdDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { index } = useOrgTree();
  const org = index?.byId.get(h.orgId);
  const yesNo = (v: boolean) => t(v ? 'common.yes' : 'common.no');
  const revealable = (field: 'idNumber' | 'phone' | 'bankCard', masked: string | null, testId: string) => (
    <Masked value={masked}>
      <RevealButton householdId={h.id} field={field} label={t(`households.fields.${field}`)} owner={h.name} testId={testId} />
    </Masked>
  );
  const region = h.hukouRegion ? `${h.hukouRegion}${JIAOZUO_COUNTIES[h.hukouRegion] ? ` ${JIAOZUO_COUNTIES[h.hukouRegion]}` : ''}` : null;
  const disability =
    h.disabilityType === 'none'
      ? codeLabel(DisabilityType, 'none', lang)
      : `${codeLabel(DisabilityType, h.disabilityType, lang)}${h.disabilityGrade ? ` · ${t('households.form.grade', { grade: h.disabilityGrade })}` : ''}`;

  return (
    <div data-testid="household-info">
      <Section
        title={t('households.form.sectionHead')}
        items={[
          { key: 'name', label: t('households.fields.name'), children: h.name },
          { key: 'sex', label: t('households.fields.sex'), children: codeLabel(Sex, h.sex, lang) },
          { key: 'age', label: t('households.fields.age'), children: t('households.detail.ageValue', { age: h.age }) },
          {
            key: 'id',
            label: t('households.fields.idNumber'),
            children: revealable('idNumber', h.idNumberMasked, 'reveal-id'),
          },
          {
            key: 'phone',
            label: t('households.fields.phone'),
            children: revealable('phone', h.phoneMasked, 'reveal-phone'),
          },
          { key: 'ethnicity', label: t('households.fields.ethnicity'), children: dash(h.ethnicity) },
          { key: 'political', label: t('households.fields.politicalStatus'), children: dash(codeLabel(PoliticalStatus, h.politicalStatus, lang)) },
          { key: 'marital', label: t('households.fields.maritalStatus'), children: dash(codeLabel(MaritalStatus, h.maritalStatus, lang)) },
          { key: 'single', label: t('households.fields.singleParent'), children: yesNo(h.singleParent) },
          { key: 'employer', label: t('households.fields.employerName'), children: dash(h.employerName) },
          { key: 'form', label: t('households.fields.employmentForm'), children: codeLabel(EmploymentForm, h.employmentForm, lang) },
          { key: 'work', label: t('households.fields.workStatus'), children: dash(codeLabel(WorkStatus, h.workStatus, lang)) },
          { key: 'model', label: t('households.fields.modelWorkerTitle'), children: dash(h.modelWorkerTitle) },
          { key: 'health', label: t('households.fields.health'), children: codeLabel(HealthStatus, h.health, lang) },
          { key: 'disability', label: t('households.fields.disabilityType'), children: disability },
          { key: 'insurance', label: t('households.fields.medicalInsurance'), children: dash(codeLabel(MedicalInsurance, h.medicalInsurance, lang)) },
          { key: 'housing', label: t('households.fields.housing'), children: dash(codeLabel(Housing, h.housing, lang)) },
          { key: 'hukou', label: t('households.fields.hukouType'), children: dash(codeLabel(HukouType, h.hukouType, lang)) },
          { key: 'region', label: t('households.fields.hukouRegion'), children: dash(region) },
        ]}
      />
      <Section
        title={t('households.form.groupBank')}
        items={[
          { key: 'bank', label: t('households.fields.bankName'), children: dash(h.bankName) },
          { key: 'branch', label: t('households.fields.bankBranch'), children: dash(h.bankBranch) },
          {
            key: 'card',
            label: t('households.fields.bankCard'),
            children: revealable('bankCard', h.bankCardMasked, 'reveal-card'),
          },
        ]}
      />
      <Section
        title={t('households.form.sectionIncome')}
        items={[
          { key: 'monthly', label: t('households.fields.monthlyIncome'), children: formatYuan(h.monthlyIncomeFen) },
          { key: 'other', label: t('households.fields.otherAnnualIncome'), children: formatYuan(h.otherAnnualIncomeFen) },
          { key: 'size', label: t('households.fields.householdSize'), children: t('households.list.persons', { count: h.householdSize }) },
          { key: 'annual', label: t('households.fields.annualIncome'), children: <Typography.Text strong>{formatYuan(h.annualIncomeFen)}</Typography.Text> },
          {
            key: 'perHead',
            label: t('households.fields.incomePerHeadMonthly'),
            children: <Typography.Text strong>{formatYuan(h.incomePerHeadMonthlyFen)}</Typography.Text>,
          },
        ]}
      />
      <Section
        title={t('households.form.sectionHardship')}
        items={[
          { key: 'category', label: t('households.fields.category'), children: codeLabel(HardshipCategory, h.category, lang) },
          { key: 'main', label: t('households.fields.mainCause'), children: codeLabel(HardshipCause, h.mainCause, lang) },
          {
            key: 'secondary',
            label: t('households.fields.secondaryCauses'),
            children: h.secondaryCauses.length
              ? h.secondaryCauses.map((c) => (
                  <Tag key={c} style={{ marginBottom: 2 }}>
                    {codeLabel(HardshipCause, c, lang)}
                  </Tag>
                ))
              : dash(null),
          },
          { key: 'priority', label: t('households.fields.priorityGroup'), children: dash(h.priorityGroup) },
          { key: 'exit', label: t('households.fields.exitMeasures'), span: 2, children: dash(h.exitMeasures) },
        ]}
      />
      <Section
        title={t('households.detail.sectionRecord')}
        items={[
          { key: 'caseNo', label: t('households.fields.caseNo'), children: <span className="uh-mono">{h.caseNo}</span> },
          { key: 'org', label: t('households.fields.org'), children: org ? localName(org, lang) : h.orgName },
          { key: 'status', label: t('households.fields.status'), children: <HouseholdStatusTag status={h.status} /> },
          { key: 'created', label: t('households.fields.createdAt'), children: formatDateTime(h.createdAt) },
          { key: 'archived', label: t('households.fields.archivedAt'), children: dash(formatDate(h.archivedAt)) },
          { key: 'updated', label: t('common.updatedAt'), children: formatDateTime(h.updatedAt) },
          { key: 'lastVerified', label: t('households.fields.lastVerifiedOn'), children: dash(h.lastVerifiedOn) },
          { key: 'nextVerification', label: t('households.fields.nextVerificationDue'), children: dash(h.nextVerificationDue) },
          { key: 'relapsed', label: t('households.fields.relapsed'), children: yesNo(h.relapsed) },
          ...(h.liftedAt
            ? [
                { key: 'lifted', label: t('households.fields.liftedAt'), children: formatDate(h.liftedAt) },
                { key: 'liftReason', label: t('households.fields.liftReason'), span: 2, children: dash(h.liftReason) },
              ]
            : []),
        ]}
      />
    </div>
  );
}
