import { App, Alert, Button, Card, Checkbox, Col, Empty, Form, Input, InputNumber, Radio, Row, Select, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Education, JobCategory } from '../../../../contracts/employment.js';
import { Relation, SchoolStage } from '../../../../contracts/households.js';
import { STAGE_EDUCATION } from '../../../../contracts/seekers.js';
import { isApiError } from '../../../shared/api.js';
import { codeLabel, codeOptions } from '../../../shared/code-labels.js';
import { PageHeader } from '../../../shared/PageHeader.js';
import { useMe } from '../../../shared/session.js';
import { useReportError } from '../../../shared/useReportError.js';
import { useIdNumberRule, useMobileRule } from '../../households/id-number.js';
import { OrgTreeSelect } from '../../orgs/OrgTreeSelect.js';
import { regionOptions, renameFields, seekerErrorMessage } from './seeker-view.js';
import { useApplicationCandidates, useHouseholdCandidates, useRegisterSeeker, type ApplicationCandidate, type HouseholdCandidate, type RegisterSeekerBody, type Registered } from './seekers.api.js';

type Source = 'manual' | 'household' | 'application';

interface Values {
  source: Source;
  householdId?: string;
  person?: string;
  applicationId?: string;
  orgId?: string;
  name?: string;
  idNumber?: string;
  phone?: string;
  education?: string;
  major?: string;
  graduationYear?: number | null;
  skills?: string;
  wishedCategory: string;
  wishedRegion: string;
  wishedSalaryYuan?: number | null;
  hardship?: boolean;
}

const FIELDS = ['orgId', 'name', 'idNumber', 'phone', 'education', 'major', 'graduationYear', 'skills', 'wishedCategory', 'wishedRegion', 'wishedSalaryYuan', 'householdId', 'person', 'applicationId'] as const;
const WORKER = 'worker';

/** A school stage's education and graduation year, to fill the form from a record. */
function schooling(stage: string | null, startYear: number | null) {
  const known = stage && Object.hasOwn(STAGE_EDUCATION, stage) ? STAGE_EDUCATION[stage as keyof typeof STAGE_EDUCATION] : null;
  return { education: known?.education, graduationYear: known && startYear ? startYear + known.years : null };
}

function useDebounced(value: string) {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), 300);
    return () => clearTimeout(timer);
  }, [value]);
  return settled;
}

function RegisteredMark({ registered }: { registered: Registered | null }) {
  const { t } = useTranslation();
  if (!registered) return null;
  return (
    <Space size={4} style={{ marginInlineStart: 8 }}>
      <Tag>{t('seekers.form.registered')}</Tag>
      {registered.seekerId && <Link to={`/job-seekers/${registered.seekerId}`}>{t('seekers.form.openRegistered')}</Link>}
    </Space>
  );
}

