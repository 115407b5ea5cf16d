import crypto from 'node:crypto';
import { formatReceiptNo, type DonorKindKey } from '../../../../contracts/donations.js';
import type { Tx } from '../../../db/client.js';
import { donations } from '../../../db/schema/index.js';
import type { Ctx } from '../../../platform/context.js';
import { fundAccounts } from '../funds.queries.js';
import { postJournalEntry } from '../ledger/post-journal-entry.js';
import type { DriveWithContext } from './donations.queries.js';
import { takeReceiptNumbers } from './receipt-numbers.js';

export interface DonationToWrite {
  donorKind: DonorKindKey;
  donorName: string | null;
  donorUnit: string | null;
  channel: string;
  amountFen: number;
  receivedOn: string;
  showOnThanks: boolean;
  note: string | null;
}

/** Rows a single INSERT carries (parameters stay far below PostgreSQL's 65,535). */
const INSERT_CHUNK = 500;

/**
 * Writes gifts to a drive inside the caller's transaction: the next receipt numbers of the drive's
 * org, one journal entry each (fund balance +amount, the fund's donations account −amount; its
 * source is `donation:<id>`, so the same gift can never post twice), then the donation rows.
 */
export async function writeDonations(tx: Tx, ctx: Ctx, d: DriveWithContext, gifts: DonationToWrite[], entryBatchId: string | null) {
  const { drive } = d;
  const accounts = await fundAccounts(tx, drive.fundId);
  const { prefix, first } = await takeReceiptNumbers(tx, { id: drive.orgId, code: d.orgCode }, gifts.length);
  const now = ctx.clock.now();
  const rows: Array<typeof donations.$inferInsert> = [];
  for (const [i, g] of gifts.entries()) {
    const id = crypto.randomUUID();
    const receiptSeq = first + i;
    const receiptNo = formatReceiptNo(prefix, g.receivedOn, receiptSeq);
    const entry = await postJournalEntry(tx, ctx, {
      orgId: drive.orgId,
      kind: 'donation',
      memo: `${drive.name} ${receiptNo}`,
      occurredOn: g.receivedOn,
      postings: [
        { accountId: accounts.fund_balance, amountFen: g.amountFen },
        { accountId: accounts.donations, amountFen: -g.amountFen },
      ],
      sourceModule: 'donations',
      sourceRef: `donation:${id}`,
    });
    rows.push({
      id,
      orgId: drive.orgId,
      fundId: drive.fundId,
      driveId: drive.id,
      donorKind: g.donorKind,
      donorName: g.donorKind === 'anonymous' ? null : g.donorName,
      donorUnit: g.donorUnit,
      channel: g.channel,
      amountFen: g.amountFen,
      receivedOn: g.receivedOn,
      receiptSeq,
      receiptNo,
      showOnThanks: g.showOnThanks,
      entryBatchId,
      note: g.note,
      entryId: entry.id,
      createdBy: ctx.actor?.userId ?? null,
      createdAt: now,
    });
  }
  const written: Array<typeof donations.$inferSelect> = [];
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) written.push(...(await tx.insert(donations).values(rows.slice(i, i + INSERT_CHUNK)).returning()));
  return written;
}
