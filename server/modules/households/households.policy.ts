import type { Permission } from '../../../contracts/permissions.js';
import type { HouseholdStatus } from '../../../contracts/households.js';
import type { Actor } from '../../platform/context.js';
import { AppError, conflict } from '../../platform/errors.js';
import type { HouseholdWithOrg } from './households.queries.js';

export type StepName =
  | 'check'
  | 'visit'
  | 'start_notice'
  | 'approve'
  | 'return'
  | 'resubmit'
  | 'reject'
  | 'verify'
  | 'lift'
  | 'follow_up'
  | 'reopen'
  | 'close';

export interface StepRule {
  from: HouseholdStatus[];
  to: HouseholdStatus | 'same';
  permission: Permission;
  /** Only staff of an org above the household's own org (the higher aid centre). */
  levelAbove?: boolean;
  /** The one who filed or resubmitted may not take this step (maker ≠ checker). */
  notMaker?: boolean;
}

/** The filing workflow (docs/households.md): application → check → home visit → review and notice → archive. */
export const STEPS: Record<StepName, StepRule> = {
  check: { from: ['applied'], to: 'checked', permission: 'household.check', notMaker: true },
  visit: { from: ['checked'], to: 'visited', permission: 'household.visit' },
  start_notice: { from: ['visited'], to: 'in_notice', permission: 'household.review', levelAbove: true, notMaker: true },
  approve: { from: ['in_notice'], to: 'archived', permission: 'household.review', levelAbove: true, notMaker: true },
  return: { from: ['applied', 'checked', 'visited', 'in_notice'], to: 'returned', permission: 'household.check' },
  resubmit: { from: ['returned'], to: 'applied', permission: 'household.update' },
  reject: { from: ['applied', 'checked', 'visited', 'in_notice'], to: 'rejected', permission: 'household.review', notMaker: true },
  verify: { from: ['archived'], to: 'same', permission: 'household.verify' },
  lift: { from: ['archived'], to: 'lifted', permission: 'household.review' },
  follow_up: { from: ['lifted'], to: 'same', permission: 'household.visit' },
  reopen: { from: ['lifted'], to: 'archived', permission: 'household.review' },
  close: { from: ['archived', 'lifted'], to: 'closed', permission: 'household.review', levelAbove: true },
};

/** Returning at the review stage takes the reviewer's permission, earlier stages the checker's. */
export function permissionFor(step: StepName, status: string): Permission {
  if (step === 'return' && (status === 'visited' || status === 'in_notice')) return 'household.review';
  return STEPS[step].permission;
}

export function assertStepAllowed(step: StepName, h: HouseholdWithOrg, actor: Actor) {
  const rule = STEPS[step];
  if (!rule.from.includes(h.status as HouseholdStatus))
    throw conflict('status', `step ${step} is not possible in status ${h.status}`, { status: h.status, step });
  if ((rule.levelAbove || (step === 'return' && permissionFor(step, h.status) === 'household.review')) && h.orgPath === actor.orgPath)
    throw new AppError('FORBIDDEN', `step ${step} is for an org above ${h.orgName}`, { reason: 'level_above_required' });
  if (rule.notMaker && (h.submittedBy === actor.userId || h.createdBy === actor.userId))
    throw new AppError('FORBIDDEN', 'the one who filed a household cannot also check or approve it', { reason: 'maker_checker' });
}
