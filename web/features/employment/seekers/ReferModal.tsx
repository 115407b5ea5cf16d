import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useReportError } from '../../../shared/useReportError.js';
import { seekerErrorMessage } from './seeker-view.js';
import { useRefer } from './seekers.api.js';

/** 推荐: refers a seeker to a posting with an optional note; the server keeps what matched. */
export function ReferModal({ seekerId, posting, onClose }: { seekerId: string; posting: { id: string; title: string } | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note?: string }>();
  const refer = useRefer();
  const report = useReportError(seekerErrorMessage);
  const submit = async (v: { note?: string }) => {
    if (!posting) return;
    try {
      await refer.mutateAsync({ seekerId, postingId: posting.id, note: v.note?.trim() || null });
      void message.success(t('seekers.matches.referDone'));
      onClose();
    } catch (err) {
      report(err, { instance: form, fields: ['note'] });
    }
  };
  return (
    <Modal
      open={!!posting}
      title={posting ? t('seekers.matches.referTitle', { title: posting.title }) : ''}
      okText={t('seekers.matches.refer')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={refer.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'refer-confirm' }}
    >
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item name="note" label={t('seekers.matches.referNote')}>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('seekers.matches.referNotePlaceholder')} data-testid="refer-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
