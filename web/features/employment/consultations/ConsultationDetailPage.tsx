import { ArrowLeftOutlined, CheckCircleOutlined, EyeOutlined, QuestionCircleOutlined, SwapOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Descriptions, Form, Input, Modal, Result, Row, Select, Space, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { CONSULTATION_ANSWER_MAX, ConsultationChannel } from '../../../../contracts/consultations.js';
import { ConsultationCategory } from '../../../../contracts/employment.js';
import { codeLabel, codeOptions } from '../../../shared/code-labels.js';
import { formatDateTime } from '../../../shared/format.js';
import { PageHeader } from '../../../shared/PageHeader.js';
import { PageSpinner } from '../../../shared/PageSpinner.js';
import { useReportError } from '../../../shared/useReportError.js';
import { OrgTreeSelect } from '../../orgs/OrgTreeSelect.js';
import { consultationErrorMessage, formatHours } from './consultation-view.js';
import { useConsultation, useConsultationSteps, useRevealPhone } from './consultations.api.js';
import { ConsultationStatusTag } from './ConsultationStatusTag.js';

type Dialog = 'close' | 'reroute' | 'reveal' | 'faq' | null;

/** One question: what was asked, the answer box, and 办结 / 转办 / 查看完整号码 / 发布为常见问题. */
export default function ConsultationDetailPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const { data: c, isLoading, error } = useConsultation(id);
  const steps = useConsultationSteps(id);
  const reveal = useRevealPhone(id);
  const reportError = useReportError(consultationErrorMessage);
  const [answer, setAnswer] = useState('');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [phone, setPhone] = useState<string | null>(null);
  const [form] = Form.useForm();
  if (isLoading) return <PageSpinner />;
  if (error || !c) return <Result status="warning" title={consultationErrorMessage(t, error)} extra={<Link to="/consultations">{t('consultations.detail.back')}</Link>} />;

  const sendAnswer = async () => {
    if (answer.trim().length < 2) return;
    try {
      await steps.answer.mutateAsync({ answer: answer.trim() });
      void message.success(t('consultations.detail.answered'));
      setAnswer('');
    } catch (err) {
      reportError(err);
    }
  };
  const openDialog = (d: Dialog) => {
    form.resetFields();
    if (d === 'faq') form.setFieldsValue({ category: c.category, question: c.question, answer: c.answer });
    setDialog(d);
  };
  const submitDialog = async () => {
    const v = await form.validateFields();
    try {
      if (dialog === 'close') {
        await steps.close.mutateAsync({ reason: v.reason?.trim() || null });
        void message.success(t('consultations.detail.closed'));
      } else if (dialog === 'reroute') {
        const res = await steps.reroute.mutateAsync({ toOrgId: v.toOrgId, reason: v.reason.trim() });
        void message.success(t('consultations.detail.rerouted', { org: String(res.orgName) }));
      } else if (dialog === 'reveal') {
        setPhone((await reveal.mutateAsync(v.reason.trim())).phone);
      } else if (dialog === 'faq') {
        await steps.faq.mutateAsync({ category: v.category, question: v.question.trim(), answer: v.answer.trim() });
        void message.success(t('consultations.detail.faqPublished'));
      }
      setDialog(null);
    } catch (err) {
      reportError(err);
    }
  };
  const pending = steps.close.isPending || steps.reroute.isPending || reveal.isPending || steps.faq.isPending;
  const open = c.status === 'open';
  const reasonRule = (message: string) => [{ required: true, whitespace: true, min: 2, message }];

  return (
    <>
      <div style={{ marginBottom: 8 }}>
        <Link to="/consultations">
          <ArrowLeftOutlined /> {t('consultations.detail.back')}
        </Link>
      </div>
      <PageHeader
        title={
          <Space wrap>
            <span data-testid="consultation-ticket">{c.ticketNo}</span>
            <ConsultationStatusTag status={c.status} />
          </Space>
        }
        description={t('consultations.detail.askedVia', { channel: codeLabel(ConsultationChannel, c.channel, lang), time: formatDateTime(c.createdAt) })}
        extra={
          <Space wrap>
            {open && (
              <Button icon={<SwapOutlined />} onClick={() => openDialog('reroute')} data-testid="consultation-reroute">
                {t('consultations.detail.reroute')}
              </Button>
            )}
            {c.answer && (
              <Button icon={<QuestionCircleOutlined />} onClick={() => openDialog('faq')} data-testid="consultation-publish-faq">
                {t('consultations.detail.faq')}
              </Button>
            )}
            {c.status !== 'closed' && (
              <Button icon={<CheckCircleOutlined />} onClick={() => openDialog('close')} data-testid="consultation-close">
                {t('consultations.detail.close')}
              </Button>
            )}
          </Space>
        }
      />
      <Row gutter={16}>
        <Col xs={24} lg={15}>
          <Card title={t('consultations.fields.question')} style={{ marginBottom: 16 }}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', fontSize: 15 }} data-testid="consultation-question">
              {c.question}
            </Typography.Paragraph>
          </Card>
          <Card title={t('consultations.detail.answerTitle')} style={{ marginBottom: 16 }}>
            {c.answer ? (
              <>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', fontSize: 15 }} data-testid="consultation-answer">
                  {c.answer}
                </Typography.Paragraph>
                <Typography.Text type="secondary">
                  {c.answeredByName} · {formatDateTime(c.answeredAt)} · {t('consultations.fields.responseTime')} {formatHours(t, c.waitingHours)}
                </Typography.Text>
              </>
            ) : open ? (
              <>
                <Input.TextArea
                  rows={6}
                  value={answer}
                  onChange={(e) => setAnswer(e.target.value)}
                  maxLength={CONSULTATION_ANSWER_MAX}
                  showCount
                  placeholder={t('consultations.detail.answerPlaceholder')}
                  data-testid="consultation-answer-input"
                />
                <Button type="primary" style={{ marginTop: 12 }} disabled={answer.trim().length < 2} loading={steps.answer.isPending} onClick={() => void sendAnswer()} data-testid="consultation-answer-submit">
                  {t('consultations.detail.submitAnswer')}
                </Button>
              </>
            ) : (
              <Typography.Text type="secondary">-</Typography.Text>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Card>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('consultations.fields.org')}>{c.orgName}</Descriptions.Item>
              <Descriptions.Item label={t('consultations.fields.category')}>{codeLabel(ConsultationCategory, c.category, lang)}</Descriptions.Item>
              <Descriptions.Item label={t('consultations.fields.askerName')}>{c.askerName ?? '-'}</Descriptions.Item>
              <Descriptions.Item label={t('consultations.fields.phone')}>
                <Space size={4} wrap>
                  <span data-testid="consultation-phone">{phone ?? c.phoneMasked}</span>
                  {!phone && (
                    <Button type="link" size="small" icon={<EyeOutlined />} onClick={() => openDialog('reveal')} data-testid="consultation-reveal">
                      {t('consultations.detail.reveal')}
                    </Button>
                  )}
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label={t('consultations.fields.createdAt')}>{formatDateTime(c.createdAt)}</Descriptions.Item>
              {c.createdByName && <Descriptions.Item label={t('consultations.fields.createdBy')}>{c.createdByName}</Descriptions.Item>}
              <Descriptions.Item label={t(open ? 'consultations.fields.waiting' : 'consultations.fields.responseTime')}>{formatHours(t, c.waitingHours)}</Descriptions.Item>
              {c.closedAt && (
                <Descriptions.Item label={t('consultations.fields.closedAt')}>
                  {formatDateTime(c.closedAt)} · {c.closedByName}
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
        </Col>
      </Row>
      <Modal
        open={!!dialog}
        title={dialog ? t(({ close: 'consultations.detail.closeTitle', reroute: 'consultations.detail.rerouteTitle', reveal: 'consultations.detail.revealTitle', faq: 'consultations.detail.faqTitle' } as const)[dialog]) : ''}
        onOk={() => void submitDialog().catch(() => undefined)}
        onCancel={() => setDialog(null)}
        confirmLoading={pending}
        okButtonProps={{ 'data-testid': 'consultation-dialog-submit' } as ButtonProps}
        destroyOnHidden
        width={dialog === 'faq' ? 640 : 480}
      >
        <Form form={form} layout="vertical" preserve={false}>
          {dialog === 'close' &&
            (open ? (
              <Form.Item name="reason" label={t('consultations.detail.closeReason')} extra={t('consultations.detail.closeReasonHint')} rules={reasonRule(t('consultations.detail.closeReasonRequired'))}>
                <Input.TextArea rows={2} maxLength={500} showCount data-testid="consultation-close-reason" />
              </Form.Item>
            ) : (
              <Typography.Paragraph>{t('consultations.detail.closeConfirm')}</Typography.Paragraph>
            ))}
          {dialog === 'reroute' && (
            <>
              <Form.Item name="toOrgId" label={t('consultations.detail.rerouteTo')} rules={[{ required: true, message: t('common.selectRequired', { field: t('consultations.detail.rerouteTo') }) }]}>
                <OrgTreeSelect activeOnly disabledIds={new Set([c.orgId])} data-testid="consultation-reroute-org" />
              </Form.Item>
              <Form.Item name="reason" label={t('consultations.detail.rerouteReason')} rules={reasonRule(t('consultations.detail.rerouteReasonRequired'))}>
                <Input.TextArea rows={2} maxLength={500} showCount data-testid="consultation-reroute-reason" />
              </Form.Item>
            </>
          )}
          {dialog === 'reveal' && (
            <>
              <Typography.Paragraph type="secondary">{t('consultations.detail.revealHint')}</Typography.Paragraph>
              <Form.Item name="reason" label={t('consultations.detail.revealReason')} rules={reasonRule(t('consultations.detail.revealReasonRequired'))}>
                <Input maxLength={200} placeholder={t('consultations.detail.revealPlaceholder')} data-testid="consultation-reveal-reason" />
              </Form.Item>
            </>
          )}
          {dialog === 'faq' && (
            <>
              <Typography.Paragraph type="warning">{t('consultations.detail.faqHint')}</Typography.Paragraph>
              <Form.Item name="category" label={t('consultations.fields.category')} rules={[{ required: true }]}>
                <Select options={codeOptions(ConsultationCategory, lang)} />
              </Form.Item>
              <Form.Item name="question" label={t('consultations.fields.question')} rules={[{ required: true, whitespace: true, min: 5, max: 500 }]}>
                <Input.TextArea rows={2} maxLength={500} showCount data-testid="consultation-faq-question" />
              </Form.Item>
              <Form.Item name="answer" label={t('consultations.fields.answer')} rules={[{ required: true, whitespace: true, min: 2 }]}>
                <Input.TextArea rows={5} maxLength={CONSULTATION_ANSWER_MAX} showCount data-testid="consultation-faq-answer" />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </>
  );
}
