import { Alert, App, AutoComplete, Button, Card, Checkbox, Col, Form, Input, Row, Select, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { JIAOZUO_COUNTIES, validateUscc } from '../../../../contracts/cn-ids.js';
import { EnterpriseSize, Industry } from '../../../../contracts/employment.js';
import { validateContactPhone, type RegisterEnterpriseInput, type UpdateEnterpriseInput } from '../../../../contracts/enterprises.js';
import { isApiError } from '../../../shared/api.js';
import { codeOptions } from '../../../shared/code-labels.js';
import { PageHeader } from '../../../shared/PageHeader.js';
import { PageSpinner } from '../../../shared/PageSpinner.js';
import { useCan, useMe } from '../../../shared/session.js';
import { useReportError } from '../../../shared/useReportError.js';
import type zhEnterprises from '../../../shared/locales/employment/enterprises.zh-CN.js';
import { OrgTreeSelect } from '../../orgs/OrgTreeSelect.js';
import { enterpriseErrorMessage } from './enterprise-errors.js';
import { useEnterprise, useRegisterEnterprise, useUpdateEnterprise, type EnterpriseDto } from './enterprises.api.js';

interface Values {
  orgId?: string;
  name: string;
  uscc: string;
  industry: string;
  size: string;
  address?: string;
  regionCode: string;
  contactName: string;
  contactPhone: string;
  priorityPledge: boolean;
}

const FIELDS = ['orgId', 'name', 'uscc', 'industry', 'size', 'address', 'regionCode', 'contactName', 'contactPhone', 'priorityPledge'] as const;
const REGION_OPTIONS = Object.entries(JIAOZUO_COUNTIES).map(([code, name]) => ({ value: code, label: `${name} ${code}` }));

/** 登记 / 修改用人单位 (/enterprises/new, /enterprises/:id/edit). The code's check character is the server's to judge: its message shows under the field. */
export default function EnterpriseFormPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const editing = !!id;
  const { data: current, isLoading, error } = useEnterprise(id);
  if (editing && isLoading) return <PageSpinner />;
  if (editing && !current) return <Alert type="error" showIcon title={enterpriseErrorMessage(t, error)} />;
  return <EnterpriseForm current={current} />;
}

