import { App, Checkbox, Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CONSULTATION_ANSWER_MAX, CONSULTATION_QUESTION_MAX } from '../../../../contracts/consultations.js';
import { ConsultationCategory } from '../../../../contracts/employment.js';
import { codeOptions } from '../../../shared/code-labels.js';
import { useMe } from '../../../shared/session.js';
import { useReportError } from '../../../shared/useReportError.js';
import { OrgTreeSelect } from '../../orgs/OrgTreeSelect.js';
import { consultationErrorMessage } from './consultation-view.js';
import { useRecordHotlineCall } from './consultations.api.js';

interface Values {
  orgId: string;
  category: string;
  question: string;
  askerName?: string;
  phone: string;
  answeredNow?: boolean;
  answer?: string;
}

const FIELDS = ['orgId', 'category', 'question', 'askerName', 'phone', 'answer'] as const;
// A mobile, or a landline with its area code (the server checks the same).
const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

/** 录入 12351 热线来电: the call's question, the caller's number, and the answer when given on the call. */
export function HotlineCallModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const [form] = Form.useForm<Values>();
  const record = useRecordHotlineCall();
  const reportError = useReportError(consultationErrorMessage);
  const answeredNow = Form.useWatch('answeredNow', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (me) form.setFieldsValue({ orgId: me.orgId });
  }, [open, form, me]);

  const submit = async (v: Values) => {
    try {
      const created = await record.mutateAsync({
        orgId: v.orgId,
        category: v.category,
        question: v.question.trim(),
        askerName: v.askerName?.trim() || null,
        phone: v.phone.replace(/\s/g, ''),
        answer: v.answeredNow ? v.answer?.trim() || null : null,
      });
      void message.success(t('consultations.hotline.saved', { ticketNo: created.ticketNo }));
      onCreated(created.id);
    } catch (err) {
      reportError(err, { instance: form, fields: FIELDS });
    }
  };

  return (
    <Modal open={open} title={t('consultations.hotline.title')} okText={t('common.save')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={record.isPending} destroyOnHidden width={640} okButtonProps={{ 'data-testid': 'hotline-submit' } as never}>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} data-testid="hotline-form">
        <Form.Item name="orgId" label={t('consultations.hotline.org')} rules={[{ required: true, message: t('common.selectRequired', { field: t('consultations.hotline.org') }) }]}>
          <OrgTreeSelect activeOnly placeholder={t('consultations.hotline.orgPlaceholder')} data-testid="hotline-org" />
        </Form.Item>
        <Form.Item name="category" label={t('consultations.fields.category')} rules={[{ required: true, message: t('common.selectRequired', { field: t('consultations.fields.category') }) }]}>
          <Select options={codeOptions(ConsultationCategory, i18n.language)} data-testid="hotline-category" />
        </Form.Item>
        <Form.Item name="question" label={t('consultations.fields.question')} rules={[{ required: true, whitespace: true, min: 5, message: t('consultations.public.questionRequired') }]}>
          <Input.TextArea rows={4} maxLength={CONSULTATION_QUESTION_MAX} showCount placeholder={t('consultations.hotline.questionPlaceholder')} data-testid="hotline-question" />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
          <Form.Item name="askerName" label={t('consultations.fields.askerName')} style={{ flex: '1 1 160px' }}>
            <Input maxLength={50} data-testid="hotline-name" />
          </Form.Item>
          <Form.Item name="phone" label={t('consultations.hotline.phone')} style={{ flex: '2 1 240px' }} rules={[{ required: true, pattern: PHONE, transform: (v: string) => v?.replace(/\s/g, ''), message: t('consultations.hotline.phoneInvalid') }]}>
            <Input maxLength={20} inputMode="tel" placeholder={t('consultations.hotline.phonePlaceholder')} data-testid="hotline-phone" />
          </Form.Item>
        </div>
        <Form.Item name="answeredNow" valuePropName="checked" style={{ marginBottom: 8 }}>
          <Checkbox data-testid="hotline-answered-now">{t('consultations.hotline.answeredNow')}</Checkbox>
        </Form.Item>
        {answeredNow && (
          <Form.Item name="answer" label={t('consultations.hotline.answer')} rules={[{ required: true, whitespace: true, min: 2, message: t('common.required', { field: t('consultations.hotline.answer') }) }]}>
            <Input.TextArea rows={3} maxLength={CONSULTATION_ANSWER_MAX} showCount placeholder={t('consultations.hotline.answerPlaceholder')} data-testid="hotline-answer" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
