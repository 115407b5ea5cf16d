import { Select, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RoleKey } from '../../../contracts/roles.js';
import { useCan, useMe } from '../../shared/session.js';
import { roleLabel } from '../../shared/labels.js';
import { useRoles } from './users.api.js';

/**
 * Multi-select of roles. Roles the signed-in user may not grant (they hold permissions the user
 * lacks) are shown disabled; the server enforces the same rule and separation of duties (三员).
 */
export function RoleSelect({ value, onChange, id }: { value?: RoleKey[]; onChange?: (v: RoleKey[]) => void; id?: string }) {
  const { t } = useTranslation();
  const { data: roles, isLoading } = useRoles();
  const { data: me } = useMe();
  const can = useCan();
  const mayGrant = (permissions: string[]) => can('role.assign_any') || permissions.every((p) => me?.permissions.includes(p));

  return (
    <Select<RoleKey[]>
      id={id}
      mode="multiple"
      value={value}
      onChange={onChange}
      loading={isLoading}
      placeholder={t('users.rolesPlaceholder')}
      data-testid="role-select"
      options={(roles ?? []).map((r) => {
        const grantable = mayGrant(r.permissions);
        return {
          value: r.key as RoleKey,
          label: roleLabel(t, r.key),
          disabled: !grantable,
          title: grantable ? undefined : t('users.cannotGrant'),
        };
      })}
      optionRender={(option) => {
        const def = roles?.find((r) => r.key === option.value);
        const content = (
          <span>
            {option.label}
            {def?.separated && (
              <Tag color="purple" style={{ marginLeft: 8 }}>
                {t('roles.separatedHint')}
              </Tag>
            )}
          </span>
        );
        return option.data.disabled ? <Tooltip title={t('users.cannotGrant')}>{content}</Tooltip> : content;
      }}
    />
  );
}
