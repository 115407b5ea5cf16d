import { ArrowLeftOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { Education, Experience, JobCategory, PostingKind } from '../../../../contracts/employment.js';
import { MAX_VALID_DAYS } from '../../../../contracts/jobs.js';
import { codeOptions } from '../../../shared/code-labels.js';
import { isApiError } from '../../../shared/api.js';
import { PageHeader } from '../../../shared/PageHeader.js';
import { PageSpinner } from '../../../shared/PageSpinner.js';
import { useReportError } from '../../../shared/useReportError.js';
import { canEdit, chinaToday, formValuesOf, postingErrorMessage, regionOptions, yuanToFen } from './posting-view.js';
import { useCreatePosting, usePosting, usePostingEnterprises, usePostingStep, useUpdatePosting, type PostingBody } from './postings.api.js';

interface FormValues {
  enterpriseId: string;
  title: string;
  category: string;
  kind: string;
  openings: number;
  salaryMinYuan: number;
  salaryMaxYuan: number;
  education: string;
  experience: string;
  regionCode: string;
  description: string;
  contactName: string;
  contactPhone: string;
  validUntil: Dayjs;
}

/** The form's fields that the server names in its answers (body.title → title). */
const FIELDS = ['enterpriseId', 'title', 'category', 'kind', 'openings', 'salaryMinYuan', 'salaryMaxYuan', 'education', 'experience', 'regionCode', 'description', 'contactName', 'contactPhone', 'validUntil'];

function bodyOf(v: FormValues): PostingBody {
  return {
    title: v.title.trim(),
    category: v.category,
    kind: v.kind,
    openings: v.openings,
    salaryMinFen: yuanToFen(v.salaryMinYuan),
    salaryMaxFen: yuanToFen(v.salaryMaxYuan),
    education: v.education,
    experience: v.experience,
    regionCode: v.regionCode,
    description: v.description.trim(),
    contactName: v.contactName.trim(),
    contactPhone: v.contactPhone.trim(),
    validUntil: v.validUntil.format('YYYY-MM-DD'),
  };
}

/** The server names salary fields in fen; the form asks in yuan. */
const formField = (field: string) => (field === 'salaryMinFen' ? 'salaryMinYuan' : field === 'salaryMaxFen' ? 'salaryMaxYuan' : field);

/**
 * 录入岗位 (/job-postings/new) and 修改岗位 (/job-postings/:id/edit): the posting's fields, salaries in
 * whole yuan a month; saved as a draft or submitted for review at once.
 */
export default function PostingFormPage() {
  const { id } = useParams();
  const editing = !!id;
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [enterpriseQuery, setEnterpriseQuery] = useState('');
  const { data: existing, isLoading } = usePosting(id);
  const enterprises = usePostingEnterprises(enterpriseQuery, !editing);
  const create = useCreatePosting();
  const update = useUpdatePosting(id ?? '');
  const step = usePostingStep();
  const report = useReportError(postingErrorMessage);
  const today = chinaToday();

  useEffect(() => {
    if (existing) form.setFieldsValue({ ...formValuesOf(existing), validUntil: dayjs(existing.validUntil) });
  }, [existing, form]);

  // An HR account has one enterprise: chosen for it.
  const options = enterprises.data?.items ?? [];
  useEffect(() => {
    if (!editing && options.length === 1 && !enterpriseQuery && !form.getFieldValue('enterpriseId')) pickEnterprise(options[0].id);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editing, options.length]);

  function pickEnterprise(enterpriseId: string) {
    const e = options.find((o) => o.id === enterpriseId);
    form.setFieldValue('enterpriseId', enterpriseId);
    if (!e) return;
    const current = form.getFieldsValue(['regionCode', 'contactName', 'contactPhone']);
    form.setFieldsValue({ regionCode: current.regionCode ?? e.regionCode, contactName: current.contactName || e.contactName, contactPhone: current.contactPhone || e.contactPhone });
  }

  const placeErrors = (err: unknown) => {
    if (isApiError(err) && err.details.reason === 'duplicate_posting') {
      form.setFields([{ name: 'title', errors: [t('jobs.form.duplicate')] }]);
      return;
    }
    // The server names salaries in fen; the form asks in yuan.
    if (isApiError(err)) for (const issue of err.details.issues ?? []) issue.field = issue.field.replace(/^body\.(\w+)/, (_m, f: string) => `body.${formField(f)}`);
    report(err, { instance: form, fields: FIELDS });
  };

  const save = async (submit: boolean) => {
    const v = await form.validateFields();
    try {
      if (!editing) {
        const created = await create.mutateAsync({ ...bodyOf(v), enterpriseId: v.enterpriseId, submit });
        void message.success(t(submit ? 'jobs.form.submitted' : 'jobs.form.created'));
        void navigate(`/job-postings/${created.id}`, { replace: true });
        return;
      }
      await update.mutateAsync({ ...bodyOf(v), version: existing!.version });
      if (submit) await step.mutateAsync({ id: id!, step: 'submit' });
      void message.success(t(submit ? 'jobs.form.submitted' : 'jobs.form.saved'));
      void navigate(`/job-postings/${id}`, { replace: true });
    } catch (err) {
      placeErrors(err);
    }
  };

  if (editing && isLoading) return <PageSpinner />;
  if (editing && existing && !canEdit(existing.status)) return <Alert type="warning" showIcon title={t('jobs.detail.rejectedHint')} />;
  const pending = create.isPending || update.isPending || step.isPending;
  const required = (field: string) => ({ required: true, whitespace: true, message: t('common.required', { field }) });
  const chosen = (field: string) => ({ required: true, message: t('common.selectRequired', { field }) });

  return (
    <>
      <PageHeader
        title={t(editing ? 'jobs.form.editTitle' : 'jobs.form.createTitle')}
        description={existing ? `${existing.enterpriseName} · ${existing.title}` : undefined}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(editing ? `/job-postings/${id}` : '/job-postings')}>
            {t('common.back')}
          </Button>
        }
      />
      <Card>
        {existing?.status === 'returned' && existing.reviewNote && <Alert type="warning" showIcon title={t('jobs.detail.returnedHint')} description={existing.reviewNote} style={{ marginBottom: 16 }} />}
        <Form<FormValues>
          form={form}
          layout="vertical"
          requiredMark="optional"
          initialValues={{ kind: 'regular', openings: 1, education: 'none', experience: 'none', validUntil: dayjs(today).add(30, 'day') }}
          style={{ maxWidth: 960 }}
        >
          {!editing && (
            <Form.Item name="enterpriseId" label={t('jobs.fields.enterprise')} rules={[chosen(t('jobs.fields.enterprise'))]}>
              <Select
                showSearch={{ filterOption: false, onSearch: setEnterpriseQuery }}
                placeholder={t('jobs.form.enterprisePlaceholder')}
                loading={enterprises.isFetching}
                onChange={(v: string) => pickEnterprise(v)}
                options={options.map((e) => ({ value: e.id, label: `${e.name}（${e.uscc}）` }))}
                data-testid="posting-enterprise"
              />
            </Form.Item>
          )}
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="title" label={t('jobs.fields.title')} rules={[required(t('jobs.fields.title')), { min: 2, max: 40 }]}>
                <Input maxLength={40} placeholder={t('jobs.form.titlePlaceholder')} data-testid="posting-title" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="category" label={t('jobs.fields.category')} rules={[chosen(t('jobs.fields.category'))]}>
                <Select options={codeOptions(JobCategory, lang)} popupMatchSelectWidth={false} data-testid="posting-category" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="kind" label={t('jobs.fields.kind')} rules={[chosen(t('jobs.fields.kind'))]}>
                <Select options={codeOptions(PostingKind, lang)} data-testid="posting-kind" />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={12} md={6}>
              <Form.Item name="openings" label={t('jobs.fields.openings')} rules={[{ required: true, message: t('common.required', { field: t('jobs.fields.openings') }) }]}>
                <InputNumber min={1} max={10_000} precision={0} style={{ width: '100%' }} data-testid="posting-openings" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="salaryMinYuan" label={t('jobs.fields.salaryMin')} rules={[{ required: true, message: t('common.required', { field: t('jobs.fields.salaryMin') }) }]}>
                <InputNumber min={0} max={1_000_000} precision={0} step={500} style={{ width: '100%' }} data-testid="posting-salary-min" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name="salaryMaxYuan"
                label={t('jobs.fields.salaryMax')}
                dependencies={['salaryMinYuan']}
                rules={[
                  { required: true, message: t('common.required', { field: t('jobs.fields.salaryMax') }) },
                  ({ getFieldValue }) => ({ validator: (_, v: number | null) => (v === null || v === undefined || v >= (getFieldValue('salaryMinYuan') ?? 0) ? Promise.resolve() : Promise.reject(new Error(t('jobs.form.salaryOrder')))) }),
                ]}
              >
                <InputNumber min={0} max={1_000_000} precision={0} step={500} style={{ width: '100%' }} data-testid="posting-salary-max" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="regionCode" label={t('jobs.fields.region')} rules={[chosen(t('jobs.fields.region'))]}>
                <Select options={regionOptions(i18n.language)} placeholder={t('jobs.form.regionPlaceholder')} data-testid="posting-region" />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={12} md={6}>
              <Form.Item name="education" label={t('jobs.fields.education')} rules={[chosen(t('jobs.fields.education'))]}>
                <Select options={codeOptions(Education, lang)} data-testid="posting-education" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="experience" label={t('jobs.fields.experience')} rules={[chosen(t('jobs.fields.experience'))]}>
                <Select options={codeOptions(Experience, lang)} data-testid="posting-experience" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="validUntil" label={t('jobs.fields.validUntil')} rules={[{ required: true, message: t('common.selectRequired', { field: t('jobs.fields.validUntil') }) }]}>
                <DatePicker
                  style={{ width: '100%' }}
                  disabledDate={(d) => d.isBefore(dayjs(today), 'day') || d.isAfter(dayjs(today).add(MAX_VALID_DAYS, 'day'), 'day')}
                  data-testid="posting-valid-until"
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="description" label={t('jobs.fields.description')} rules={[required(t('jobs.fields.description'))]}>
            <Input.TextArea rows={6} maxLength={2000} showCount placeholder={t('jobs.form.descriptionPlaceholder')} data-testid="posting-description" />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={12} md={6}>
              <Form.Item name="contactName" label={t('jobs.fields.contactName')} rules={[required(t('jobs.fields.contactName'))]}>
                <Input maxLength={40} data-testid="posting-contact-name" />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name="contactPhone" label={t('jobs.fields.contactPhone')} rules={[required(t('jobs.fields.contactPhone'))]}>
                <Input maxLength={20} placeholder={t('jobs.form.contactPhonePlaceholder')} data-testid="posting-contact-phone" />
              </Form.Item>
            </Col>
          </Row>
          <Space>
            <Button icon={<SaveOutlined />} loading={pending} onClick={() => void save(false).catch(() => undefined)} data-testid="posting-save">
              {t(editing ? 'jobs.form.save' : 'jobs.form.saveDraft')}
            </Button>
            <Button type="primary" icon={<SendOutlined />} loading={pending} onClick={() => void save(true).catch(() => undefined)} data-testid="posting-submit">
              {t('jobs.form.saveAndSubmit')}
            </Button>
          </Space>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
            {t('jobs.review.approveHint')}
          </Typography.Paragraph>
        </Form>
      </Card>
    </>
  );
}
