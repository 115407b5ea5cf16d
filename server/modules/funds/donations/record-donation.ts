import { RecordDonationInput } from '../../../../contracts/donations.js';
import { audit } from '../../../platform/audit.js';
import { authorize } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { conflict } from '../../../platform/errors.js';
import { assertReceived } from './donation-dates.js';
import { presentDonation } from './donations.presenter.js';
import { getDriveInScope } from './donations.queries.js';
import { writeDonations } from './write-donations.js';

/** Records one gift to an open drive: its receipt number, its journal entry, its row, in one transaction. */
export async function recordDonation({ ctx, driveId, input }: { ctx: Ctx; driveId: string; input: unknown }) {
  const actor = await authorize(ctx, 'fund.post');
  const data = RecordDonationInput.parse(input);
  assertReceived(ctx, data.receivedOn);
  return ctx.db.transaction(async (tx) => {
    const d = await getDriveInScope(tx, actor, driveId);
    if (d.drive.status !== 'open') throw conflict('drive_closed', 'the drive is closed: open it again to record a gift');
    const [row] = await writeDonations(
      tx,
      ctx,
      d,
      [{ donorKind: data.donorKind, donorName: data.donorName ?? null, donorUnit: data.donorUnit ?? null, channel: data.channel, amountFen: data.amountFen, receivedOn: data.receivedOn, showOnThanks: data.showOnThanks, note: data.note ?? null }],
      null,
    );
    await audit(tx, ctx, 'donation.record', {
      objectType: 'donation',
      objectId: row.id,
      orgId: row.orgId,
      orgPath: d.orgPath,
      details: { driveId: d.drive.id, receiptNo: row.receiptNo, amountFen: row.amountFen, donorKind: row.donorKind, channel: row.channel, entryId: row.entryId },
    });
    return presentDonation(row, { createdByName: actor.username });
  });
}
