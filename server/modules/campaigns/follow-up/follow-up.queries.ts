import { asc, eq, inArray } from 'drizzle-orm';
import type { ApplicationStatus } from '../../../../contracts/campaigns.js';
import type { DbOrTx } from '../../../db/client.js';
import { aidFollowUps, users } from '../../../db/schema/index.js';

/** A student has been aided once the grant is paid; following up keeps them so. */
export const AIDED_STATUSES: ApplicationStatus[] = ['paid', 'followed_up'];

/** The follow-ups of some applications, by year, with who recorded each. */
export async function listFollowUps(db: DbOrTx, applicationIds: string[]) {
  if (applicationIds.length === 0) return [];
  return db
    .select({ followUp: aidFollowUps, recordedByName: users.displayName })
    .from(aidFollowUps)
    .leftJoin(users, eq(users.id, aidFollowUps.recordedBy))
    .where(inArray(aidFollowUps.applicationId, applicationIds))
    .orderBy(asc(aidFollowUps.year), asc(aidFollowUps.recordedAt));
}
export type FollowUpWithRecorder = Awaited<ReturnType<typeof listFollowUps>>[number];

export function presentFollowUp({ followUp: f, recordedByName }: FollowUpWithRecorder) {
  return {
    id: f.id,
    applicationId: f.applicationId,
    year: f.year,
    status: f.status,
    employer: f.employer,
    note: f.note,
    contactedOn: f.contactedOn,
    recordedByName,
    recordedAt: f.recordedAt.toISOString(),
  };
}
export type FollowUpDto = ReturnType<typeof presentFollowUp>;
