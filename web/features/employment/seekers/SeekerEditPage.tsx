import { Alert, App, Button, Card, Checkbox, Col, Form, Input, InputNumber, Result, Row, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { Education, JobCategory } from '../../../../contracts/employment.js';
import { codeOptions } from '../../../shared/code-labels.js';
import { PageHeader } from '../../../shared/PageHeader.js';
import { PageSpinner } from '../../../shared/PageSpinner.js';
import { useReportError } from '../../../shared/useReportError.js';
import { useIdNumberRule, useMobileRule } from '../../households/id-number.js';
import { regionOptions, renameFields, seekerErrorMessage, seekerSource } from './seeker-view.js';
import { seekerChanges, type SeekerEditValues as Values } from './seeker-changes.js';
import { useSeeker, useUpdateSeeker } from './seekers.api.js';

const FIELDS = ['name', 'idNumber', 'phone', 'education', 'major', 'graduationYear', 'skills', 'wishedCategory', 'wishedRegion', 'wishedSalaryYuan', 'hardship'] as const;

/** 修改求职登记 (/job-seekers/:id/edit): schooling, skills, wishes, phone, and for a seeker entered by hand the name, ID number and hardship mark. */
export default function SeekerEditPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { data: seeker, isLoading, error } = useSeeker(id);
  const update = useUpdateSeeker(id ?? '');
  const report = useReportError(seekerErrorMessage);
  // Checked here as the server checks them, so the problem is worded in Chinese beside the field.
  const idNumberRule = useIdNumberRule({ required: false });
  const mobileRule = useMobileRule();
  const [form] = Form.useForm<Values>();
  const clearPhone = Form.useWatch('clearPhone', form);
  if (isLoading) return <PageSpinner />;
  if (error || !seeker)
    return <Result status="warning" title={seekerErrorMessage(t, error)} extra={<Button onClick={() => void navigate('/job-seekers')}>{t('seekers.backToList')}</Button>} />;
  const source = seekerSource(seeker);
  const fromRecord = source !== 'manual';
  const back = () => void navigate(`/job-seekers/${seeker.id}`);

  const submit = async (v: Values) => {
    const body = seekerChanges(seeker, v, fromRecord);
    if (Object.keys(body).length === 1) {
      void message.info(t('seekers.edit.nothingChanged'));
      return;
    }
    try {
      await update.mutateAsync(body);
      void message.success(t('seekers.edit.saved'));
      back();
    } catch (err) {
      report(renameFields(err, { 'body.wishedSalaryFen': 'body.wishedSalaryYuan' }), { instance: form, fields: FIELDS });
    }
  };

  return (
    <>
      <PageHeader title={t('seekers.edit.title')} description={`${seeker.name} · ${seeker.orgName}`} />
      <Card>
        <Form<Values>
          form={form}
          layout="vertical"
          style={{ maxWidth: 880 }}
          onFinish={submit}
          initialValues={{
            name: seeker.name,
            education: seeker.education,
            major: seeker.major ?? undefined,
            graduationYear: seeker.graduationYear,
            skills: seeker.skills ?? undefined,
            wishedCategory: seeker.wishedCategory,
            wishedRegion: seeker.wishedRegion,
            wishedSalaryYuan: seeker.wishedSalaryFen === null ? null : seeker.wishedSalaryFen / 100,
            hardship: seeker.hardship,
            clearPhone: false,
          }}
        >
          {fromRecord && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('seekers.edit.fromRecordHint', { source: t(`seekers.source.${source}`) })} />}
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="name" label={t('seekers.fields.name')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('seekers.fields.name') }) }]}>
                <Input maxLength={50} disabled={fromRecord} data-testid="seeker-edit-name" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="idNumber" label={t('seekers.fields.idNumber')} rules={[idNumberRule]}>
                <Input maxLength={18} className="uh-mono" disabled={fromRecord} placeholder={t('seekers.edit.idNumberPlaceholder', { masked: seeker.idNumberMasked })} data-testid="seeker-edit-id" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="phone"
                label={t('seekers.fields.phone')}
                rules={[mobileRule]}
                extra={
                  seeker.phoneMasked && (
                    <Form.Item name="clearPhone" valuePropName="checked" noStyle>
                      <Checkbox data-testid="seeker-edit-clear-phone">{t('seekers.edit.clearPhone')}</Checkbox>
                    </Form.Item>
                  )
                }
              >
                <Input
                  maxLength={11}
                  className="uh-mono"
                  disabled={!!clearPhone}
                  placeholder={seeker.phoneMasked ? t('seekers.edit.phonePlaceholder', { masked: seeker.phoneMasked }) : t('seekers.edit.phoneNone')}
                  data-testid="seeker-edit-phone"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="education" label={t('seekers.fields.education')} rules={[{ required: true, message: t('common.selectRequired', { field: t('seekers.fields.education') }) }]}>
                <Select options={codeOptions(Education, lang)} data-testid="seeker-edit-education" />
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
                <Input maxLength={200} placeholder={t('seekers.form.skillsPlaceholder')} data-testid="seeker-edit-skills" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="hardship" valuePropName="checked" label={t('seekers.fields.hardship')} extra={fromRecord ? undefined : t('seekers.form.hardshipHint')}>
                <Checkbox disabled={fromRecord} data-testid="seeker-edit-hardship">
                  {t('seekers.hardshipTag')}
                </Checkbox>
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="wishedCategory" label={t('seekers.fields.wishedCategory')} rules={[{ required: true, message: t('common.selectRequired', { field: t('seekers.fields.wishedCategory') }) }]}>
                <Select options={codeOptions(JobCategory, lang)} data-testid="seeker-edit-category" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="wishedRegion" label={t('seekers.fields.wishedRegion')} rules={[{ required: true, message: t('common.selectRequired', { field: t('seekers.fields.wishedRegion') }) }]}>
                <Select options={regionOptions(i18n.language)} data-testid="seeker-edit-region" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="wishedSalaryYuan" label={t('seekers.fields.wishedSalary')}>
                <InputNumber min={0} max={100000} precision={0} step={500} style={{ width: '100%' }} data-testid="seeker-edit-salary" />
              </Form.Item>
            </Col>
          </Row>
          <Space>
            <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="seeker-edit-submit">
              {t('seekers.edit.submit')}
            </Button>
            <Button onClick={back}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      </Card>
    </>
  );
}
