import { EyeOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../shared/session.js';
import { useReportError } from '../../../shared/useReportError.js';
import { seekerErrorMessage } from './seeker-view.js';
import { revealSeekerValue, type SeekerRevealField } from './seekers.api.js';

const REASON_MIN = 2;
const REASON_MAX = 200;
const FIELDS = ['reason'] as const;

/**
 * 查看 beside a seeker's masked ID number or phone, for holders of seeker.reveal: asks for a reason
 * (audited) and shows the full value in the dialog only, held in this component's state while it is
 * open (never cached); closing forgets it. The households' and applications' reveal, for a seeker.
 */
export function SeekerRevealButton({ seekerId, field, owner }: { seekerId: string; field: SeekerRevealField; owner: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const report = useReportError(seekerErrorMessage);
  const [form] = Form.useForm<{ reason: string }>();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  if (!can('seeker.reveal')) return null;
  const label = t(`seekers.fields.${field}`);

  const close = () => {
    setValue(null);
    setOpen(false);
  };
  const submit = async () => {
    const { reason } = await form.validateFields();
    setLoading(true);
    try {
      setValue((await revealSeekerValue(seekerId, { field, reason: reason.trim() })).value);
    } catch (err) {
      report(err, { instance: form, fields: FIELDS });
    } finally {
      setLoading(false);
    }
  };

  return (
    <>
      <Button type="link" size="small" icon={<EyeOutlined />} onClick={() => setOpen(true)} data-testid={`seeker-reveal-${field}`} style={{ paddingInline: 4 }}>
        {t('seekers.reveal.view')}
      </Button>
      <Modal
        open={open}
        title={
          <Space>
            <SafetyCertificateOutlined style={{ color: '#d46b08' }} />
            {t('seekers.reveal.title', { field: label })}
          </Space>
        }
        onCancel={close}
        destroyOnHidden
        width={520}
        footer={
          value === null ? (
            <Space>
              <Button onClick={close}>{t('common.cancel')}</Button>
              <Button type="primary" loading={loading} onClick={() => void submit().catch(() => undefined)} data-testid="seeker-reveal-submit">
                {t('seekers.reveal.submit')}
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
            <Alert type="warning" showIcon title={t('seekers.reveal.hint')} style={{ margin: '12px 0 16px' }} />
            <Form form={form} layout="vertical" preserve={false} requiredMark={false}>
              <Form.Item label={t('seekers.reveal.owner')}>
                <Typography.Text strong>{owner}</Typography.Text>
              </Form.Item>
              <Form.Item
                name="reason"
                label={t('seekers.reveal.reason')}
                rules={[
                  { required: true, whitespace: true, message: t('seekers.reveal.reasonRequired', { min: REASON_MIN }) },
                  { min: REASON_MIN, message: t('seekers.reveal.reasonRequired', { min: REASON_MIN }) },
                ]}
              >
                <Input.TextArea rows={3} maxLength={REASON_MAX} showCount placeholder={t('seekers.reveal.reasonPlaceholder')} autoFocus data-testid="seeker-reveal-reason" />
              </Form.Item>
            </Form>
          </>
        ) : (
          <div style={{ margin: '16px 0 8px' }}>
            <Typography.Text type="secondary">{t('seekers.reveal.value', { owner, field: label })}</Typography.Text>
            <div style={{ margin: '8px 0 12px', padding: '12px 16px', background: '#f7f9fc', border: '1px solid #e6ebf2', borderRadius: 6 }}>
              <Typography.Text className="uh-mono" style={{ fontSize: 20 }} copyable data-testid="seeker-revealed-value">
                {value}
              </Typography.Text>
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('seekers.reveal.closeHint')}
            </Typography.Text>
          </div>
        )}
      </Modal>
    </>
  );
}
