import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { aidPrograms, campaignApplications, campaigns, orgs } from '../../../db/schema/index.js';
import { notFound } from '../../../platform/errors.js';
import { presentNoticeLine } from './applications.presenter.js';

/**
 * The public notice list (公示名单) of a campaign: the applications now in their notice, names and IDs
 * masked, readable without signing in (it is posted for the public to object to). Orgs may narrow it to
 * their subtree with `orgId`.
 */
export async function publicNotice(db: DbOrTx, campaignId: string) {
  const [campaign] = await db
    .select({ id: campaigns.id, name: campaigns.name, year: campaigns.year, programName: aidPrograms.name, orgName: orgs.name })
    .from(campaigns)
    .innerJoin(aidPrograms, eq(aidPrograms.id, campaigns.programId))
    .innerJoin(orgs, eq(orgs.id, campaigns.orgId))
    .where(eq(campaigns.id, campaignId));
  if (!campaign) throw notFound('campaign');
  const rows = await db
    .select({
      studentName: campaignApplications.studentName,
      studentIdNoticeMasked: campaignApplications.studentIdNoticeMasked,
      orgName: orgs.name,
      schoolName: campaignApplications.schoolName,
      schoolStage: campaignApplications.schoolStage,
      approvedAmountFen: campaignApplications.approvedAmountFen,
      noticeStartsOn: campaignApplications.noticeStartsOn,
      noticeEndsOn: campaignApplications.noticeEndsOn,
      filed: campaignApplications.filed,
    })
    .from(campaignApplications)
    .innerJoin(orgs, eq(orgs.id, campaignApplications.orgId))
    .where(and(eq(campaignApplications.campaignId, campaignId), eq(campaignApplications.status, 'in_notice')))
    .orderBy(asc(orgs.path), asc(campaignApplications.applicationNo));
  const lines = rows.map(presentNoticeLine);
  return { campaign, total: lines.length, totalAmountFen: lines.reduce((s, l) => s + (l.amountFen ?? 0), 0), lines };
}
