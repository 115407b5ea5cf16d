import type { TFunction } from 'i18next';
import { isRoleKey } from '../../contracts/roles.js';
import zhCN from './locales/zh-CN.js';
import type { OrgType } from './types.js';

/** Translated role label; unknown keys (from a newer server) are shown as they are. */
export function roleLabel(t: TFunction, role: string): string {
  return isRoleKey(role) ? t(`roles.${role}`) : role;
}

export function isOrgType(type: string): type is OrgType {
  return Object.hasOwn(zhCN.orgTypes, type);
}

export function orgTypeLabel(t: TFunction, type: string): string {
  return isOrgType(type) ? t(`orgTypes.${type}`) : type;
}

/** The org's name in the interface language (English falls back to the Chinese name). */
export function localName(org: { name: string; nameEn?: string | null }, language: string): string {
  return language === 'en' && org.nameEn ? org.nameEn : org.name;
}
