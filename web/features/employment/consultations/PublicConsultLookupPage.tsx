import { ClockCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Form, Input, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ConsultationCategory } from '../../../../contracts/employment.js';
import { isApiError } from '../../../shared/api.js';
import { codeLabel } from '../../../shared/code-labels.js';
import { formatDateTime } from '../../../shared/format.js';
import { PublicShell } from '../policies/PublicShell.js';
import { retryMinutes, TICKET_NO } from './consultation-view.js';
import { useLookupConsultation } from './consultations.api.js';

interface Values {
  ticketNo: string;
  phoneLast4: string;
}

/**
 * 查看咨询答复 (no sign-in): the ticket number (from the address, or typed) and the phone's last four
 * digits (kept in the page only, never in the address) show the question and its answer.
 */
export default function PublicConsultLookupPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { ticketNo: fromPath } = useParams();
  const initialTicket = fromPath && TICKET_NO.test(fromPath) ? fromPath : '';
  const [asked, setAsked] = useState<Values | null>(null);
  const { data: c, error, isFetching } = useLookupConsultation(asked?.ticketNo, asked?.phoneLast4);
  const [form] = Form.useForm<Values>();

  const submit = (v: Values) => {
    const ticketNo = v.ticketNo.trim().toUpperCase();
    setAsked({ ticketNo, phoneLast4: v.phoneLast4.trim() });
    if (ticketNo !== fromPath) void navigate(`/consult/${ticketNo}`, { replace: true });
  };
  const problem = error ? (isApiError(error) && error.status === 429 ? t('consultations.public.lookupLimited', { minutes: retryMinutes(error) }) : isApiError(error) && error.status === 404 ? t('consultations.public.notFound') : t('consultations.public.failed')) : null;

  return (
    <PublicShell title={t('consultations.public.lookupTitle')} testId="public-consult-lookup">
      <Card styles={{ body: { padding: 16 } }}>
        <Typography.Paragraph>{t('consultations.public.lookupIntro')}</Typography.Paragraph>
        <Form form={form} layout="vertical" size="large" initialValues={{ ticketNo: initialTicket }} onFinish={submit} requiredMark={false}>
          <Form.Item name="ticketNo" label={t('consultations.public.ticketNo')} rules={[{ required: true, pattern: TICKET_NO, transform: (v: string) => v?.trim().toUpperCase(), message: t('consultations.public.ticketInvalid') }]}>
            <Input maxLength={15} placeholder={t('consultations.public.ticketPlaceholder')} autoCapitalize="characters" data-testid="lookup-ticket" />
          </Form.Item>
          <Form.Item name="phoneLast4" label={t('consultations.public.last4')} rules={[{ required: true, pattern: /^\d{4}$/, message: t('consultations.public.last4Invalid') }]}>
            <Input maxLength={4} inputMode="numeric" autoFocus={!!initialTicket} data-testid="lookup-last4" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={isFetching} data-testid="lookup-submit">
            {t('consultations.public.lookup')}
          </Button>
        </Form>
      </Card>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginTop: 12 }} data-testid="lookup-error" />}
      {c && !problem && (
        <Card style={{ marginTop: 12 }} styles={{ body: { padding: 16 } }} data-testid="lookup-result">
          <Descriptions column={1} size="small" style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('consultations.public.ticketNo')}>{c.ticketNo}</Descriptions.Item>
            <Descriptions.Item label={t('consultations.fields.org')}>{c.orgName}</Descriptions.Item>
            <Descriptions.Item label={t('consultations.fields.category')}>{codeLabel(ConsultationCategory, c.category, i18n.language)}</Descriptions.Item>
            <Descriptions.Item label={t('consultations.public.askedAt')}>{formatDateTime(c.askedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('consultations.fields.status')}>
              <Tag color={c.status === 'open' ? 'orange' : 'green'} data-testid="lookup-status">
                {t(`consultations.status.${c.status}`)}
              </Tag>
            </Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', background: '#fafafa', padding: 12, borderRadius: 6 }}>{c.question}</Typography.Paragraph>
          {c.answer ? (
            <>
              <Typography.Title level={3} style={{ fontSize: 16 }}>
                {t('consultations.public.answer')}
              </Typography.Title>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', fontSize: 16, lineHeight: 1.7 }} data-testid="lookup-answer">
                {c.answer}
              </Typography.Paragraph>
              <Typography.Text type="secondary">
                {t('consultations.public.answeredAt')} {formatDateTime(c.answeredAt)}
              </Typography.Text>
            </>
          ) : (
            <Alert type={c.status === 'open' ? 'info' : 'warning'} showIcon icon={<ClockCircleOutlined />} title={t(c.status === 'open' ? 'consultations.public.waiting' : 'consultations.public.closedUnanswered')} data-testid="lookup-waiting" />
          )}
        </Card>
      )}
    </PublicShell>
  );
}
