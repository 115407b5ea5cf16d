import { and, eq } from 'drizzle-orm';
import type { ApplicationStatus } from '../../../../contracts/campaigns.js';
import type { Tx } from '../../../db/client.js';
import { aidFollowUps, campaignApplications, campaigns, orgs } from '../../../db/schema/index.js';
import type { Ctx } from '../../../platform/context.js';
import { AIDED_STATUSES } from '../../campaigns/follow-up/follow-up.queries.js';
import { writeFollowUp } from '../../campaigns/follow-up/record-follow-up.js';

export type EmploymentLink =
  | { recorded: true; followUpId: string }
  /** not_aided: the application is no longer aided; year_recorded: the year's follow-up was already written (kept as it is). */
  | { recorded: false; reason: 'not_aided' | 'year_recorded' | 'before_campaign'; followUpId?: string };

/**
 * A placement closes the employment link of an aided student's journey (就业援助): the year's
 * follow-up "employed" at the enterprise, dated the first day at work, written through the campaigns
 * module's own follow-up code. The application was linked when the seeker was registered by someone
 * who saw it; the officer placing the seeker may sit elsewhere, so it is read by id, not by scope.
 * A year already followed up is left as it is (the journey shows the placement beside it).
 */
export async function closeEmploymentLink(tx: Tx, ctx: Ctx, applicationId: string, placement: { placedOn: string; employer: string; referralId: string }): Promise<EmploymentLink> {
  const [a] = await tx
    .select({ id: campaignApplications.id, status: campaignApplications.status, orgId: campaignApplications.orgId, orgPath: orgs.path, campaignYear: campaigns.year })
    .from(campaignApplications)
    .innerJoin(orgs, eq(orgs.id, campaignApplications.orgId))
    .innerJoin(campaigns, eq(campaigns.id, campaignApplications.campaignId))
    .where(eq(campaignApplications.id, applicationId))
    .for('update', { of: campaignApplications });
  if (!a || !(AIDED_STATUSES as string[]).includes(a.status)) return { recorded: false, reason: 'not_aided' };
  const year = Number(placement.placedOn.slice(0, 4));
  if (year < a.campaignYear) return { recorded: false, reason: 'before_campaign' };
  const [held] = await tx.select({ id: aidFollowUps.id }).from(aidFollowUps).where(and(eq(aidFollowUps.applicationId, a.id), eq(aidFollowUps.year, year)));
  if (held) return { recorded: false, reason: 'year_recorded', followUpId: held.id };
  const written = await writeFollowUp(tx, ctx, { ...a, status: a.status as ApplicationStatus }, { year, status: 'employed', employer: placement.employer, note: null, contactedOn: placement.placedOn }, { source: 'placement', referralId: placement.referralId });
  return { recorded: true, followUpId: written.id };
}
