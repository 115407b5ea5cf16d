import type { ApplicationStatus, ApplicationStep, ConfigurableStep, StepActors } from '../../../../contracts/campaigns.js';
import type { Permission } from '../../../../contracts/permissions.js';
import type { Actor } from '../../../platform/context.js';
import { AppError, conflict } from '../../../platform/errors.js';

/** The forward steps up the hierarchy: from, to, the permission and which configured actors may take it. */
export const FORWARD: Record<'submit' | 'verify' | 'approve_district' | 'approve_city', { from: ApplicationStatus; to: ApplicationStatus; permission: Permission; actors?: ConfigurableStep }> = {
  submit: { from: 'draft', to: 'submitted', permission: 'application.submit' },
  verify: { from: 'submitted', to: 'verified', permission: 'application.verify', actors: 'verify' },
  approve_district: { from: 'verified', to: 'district_approved', permission: 'application.approve', actors: 'approve_district' },
  approve_city: { from: 'district_approved', to: 'city_approved', permission: 'application.approve', actors: 'approve_city' },
};

/** Who holds an application in each status: the step they would take next (return and reject are theirs too). */
export const HELD_BY: Partial<Record<ApplicationStatus, { permission: Permission; actors: ConfigurableStep }>> = {
  submitted: { permission: 'application.verify', actors: 'verify' },
  verified: { permission: 'application.approve', actors: 'approve_district' },
  district_approved: { permission: 'application.approve', actors: 'approve_city' },
  city_approved: { permission: 'application.notice', actors: 'notice' },
  in_notice: { permission: 'application.notice', actors: 'notice' },
};

/** Returning goes back one step. */
export const PREVIOUS: Partial<Record<ApplicationStatus, ApplicationStatus>> = {
  submitted: 'draft',
  verified: 'submitted',
  district_approved: 'verified',
  city_approved: 'district_approved',
};

export const REJECTABLE: ApplicationStatus[] = ['submitted', 'verified', 'district_approved', 'city_approved', 'in_notice'];
export const WITHDRAWABLE: ApplicationStatus[] = ['draft', 'submitted'];

/** The permission a step needs on an application in `status` (checked before anything is read in a transaction). */
export function permissionForStep(step: ApplicationStep, status: ApplicationStatus): Permission {
  if (step in FORWARD) return FORWARD[step as keyof typeof FORWARD].permission;
  if (step === 'withdraw') return 'application.submit';
  return HELD_BY[status]?.permission ?? 'application.approve';
}

/** The step's configured actors: the actor's org must be of one of the listed types. */
export function assertActorOrgType(stepActors: StepActors, key: ConfigurableStep, actorOrgType: string) {
  if (!(stepActors[key] as string[]).includes(actorOrgType))
    throw new AppError('FORBIDDEN', `this campaign lets ${stepActors[key].join(', ')} take this step`, { reason: 'step_actor', step: key, allowed: stepActors[key] });
}

/** Maker ≠ checker: whoever made or submitted an application cannot verify or approve it. */
export function assertNotMaker(actor: Actor, app: { createdBy: string; submittedBy: string | null }) {
  if (actor.userId === app.createdBy || actor.userId === app.submittedBy)
    throw new AppError('FORBIDDEN', 'whoever made or submitted an application cannot approve it', { reason: 'maker_checker' });
}

export function assertStatus(status: ApplicationStatus, allowed: ApplicationStatus[], step: string) {
  if (!allowed.includes(status)) throw conflict('status', `cannot ${step} an application that is ${status}`, { status });
}
