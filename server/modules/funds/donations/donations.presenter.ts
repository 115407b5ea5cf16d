import { fenToChineseCapital, maskDonorName, publicDonorName } from '../../../../contracts/donations.js';
import type { DonationRow, DonationWithContext, DriveFigures, DriveWithContext } from './donations.queries.js';

/** Progress towards the goal in percent with one decimal, from integers (capped at 999.9 for the bar). */
export function progressPercent(raisedFen: number, goalFen: number): number {
  if (goalFen <= 0) return 0;
  return Math.min(9999, Math.floor((Math.max(0, raisedFen) * 1000) / goalFen)) / 10;
}

export function presentDrive(row: DriveWithContext, figures: DriveFigures) {
  const { drive } = row;
  return {
    id: drive.id,
    orgId: drive.orgId,
    orgName: row.orgName,
    fundId: drive.fundId,
    fundName: row.fundName,
    name: drive.name,
    description: drive.description,
    goalFen: drive.goalFen,
    startsOn: drive.startsOn,
    endsOn: drive.endsOn,
    status: drive.status as 'open' | 'closed',
    ...figures,
    progressPercent: progressPercent(figures.raisedFen, drive.goalFen),
    createdAt: drive.createdAt.toISOString(),
  };
}

/** What anyone may read of a drive: no ids of orgs or funds, no staff. */
export function presentPublicDrive(row: DriveWithContext, figures: DriveFigures) {
  const { drive } = row;
  return {
    id: drive.id,
    name: drive.name,
    description: drive.description,
    orgName: row.orgName,
    fundName: row.fundName,
    goalFen: drive.goalFen,
    startsOn: drive.startsOn,
    endsOn: drive.endsOn,
    status: drive.status as 'open' | 'closed',
    ...figures,
    progressPercent: progressPercent(figures.raisedFen, drive.goalFen),
  };
}

/** A donation for staff: the donor's name in full, with how the thank-you list shows it. */
export function presentDonation(d: DonationRow, extra: { createdByName?: string | null } = {}) {
  return {
    id: d.id,
    driveId: d.driveId,
    fundId: d.fundId,
    receiptNo: d.receiptNo,
    receiptSeq: d.receiptSeq,
    donorKind: d.donorKind,
    donorName: d.donorName,
    donorNameMasked: d.donorName === null ? null : d.donorKind === 'person' ? maskDonorName(d.donorName) : d.donorName,
    donorUnit: d.donorUnit,
    channel: d.channel,
    amountFen: d.amountFen,
    receivedOn: d.receivedOn,
    showOnThanks: d.showOnThanks,
    entryBatchId: d.entryBatchId,
    note: d.note,
    status: d.refundEntryId ? ('refunded' as const) : ('valid' as const),
    refundReason: d.refundReason,
    refundedAt: d.refundedAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
    createdByName: extra.createdByName ?? null,
  };
}

/** A line of the public thank-you list: an anonymous gift shows neither a name nor a unit (a small office names its donor). */
export function presentThanksLine(l: { donorKind: string; donorName: string | null; donorUnit: string | null; amountFen: number; receivedOn: string }) {
  const unit = l.donorKind === 'anonymous' ? null : l.donorUnit;
  return { donorKind: l.donorKind, donorName: publicDonorName(l.donorKind, l.donorName), donorUnit: unit, amountFen: l.amountFen, receivedOn: l.receivedOn };
}

/** What the printable receipt (捐赠收据) shows. */
export function presentReceipt(row: DonationWithContext, drive: DriveWithContext) {
  const d = row.donation;
  return {
    ...presentDonation(d, { createdByName: row.createdByName }),
    issuer: row.orgName,
    driveName: drive.drive.name,
    fundName: drive.fundName,
    purpose: drive.fundPurpose,
    amountInWords: fenToChineseCapital(d.amountFen),
  };
}
