import { DownOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Space, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCan, useMe } from '../../shared/session.js';
import type { User } from '../../shared/types.js';
import { useReportError } from '../../shared/useReportError.js';
import { useResetPassword, useSetUserActive, useUnlockUser, type OneTimePassword } from './users.api.js';

export interface UserRowHandlers {
  onEdit: (user: User) => void;
  onEditRoles: (user: User) => void;
  onPassword: (otp: OneTimePassword) => void;
}

/** Row actions, each shown only with its permission; one's own account is changed from the profile instead. */
export function UserRowActions({ user, handlers }: { user: User; handlers: UserRowHandlers }) {
  const { t } = useTranslation();
  const can = useCan();
  const { data: me } = useMe();
  const { modal, message } = App.useApp();
  const reportError = useReportError();
  const setActive = useSetUserActive();
  const unlock = useUnlockUser();
  const reset = useResetPassword();
  const self = user.id === me?.userId;
  const name = `${user.displayName} (${user.username})`;

  const confirm = (title: string, danger: boolean, run: () => Promise<void>) =>
    modal.confirm({
      title,
      okButtonProps: { danger },
      okText: t('common.ok'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await run();
        } catch (err) {
          reportError(err);
        }
      },
    });

  const more: NonNullable<MenuProps['items']> = [];
  if (can('user.disable') && !self)
    more.push({
      key: 'active',
      danger: user.active,
      label: t(user.active ? 'users.disable' : 'users.enable'),
      onClick: () =>
        confirm(t(user.active ? 'users.disableConfirm' : 'users.enableConfirm', { name }), user.active, async () => {
          await setActive.mutateAsync({ id: user.id, active: !user.active });
          void message.success(t(user.active ? 'users.disabled' : 'users.enabled'));
        }),
    });
  if (can('user.unlock') && user.locked)
    more.push({
      key: 'unlock',
      label: t('users.unlock'),
      onClick: () =>
        confirm(t('users.unlockConfirm', { name }), false, async () => {
          await unlock.mutateAsync(user.id);
          void message.success(t('users.unlocked'));
        }),
    });
  if (can('user.reset_password') && !self)
    more.push({
      key: 'reset',
      label: t('users.resetPassword'),
      onClick: () =>
        confirm(t('users.resetConfirm', { name }), true, async () => {
          const { oneTimePassword } = await reset.mutateAsync(user.id);
          reset.reset();
          handlers.onPassword({ username: user.username, password: oneTimePassword });
        }),
    });

  return (
    <Space size={0}>
      {can('user.update') && (
        <Button type="link" size="small" onClick={() => handlers.onEdit(user)}>
          {t('common.edit')}
        </Button>
      )}
      {can('role.assign') && !self && (
        <Button type="link" size="small" onClick={() => handlers.onEditRoles(user)} data-testid="user-edit-roles">
          {t('users.editRoles')}
        </Button>
      )}
      {more.length > 0 && (
        <Dropdown menu={{ items: more }} trigger={['click']}>
          <Button type="link" size="small" data-testid="user-more">
            {t('common.more')} <DownOutlined />
          </Button>
        </Dropdown>
      )}
    </Space>
  );
}
