// Which steps the action bar offers: the rules of server/modules/campaigns/applications/applications.policy.ts
// as far as the page can know them. The server decides anyway; its refusals are shown translated.
import type { ApplicationStatus, ConfigurableStep, StepActors } from '../../../../contracts/campaigns.js';
import type { Permission } from '../../../../contracts/permissions.js';
import type { BulkStep, StepPath } from './applications.api.js';

export type ActionKey = StepPath | 'edit' | 'objection';

interface ActionRule {
  from: ApplicationStatus[];
  permission: Permission;
  /** The campaign's step whose org types may act (its stepActors). */
  actors?: ConfigurableStep;
  /** Not whoever made or submitted the application (maker ≠ checker). */
  notMaker?: boolean;
  primary?: boolean;
  danger?: boolean;
}

/** Who holds an application in each status: they may also return it one step or reject it. */
export const HELD_BY: Partial<Record<ApplicationStatus, { permission: Permission; actors: ConfigurableStep }>> = {
  submitted: { permission: 'application.verify', actors: 'verify' },
  verified: { permission: 'application.approve', actors: 'approve_district' },
  district_approved: { permission: 'application.approve', actors: 'approve_city' },
  city_approved: { permission: 'application.notice', actors: 'notice' },
  in_notice: { permission: 'application.notice', actors: 'notice' },
};

const RETURNABLE: ApplicationStatus[] = ['submitted', 'verified', 'district_approved', 'city_approved'];
const REJECTABLE: ApplicationStatus[] = ['submitted', 'verified', 'district_approved', 'city_approved', 'in_notice'];

/** In display order; return and reject take their permission and actors from HELD_BY. */
export const ACTION_RULES: Array<[ActionKey, ActionRule]> = [
  ['submit', { from: ['draft'], permission: 'application.submit', primary: true }],
  ['verify', { from: ['submitted'], permission: 'application.verify', actors: 'verify', notMaker: true, primary: true }],
  ['approve-district', { from: ['verified'], permission: 'application.approve', actors: 'approve_district', notMaker: true, primary: true }],
  ['approve-city', { from: ['district_approved'], permission: 'application.approve', actors: 'approve_city', notMaker: true, primary: true }],
  ['objection', { from: ['in_notice'], permission: 'application.notice', actors: 'notice' }],
  ['edit', { from: ['draft'], permission: 'application.submit' }],
  ['return', { from: RETURNABLE, permission: 'application.verify' }],
  ['reject', { from: REJECTABLE, permission: 'application.verify', danger: true }],
  ['withdraw', { from: ['draft', 'submitted'], permission: 'application.submit', danger: true }],
];

export interface AvailableAction {
  key: ActionKey;
  primary: boolean;
  danger: boolean;
  /** Shown but not for this user: they made or submitted it. */
  blockedBy?: 'maker_checker';
}

export interface ActingUser {
  userId: string;
  permissions: readonly string[];
  /** The type of the user's org, when known (the campaign's step actors are org types). */
  orgType?: string;
}

/**
 * The steps this user may try on an application now: status and permission, the campaign's step
 * actors when the user's org type and the campaign are known, and maker ≠ checker (shown blocked).
 */
export function availableActions(a: { status: ApplicationStatus; createdBy: string; submittedBy: string | null }, me: ActingUser, stepActors?: StepActors): AvailableAction[] {
  const isMaker = me.userId === a.createdBy || me.userId === a.submittedBy;
  const out: AvailableAction[] = [];
  for (const [key, base] of ACTION_RULES) {
    if (!base.from.includes(a.status)) continue;
    const held = key === 'return' || key === 'reject' ? HELD_BY[a.status] : undefined;
    const permission = held?.permission ?? base.permission;
    const actors = held?.actors ?? base.actors;
    if (!me.permissions.includes(permission)) continue;
    if (actors && stepActors && me.orgType && !(stepActors[actors] as string[]).includes(me.orgType)) continue;
    const action: AvailableAction = { key, primary: !!base.primary, danger: !!base.danger };
    if (base.notMaker && isMaker) action.blockedBy = 'maker_checker';
    out.push(action);
  }
  return out;
}

/** The bulk steps of the list, each with the status it moves from and its permission. */
export const BULK_STEPS: Array<{ step: BulkStep; from: ApplicationStatus; permission: Permission }> = [
  { step: 'verify', from: 'submitted', permission: 'application.verify' },
  { step: 'approve_district', from: 'verified', permission: 'application.approve' },
  { step: 'approve_city', from: 'district_approved', permission: 'application.approve' },
];

export function bulkStepsFor(permissions: readonly string[]) {
  return BULK_STEPS.filter((s) => permissions.includes(s.permission));
}
