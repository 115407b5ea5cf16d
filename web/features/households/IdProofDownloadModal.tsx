import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../shared/api.js';
import { useReportHouseholdError } from './household-errors.js';
import { fetchAttachment, type HouseholdAttachment } from './households.api.js';

const REASON_MIN = 2;
const REASON_MAX = 200;
// The server's rule: the reason travels in the URL, so no ID, phone or card numbers in it.
const LONG_DIGIT_RUN = /\d[\d\s-]{5,}\d/;

/** Hands the bytes to the browser as a download; the object URL is released straight after. */
function saveAs(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * Downloading a 身份证明 scan follows the reveal rule (RevealButton): it shows a full ID number, so it
 * asks for a reason, which the server audits with who and when.
 */
export function IdProofDownloadModal({ householdId, attachment, onClose }: { householdId: string; attachment: HouseholdAttachment | null; onClose: () => void }) {
  const { t } = useTranslation();
  const reportError = useReportHouseholdError();
  const [form] = Form.useForm<{ reason: string }>();
  const [loading, setLoading] = useState(false);

  const submit = async () => {
    const { reason } = await form.validateFields();
    setLoading(true);
    try {
      saveAs(await fetchAttachment(householdId, attachment!.id, reason.trim()), attachment!.fileName);
      onClose();
    } catch (err) {
      if (isApiError(err) && err.details.reason === 'file_missing') form.setFields([{ name: 'reason', errors: [t('households.attachments.fileMissing')] }]);
      else reportError(err, { instance: form, isField: (p) => p.length === 1 && p[0] === 'reason' });
    } finally {
      setLoading(false);
    }
  };

  return (
    <Modal
      open={!!attachment}
      title={
        <Space>
          <SafetyCertificateOutlined style={{ color: '#d46b08' }} />
          {attachment ? t('households.attachments.idProof.title', { name: attachment.fileName }) : ''}
        </Space>
      }
      onCancel={onClose}
      destroyOnHidden
      width={520}
      footer={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={loading} onClick={() => void submit().catch(() => undefined)} data-testid="id-proof-download-submit">
            {t('households.attachments.idProof.submit')}
          </Button>
        </Space>
      }
    >
      <Alert type="warning" showIcon title={t('households.attachments.idProof.hint')} style={{ margin: '12px 0 16px' }} />
      <Form form={form} layout="vertical" preserve={false} requiredMark={false}>
        <Form.Item
          name="reason"
          label={t('households.attachments.idProof.reason')}
          rules={[
            { required: true, whitespace: true, message: t('households.attachments.idProof.reasonRequired', { min: REASON_MIN }) },
            { min: REASON_MIN, message: t('households.attachments.idProof.reasonRequired', { min: REASON_MIN }) },
            { validator: async (_, v?: string) => (v && LONG_DIGIT_RUN.test(v) ? Promise.reject(new Error(t('households.attachments.idProof.reasonNoNumbers'))) : undefined) },
          ]}
        >
          <Input.TextArea rows={3} maxLength={REASON_MAX} showCount placeholder={t('households.attachments.idProof.reasonPlaceholder')} data-testid="id-proof-reason" autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
