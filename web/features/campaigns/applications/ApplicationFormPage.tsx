import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, AutoComplete, Button, Card, Checkbox, Col, DatePicker, Descriptions, Form, Input, InputNumber, Radio, Result, Row, Select, Space, Switch, Typography, type FormRule } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { FiveClear, NationalAid, SchoolKind, type CampaignRules } from '../../../../contracts/campaigns.js';
import { JIAOZUO_COUNTIES, validateCnId, validateCnMobile } from '../../../../contracts/cn-ids.js';
import { SchoolStage } from '../../../../contracts/households.js';
import { isApiError } from '../../../shared/api.js';
import { formatYuan } from '../../../shared/format.js';
import { PageHeader } from '../../../shared/PageHeader.js';
import { PageSpinner } from '../../../shared/PageSpinner.js';
import { useMe } from '../../../shared/session.js';
import { OrgTreeSelect } from '../../orgs/OrgTreeSelect.js';
import { codeLabel, codeOptions } from '../campaign-labels.js';
import { useCampaign, useCampaigns, type CampaignDto } from '../campaigns.api.js';
import { applicationErrorMessage, useReportApplicationError } from './application-errors.js';
import { createBody, detailToForm, emptyClears, homeVisitStarted, parseYuan, updateBody, type ApplicationFormValues } from './application-form.js';
import { statusLabel } from './application-labels.js';
import { useApplication, useCreateApplication, useUpdateApplication, type ApplicationDetail, type HouseholdMemberChoice } from './applications.api.js';
import { HouseholdMemberPicker } from './HouseholdMemberPicker.js';
import { chinaToday } from '../../../shared/china-today.js';

const col3 = { xs: 24, md: 12, xl: 8 } as const;

/** The monthly income-per-head line for a region under the rules (evaluate-rules.ts incomeThresholdFen). */
function incomeLineFen(rules: CampaignRules, regionCode: string | undefined): number | null {
  const region = regionCode ? rules.incomeThreshold.regions.find((r) => r.regionCode === regionCode) : undefined;
  if (region) return Math.floor((region.dibaoMonthlyFen * region.multiplePercent) / 100);
  return rules.incomeThreshold.defaultMonthlyFen;
}

function useRules() {
  const { t } = useTranslation();
  return useMemo(() => {
    const required = (field: string): FormRule => ({ required: true, whitespace: true, message: t('common.required', { field }) });
    const select = (field: string): FormRule => ({ required: true, message: t('common.selectRequired', { field }) });
    const idNumber = (field: string): FormRule => ({
      validator: async (_, value: string | undefined) => {
        if (!value?.trim()) throw new Error(t('common.required', { field }));
        const r = validateCnId(value);
        if (!r.ok) throw new Error(t(`households.idProblem.${r.problem}`));
      },
    });
    const mobile: FormRule = {
      validator: async (_, value: string | undefined) => {
        if (value?.trim() && !validateCnMobile(value).ok) throw new Error(t('households.form.phoneInvalid'));
      },
    };
    const yuan = (opts: { required?: string } = {}): FormRule => ({
      validator: async (_, value: string | undefined) => {
        const fen = parseYuan(value);
        if (fen === undefined) throw new Error(t('applications.form.yuanInvalid'));
        if (fen === null && opts.required) throw new Error(t('common.required', { field: opts.required }));
      },
    });
    return { required, select, idNumber, mobile, yuan };
  }, [t]);
}

/** A home visit is recorded whole or not at all. */
function visitRule(t: (k: 'applications.form.visitRequired') => string): FormRule {
  return ({ getFieldValue }) => ({
    validator: async (_, value: unknown) => {
      const started = homeVisitStarted(getFieldValue('homeVisit'));
      if (started && (value === null || value === undefined || (typeof value === 'string' && !value.trim()))) throw new Error(t('applications.form.visitRequired'));
    },
  });
}

