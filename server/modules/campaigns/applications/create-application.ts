import { CreateApplicationInput } from '../../../../contracts/campaigns.js';
import type { Tx } from '../../../db/client.js';
import { campaignApplications } from '../../../db/schema/index.js';
import { audit } from '../../../platform/audit.js';
import { authorize, requireActor } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { chinaDate } from '../../../platform/dates.js';
import { preconditionFailed } from '../../../platform/errors.js';
import { getOrgInScope } from '../../orgs/orgs.queries.js';
import { getCampaignInScope, listParticipants, participantFor } from '../campaigns.queries.js';
import { askedAmount, assertNoLiveApplication, proposeFor, resolveApplicant } from './application-facts.js';
import { appendApplicationEvent } from './application-events.js';
import { assertAcceptingApplications } from './campaign-window.js';
import { nextApplicationNo } from './applications.queries.js';

/** A new application (draft) for one student: the rules check the student qualifies and propose the amount. */
export async function createApplication({ ctx, input }: { ctx: Ctx; input: unknown }) {
  await authorize(ctx, 'application.submit');
  const data = CreateApplicationInput.parse(input);
  return ctx.db.transaction((tx) => insertApplication(tx, ctx, data));
}

/** The insert itself, inside the caller's transaction (the Excel import writes many in one). */
export async function insertApplication(tx: Tx, ctx: Ctx, data: CreateApplicationInput, opts: { importId?: string } = {}) {
  const actor = requireActor(ctx);
  const campaign = await getCampaignInScope(tx, actor, data.campaignId);
  assertAcceptingApplications(campaign, chinaDate(ctx.clock.now()));
  const org = await getOrgInScope(tx, actor, data.orgId);
  if (!participantFor(await listParticipants(tx, campaign.id), org.path)) throw preconditionFailed('not_participant', 'the org does not take part in this campaign', { field: 'orgId' });
  const applicant = await resolveApplicant(tx, ctx, actor, org.path, data);
  await assertNoLiveApplication(tx, campaign.id, applicant.studentIdHash);
  const proposal = proposeFor(campaign.rules, applicant, { schoolStage: data.schoolStage, schoolKind: data.schoolKind, governmentAided: data.governmentAided });
  const amount = askedAmount(proposal.amountFen, data.amountFen, data.amountReason);
  const now = ctx.clock.now();
  const { householdStatus: _s, category: _c, regionCode: _r, ...stored } = applicant;
  const [row] = await tx
    .insert(campaignApplications)
    .values({
      ...stored,
      applicationNo: await nextApplicationNo(tx, campaign.year),
      campaignId: campaign.id,
      orgId: org.id,
      schoolName: data.schoolName,
      schoolStage: data.schoolStage,
      schoolKind: data.schoolKind,
      admissionYear: data.admissionYear,
      major: data.major ?? null,
      tuitionFen: data.tuitionFen,
      otherFeesFen: data.otherFeesFen,
      nationalAid: data.nationalAid,
      governmentAided: data.governmentAided,
      fiveClears: data.fiveClears ?? null,
      homeVisit: data.homeVisit ?? null,
      wish: data.wish ?? null,
      proposedAmountFen: proposal.amountFen,
      ...amount,
      rulesVersion: campaign.rulesVersion,
      inKindItems: proposal.inKindItems,
      status: 'draft',
      importId: opts.importId ?? null,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await appendApplicationEvent(tx, ctx, row.id, 'create', { toStatus: 'draft', details: { proposedAmountFen: proposal.amountFen, amountFen: amount.amountFen, rulesVersion: campaign.rulesVersion } });
  await audit(tx, ctx, 'application.create', { objectType: 'application', objectId: row.id, orgId: org.id, orgPath: org.path, details: { applicationNo: row.applicationNo, campaignId: campaign.id, filed: row.filed } });
  return { id: row.id, applicationNo: row.applicationNo, status: row.status, proposedAmountFen: row.proposedAmountFen, amountFen: row.amountFen };
}
