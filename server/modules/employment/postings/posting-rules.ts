import { eq, inArray } from 'drizzle-orm';
import { MAX_VALID_DAYS } from '../../../../contracts/jobs.js';
import type { DbOrTx } from '../../../db/client.js';
import { enterprises, jobPostings } from '../../../db/schema/index.js';
import { addDays, chinaDate } from '../../../platform/dates.js';
import { conflict, validation } from '../../../platform/errors.js';

/** Statuses in which the enterprise may still correct the posting. */
export const EDITABLE = new Set(['draft', 'returned']);
/** Statuses a posting can be closed from (a draft or a posting in review is withdrawn, a published one taken down). */
export const CLOSABLE = new Set(['draft', 'submitted', 'returned', 'published']);

/** The posting must be in one of these statuses for the step: otherwise a 409 naming its status. */
export function assertStatus(status: string, allowed: Set<string> | string[], step: string) {
  const ok = Array.isArray(allowed) ? allowed.includes(status) : allowed.has(status);
  if (!ok) throw conflict('status', `a posting in status ${status} cannot be ${step}`, { status });
}

/** Valid-until lies between today and MAX_VALID_DAYS ahead (China dates); a 400 naming the field. */
export function assertValidUntil(validUntil: string, now: Date, field = 'body.validUntil') {
  const today = chinaDate(now);
  if (validUntil < today) throw validation([{ field, message: `must not be in the past (today is ${today})` }]);
  const last = addDays(today, MAX_VALID_DAYS);
  if (validUntil > last) throw validation([{ field, message: `at most ${MAX_VALID_DAYS} days ahead (${last})` }]);
}

/** A posting past its last day cannot be submitted or published: the enterprise sets a new valid-until first. */
export function assertNotLapsed(validUntil: string, now: Date) {
  if (validUntil < chinaDate(now)) throw conflict('valid_until_passed', `the posting was valid until ${validUntil}: set a later date first`, { field: 'validUntil', validUntil });
}

/**
 * Share-locks the enterprise of a posting and answers whether it is active; called before the posting's
 * own lock, in the order a rename or deactivation takes them (enterprise, then postings), so neither
 * waits on the other in a circle. A deactivation running meanwhile finishes first, or waits.
 */
export async function lockPostingEnterprise(tx: DbOrTx, postingId: string): Promise<{ active: boolean }> {
  const [row] = await tx
    .select({ status: enterprises.status })
    .from(enterprises)
    .where(inArray(enterprises.id, tx.select({ id: jobPostings.enterpriseId }).from(jobPostings).where(eq(jobPostings.id, postingId))))
    .for('share');
  return { active: row?.status === 'active' };
}

/** A deactivated enterprise posts nothing new: its drafts are not submitted, its submitted postings not approved. */
export function assertEnterpriseActive(enterprise: { active: boolean }) {
  if (!enterprise.active) throw conflict('enterprise_inactive', '该用人单位已停用，不能提交或发布岗位 (the enterprise is deactivated)', { field: 'enterpriseId' });
}