function WhoSection({ campaign, editing, saved, onMember }: { campaign?: CampaignDto; editing: boolean; saved?: ApplicationDetail; onMember: (m: HouseholdMemberChoice) => void }) {
  const { t } = useTranslation();
  const r = useRules();
  const campaigns = useCampaigns();
  const filed = Form.useWatch('filed') as boolean | undefined;
  const income = Form.useWatch(['unfiled', 'incomePerHeadMonthlyYuan']) as string | undefined;
  const region = Form.useWatch(['unfiled', 'regionCode']) as string | undefined;
  const open = (campaigns.data?.items ?? []).filter((c) => c.programKind === 'per_student' && (c.status === 'open' || c.id === saved?.campaignId));
  const line = campaign ? incomeLineFen(campaign.rules, region?.trim()) : null;
  const incomeFen = parseYuan(income);
  const allowUnfiled = campaign?.rules.allowUnfiled ?? true;

  return (
    <Card title={t('applications.form.sectionWho')} style={{ marginBottom: 16 }}>
      <Row gutter={16}>
        <Col {...col3}>
          <Form.Item name="campaignId" label={t('applications.fields.campaign')} rules={[r.select(t('applications.fields.campaign'))]} extra={!campaigns.isLoading && !open.length ? t('applications.form.noOpenCampaign') : undefined}>
            <Select
              disabled={editing}
              loading={campaigns.isLoading}
              placeholder={t('applications.form.chooseCampaign')}
              options={open.map((c) => ({ value: c.id, label: c.name }))}
              data-testid="application-form-campaign"
            />
          </Form.Item>
        </Col>
        <Col {...col3}>
          <Form.Item name="orgId" label={t('applications.fields.org')} rules={[r.select(t('applications.fields.org'))]}>
            <OrgTreeSelect activeOnly disabled={editing} data-testid="application-form-org" />
          </Form.Item>
        </Col>
        <Col {...col3}>
          <Form.Item name="filed" label={t('applications.fields.filed')}>
            <Radio.Group disabled={editing} data-testid="application-form-filed">
              <Radio value={true}>{t('applications.fields.filedYes')}</Radio>
              <Radio value={false} disabled={!allowUnfiled}>
                {t('applications.fields.filedNo')}
              </Radio>
            </Radio.Group>
          </Form.Item>
          {!allowUnfiled && !editing && (
            <Typography.Text type="secondary" style={{ display: 'block', marginTop: -16, marginBottom: 16, fontSize: 12 }}>
              {t('applications.form.unfiledNotAllowed')}
            </Typography.Text>
          )}
        </Col>
      </Row>
      {editing && saved ? (
        <>
          <Alert type="info" showIcon title={t('applications.form.lockedWho')} style={{ marginBottom: 12 }} />
          <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 4 }}>
            <Descriptions.Item label={t('applications.fields.applicant')}>{saved.applicantName}</Descriptions.Item>
            <Descriptions.Item label={t('applications.fields.applicantId')}>
              <span className="uh-mono">{saved.applicantIdMasked ?? '-'}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('applications.fields.student')}>{saved.studentName}</Descriptions.Item>
            <Descriptions.Item label={t('applications.fields.studentId')}>
              <span className="uh-mono">{saved.studentIdMasked}</span>
            </Descriptions.Item>
          </Descriptions>
        </>
      ) : filed ? (
        <HouseholdMemberPicker rules={campaign?.rules} onMember={onMember} />
      ) : (
        <Row gutter={16}>
          <Col {...col3}>
            <Form.Item name={['unfiled', 'name']} label={t('applications.fields.applicant')} rules={[r.required(t('applications.fields.applicant'))]}>
              <Input maxLength={50} autoComplete="off" data-testid="application-form-applicant-name" />
            </Form.Item>
          </Col>
          <Col {...col3}>
            <Form.Item name={['unfiled', 'idNumber']} label={t('applications.fields.applicantId')} rules={[r.idNumber(t('applications.fields.applicantId'))]} required>
              <Input maxLength={18} autoComplete="off" className="uh-mono" placeholder={t('applications.form.idPlaceholder')} data-testid="application-form-applicant-id" />
            </Form.Item>
          </Col>
          <Col {...col3}>
            <Form.Item name={['unfiled', 'phone']} label={t('applications.fields.applicantPhone')} rules={[r.mobile]}>
              <Input maxLength={20} autoComplete="off" className="uh-mono" placeholder={t('applications.form.phonePlaceholder')} />
            </Form.Item>
          </Col>
          <Col {...col3}>
            <Form.Item name={['unfiled', 'employerName']} label={t('applications.fields.employer')}>
              <Input maxLength={100} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col {...col3}>
            <Form.Item name={['unfiled', 'householdSize']} label={t('applications.fields.householdSize')} rules={[{ required: true, message: t('common.required', { field: t('applications.fields.householdSize') }) }]}>
              <InputNumber min={1} max={20} precision={0} style={{ width: '100%' }} data-testid="application-form-household-size" />
            </Form.Item>
          </Col>
          <Col {...col3}>
            <Form.Item
              name={['unfiled', 'incomePerHeadMonthlyYuan']}
              label={t('applications.fields.incomePerHead')}
              rules={[r.yuan({ required: t('applications.fields.incomePerHead') })]}
              extra={
                line !== null && typeof incomeFen === 'number' && incomeFen > line ? (
                  <Typography.Text type="warning">{t('applications.form.incomeOver', { limit: formatYuan(line) })}</Typography.Text>
                ) : undefined
              }
              required
            >
              <Input inputMode="decimal" suffix={t('applications.yuan')} autoComplete="off" data-testid="application-form-income" />
            </Form.Item>
          </Col>
          <Col {...col3}>
            <Form.Item
              name={['unfiled', 'regionCode']}
              label={t('applications.fields.regionCode')}
              rules={[r.required(t('applications.fields.regionCode')), { pattern: /^\d{6}$/, message: t('applications.form.regionInvalid') }]}
              extra={region && JIAOZUO_COUNTIES[region.trim()] ? JIAOZUO_COUNTIES[region.trim()] : undefined}
            >
              <AutoComplete
                options={Object.entries(JIAOZUO_COUNTIES).map(([code, name]) => ({ value: code, label: `${code} ${name}` }))}
                showSearch={{ filterOption: (input, o) => String(o?.label ?? '').includes(input.trim()) }}
                maxLength={6}
                placeholder={t('applications.form.regionPlaceholder')}
                data-testid="application-form-region"
              />
            </Form.Item>
          </Col>
          <Col xs={24} xl={16}>
            <Form.Item name={['unfiled', 'hardship']} label={t('applications.fields.hardship')} rules={[r.required(t('applications.fields.hardship'))]}>
              <Input.TextArea rows={2} maxLength={1000} showCount data-testid="application-form-hardship" />
            </Form.Item>
          </Col>
          <Col {...col3}>
            <Form.Item name={['student', 'name']} label={t('applications.fields.student')} rules={[r.required(t('applications.fields.student'))]}>
              <Input maxLength={50} autoComplete="off" data-testid="application-form-student-name" />
            </Form.Item>
          </Col>
          <Col {...col3}>
            <Form.Item name={['student', 'idNumber']} label={t('applications.fields.studentId')} rules={[r.idNumber(t('applications.fields.studentId'))]} required>
              <Input maxLength={18} autoComplete="off" className="uh-mono" placeholder={t('applications.form.idPlaceholder')} data-testid="application-form-student-id" />
            </Form.Item>
          </Col>
        </Row>
      )}
    </Card>
  );
}

