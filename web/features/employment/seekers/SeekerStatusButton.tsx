import { App, Button, Form, Input, Modal, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReportError } from '../../../shared/useReportError.js';
import { seekerErrorMessage } from './seeker-view.js';
import { useSetSeekerStatus, type SeekerDetail } from './seekers.api.js';

/**
 * 停止求职 for a seeker still seeking, 恢复求职 for an inactive one, each asking why (kept on the
 * seeker while inactive, and audited). A placed seeker has neither: they have work.
 */
export function SeekerStatusButton({ seeker }: { seeker: SeekerDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [open, setOpen] = useState(false);
  const setStatus = useSetSeekerStatus(seeker.id);
  const report = useReportError(seekerErrorMessage);
  if (seeker.status === 'placed') return null;
  const to = seeker.status === 'inactive' ? 'seeking' : 'inactive';
  const key = to === 'inactive' ? 'deactivate' : 'reactivate';

  const submit = async ({ reason }: { reason: string }) => {
    try {
      await setStatus.mutateAsync({ to, reason: reason.trim() });
      void message.success(t(to === 'inactive' ? 'seekers.detail.deactivated' : 'seekers.detail.reactivated'));
      setOpen(false);
    } catch (err) {
      report(err, { instance: form, fields: ['reason'] });
    }
  };

  return (
    <>
      <Button danger={to === 'inactive'} onClick={() => setOpen(true)} data-testid={`seeker-${key}`}>
        {t(`seekers.detail.${key}`)}
      </Button>
      <Modal
        open={open}
        title={t(`seekers.detail.${key}Title`)}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        confirmLoading={setStatus.isPending}
        destroyOnHidden
        okButtonProps={{ danger: to === 'inactive', 'data-testid': 'seeker-status-confirm' } as ButtonProps}
      >
        <Typography.Paragraph type="secondary">{t(`seekers.detail.${key}Hint`)}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={submit} preserve={false} requiredMark={false}>
          <Form.Item name="reason" label={t('seekers.detail.statusReason')} rules={[{ required: true, whitespace: true, min: 2, message: t('seekers.detail.reasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={500} showCount autoFocus placeholder={t(`seekers.detail.${key}Placeholder`)} data-testid="seeker-status-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
