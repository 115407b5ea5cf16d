import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../shared/session.js';
import type { User } from '../../shared/types.js';
import { useReportError } from '../../shared/useReportError.js';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect.js';
import { displayNameRules } from './display-name.js';
import { useUpdateUser } from './users.api.js';

interface EditUserValues {
  displayName: string;
  orgId: string;
}

/** Renames a user or moves them to another org in the subtree (not oneself). */
export function EditUserModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const reportError = useReportError();
  const [form] = Form.useForm<EditUserValues>();
  const update = useUpdateUser();

  const submit = async () => {
    const v = await form.validateFields();
    if (!user) return;
    const body: { id: string; displayName?: string; orgId?: string } = { id: user.id };
    if (v.displayName.trim() !== user.displayName) body.displayName = v.displayName.trim();
    if (v.orgId !== user.orgId) body.orgId = v.orgId;
    try {
      if (body.displayName !== undefined || body.orgId !== undefined) await update.mutateAsync(body);
      void message.success(t('users.updated'));
      onClose();
    } catch (err) {
      reportError(err, { instance: form, fields: ['displayName', 'orgId'] });
    }
  };

  return (
    <Modal
      open={!!user}
      title={t('users.editTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={update.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" style={{ marginTop: 16 }} preserve={false} initialValues={user ? { displayName: user.displayName, orgId: user.orgId } : undefined}>
        <Form.Item label={t('users.username')}>
          <Input value={user?.username} disabled />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={displayNameRules(t)}
        >
          <Input />
        </Form.Item>
        <Form.Item name="orgId" label={t('users.org')} rules={[{ required: true, message: t('common.selectRequired', { field: t('users.org') }) }]}>
          <OrgTreeSelect activeOnly disabled={user?.id === me?.userId} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
