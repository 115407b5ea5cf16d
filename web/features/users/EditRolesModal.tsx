import { Alert, App, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RoleKey } from '../../../contracts/roles.js';
import type { User } from '../../shared/types.js';
import { useReportError } from '../../shared/useReportError.js';
import { RoleSelect } from './RoleSelect.js';
import { useSetUserRoles } from './users.api.js';

export function EditRolesModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reportError = useReportError();
  const [form] = Form.useForm<{ roles: RoleKey[] }>();
  const setRoles = useSetUserRoles();

  const submit = async () => {
    const { roles } = await form.validateFields();
    try {
      await setRoles.mutateAsync({ id: user!.id, roles: roles ?? [] });
      void message.success(t('users.rolesUpdated'));
      onClose();
    } catch (err) {
      reportError(err, { instance: form, fields: ['roles'] });
    }
  };

  return (
    <Modal
      open={!!user}
      title={user ? t('users.editRolesTitle', { name: `${user.displayName} (${user.username})` }) : ''}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={setRoles.isPending}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('users.rolesSeparatedHint')} style={{ margin: '12px 0 16px' }} />
      <Form form={form} layout="vertical" preserve={false} initialValues={{ roles: user?.roles ?? [] }}>
        <Form.Item name="roles" label={t('users.roles')}>
          <RoleSelect />
        </Form.Item>
      </Form>
    </Modal>
  );
}
