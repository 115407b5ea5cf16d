import { EyeOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal, Space, Typography, type FormInstance } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Permission } from '../../contracts/permissions.js';
import { useCan } from './session.js';

const REASON_MIN = 2;
const REASON_MAX = 200;

/** The catalogues with a reveal dialog's strings; each holds every key of RevealKey. */
export type RevealCatalogue = 'households.reveal' | 'applications.reveal' | 'seekers.reveal';
type RevealKey = 'view' | 'title' | 'hint' | 'owner' | 'reason' | 'reasonPlaceholder' | 'reasonRequired' | 'submit' | 'value' | 'closeHint';

export interface RevealValueButtonProps {
  /** Who may see the full value; the button is not shown to anyone else. */
  permission: Permission;
  /** Asks the server for the full value with the reason (the server audits it). */
  reveal: (reason: string) => Promise<{ value: string }>;
  /** Reports a refusal, on the reason field when it names it. */
  onError: (err: unknown, form: FormInstance<{ reason: string }>) => void;
  /** What is shown, e.g. 身份证号. */
  label: string;
  /** Whose number, e.g. the worker's or the member's name. */
  owner: string;
  /** The catalogue holding the dialog's strings. */
  i18nPrefix: RevealCatalogue;
  /** data-testid of the button; the dialog's parts are `${testIdPrefix}reveal-submit`, `-reason` and `${testIdPrefix}revealed-value`. */
  buttonTestId?: string;
  testIdPrefix?: string;
  className?: string;
}

/**
 * 查看 beside a masked ID, phone or card number: asks for a reason (audited with who and when) and
 * shows the full value in the dialog only. The value lives in this component's state while the
 * dialog is open and nowhere else (no query cache, no storage); closing forgets it.
 */
export function RevealValueButton({ permission, reveal, onError, label, owner, i18nPrefix, buttonTestId, testIdPrefix = '', className }: RevealValueButtonProps) {
  const { t } = useTranslation();
  const can = useCan();
  const [form] = Form.useForm<{ reason: string }>();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  if (!can(permission)) return null;
  const tr = (key: RevealKey, options?: Record<string, unknown>) => t(`${i18nPrefix}.${key}` as const, options ?? {});

  const close = () => {
    setValue(null);
    setOpen(false);
  };

  const submit = async () => {
    const { reason } = await form.validateFields();
    setLoading(true);
    try {
      setValue((await reveal(reason.trim())).value);
    } catch (err) {
      onError(err, form);
    } finally {
      setLoading(false);
    }
  };

  return (
    <>
      <Button type="link" size="small" icon={<EyeOutlined />} onClick={() => setOpen(true)} data-testid={buttonTestId} style={{ paddingInline: 4 }} className={className}>
        {tr('view')}
      </Button>
      <Modal
        open={open}
        title={
          <Space>
            <SafetyCertificateOutlined style={{ color: '#d46b08' }} />
            {tr('title', { field: label })}
          </Space>
        }
        onCancel={close}
        destroyOnHidden
        width={520}
        footer={
          value === null ? (
            <Space>
              <Button onClick={close}>{t('common.cancel')}</Button>
              <Button type="primary" loading={loading} onClick={() => void submit().catch(() => undefined)} data-testid={`${testIdPrefix}reveal-submit`}>
                {tr('submit')}
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
            <Alert type="warning" showIcon title={tr('hint')} style={{ margin: '12px 0 16px' }} />
            <Form form={form} layout="vertical" preserve={false} requiredMark={false}>
              <Form.Item label={tr('owner')}>
                <Typography.Text strong>{owner}</Typography.Text>
              </Form.Item>
              <Form.Item
                name="reason"
                label={tr('reason')}
                rules={[
                  { required: true, whitespace: true, message: tr('reasonRequired', { min: REASON_MIN }) },
                  { min: REASON_MIN, message: tr('reasonRequired', { min: REASON_MIN }) },
                ]}
              >
                <Input.TextArea rows={3} maxLength={REASON_MAX} showCount placeholder={tr('reasonPlaceholder')} autoFocus data-testid={`${testIdPrefix}reveal-reason`} />
              </Form.Item>
            </Form>
          </>
        ) : (
          <div style={{ margin: '16px 0 8px' }}>
            <Typography.Text type="secondary">{tr('value', { owner, field: label })}</Typography.Text>
            <div style={{ margin: '8px 0 12px', padding: '12px 16px', background: '#f7f9fc', border: '1px solid #e6ebf2', borderRadius: 6, fontSize: 20, letterSpacing: 1 }}>
              <Typography.Text className="uh-mono" style={{ fontSize: 20 }} copyable data-testid={`${testIdPrefix}revealed-value`}>
                {value}
              </Typography.Text>
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {tr('closeHint')}
            </Typography.Text>
          </div>
        )}
      </Modal>
    </>
  );
}
