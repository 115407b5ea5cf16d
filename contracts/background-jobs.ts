import type { Permission } from './permissions.js';

/**
 * Kinds of background job and the permission that lets someone other than its starter see it (within
 * the job's org subtree). Later modules add payment batches, campaign batches, exports and sends.
 */
export const BACKGROUND_JOB_KINDS = {
  household_import: 'household.import',
  household_import_cleanup: 'household.import',
  campaign_worklist: 'campaign.reach',
  notification_send: 'campaign.reach',
  lump_sum_build: 'campaign.manage',
  lump_sum_confirm: 'campaign.manage',
  application_import: 'application.import',
  payment_build: 'payment.create',
  payment_execute: 'payment.create',
} as const satisfies Record<string, Permission>;

export type BackgroundJobKind = keyof typeof BACKGROUND_JOB_KINDS;
export const BACKGROUND_JOB_KIND_KEYS = Object.keys(BACKGROUND_JOB_KINDS) as [BackgroundJobKind, ...BackgroundJobKind[]];
export const BACKGROUND_JOB_STATES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