/** 从困难职工档案选择: an archived household, then its worker or a member. */
function HouseholdPicker({ onPick }: { onPick: (h: HouseholdCandidate, person: HouseholdCandidate['people'][number]) => void }) {
  const { t, i18n } = useTranslation();
  const form = Form.useFormInstance<Values>();
  const householdId = Form.useWatch('householdId', form);
  const [typed, setTyped] = useState('');
  const term = useDebounced(typed);
  const { data, isFetching } = useHouseholdCandidates(term, true);
  const [chosen, setChosen] = useState<HouseholdCandidate | null>(null);
  const items = data?.items ?? [];
  const options = [...(chosen && !items.some((h) => h.householdId === chosen.householdId) ? [chosen] : []), ...items].map((h) => ({
    value: h.householdId,
    label: `${h.caseNo} ${h.people[0].name}（${h.orgName}）`,
  }));
  return (
    <>
      <Form.Item name="householdId" label={t('seekers.source.household')} rules={[{ required: true, message: t('seekers.form.searchHousehold') }]}>
        <Select
          showSearch={{ filterOption: false, onSearch: setTyped }}
          placeholder={t('seekers.form.searchHousehold')}
          options={options}
          notFoundContent={isFetching ? <Spin size="small" /> : t('seekers.form.noCandidates')}
          onChange={(id: string) => {
            setChosen(items.find((h) => h.householdId === id) ?? null);
            form.setFieldValue('person', undefined);
          }}
          data-testid="seeker-form-household"
        />
      </Form.Item>
      {householdId && chosen && (
        <Form.Item name="person" label={t('seekers.form.choosePerson')} rules={[{ required: true, message: t('seekers.form.pickRequired') }]}>
          <Radio.Group
            style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
            onChange={(e) => {
              const p = chosen.people.find((x) => (x.memberId ?? WORKER) === e.target.value);
              if (p) onPick(chosen, p);
            }}
            data-testid="seeker-form-person"
          >
            {chosen.people.map((p) => (
              <Radio key={p.memberId ?? WORKER} value={p.memberId ?? WORKER} disabled={!!p.registered}>
                {p.name}（{p.memberId ? codeLabel(Relation, p.relation, i18n.language) : t('seekers.form.worker')}）
                <Typography.Text type="secondary" className="uh-mono" style={{ marginInlineStart: 8 }}>
                  {p.idMasked}
                </Typography.Text>
                {p.schoolStage && (
                  <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                    {codeLabel(SchoolStage, p.schoolStage, i18n.language)}
                  </Typography.Text>
                )}
                <RegisteredMark registered={p.registered} />
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
      )}
    </>
  );
}

/** 从受助学生选择: a student whose grant was paid. */
function ApplicationPicker({ onPick }: { onPick: (a: ApplicationCandidate) => void }) {
  const { t, i18n } = useTranslation();
  const [typed, setTyped] = useState('');
  const term = useDebounced(typed);
  const { data, isFetching } = useApplicationCandidates(term, true);
  const items = data?.items ?? [];
  const [chosen, setChosen] = useState<ApplicationCandidate | null>(null);
  const all = [...(chosen && !items.some((a) => a.applicationId === chosen.applicationId) ? [chosen] : []), ...items];
  return (
    <Form.Item name="applicationId" label={t('seekers.source.application')} rules={[{ required: true, message: t('seekers.form.searchApplication') }]}>
      <Select
        showSearch={{ filterOption: false, onSearch: setTyped }}
        placeholder={t('seekers.form.searchApplication')}
        notFoundContent={isFetching ? <Spin size="small" /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('seekers.form.noCandidates')} />}
        options={all.map((a) => ({
          value: a.applicationId,
          disabled: !!a.registered,
          label: (
            <Space size={8} wrap>
              <span>{a.studentName}</span>
              <Typography.Text type="secondary" className="uh-mono">
                {a.idMasked}
              </Typography.Text>
              <Typography.Text type="secondary">
                {[a.schoolName, codeLabel(SchoolStage, a.schoolStage, i18n.language), a.campaignName].join(' · ')}
              </Typography.Text>
              {a.registered && <Tag>{t('seekers.form.registered')}</Tag>}
            </Space>
          ),
        }))}
        onChange={(id: string) => {
          const a = all.find((x) => x.applicationId === id);
          setChosen(a ?? null);
          if (a) onPick(a);
        }}
        data-testid="seeker-form-application"
      />
    </Form.Item>
  );
}

/** 求职登记: by hand, or from an archived household or an aided student (name, ID and schooling taken from the record). */
export default function SeekerFormPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const [form] = Form.useForm<Values>();
  const source = Form.useWatch('source', form) ?? 'manual';
  const register = useRegisterSeeker();
  const report = useReportError(seekerErrorMessage);
  // Checked here as the server checks them, so the problem is worded in Chinese beside the field.
  const idNumberRule = useIdNumberRule();
  const mobileRule = useMobileRule();
  const [pickedName, setPickedName] = useState<string | null>(null);

  useEffect(() => {
    if (me && source === 'manual' && !form.getFieldValue('orgId')) form.setFieldValue('orgId', me.orgId);
  }, [me, source, form]);

  const fill = (name: string, stage: string | null, startYear: number | null, major?: string | null) => {
    setPickedName(name);
    const s = schooling(stage, startYear);
    form.setFieldsValue({ education: s.education, graduationYear: s.graduationYear, ...(major ? { major } : {}) });
  };

  const submit = async (v: Values) => {
    const fromRecord = v.source !== 'manual';
    const body: RegisterSeekerBody = {
      ...(v.orgId ? { orgId: v.orgId } : {}),
      ...(v.source === 'household' ? { householdId: v.householdId, ...(v.person && v.person !== WORKER ? { memberId: v.person } : {}) } : {}),
      ...(v.source === 'application' ? { applicationId: v.applicationId } : {}),
      ...(fromRecord ? {} : { name: v.name?.trim(), idNumber: v.idNumber?.trim(), hardship: !!v.hardship }),
      phone: v.phone?.trim() || null,
      ...(v.education ? { education: v.education } : {}),
      major: v.major?.trim() || null,
      graduationYear: v.graduationYear ?? null,
      skills: v.skills?.trim() || null,
      wishedCategory: v.wishedCategory,
      wishedRegion: v.wishedRegion,
      wishedSalaryFen: v.wishedSalaryYuan === null || v.wishedSalaryYuan === undefined ? null : Math.round(v.wishedSalaryYuan * 100),
    };
    try {
      const { id } = await register.mutateAsync(body);
      void message.success(t('seekers.form.created'));
      void navigate(`/job-seekers/${id}`);
    } catch (err) {
      if (isApiError(err) && err.details.reason === 'seeker_registered' && !fromRecord) {
        form.setFields([{ name: 'idNumber', errors: [seekerErrorMessage(t, err)] }]);
        return;
      }
      report(renameFields(err, { 'body.wishedSalaryFen': 'body.wishedSalaryYuan', 'body.memberId': 'body.person' }), { instance: form, fields: FIELDS });
    }
  };

  return (
    <>
      <PageHeader title={t('seekers.form.title')} description={t('seekers.form.sourceHint')} />
      <Card>
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ source: 'manual', hardship: false }}
          onFinish={submit}
          onValuesChange={(changed: Partial<Values>) => {
            if ('source' in changed) {
              setPickedName(null);
              form.setFieldsValue({ householdId: undefined, person: undefined, applicationId: undefined, education: undefined, graduationYear: null, orgId: changed.source === 'manual' ? me?.orgId : undefined });
            }
          }}
          style={{ maxWidth: 880 }}
        >
          <Form.Item name="source" label={t('seekers.form.sourceLabel')}>
            <Radio.Group optionType="button" buttonStyle="solid" data-testid="seeker-form-source">
              <Radio.Button value="manual">
                <span data-testid="seeker-source-manual">{t('seekers.form.sourceManual')}</span>
              </Radio.Button>
              <Radio.Button value="household">
                <span data-testid="seeker-source-household">{t('seekers.form.sourceHousehold')}</span>
              </Radio.Button>
              <Radio.Button value="application">
                <span data-testid="seeker-source-application">{t('seekers.form.sourceApplication')}</span>
              </Radio.Button>
            </Radio.Group>
          </Form.Item>
          {source === 'household' && <HouseholdPicker onPick={(_h, p) => fill(p.name, p.schoolStage, null)} />}
          {source === 'application' && <ApplicationPicker onPick={(a) => fill(a.studentName, a.schoolStage, a.admissionYear, a.major)} />}
          {source !== 'manual' && pickedName && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`${t('seekers.fields.name')}：${pickedName}（${t('seekers.form.fromRecord')}）`} />}
          <Row gutter={16}>
            {source === 'manual' && (
              <>
                <Col xs={24} md={8}>
                  <Form.Item name="name" label={t('seekers.fields.name')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('seekers.fields.name') }) }]}>
                    <Input maxLength={50} data-testid="seeker-form-name" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name="idNumber" label={t('seekers.fields.idNumber')} rules={[idNumberRule]}>
                    <Input maxLength={18} className="uh-mono" data-testid="seeker-form-id" />
                  </Form.Item>
                </Col>
              </>
            )}
            <Col xs={24} md={8}>
              <Form.Item name="phone" label={t('seekers.fields.phone')} rules={[mobileRule]}>
                <Input maxLength={11} className="uh-mono" data-testid="seeker-form-phone" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="orgId" label={t('seekers.fields.org')}>
                <OrgTreeSelect activeOnly allowClear placeholder={t('seekers.form.orgPlaceholder')} data-testid="seeker-form-org" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="education"
                label={t('seekers.fields.education')}
                rules={source === 'manual' ? [{ required: true, message: t('common.selectRequired', { field: t('seekers.fields.education') }) }] : []}
              >
                <Select allowClear={source !== 'manual'} options={codeOptions(Education, lang)} placeholder={source !== 'manual' ? t('seekers.form.fromRecord') : undefined} data-testid="seeker-form-education" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="major" label={t('seekers.fields.major')}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="graduationYear" label={t('seekers.fields.graduationYear')}>
                <InputNumber min={1950} max={2100} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item name="skills" label={t('seekers.fields.skills')}>
                <Input maxLength={200} placeholder={t('seekers.form.skillsPlaceholder')} data-testid="seeker-form-skills" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="wishedCategory" label={t('seekers.fields.wishedCategory')} rules={[{ required: true, message: t('common.selectRequired', { field: t('seekers.fields.wishedCategory') }) }]}>
                <Select options={codeOptions(JobCategory, lang)} data-testid="seeker-form-category" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="wishedRegion" label={t('seekers.fields.wishedRegion')} rules={[{ required: true, message: t('common.selectRequired', { field: t('seekers.fields.wishedRegion') }) }]}>
                <Select options={regionOptions(i18n.language)} placeholder={t('seekers.form.regionPlaceholder')} data-testid="seeker-form-region" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="wishedSalaryYuan" label={t('seekers.fields.wishedSalary')}>
                <InputNumber min={0} max={100000} precision={0} step={500} style={{ width: '100%' }} data-testid="seeker-form-salary" />
              </Form.Item>
            </Col>
            {source === 'manual' && (
              <Col xs={24} md={8}>
                <Form.Item name="hardship" valuePropName="checked" label={t('seekers.fields.hardship')} extra={t('seekers.form.hardshipHint')}>
                  <Checkbox data-testid="seeker-form-hardship">{t('seekers.hardshipTag')}</Checkbox>
                </Form.Item>
              </Col>
            )}
          </Row>
          <Space>
            <Button type="primary" htmlType="submit" loading={register.isPending} data-testid="seeker-form-submit">
              {t('seekers.form.submit')}
            </Button>
            <Button onClick={() => void navigate('/job-seekers')}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      </Card>
    </>
  );
}