function EnterpriseForm({ current }: { current?: EnterpriseDto }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { message } = App.useApp();
  const navigate = useNavigate();
  const can = useCan();
  const { data: me } = useMe();
  const [form] = Form.useForm<Values>();
  const register = useRegisterEnterprise();
  const update = useUpdateEnterprise(current?.id ?? '');
  const report = useReportError(enterpriseErrorMessage);
  const staff = can('job.publish');
  type Field = keyof typeof zhEnterprises.fields;
  const required = (field: Field) => [{ required: true, whitespace: true, message: t('common.required', { field: t(`enterprises.fields.${field}`) }) }];
  // Checked here as the server checks them, so the problem is worded in the page's language beside the field.
  const usccValid = {
    validator: async (_: unknown, v: string | undefined) => {
      const r = v?.trim() ? validateUscc(v) : null;
      if (r && !r.ok) throw new Error(t(`enterprises.form.usccInvalid.${r.problem}`));
    },
  };
  const phoneValid = {
    validator: async (_: unknown, v: string | undefined) => {
      if (v?.trim() && !validateContactPhone(v).ok) throw new Error(t('enterprises.form.phoneInvalid'));
    },
  };
  const chosen = (field: Field) => [{ required: true, message: t('common.selectRequired', { field: t(`enterprises.fields.${field}`) }) }];

  useEffect(() => {
    if (current) form.setFieldsValue({ ...current, address: current.address ?? '' });
  }, [current, form]);

  const fail = (err: unknown) => {
    if (isApiError(err) && err.details.reason === 'uscc_taken') return form.setFields([{ name: 'uscc', errors: [enterpriseErrorMessage(t, err)] }]);
    report(err, { instance: form, fields: FIELDS });
  };

  const submit = async (v: Values) => {
    const fields = {
      name: v.name.trim(),
      industry: v.industry as RegisterEnterpriseInput['industry'],
      size: v.size as RegisterEnterpriseInput['size'],
      address: v.address?.trim() || null,
      regionCode: v.regionCode.trim(),
      contactName: v.contactName.trim(),
      contactPhone: v.contactPhone.trim(),
      priorityPledge: !!v.priorityPledge,
    };
    try {
      if (current) {
        const body: UpdateEnterpriseInput = { ...fields, ...(staff ? { uscc: v.uscc } : {}), version: current.version };
        await update.mutateAsync(body);
        void message.success(t('enterprises.form.saved'));
        void navigate(`/enterprises/${current.id}`);
      } else {
        const created = await register.mutateAsync({ ...fields, orgId: v.orgId!, uscc: v.uscc });
        void message.success(t('enterprises.form.registered', { name: created.name }));
        void navigate(`/enterprises/${created.id}`);
      }
    } catch (err) {
      fail(err);
    }
  };

  return (
    <>
      <PageHeader title={t(current ? 'enterprises.form.editTitle' : 'enterprises.form.newTitle')} description={current?.name} />
      <Card>
        <Form<Values> form={form} layout="vertical" requiredMark="optional" initialValues={{ orgId: me?.orgId, priorityPledge: false }} onFinish={submit} style={{ maxWidth: 880 }} data-testid="enterprise-form">
          <Row gutter={16}>
            <Col xs={24} md={16}>
              <Form.Item name="name" label={t('enterprises.fields.name')} rules={required('name')}>
                <Input maxLength={100} placeholder={t('enterprises.form.namePlaceholder')} data-testid="enterprise-form-name" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              {current ? (
                <Form.Item label={t('enterprises.fields.org')} required>
                  <Typography.Text>{current.orgName}</Typography.Text>
                </Form.Item>
              ) : (
                <Form.Item name="orgId" label={t('enterprises.fields.org')} rules={chosen('org')}>
                  <OrgTreeSelect activeOnly placeholder={t('enterprises.form.orgPlaceholder')} data-testid="enterprise-form-org" />
                </Form.Item>
              )}
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="uscc" label={t('enterprises.fields.uscc')} rules={[...required('uscc'), usccValid]} extra={current && !staff ? t('enterprises.form.usccLocked') : t('enterprises.form.usccHint')}>
                <Input maxLength={20} className="uh-mono" placeholder={t('enterprises.form.usccPlaceholder')} disabled={!!current && !staff} data-testid="enterprise-form-uscc" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="industry" label={t('enterprises.fields.industry')} rules={chosen('industry')}>
                <Select showSearch={{ optionFilterProp: 'label' }} options={codeOptions(Industry, lang)} data-testid="enterprise-form-industry" />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="size" label={t('enterprises.fields.size')} rules={chosen('size')}>
                <Select options={codeOptions(EnterpriseSize, lang)} data-testid="enterprise-form-size" />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="regionCode" label={t('enterprises.fields.region')} rules={required('region')} extra={t('enterprises.form.regionHint')}>
                <AutoComplete options={REGION_OPTIONS} placeholder={t('enterprises.form.regionPlaceholder')} showSearch={{ filterOption: (input, o) => String(o?.label ?? '').includes(input.trim()) }} data-testid="enterprise-form-region" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="address" label={t('enterprises.fields.address')}>
                <Input maxLength={200} data-testid="enterprise-form-address" />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="contactName" label={t('enterprises.fields.contactName')} rules={required('contactName')}>
                <Input maxLength={50} data-testid="enterprise-form-contact" />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item name="contactPhone" label={t('enterprises.fields.contactPhone')} rules={[...required('contactPhone'), phoneValid]}>
                <Input maxLength={30} className="uh-mono" placeholder={t('enterprises.form.phonePlaceholder')} data-testid="enterprise-form-phone" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="priorityPledge" valuePropName="checked" label={t('enterprises.fields.priorityPledge')} extra={t('enterprises.form.pledgeHint')}>
                <Checkbox data-testid="enterprise-form-pledge">{t('enterprises.pledgeOnly')}</Checkbox>
              </Form.Item>
            </Col>
          </Row>
          <Space>
            <Button type="primary" htmlType="submit" loading={register.isPending || update.isPending} data-testid="enterprise-form-submit">
              {t(current ? 'enterprises.form.submitEdit' : 'enterprises.form.submitNew')}
            </Button>
            <Button onClick={() => void navigate(current ? `/enterprises/${current.id}` : '/enterprises')}>{t('enterprises.form.cancel')}</Button>
          </Space>
        </Form>
      </Card>
    </>
  );
}
