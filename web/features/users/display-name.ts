import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';

/** The server's limit (contracts/users.ts: displayName max 50). */
const DISPLAY_NAME_MAX = 50;

/** The display-name field's rules, shared by the create and edit forms. */
export function displayNameRules(t: TFunction): FormRule[] {
  return [
    { required: true, whitespace: true, message: t('common.required', { field: t('users.displayName') }) },
    { max: DISPLAY_NAME_MAX, message: t('users.displayNameTooLong', { max: DISPLAY_NAME_MAX }) },
  ];
}
