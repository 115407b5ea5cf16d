// Which workflow steps the action bar offers: the rules of server/modules/households/households.policy.ts
// as far as the page can know them. The server decides anyway; its refusals are shown translated.
import type { HouseholdStatus } from '../../../contracts/households.js';
import type { Permission } from '../../../contracts/permissions.js';
import type { HouseholdDetail, StepPath } from './households.api.js';

/** Everything the action bar can do: the workflow steps (by route) plus the household's other verbs. */
export type ActionKey = StepPath | 'objection' | 'transfer' | 'edit';

interface ActionRule {
  from: HouseholdStatus[];
  permission: Permission;
  /** Only staff of an org above the household's own org. */
  levelAbove?: boolean;
  /** Not the one who filed or resubmitted the household (maker ≠ checker). */
  notMaker?: boolean;
  /** The forward step of the workflow at this stage (shown as the primary button). */
  primary?: boolean;
  danger?: boolean;
}

const OPEN_FILING: HouseholdStatus[] = ['applied', 'checked', 'visited', 'in_notice'];

/** In display order. */
export const ACTION_RULES: Array<[ActionKey, ActionRule]> = [
  ['check', { from: ['applied'], permission: 'household.check', notMaker: true, primary: true }],
  ['visit', { from: ['checked'], permission: 'household.visit', primary: true }],
  ['start-notice', { from: ['visited'], permission: 'household.review', levelAbove: true, notMaker: true, primary: true }],
  ['approve', { from: ['in_notice'], permission: 'household.review', levelAbove: true, notMaker: true, primary: true }],
  ['objection', { from: ['in_notice'], permission: 'household.review' }],
  ['resubmit', { from: ['returned'], permission: 'household.update', primary: true }],
  ['verify', { from: ['archived'], permission: 'household.verify', primary: true }],
  ['follow-up', { from: ['lifted'], permission: 'household.visit', primary: true }],
  ['lift', { from: ['archived'], permission: 'household.review' }],
  ['reopen', { from: ['lifted'], permission: 'household.review' }],
  // Returning before the visit is the checker's; after it, the reviewer's from an org above.
  ['return', { from: ['applied', 'checked'], permission: 'household.check' }],
  ['reject', { from: OPEN_FILING, permission: 'household.review', notMaker: true, danger: true }],
  ['close', { from: ['archived', 'lifted'], permission: 'household.review', levelAbove: true, danger: true }],
  ['edit', { from: ['applied', 'checked', 'visited', 'returned', 'archived', 'lifted'], permission: 'household.update' }],
  ['transfer', { from: ['applied', 'checked', 'visited', 'in_notice', 'archived', 'returned', 'lifted'], permission: 'household.transfer' }],
];

const RETURN_BY_REVIEWER: ActionRule = { from: ['visited', 'in_notice'], permission: 'household.review', levelAbove: true };

export interface AvailableAction {
  key: ActionKey;
  primary: boolean;
  danger: boolean;
  /** Why the step is shown but cannot be taken by this user (a translation key). */
  blockedBy?: 'maker_checker' | 'transfer_pending';
}

/** The usernames of who filed the household and who last resubmitted it, from its history. */
export function makersOf(h: HouseholdDetail): Set<string> {
  const makers = new Set<string>();
  const filed = h.history.find((e) => e.action === 'apply' || e.action === 'import');
  if (filed?.actorName) makers.add(filed.actorName);
  const resubmitted = [...h.history].reverse().find((e) => e.action === 'resubmit');
  if (resubmitted?.actorName) makers.add(resubmitted.actorName);
  return makers;
}

export function availableActions(h: HouseholdDetail, me: { username: string; orgId: string; permissions: readonly string[] }): AvailableAction[] {
  const can = (p: Permission) => me.permissions.includes(p);
  // Every household the user sees lies in their subtree: one of another org is one below theirs.
  const isAbove = h.orgId !== me.orgId;
  const isMaker = makersOf(h).has(me.username);
  const transferPending = h.transfers.some((tr) => tr.status === 'pending');
  const out: AvailableAction[] = [];
  for (const [key, base] of ACTION_RULES) {
    const rule = key === 'return' && RETURN_BY_REVIEWER.from.includes(h.status) ? RETURN_BY_REVIEWER : base;
    if (!rule.from.includes(h.status) || !can(rule.permission)) continue;
    if (rule.levelAbove && !isAbove) continue;
    const action: AvailableAction = { key, primary: !!base.primary, danger: !!base.danger };
    if (rule.notMaker && isMaker) action.blockedBy = 'maker_checker';
    if (key === 'transfer' && transferPending) action.blockedBy = 'transfer_pending';
    out.push(action);
  }
  return out;
}
