import { CheckCircleFilled, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Result, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { CONSULTATION_QUESTION_MAX } from '../../../../contracts/consultations.js';
import { ConsultationCategory } from '../../../../contracts/employment.js';
import { isApiError } from '../../../shared/api.js';
import { codeOptions } from '../../../shared/code-labels.js';
import { localName } from '../../../shared/labels.js';
import { PublicShell } from '../policies/PublicShell.js';
import { retryMinutes } from './consultation-view.js';
import { useAskConsultation, usePublicConsultationOrgs } from './consultations.api.js';

interface Values {
  orgId: string;
  category: string;
  question: string;
  askerName?: string;
  phone: string;
}

const MOBILE = /^1[3-9]\d{9}$/;
const digitsOnly = (v: string) => v.replace(/[\s-]/g, '');

/** 我要咨询 (no sign-in, made for a phone): the question goes to the union picked; the answer is read with the ticket number. */
export default function PublicConsultPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const navigate = useNavigate();
  const orgs = usePublicConsultationOrgs();
  const ask = useAskConsultation();
  const [form] = Form.useForm<Values>();
  const [ticket, setTicket] = useState<{ ticketNo: string; orgName: string } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (v: Values) => {
    setFailure(null);
    try {
      const res = await ask.mutateAsync({ orgId: v.orgId, category: v.category, question: v.question.trim(), askerName: v.askerName?.trim() || null, phone: digitsOnly(v.phone) });
      setTicket(res);
      window.scrollTo({ top: 0 });
    } catch (err) {
      if (isApiError(err) && err.status === 429) setFailure(t('consultations.public.rateLimited', { minutes: retryMinutes(err) }));
      else if (isApiError(err) && err.code === 'VALIDATION' && err.details.issues?.length) {
        const fields = new Set(['orgId', 'category', 'question', 'askerName', 'phone']);
        const placed = err.details.issues.map((i) => ({ name: i.field.replace(/^body\./, ''), errors: [i.message] })).filter((f) => fields.has(f.name));
        form.setFields(placed.map((f) => ({ name: f.name as keyof Values, errors: f.name === 'phone' ? [t('consultations.public.phoneInvalid')] : f.errors })));
        if (!placed.length) setFailure(t('consultations.public.failed'));
      } else setFailure(t('consultations.public.failed'));
    }
  };

  if (ticket)
    return (
      <PublicShell title={t('consultations.public.title')} testId="public-consult-done">
        <Card>
          <Result
            icon={<CheckCircleFilled style={{ color: '#52c41a' }} />}
            title={t('consultations.public.submitted')}
            subTitle={ticket.orgName}
            extra={
              <Space direction="vertical" size={16} style={{ width: '100%' }}>
                <div>
                  <Typography.Text type="secondary">{t('consultations.public.ticketLabel')}</Typography.Text>
                  <div style={{ fontSize: 26, fontWeight: 700, letterSpacing: 1, color: '#cf1322', userSelect: 'all' }} data-testid="consult-ticket-no">
                    {ticket.ticketNo}
                  </div>
                </div>
                <Typography.Paragraph type="secondary" style={{ maxWidth: 420, margin: '0 auto' }}>
                  {t('consultations.public.ticketHint')}
                </Typography.Paragraph>
                <Space wrap style={{ justifyContent: 'center' }}>
                  <Button type="primary" size="large" onClick={() => void navigate(`/consult/${ticket.ticketNo}`)} data-testid="consult-view-answer">
                    {t('consultations.public.viewAnswer')}
                  </Button>
                  <Button
                    size="large"
                    onClick={() => {
                      form.resetFields();
                      setTicket(null);
                    }}
                  >
                    {t('consultations.public.askAnother')}
                  </Button>
                </Space>
              </Space>
            }
          />
        </Card>
      </PublicShell>
    );

  return (
    <PublicShell title={t('consultations.public.title')} testId="public-consult">
      <Card styles={{ body: { padding: 16 } }}>
        <Typography.Paragraph style={{ fontSize: 15 }}>{t('consultations.public.intro')}</Typography.Paragraph>
        <Typography.Paragraph>
          <Link to="/consult/lookup" data-testid="consult-lookup-link">
            {t('consultations.public.lookupLink')}
          </Link>
        </Typography.Paragraph>
        {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} data-testid="consult-error" />}
        <Form form={form} layout="vertical" size="large" onFinish={(v) => void submit(v)} requiredMark={false} data-testid="consult-form">
          <Form.Item name="orgId" label={t('consultations.public.org')} extra={t('consultations.public.orgHelp')} rules={[{ required: true, message: t('consultations.public.orgRequired') }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={orgs.isLoading}
              placeholder={t('consultations.public.orgPlaceholder')}
              options={(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: localName(o, lang) }))}
              data-testid="consult-org"
            />
          </Form.Item>
          <Form.Item name="category" label={t('consultations.public.category')} rules={[{ required: true, message: t('consultations.public.categoryRequired') }]}>
            <Select options={codeOptions(ConsultationCategory, lang)} placeholder={t('consultations.public.categoryPlaceholder')} data-testid="consult-category" />
          </Form.Item>
          <Form.Item name="question" label={t('consultations.public.question')} rules={[{ required: true, whitespace: true, min: 5, message: t('consultations.public.questionRequired') }]}>
            <Input.TextArea rows={5} maxLength={CONSULTATION_QUESTION_MAX} showCount placeholder={t('consultations.public.questionPlaceholder')} data-testid="consult-question" />
          </Form.Item>
          <Form.Item name="askerName" label={t('consultations.public.name')}>
            <Input maxLength={50} placeholder={t('consultations.public.namePlaceholder')} autoComplete="name" data-testid="consult-name" />
          </Form.Item>
          <Form.Item
            name="phone"
            label={t('consultations.public.phone')}
            rules={[{ required: true, validator: (_, v: string | undefined) => (v && MOBILE.test(digitsOnly(v)) ? Promise.resolve() : Promise.reject(new Error(t('consultations.public.phoneInvalid')))) }]}
          >
            <Input inputMode="numeric" autoComplete="tel" maxLength={13} placeholder={t('consultations.public.phonePlaceholder')} data-testid="consult-phone" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={ask.isPending} data-testid="consult-submit">
            {t('consultations.public.submit')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 13 }}>
          <SafetyCertificateOutlined /> {t('consultations.public.privacy')}
        </Typography.Paragraph>
      </Card>
    </PublicShell>
  );
}
