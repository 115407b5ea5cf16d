import { EyeOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../shared/session.js';
import { useReportHouseholdError } from './household-errors.js';
import { revealHouseholdValue, type RevealField } from './households.api.js';

const REASON_MIN = 2;
const REASON_MAX = 200;

/**
 * 查看 beside a masked ID, phone or card number: asks for a reason (audited with who and when) and
 * shows the full value in the dialog only. The value lives in this component's state while the
 * dialog is open and nowhere else (no query cache, no storage); closing forgets it.
 */
export function RevealButton({
  householdId,
  field,
  memberId,
  label,
  owner,
  testId,
}: {
  householdId: string;
  field: RevealField;
  memberId?: string;
  /** What is shown, e.g. 身份证号. */
  label: string;
  /** Whose number, e.g. the worker's or the member's name. */
  owner: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const reportError = useReportHouseholdError();
  const [form] = Form.useForm<{ reason: string }>();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  if (!can('household.reveal')) return null;

  const close = () => {
    setValue(null);
    setOpen(false);
  };

  const submit = async () => {
    const { reason } = await form.validateFields();
    setLoading(true);
    try {
      const r = await revealHouseholdValue(householdId, { field, memberId, reason: reason.trim() });
      setValue(r.value);
    } catch (err) {
      reportError(err, { instance: form, isField: (p) => p.length === 1 && p[0] === 'reason' });
    } finally {
      setLoading(false);
    }
  };

  return (
    <>
      <Button type="link" size="small" icon={<EyeOutlined />} onClick={() => setOpen(true)} data-testid={testId} style={{ paddingInline: 4 }}>
        {t('households.reveal.view')}
      </Button>
      <Modal
        open={open}
        title={
          <Space>
            <SafetyCertificateOutlined style={{ color: '#d46b08' }} />
            {t('households.reveal.title', { field: label })}
          </Space>
        }
        onCancel={close}
        destroyOnHidden
        width={520}
        footer={
          value === null ? (
            <Space>
              <Button onClick={close}>{t('common.cancel')}</Button>
              <Button type="primary" loading={loading} onClick={() => void submit().catch(() => undefined)} data-testid="reveal-submit">
                {t('households.reveal.submit')}
              </Button>
            </Space>
          ) : (
            <Button type="primary" onClick={close}>
              {t('common.close')}
            </Button>
          )
        }
      >
        {value === null ? (
          <>
            <Alert type="warning" showIcon title={t('households.reveal.hint')} style={{ margin: '12px 0 16px' }} />
            <Form form={form} layout="vertical" preserve={false} requiredMark={false}>
              <Form.Item label={t('households.reveal.owner')}>
                <Typography.Text strong>{owner}</Typography.Text>
              </Form.Item>
              <Form.Item
                name="reason"
                label={t('households.reveal.reason')}
                rules={[
                  { required: true, whitespace: true, message: t('households.reveal.reasonRequired', { min: REASON_MIN }) },
                  { min: REASON_MIN, message: t('households.reveal.reasonRequired', { min: REASON_MIN }) },
                ]}
              >
                <Input.TextArea rows={3} maxLength={REASON_MAX} showCount placeholder={t('households.reveal.reasonPlaceholder')} data-testid="reveal-reason" autoFocus />
              </Form.Item>
            </Form>
          </>
        ) : (
          <div style={{ margin: '16px 0 8px' }}>
            <Typography.Text type="secondary">{t('households.reveal.value', { owner, field: label })}</Typography.Text>
            <div
              style={{ margin: '8px 0 12px', padding: '12px 16px', background: '#f7f9fc', border: '1px solid #e6ebf2', borderRadius: 6, fontSize: 20, letterSpacing: 1 }}
            >
              <Typography.Text className="uh-mono" style={{ fontSize: 20 }} copyable data-testid="revealed-value">
                {value}
              </Typography.Text>
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('households.reveal.closeHint')}
            </Typography.Text>
          </div>
        )}
      </Modal>
    </>
  );
}