function SchoolSection({ rules }: { rules?: CampaignRules }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const r = useRules();
  const stage = Form.useWatch('schoolStage') as string | undefined;
  const kind = Form.useWatch('schoolKind') as string | undefined;
  const aided = Form.useWatch('governmentAided') as boolean | undefined;
  const warn = (text: string) => <Typography.Text type="warning">{text}</Typography.Text>;
  const kindExcluded = rules && ((kind === 'military' && rules.exclusions.militaryAcademy) || (kind === 'free_normal' && rules.exclusions.freeNormal));
  return (
    <Card title={t('applications.form.sectionSchool')} style={{ marginBottom: 16 }}>
      <Row gutter={16}>
        <Col {...col3}>
          <Form.Item name="schoolName" label={t('applications.fields.school')} rules={[r.required(t('applications.fields.school'))]}>
            <Input maxLength={100} autoComplete="off" data-testid="application-form-school" />
          </Form.Item>
        </Col>
        <Col {...col3}>
          <Form.Item
            name="schoolStage"
            label={t('applications.fields.schoolStage')}
            rules={[r.select(t('applications.fields.schoolStage'))]}
            extra={rules && stage && !(rules.stages as string[]).includes(stage) ? warn(t('applications.form.stageNotCovered')) : undefined}
          >
            <Select
              options={codeOptions(SchoolStage, lang).map((o) => ({ ...o, label: rules && !(rules.stages as string[]).includes(o.value) ? `${o.label}（${t('applications.ineligible.stage_not_covered')}）` : o.label }))}
              data-testid="application-form-stage"
            />
          </Form.Item>
        </Col>
        <Col {...col3}>
          <Form.Item name="schoolKind" label={t('applications.fields.schoolKind')} extra={kindExcluded ? warn(t('applications.form.excludedKind', { kind: codeLabel(SchoolKind, kind, lang) })) : undefined}>
            <Select options={codeOptions(SchoolKind, lang)} />
          </Form.Item>
        </Col>
        <Col {...col3}>
          <Form.Item
            name="admissionYear"
            label={t('applications.fields.admissionYear')}
            rules={[{ required: true, message: t('common.required', { field: t('applications.fields.admissionYear') }) }, { type: 'integer', min: 2000, max: 2100, message: t('applications.form.yearInvalid') }]}
          >
            <InputNumber precision={0} style={{ width: '100%' }} data-testid="application-form-year" />
          </Form.Item>
        </Col>
        <Col {...col3}>
          <Form.Item name="major" label={t('applications.fields.major')}>
            <Input maxLength={100} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col {...col3} />
        <Col {...col3}>
          <Form.Item name="tuitionYuan" label={t('applications.fields.tuition')} rules={[r.yuan()]}>
            <Input inputMode="decimal" suffix={t('applications.yuan')} autoComplete="off" data-testid="application-form-tuition" />
          </Form.Item>
        </Col>
        <Col {...col3}>
          <Form.Item name="otherFeesYuan" label={t('applications.fields.otherFees')} rules={[r.yuan()]}>
            <Input inputMode="decimal" suffix={t('applications.yuan')} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="nationalAid" label={t('applications.fields.nationalAid')}>
            <Checkbox.Group options={codeOptions(NationalAid, lang)} data-testid="application-form-national-aid" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item
            name="governmentAided"
            label={t('applications.fields.governmentAided')}
            valuePropName="checked"
            extra={aided && rules?.exclusions.governmentAided ? warn(t('applications.form.excludedAided')) : undefined}
          >
            <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}

function ClearsSection() {
  const { t, i18n } = useTranslation();
  const clears = Form.useWatch('fiveClears') as ApplicationFormValues['fiveClears'] | undefined;
  const done = FiveClear.keys.filter((k) => clears?.[k]?.checked).length;
  return (
    <Card
      title={t('applications.form.sectionClears')}
      extra={
        <Typography.Text type={done === 5 ? 'success' : 'secondary'} data-testid="application-form-clears-done">
          {t('applications.form.clearsDone', { count: done })} · {t('applications.form.clearsHint')}
        </Typography.Text>
      }
      style={{ marginBottom: 16 }}
    >
      {FiveClear.keys.map((k) => (
        <Row key={k} gutter={16} align="top">
          <Col xs={24} md={6}>
            <Form.Item name={['fiveClears', k, 'checked']} valuePropName="checked" style={{ marginBottom: 8 }}>
              <Checkbox data-testid={`application-form-clear-${k}`}>{codeLabel(FiveClear, k, i18n.language)}</Checkbox>
            </Form.Item>
          </Col>
          <Col xs={24} md={18}>
            <Form.Item name={['fiveClears', k, 'note']} style={{ marginBottom: 12 }}>
              <Input maxLength={500} placeholder={t('applications.form.clearNote')} autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
      ))}
      <Form.Item name="wish" label={t('applications.fields.wish')} style={{ marginBottom: 0 }}>
        <Input.TextArea rows={2} maxLength={500} showCount />
      </Form.Item>
    </Card>
  );
}

function VisitSection() {
  const { t } = useTranslation();
  const rule = visitRule(t);
  return (
    <Card title={t('applications.form.sectionVisit')} extra={<Typography.Text type="secondary">{t('applications.form.visitHint')}</Typography.Text>} style={{ marginBottom: 16 }}>
      <Row gutter={16}>
        <Col {...col3}>
          <Form.Item
            name={['homeVisit', 'visitDate']}
            label={t('applications.fields.visitDate')}
            rules={[rule]}
            dependencies={[['homeVisit', 'visitors'], ['homeVisit', 'findings']]}
            getValueProps={(v: string | null | undefined) => ({ value: v ? dayjs(v) : undefined })}
            normalize={(d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null)}
          >
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(chinaToday(), 'day')} data-testid="application-form-visit-date" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={16}>
          <Form.Item name={['homeVisit', 'visitors']} label={t('applications.fields.visitors')} rules={[rule]} dependencies={[['homeVisit', 'visitDate'], ['homeVisit', 'findings']]}>
            <Input maxLength={200} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name={['homeVisit', 'findings']} label={t('applications.fields.findings')} rules={[rule]} dependencies={[['homeVisit', 'visitDate'], ['homeVisit', 'visitors']]}>
            <Input.TextArea rows={3} maxLength={2000} showCount />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}

function AmountSection({ saved }: { saved?: ApplicationDetail }) {
  const { t } = useTranslation();
  const r = useRules();
  const asked = parseYuan(Form.useWatch('amountYuan') as string | undefined);
  if (!saved)
    return (
      <Card title={t('applications.form.sectionAmount')} style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary">{t('applications.form.amountAfterSave')}</Typography.Text>
      </Card>
    );
  const differs = typeof asked === 'number' && asked !== saved.proposedAmountFen;
  return (
    <Card title={t('applications.form.sectionAmount')} style={{ marginBottom: 16 }}>
      <Alert
        type="success"
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="application-form-proposal"
        title={t('applications.form.proposal', { version: saved.rulesVersion, amount: formatYuan(saved.proposedAmountFen) })}
        description={saved.inKindItems.length ? t('applications.form.proposalInKind', { items: saved.inKindItems.map((i) => `${i.item} × ${i.quantity}`).join('、') }) : undefined}
      />
      <Row gutter={16}>
        <Col {...col3}>
          <Form.Item name="amountYuan" label={t('applications.fields.amount')} rules={[r.yuan()]} extra={t('applications.form.amountHint')}>
            <Input inputMode="decimal" suffix={t('applications.yuan')} autoComplete="off" data-testid="application-form-amount" />
          </Form.Item>
        </Col>
        {differs && (
          <Col xs={24} md={12} xl={16}>
            <Form.Item name="amountReason" label={t('applications.fields.amountReason')} rules={[{ required: true, whitespace: true, message: t('applications.form.amountReasonRequired') }]}>
              <Input.TextArea rows={2} maxLength={500} showCount data-testid="application-form-amount-reason" />
            </Form.Item>
          </Col>
        )}
      </Row>
    </Card>
  );
}

function ApplicationForm({ saved }: { saved?: ApplicationDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [sp] = useSearchParams();
  const { data: me } = useMe();
  const reportError = useReportApplicationError();
  const [form] = Form.useForm<ApplicationFormValues>();
  const create = useCreateApplication();
  const update = useUpdateApplication();
  const [refusal, setRefusal] = useState<string | null>(null);
  const campaignId = Form.useWatch('campaignId', form) as string | undefined;
  const { data: campaign } = useCampaign(campaignId ?? saved?.campaignId);
  const editing = !!saved;

  const initialValues = useMemo<ApplicationFormValues>(
    () =>
      saved
        ? detailToForm(saved)
        : {
            campaignId: sp.get('campaignId') ?? undefined,
            orgId: me?.orgId,
            filed: true,
            schoolKind: 'regular',
            admissionYear: new Date().getFullYear(),
            nationalAid: [],
            governmentAided: false,
            fiveClears: emptyClears(),
            homeVisit: { visitDate: null, visitors: '', findings: '' },
          },
    [saved, sp, me?.orgId],
  );

  // A member's school as the archive knows it fills the school fields still empty.
  const onMember = (m: HouseholdMemberChoice) => {
    const v = form.getFieldsValue(['schoolName', 'schoolStage']) as Partial<ApplicationFormValues>;
    if (!v.schoolName && m.schoolOrEmployer) form.setFieldValue('schoolName', m.schoolOrEmployer);
    if (!v.schoolStage && m.schoolStage) form.setFieldValue('schoolStage', m.schoolStage);
    if (m.enrolmentYear) form.setFieldValue('admissionYear', m.enrolmentYear);
  };

  const submit = async (values: ApplicationFormValues) => {
    setRefusal(null);
    const all = { ...(form.getFieldsValue(true) as ApplicationFormValues), ...values };
    try {
      if (saved) {
        const res = await update.mutateAsync({ id: saved.id, body: updateBody(all, saved) });
        void message.success(t('applications.form.updated', { amount: formatYuan(res.proposedAmountFen) }));
        void navigate(`/applications/${saved.id}`, { replace: true });
      } else {
        const res = await create.mutateAsync(createBody(all));
        void message.success(t('applications.form.created', { no: res.applicationNo, amount: formatYuan(res.proposedAmountFen) }), 6);
        // The draft is saved: its page for editing shows the rules' proposal and takes another amount with a reason.
        void navigate(`/applications/${res.id}/edit`, { replace: true });
      }
    } catch (err) {
      if (isApiError(err) && ['not_eligible', 'student_already_applied', 'campaign_not_open', 'outside_window', 'not_participant'].includes(String(err.details.reason)))
        setRefusal(applicationErrorMessage(t, err));
      reportError(err, { instance: form, filed: all.filed });
    }
  };

  const pending = create.isPending || update.isPending;
  const back = () => void navigate(saved ? `/applications/${saved.id}` : sp.get('campaignId') ? `/campaigns/${sp.get('campaignId')}?tab=applications` : '/applications');

  return (
    <Form<ApplicationFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={(v) => void submit(v)}
      onFinishFailed={({ errorFields }) => {
        if (errorFields[0]) form.scrollToField(errorFields[0].name, { block: 'center' });
        void message.error(t('applications.errors.checkFields'));
      }}
      scrollToFirstError={false}
      data-testid="application-form"
    >
      <WhoSection campaign={campaign} editing={editing} saved={saved} onMember={onMember} />
      <SchoolSection rules={campaign?.rules} />
      <ClearsSection />
      <VisitSection />
      <AmountSection saved={saved} />
      {refusal && <Alert type="error" showIcon title={t('applications.form.notEligibleTitle')} description={refusal} style={{ marginBottom: 16 }} data-testid="application-form-refusal" />}
      <Card size="small" styles={{ body: { display: 'flex', justifyContent: 'flex-end' } }}>
        <Space>
          <Button onClick={back}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={pending} data-testid="application-form-save">
            {editing ? t('applications.form.saveChanges') : t('applications.form.saveDraft')}
          </Button>
        </Space>
      </Card>
    </Form>
  );
}

/** 填报 / 修改助学申请: a new draft, or a correction of one (PATCH with the version read). */
export default function ApplicationFormPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id } = useParams();
  const { data: saved, isLoading, error } = useApplication(id);
  if (id && isLoading) return <PageSpinner />;
  if (id && (error || !saved))
    return <Result status="warning" title={applicationErrorMessage(t, error)} extra={<Button onClick={() => void navigate('/applications')}>{t('applications.detail.backToList')}</Button>} />;
  if (saved && saved.status !== 'draft')
    return (
      <Result
        status="info"
        title={t('applications.form.notDraft', { status: statusLabel(t, saved.status) })}
        extra={<Button onClick={() => void navigate(`/applications/${saved.id}`)}>{t('applications.print.back')}</Button>}
      />
    );
  return (
    <>
      <PageHeader
        title={saved ? `${t('applications.form.editTitle')} · ${saved.applicationNo}` : t('applications.form.createTitle')}
        description={t('applications.form.description')}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(saved ? `/applications/${saved.id}` : '/applications')}>
            {t('common.back')}
          </Button>
        }
      />
      {/* A new key per saved version: the form starts from what the server holds. */}
      <ApplicationForm key={saved ? `${saved.id}:${saved.version}` : 'new'} saved={saved} />
    </>
  );
}
