import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RoleKey } from '../../../contracts/roles.js';
import { Username } from '../../../contracts/users.js';
import { useCan } from '../../shared/session.js';
import { useReportError } from '../../shared/useReportError.js';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect.js';
import { displayNameRules } from './display-name.js';
import { RoleSelect } from './RoleSelect.js';
import { useCreateUser, type OneTimePassword } from './users.api.js';

interface CreateUserValues {
  orgId: string;
  username: string;
  displayName: string;
  roles?: RoleKey[];
}

const FIELDS = ['orgId', 'username', 'displayName', 'roles'] as const;
export function CreateUserModal({ open, defaultOrgId, onClose, onCreated }: { open: boolean; defaultOrgId?: string; onClose: () => void; onCreated: (otp: OneTimePassword) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const reportError = useReportError();
  const [form] = Form.useForm<CreateUserValues>();
  const create = useCreateUser();

  const submit = async () => {
    const v = await form.validateFields();
    try {
      const result = await create.mutateAsync({ orgId: v.orgId, username: v.username.trim().toLowerCase(), displayName: v.displayName.trim(), roles: v.roles ?? [] });
      create.reset();
      void message.success(t('users.created'));
      onCreated({ username: result.user.username, password: result.oneTimePassword });
    } catch (err) {
      reportError(err, { instance: form, fields: FIELDS });
    }
  };

  return (
    <Modal
      open={open}
      title={t('users.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'user-create-submit' }}
      destroyOnHidden
      width={560}
    >
      <Alert type="info" showIcon title={t('users.createHint')} style={{ margin: '12px 0 16px' }} />
      <Form form={form} layout="vertical" requiredMark="optional" preserve={false} initialValues={{ orgId: defaultOrgId }}>
        <Form.Item name="orgId" label={t('users.org')} rules={[{ required: true, message: t('common.selectRequired', { field: t('users.org') }) }]}>
          <OrgTreeSelect activeOnly data-testid="user-form-org" />
        </Form.Item>
        <Form.Item
          name="username"
          label={t('users.username')}
          extra={t('users.usernameRule')}
          rules={[
            { required: true, message: t('common.required', { field: t('users.username') }) },
            { validator: (_, v: string) => (!v || Username.safeParse(v).success ? Promise.resolve() : Promise.reject(new Error(t('users.usernameInvalid')))) },
          ]}
        >
          <Input autoComplete="off" maxLength={32} data-testid="user-form-username" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={displayNameRules(t)}
        >
          <Input autoComplete="off" data-testid="user-form-display-name" />
        </Form.Item>
        {can('role.assign') && (
          <Form.Item name="roles" label={t('users.roles')} extra={t('users.rolesSeparatedHint')}>
            <RoleSelect />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
