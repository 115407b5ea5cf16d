import type { TFunction } from 'i18next';
import zhCN from '../../shared/locales/zh-CN.js';

type Actions = typeof zhCN.audit.actions;

/** Every action the catalogue names, e.g. 'auth.sign_in', for the action picker. */
export const KNOWN_ACTIONS: string[] = Object.entries(zhCN.audit.actions).flatMap(([entity, verbs]) => Object.keys(verbs).map((verb) => `${entity}.${verb}`));

export const ACTION_PREFIXES: string[] = Object.keys(zhCN.audit.actions).map((entity) => `${entity}.`);

/** Translated action label, or undefined for an action this version does not know. */
export function actionLabel(t: TFunction, action: string): string | undefined {
  const [entity, verb] = action.split('.');
  if (!entity || !verb || !Object.hasOwn(zhCN.audit.actions, entity)) return undefined;
  const verbs = zhCN.audit.actions[entity as keyof Actions];
  if (!Object.hasOwn(verbs, verb)) return undefined;
  return t(`audit.actions.${entity}.${verb}` as `audit.actions.auth.sign_in`);
}

export function objectTypeLabel(t: TFunction, type: string | null): string {
  if (!type) return '';
  return Object.hasOwn(zhCN.audit.objectTypes, type) ? t(`audit.objectTypes.${type as keyof typeof zhCN.audit.objectTypes}`) : type;
}
