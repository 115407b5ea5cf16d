import crypto from 'node:crypto';
import { RecordContactInput } from '../../../../contracts/campaigns.js';
import { campaignContacts } from '../../../db/schema/index.js';
import { audit } from '../../../platform/audit.js';
import { authorize } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { preconditionFailed } from '../../../platform/errors.js';
import { decryptPii } from '../../../platform/pii-crypto.js';
import { queueSms } from '../../notifications/queue-notification.js';
import { getCampaignInScope } from '../campaigns.queries.js';
import { assertReachOpen } from './reach.policy.js';
import { getWorklistEntryInScope } from './reach.queries.js';

/**
 * Records a contact with a worklist student's family (通知到人): a phone call, a home visit, or an SMS,
 * which goes into the notification outbox in the same transaction, to the household's phone on file.
 */
export async function recordContact({ ctx, campaignId, input }: { ctx: Ctx; campaignId: string; input: unknown }) {
  const actor = await authorize(ctx, 'campaign.reach');
  const data = RecordContactInput.parse(input);
  const contact = await ctx.db.transaction(async (tx) => {
    const campaign = await getCampaignInScope(tx, actor, campaignId);
    assertReachOpen(campaign);
    const found = await getWorklistEntryInScope(tx, actor, campaign.id, data.studentIdHash);
    // The same answer whether the student is on no list or on another subtree's (no existence leak).
    if (!found) throw preconditionFailed('not_on_worklist', 'the student is not on the worklist in your scope', { field: 'studentIdHash' });
    const { entry, orgPath, phoneEnc } = found;
    const id = crypto.randomUUID();
    let notificationId: string | null = null;
    if (data.method === 'sms') {
      if (!phoneEnc) throw preconditionFailed('no_phone', 'the household has no phone number on file');
      notificationId = await queueSms(tx, ctx, { orgId: entry.orgId, phone: decryptPii(ctx.secrets, phoneEnc), body: data.message!, sourceType: 'campaign_contact', sourceId: id });
    }
    const [row] = await tx
      .insert(campaignContacts)
      .values({
        id,
        campaignId: campaign.id,
        studentIdHash: entry.studentIdHash,
        householdId: entry.householdId,
        orgId: entry.orgId,
        method: data.method,
        contactedOn: data.contactedOn,
        outcome: data.outcome,
        note: data.note ?? null,
        notificationId,
        recordedBy: actor.userId,
        recordedAt: ctx.clock.now(),
      })
      .returning();
    await audit(tx, ctx, 'campaign.record_contact', {
      objectType: 'campaign',
      objectId: campaign.id,
      orgId: entry.orgId,
      orgPath,
      details: { contactId: id, method: data.method, outcome: data.outcome, studentIdMasked: entry.studentIdMasked, notificationId },
    });
    return row;
  });
  if (contact.notificationId) ctx.jobs?.kick();
  return { id: contact.id, method: contact.method, outcome: contact.outcome, contactedOn: contact.contactedOn, notificationId: contact.notificationId };
}
