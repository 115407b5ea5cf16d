import { eq, sql } from 'drizzle-orm';
import { RecordFollowUpInput, type FollowUpStatus } from '../../../../contracts/campaigns.js';
import type { Tx } from '../../../db/client.js';
import { aidFollowUps, campaignApplications, campaigns } from '../../../db/schema/index.js';
import { audit } from '../../../platform/audit.js';
import { authorize, requireActor } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { chinaDate } from '../../../platform/dates.js';
import { conflict, validation } from '../../../platform/errors.js';
import { appendApplicationEvent } from '../applications/application-events.js';
import { getApplicationInScope, type ApplicationWithOrg } from '../applications/applications.queries.js';
import { AIDED_STATUSES } from './follow-up.queries.js';

/** Who an aided student works for is recorded when employed or on an internship; studying or gone, there is none. */
const EMPLOYER_STATUSES = new Set(['employed', 'internship']);
type FollowUpStatusKey = (typeof FollowUpStatus.keys)[number];

/**
 * The year's follow-up (回访) of an aided student: studying, internship, employed (where) or left
 * school. One per year; the first moves the application from paid to followed up.
 */
export async function recordFollowUp({ ctx, applicationId, input }: { ctx: Ctx; applicationId: string; input: unknown }) {
  const actor = await authorize(ctx, 'application.follow_up');
  const data = RecordFollowUpInput.parse(input);
  const employer = data.employer?.trim() || null;
  if (data.status === 'employed' && !employer) throw validation([{ field: 'body.employer', message: 'name the employer of an employed student' }]);
  if (!EMPLOYER_STATUSES.has(data.status) && employer) throw validation([{ field: 'body.employer', message: 'an employer is recorded only for an employed student or an internship' }]);
  const today = chinaDate(ctx.clock.now());
  if (data.contactedOn > today) throw validation([{ field: 'body.contactedOn', message: 'a contact still to come' }]);
  if (data.year > Number(today.slice(0, 4))) throw validation([{ field: 'body.year', message: 'a year still to come' }]);
  return ctx.db.transaction(async (tx) => {
    const a = await getApplicationInScope(tx, actor, applicationId, { forUpdate: true });
    if (!AIDED_STATUSES.includes(a.status)) throw conflict('status', 'only an aided (paid) student is followed up', { status: a.status });
    const [campaign] = await tx.select({ year: campaigns.year }).from(campaigns).where(eq(campaigns.id, a.campaignId));
    if (data.year < campaign.year) throw validation([{ field: 'body.year', message: `before the campaign's year ${campaign.year}` }]);
    return writeFollowUp(tx, ctx, a, { year: data.year, status: data.status, employer, note: data.note ?? null, contactedOn: data.contactedOn });
  });
}

export interface FollowUpFacts {
  year: number;
  status: FollowUpStatusKey;
  employer: string | null;
  note: string | null;
  contactedOn: string;
}

/**
 * Writes the year's follow-up of an aided application the caller has locked and checked (aided, the
 * year free, not before its campaign's): the row, the first one's move to followed up, the history
 * entry and the audit. Shared with the employment service, whose placement of an aided student is
 * the follow-up of the employment link (`details` says so in the audit).
 */
export async function writeFollowUp(tx: Tx, ctx: Ctx, a: Pick<ApplicationWithOrg, 'id' | 'status' | 'orgId' | 'orgPath'>, f: FollowUpFacts, details: Record<string, unknown> = {}) {
  const now = ctx.clock.now();
  const [row] = await tx
    .insert(aidFollowUps)
    .values({ applicationId: a.id, year: f.year, status: f.status, employer: f.employer, note: f.note, contactedOn: f.contactedOn, recordedBy: requireActor(ctx).userId, recordedAt: now })
    .returning();
  const toStatus = 'followed_up';
  if (a.status !== toStatus)
    await tx.update(campaignApplications).set({ status: toStatus, updatedAt: now, version: sql`${campaignApplications.version} + 1` }).where(eq(campaignApplications.id, a.id));
  await appendApplicationEvent(tx, ctx, a.id, 'follow_up', {
    ...(a.status !== toStatus ? { fromStatus: a.status, toStatus } : {}),
    details: { year: f.year, status: f.status, employer: f.employer, ...details },
  });
  await audit(tx, ctx, 'application.follow_up', {
    objectType: 'application',
    objectId: a.id,
    orgId: a.orgId,
    orgPath: a.orgPath,
    details: { followUpId: row.id, year: f.year, status: f.status, ...details },
  });
  return { id: row.id, applicationStatus: toStatus };
}
