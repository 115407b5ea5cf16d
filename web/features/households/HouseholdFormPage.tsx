import { ArrowLeftOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  AutoComplete,
  Button,
  Card,
  Col,
  Divider,
  Form,
  Input,
  Result,
  Row,
  Select,
  Space,
  Statistic,
  Switch,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
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
import { useMe } from '../../shared/session.js';
import { formatYuan } from '../../shared/format.js';
import { PageHeader } from '../../shared/PageHeader.js';
import { PageSpinner } from '../../shared/PageSpinner.js';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect.js';
import { householdErrorMessage, useReportHouseholdError } from './household-errors.js';
import {
  createBody,
  detailToForm,
  HOUSEHOLD_FORM_FIELDS,
  householdIncome,
  hasChanges,
  MEMBER_FORM_FIELDS,
  updateBody,
  type HouseholdFormValues,
  type MemberFormValues,
} from './household-form.js';
import { codeLabel, codeOptions } from './household-labels.js';
import { HouseholdStatusTag } from './HouseholdStatusTag.js';
import { useCreateHousehold, useHousehold, useUpdateHousehold, type HouseholdDetail } from './households.api.js';
import { describeIdNumber, useBankCardRule, useIdNumberRule, useMobileRule } from './id-number.js';
import { MembersFormList } from './MembersFormList.js';
import { yuanToFen } from '../../shared/money.js';
import { useYuanRule, YuanInput } from './YuanInput.js';

/** Statuses in which the server takes corrections (update-household.ts). */
export const EDITABLE_STATUSES = new Set(['applied', 'checked', 'visited', 'returned', 'archived', 'lifted']);

const ETHNICITIES = ['汉族', '回族', '满族', '蒙古族', '壮族', '维吾尔族', '苗族', '彝族', '土家族', '藏族', '朝鲜族', '其他'];
const col3 = { xs: 24, md: 12, xl: 8 } as const;

function SectionTitle({ children }: { children: React.ReactNode }) {
  return (
    <Divider titlePlacement="start" plain style={{ margin: '4px 0 16px' }}>
      <Typography.Text strong type="secondary">
        {children}
      </Typography.Text>
    </Divider>
  );
}

function WorkerIdExtra() {
  const { t, i18n } = useTranslation();
  const value = Form.useWatch('idNumber') as string | undefined;
  const info = describeIdNumber(value);
  if (!info) return value?.trim() ? null : <span>{t('households.form.idHint')}</span>;
  return (
    <span data-testid="household-form-id-derived">
      {t('households.form.derived', { birthDate: info.birthDate, sex: codeLabel(Sex, info.sex, i18n.language), age: info.age })}
    </span>
  );
}

function HukouRegionExtra() {
  const value = Form.useWatch('hukouRegion') as string | undefined;
  const name = value ? JIAOZUO_COUNTIES[value.trim()] : undefined;
  return name ? <span>{name}</span> : null;
}

/** 家庭年收入 and 人均月收入, recomputed as the amounts are typed (integer fen, as the server does). */
function IncomeSummary() {
  const { t } = useTranslation();
  const monthly = Form.useWatch('monthlyIncomeYuan') as string | undefined;
  const other = Form.useWatch('otherAnnualIncomeYuan') as string | undefined;
  const members = (Form.useWatch('members') ?? []) as MemberFormValues[];
  const memberFen = members.map((m) => yuanToFen(m?.monthlyIncomeYuan));
  const income = householdIncome(yuanToFen(monthly), yuanToFen(other), memberFen);
  return (
    <Row gutter={16}>
      <Col xs={24} md={8}>
        <Card size="small" variant="borderless" style={{ background: '#f7f9fc' }}>
          <Statistic title={t('households.fields.annualIncome')} value={formatYuan(income.annualIncomeFen)} data-testid="household-form-annual" />
        </Card>
      </Col>
      <Col xs={24} md={8}>
        <Card size="small" variant="borderless" style={{ background: '#f7f9fc' }}>
          <Statistic title={t('households.fields.incomePerHeadMonthly')} value={formatYuan(income.incomePerHeadMonthlyFen)} data-testid="household-form-per-head" />
        </Card>
      </Col>
      <Col xs={24} md={8}>
        <Card size="small" variant="borderless" style={{ background: '#f7f9fc' }}>
          <Statistic title={t('households.fields.householdSize')} value={t('households.list.persons', { count: income.householdSize })} />
        </Card>
      </Col>
      <Col span={24}>
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
          {t('households.form.incomeHint')}
        </Typography.Text>
      </Col>
    </Row>
  );
}

function HouseholdForm({ saved }: { saved?: HouseholdDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const reportError = useReportHouseholdError();
  const [form] = Form.useForm<HouseholdFormValues>();
  const create = useCreateHousehold();
  const update = useUpdateHousehold();
  const idRule = useIdNumberRule();
  const mobileRule = useMobileRule();
  const cardRule = useBankCardRule();
  const yuanRule = useYuanRule();
  const editing = !!saved;
  const savedValues = useMemo(() => (saved ? detailToForm(saved) : undefined), [saved]);
  const savedMasks = useMemo(() => new Map(saved?.members.map((m) => [m.id, m.idNumberMasked])), [saved]);
  const mainCause = Form.useWatch('mainCause', form) as string | undefined;
  const disabilityType = Form.useWatch('disabilityType', form) as string | undefined;

  const initialValues: HouseholdFormValues = savedValues ?? {
    orgId: me?.orgId,
    health: 'healthy',
    disabilityType: 'none',
    singleParent: false,
    employmentForm: 'worker',
    secondaryCauses: [],
    members: [],
  };

  const required = (field: string) => ({ required: true, message: t('common.required', { field }) });
  const requiredSelect = (field: string) => ({ required: true, message: t('common.selectRequired', { field }) });
  const isField = (path: (string | number)[]) =>
    path.length === 1
      ? HOUSEHOLD_FORM_FIELDS.has(String(path[0]))
      : path[0] === 'members' && typeof path[1] === 'number' && path.length === 3 && MEMBER_FORM_FIELDS.has(String(path[2]));

  const submit = async (values: HouseholdFormValues) => {
    try {
      if (saved && savedValues) {
        // The whole store: member rows carry their savedId, which no field shows.
        const all = form.getFieldsValue(true) as HouseholdFormValues;
        if (!hasChanges(all, savedValues)) {
          void message.info(t('households.form.noChanges'));
          return;
        }
        await update.mutateAsync({ id: saved.id, body: updateBody(all, savedValues) });
        void message.success(t('households.form.updated'));
        void navigate(`/households/${saved.id}`, { replace: true });
      } else {
        const created = await create.mutateAsync(createBody(values));
        void message.success(t('households.form.created', { caseNo: created.caseNo }));
        void navigate(`/households/${created.id}`, { replace: true });
      }
    } catch (err) {
      reportError(err, { instance: form, isField });
    }
  };

  const pending = create.isPending || update.isPending;
  const back = () => void navigate(saved ? `/households/${saved.id}` : '/households');

  return (
    <Form<HouseholdFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={(v) => void submit(v)}
      onFinishFailed={({ errorFields }) => {
        if (errorFields[0]) form.scrollToField(errorFields[0].name, { block: 'center' });
        void message.error(t('households.errors.checkFields'));
      }}
      scrollToFirstError={false}
      data-testid="household-form"
    >
      <Card title={t('households.form.sectionHead')} style={{ marginBottom: 16 }}>
        <SectionTitle>{t('households.form.groupIdentity')}</SectionTitle>
        <Row gutter={16}>
          <Col {...col3}>
            <Form.Item name="orgId" label={t('households.fields.org')} rules={[requiredSelect(t('households.fields.org'))]} extra={editing ? t('households.form.orgLocked') : undefined}>
              <OrgTreeSelect activeOnly disabled={editing} data-testid="household-form-org" />
            </Form.Item>
          </Col>
          <Col {...col3}>
            <Form.Item name="name" label={t('households.fields.name')} rules={[{ ...required(t('households.fields.name')), whitespace: true }]}>
              <Input autoComplete="off" maxLength={50} data-testid="household-form-name" />
            </Form.Item>
          </Col>
          <Col {...col3}>
            {editing ? (
              <Form.Item label={t('households.fields.idNumber')} extra={t('households.form.idLocked')}>
                <Input value={saved.idNumberMasked} disabled className="uh-mono" data-testid="household-form-id" />
              </Form.Item>
            ) : (
              <Form.Item name="idNumber" label={t('households.fields.idNumber')} rules={[idRule]} extra={<WorkerIdExtra />} required>
                <Input autoComplete="off" maxLength={18} className="uh-mono" placeholder={t('households.form.idPlaceholder')} data-testid="household-form-id" />
              </Form.Item>
            )}
          </Col>
          <Col {...col3}>
            <Form.Item
              name="phone"
              label={t('households.fields.phone')}
              rules={[mobileRule]}
              extra={saved?.phoneMasked ? t('households.form.keepBlank', { masked: saved.phoneMasked }) : undefined}
            >
              <Input autoComplete="off" maxLength={20} className="uh-mono" placeholder={t('households.form.phonePlaceholder')} data-testid="household-form-phone" />
            </Form.Item>
          </Col>
          <Col {...col3}>
            <Form.Item name="ethnicity" label={t('households.fields.ethnicity')}>
              <AutoComplete
                options={ETHNICITIES.map((v) => ({ value: v }))}
                showSearch={{ filterOption: (input, o) => String(o?.value ?? '').includes(input) }}
                maxLength={20}
              />
            </Form.Item>
          </Col>
          <Col {...col3}>
            <Form.Item name="politicalStatus" label={t('households.fields.politicalStatus')}>
              <Select allowClear options={codeOptions(PoliticalStatus, lang)} placeholder={t('households.form.select')} />
            </Form.Item>
          </Col>
          <Col {...col3}>
            <Form.Item name="maritalStatus" label={t('households.fields.maritalStatus')}>
              <Select allowClear options={codeOptions(MaritalStatus, lang)} placeholder={t('households.form.select')} />
            </Form.Item>
          </Col>
          <Col {...col3}>
            <Form.Item name="singleParent" label={t('households.fields.singleParent')} valuePropName="checked">
              <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} />
            </Form.Item>
          </Col>
        </Row>

        <SectionTitle>{t('households.form.groupWork')}</SectionTitle>
        <Row gutter={16}>
          <Col {...col3}>
            <Form.Item name="employerName" label={t('households.fields.employerName')}>
              <Input autoComplete="off" maxLength={100} />
            </Form.Item>
          </Col>
          <Col {...col3}>
            <Form.Item name="employmentForm" label={t('households.fields.employmentForm')} rules={[requiredSelect(t('households.fields.employmentForm'))]}>
              <Select options={codeOptions(EmploymentForm, lang)} />
            </Form.Item>
          </Col>
          <Col {...col3}>
            <Form.Item name="workStatus" label={t('households.fields.workStatus')}>
              <Select allowClear options={codeOptions(WorkStatus, lang)} placeholder={t('households.form.select')} />
            </Form.Item>
          </Col>
          <Col {...col3}>
            <Form.Item name="modelWorkerTitle" label={t('households.fields.modelWorkerTitle')}>
              <Input autoComplete="off" maxLength={50} placeholder={t('households.form.modelWorkerPlaceholder')} />
            </Form.Item>
          </Col>
          <Col {...col3}>
            <Form.Item name="health" label={t('households.fields.health')} rules={[requiredSelect(t('households.fields.health'))]}>
              <Select options={codeOptions(HealthStatus, lang)} />
            </Form.Item>
          </Col>
          <Col {...col3}>
            <Form.Item name="medicalInsurance" label={t('households.fields.medicalInsurance')}>
              <Select allowClear options={codeOptions(MedicalInsurance, lang)} placeholder={t('households.form.select')} />
            </Form.Item>
          </Col>
          <Col {...col3}>
            <Form.Item name="disabilityType" label={t('households.fields.disabilityType')}>
              <Select options={codeOptions(DisabilityType, lang)} onChange={(v) => v === 'none' && form.setFieldValue('disabilityGrade', null)} />
            </Form.Item>
          </Col>
          <Col {...col3}>
            <Form.Item name="disabilityGrade" label={t('households.fields.disabilityGrade')}>
              <Select
                allowClear
                disabled={!disabilityType || disabilityType === 'none'}
                placeholder={t('households.form.select')}
                options={[1, 2, 3, 4].map((g) => ({ value: g, label: t('households.form.grade', { grade: g }) }))}
              />
            </Form.Item>
          </Col>
        </Row>

        <SectionTitle>{t('households.form.groupHome')}</SectionTitle>
        <Row gutter={16}>
          <Col {...col3}>
            <Form.Item name="housing" label={t('households.fields.housing')}>
              <Select allowClear options={codeOptions(Housing, lang)} placeholder={t('households.form.select')} />
            </Form.Item>
          </Col>
          <Col {...col3}>
            <Form.Item name="hukouType" label={t('households.fields.hukouType')}>
              <Select allowClear options={codeOptions(HukouType, lang)} placeholder={t('households.form.select')} />
            </Form.Item>
          </Col>
          <Col {...col3}>
            <Form.Item
              name="hukouRegion"
              label={t('households.fields.hukouRegion')}
              rules={[{ pattern: /^\d{6}$/, message: t('households.form.hukouRegionInvalid') }]}
              extra={<HukouRegionExtra />}
            >
              <AutoComplete
                options={Object.entries(JIAOZUO_COUNTIES).map(([code, name]) => ({ value: code, label: `${code} ${name}` }))}
                showSearch={{ filterOption: (input, o) => String(o?.label ?? '').includes(input.trim()) }}
                maxLength={6}
                placeholder={t('households.form.hukouRegionPlaceholder')}
              />
            </Form.Item>
          </Col>
        </Row>

        <SectionTitle>{t('households.form.groupBank')}</SectionTitle>
        <Row gutter={16}>
          <Col {...col3}>
            <Form.Item name="bankName" label={t('households.fields.bankName')}>
              <Input autoComplete="off" maxLength={50} placeholder={t('households.form.bankNamePlaceholder')} />
            </Form.Item>
          </Col>
          <Col {...col3}>
            <Form.Item name="bankBranch" label={t('households.fields.bankBranch')}>
              <Input autoComplete="off" maxLength={100} />
            </Form.Item>
          </Col>
          <Col {...col3}>
            <Form.Item
              name="bankCard"
              label={t('households.fields.bankCard')}
              rules={[cardRule]}
              extra={saved?.bankCardMasked ? t('households.form.keepBlank', { masked: saved.bankCardMasked }) : undefined}
            >
              <Input autoComplete="off" maxLength={30} className="uh-mono" />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card title={t('households.form.sectionIncome')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col {...col3}>
            <Form.Item name="monthlyIncomeYuan" label={t('households.fields.monthlyIncome')} rules={[yuanRule]} extra={t('households.form.monthlyIncomeHint')}>
              <YuanInput data-testid="household-form-monthly-income" />
            </Form.Item>
          </Col>
          <Col {...col3}>
            <Form.Item name="otherAnnualIncomeYuan" label={t('households.fields.otherAnnualIncome')} rules={[yuanRule]} extra={t('households.form.otherIncomeHint')}>
              <YuanInput data-testid="household-form-other-income" />
            </Form.Item>
          </Col>
        </Row>
        <IncomeSummary />
      </Card>

      <Card title={t('households.form.sectionHardship')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col {...col3}>
            <Form.Item name="category" label={t('households.fields.category')} rules={[requiredSelect(t('households.fields.category'))]}>
              <Select options={codeOptions(HardshipCategory, lang)} placeholder={t('households.form.select')} data-testid="household-form-category" />
            </Form.Item>
          </Col>
          <Col {...col3}>
            <Form.Item name="mainCause" label={t('households.fields.mainCause')} rules={[requiredSelect(t('households.fields.mainCause'))]}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={codeOptions(HardshipCause, lang)}
                placeholder={t('households.form.select')}
                data-testid="household-form-main-cause"
                onChange={(v: string) => form.setFieldValue('secondaryCauses', ((form.getFieldValue('secondaryCauses') ?? []) as string[]).filter((c) => c !== v))}
              />
            </Form.Item>
          </Col>
          <Col {...col3}>
            <Form.Item name="secondaryCauses" label={t('households.fields.secondaryCauses')} extra={t('households.form.secondaryMax')}>
              <Select
                mode="multiple"
                allowClear
                maxCount={3}
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('households.form.select')}
                options={codeOptions(HardshipCause, lang).map((o) => ({ ...o, disabled: o.value === mainCause }))}
              />
            </Form.Item>
          </Col>
          <Col {...col3}>
            <Form.Item name="priorityGroup" label={t('households.fields.priorityGroup')}>
              <Input autoComplete="off" maxLength={50} placeholder={t('households.form.priorityGroupPlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24} xl={16}>
            <Form.Item name="exitMeasures" label={t('households.fields.exitMeasures')}>
              <Input.TextArea rows={2} maxLength={500} showCount placeholder={t('households.form.exitMeasuresPlaceholder')} />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card title={t('households.form.sectionMembers')} style={{ marginBottom: 16 }}>
        {editing && saved.members.length > 0 && <Alert type="info" showIcon title={t('households.form.editMembersHint')} style={{ marginBottom: 16 }} />}
        <MembersFormList form={form} savedMasks={savedMasks} />
      </Card>

      <Card styles={{ body: { padding: '12px 24px' } }} style={{ position: 'sticky', bottom: 0, zIndex: 3, boxShadow: '0 -2px 8px rgba(0,21,41,0.08)' }}>
        <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
          <Typography.Text type="secondary">{editing ? t('households.form.editFooter') : t('households.form.createFooter')}</Typography.Text>
          <Space>
            <Button onClick={back}>{t('common.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={pending} data-testid="household-form-submit">
              {editing ? t('households.form.submitEdit') : t('households.form.submitCreate')}
            </Button>
          </Space>
        </Space>
      </Card>
    </Form>
  );
}

/** 新建档案 (/households/new) and 编辑 (/households/:id/edit). */
export default function HouseholdFormPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id } = useParams();
  const { data: saved, isLoading, error } = useHousehold(id);
  // Fill the form only once: a refetch must not overwrite what is being typed.
  const [loaded, setLoaded] = useState<HouseholdDetail | undefined>();
  useEffect(() => {
    if (saved && !loaded) setLoaded(saved);
  }, [saved, loaded]);

  const backButton = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(id ? `/households/${id}` : '/households')}>
      {t('common.back')}
    </Button>
  );

  if (!id)
    return (
      <>
        <PageHeader title={t('households.form.createTitle')} description={t('households.form.createDescription')} extra={backButton} />
        <HouseholdForm />
      </>
    );
  if (isLoading || (saved && !loaded)) return <PageSpinner />;
  if (error || !loaded)
    return <Result status="warning" title={householdErrorMessage(t, error)} extra={backButton} />;
  if (!EDITABLE_STATUSES.has(loaded.status))
    return <Result status="info" title={t('households.form.notEditable')} subTitle={<HouseholdStatusTag status={loaded.status} />} extra={backButton} />;
  return (
    <>
      <PageHeader
        title={
          <Space>
            {t('households.form.editTitle', { name: loaded.name })}
            <Typography.Text type="secondary" className="uh-mono" style={{ fontSize: 14 }}>
              {loaded.caseNo}
            </Typography.Text>
          </Space>
        }
        description={t('households.form.editDescription')}
        extra={backButton}
      />
      <HouseholdForm saved={loaded} />
    </>
  );
}
