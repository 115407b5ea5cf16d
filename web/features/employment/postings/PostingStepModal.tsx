import { Alert, App, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useReportError } from '../../../shared/useReportError.js';
import { postingErrorMessage } from './posting-view.js';
import { usePostingStep, type PostingDto, type PostingStep } from './postings.api.js';

type DialogStep = Exclude<PostingStep, 'submit'>;

const TITLES = { approve: 'jobs.review.approveTitle', return: 'jobs.review.returnTitle', reject: 'jobs.review.rejectTitle', close: 'jobs.review.closeTitle' } as const;
const DONE = { approve: 'jobs.review.approved', return: 'jobs.review.returned', reject: 'jobs.review.rejected', close: 'jobs.review.closed' } as const;

/** One dialog for approve (an optional note), return and reject (a reason the enterprise sees) and close (an optional reason). */
export function PostingStepModal({ posting, step, onClose }: { posting: Pick<PostingDto, 'id' | 'title'> | null; step: DialogStep | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ text?: string }>();
  const run = usePostingStep();
  const report = useReportError(postingErrorMessage);
  const needsReason = step === 'return' || step === 'reject';
  useEffect(() => {
    if (step) form.resetFields();
  }, [step, form]);

  const submit = async () => {
    if (!posting || !step) return;
    const { text } = await form.validateFields();
    try {
      await run.mutateAsync({ id: posting.id, step, text: text?.trim() });
      void message.success(t(DONE[step]));
      onClose();
    } catch (err) {
      report(err);
    }
  };

  return (
    <Modal
      open={!!step && !!posting}
      title={step ? `${t(TITLES[step])}：${posting?.title ?? ''}` : ''}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={step ? t(TITLES[step]) : undefined}
      okButtonProps={{ danger: step === 'reject' || step === 'close', loading: run.isPending, 'data-testid': 'posting-step-confirm' }}
      destroyOnHidden
    >
      {step === 'approve' && <Alert type="info" showIcon title={t('jobs.review.approveHint')} style={{ marginBottom: 16 }} />}
      {step === 'close' && <Alert type="warning" showIcon title={t('jobs.review.closeHint')} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical">
        <Form.Item
          name="text"
          label={step === 'approve' ? t('jobs.review.note') : step === 'close' ? t('jobs.review.closeReason') : t('jobs.review.reason')}
          rules={needsReason ? [{ required: true, whitespace: true, message: t('jobs.review.reasonRequired') }] : []}
        >
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={needsReason ? t('jobs.review.reasonPlaceholder') : undefined} data-testid="posting-step-text" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
