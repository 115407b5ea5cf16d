import crypto from 'node:crypto';
import { RecordDonationBatchInput } from '../../../../contracts/donations.js';
import { audit } from '../../../platform/audit.js';
import { authorize } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { conflict } from '../../../platform/errors.js';
import { assertReceived } from './donation-dates.js';
import { getDriveInScope } from './donations.queries.js';
import { writeDonations } from './write-donations.js';

/**
 * A collective donation (集体捐款仪式): staff and their amounts, entered in one transaction, each
 * with its own receipt number and journal entry, so a refund can undo one gift. All or nothing: a
 * bad row is refused by the schema before anything is written, naming it (`body.rows.3.amountFen`).
 */
export async function recordDonationBatch({ ctx, driveId, input }: { ctx: Ctx; driveId: string; input: unknown }) {
  const actor = await authorize(ctx, 'fund.post');
  const data = RecordDonationBatchInput.parse(input);
  assertReceived(ctx, data.receivedOn);
  const entryBatchId = crypto.randomUUID();
  return ctx.db.transaction(async (tx) => {
    const d = await getDriveInScope(tx, actor, driveId);
    if (d.drive.status !== 'open') throw conflict('drive_closed', 'the drive is closed: open it again to record gifts');
    const rows = await writeDonations(
      tx,
      ctx,
      d,
      data.rows.map((r) => ({ donorKind: 'person' as const, donorName: r.donorName, donorUnit: r.donorUnit ?? null, channel: data.channel, amountFen: r.amountFen, receivedOn: data.receivedOn, showOnThanks: data.showOnThanks, note: data.note ?? null })),
      entryBatchId,
    );
    const totalFen = rows.reduce((s, r) => s + r.amountFen, 0);
    const first = rows[0];
    const last = rows[rows.length - 1];
    await audit(tx, ctx, 'donation.batch', {
      objectType: 'donation_batch',
      objectId: entryBatchId,
      orgId: d.drive.orgId,
      orgPath: d.orgPath,
      details: { driveId: d.drive.id, count: rows.length, totalFen, channel: data.channel, receivedOn: data.receivedOn, firstReceiptNo: first.receiptNo, lastReceiptNo: last.receiptNo },
    });
    return {
      entryBatchId,
      count: rows.length,
      totalFen,
      firstReceiptNo: first.receiptNo,
      lastReceiptNo: last.receiptNo,
      donations: rows.map((r) => ({ id: r.id, receiptNo: r.receiptNo, donorName: r.donorName, amountFen: r.amountFen })),
    };
  });
}
