import { and, asc, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { donationDrives, donations, funds, journalPostings, ledgerAccounts, orgs, users } from '../../../db/schema/index.js';
import { inActorSubtree } from '../../../platform/authz.js';
import type { Actor } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';

export type DriveRow = typeof donationDrives.$inferSelect;
export type DonationRow = typeof donations.$inferSelect;

function driveQuery(db: DbOrTx) {
  return db
    .select({ drive: donationDrives, orgName: orgs.name, orgPath: orgs.path, orgCode: orgs.code, fundName: funds.name, fundPurpose: funds.purpose })
    .from(donationDrives)
    .innerJoin(orgs, eq(orgs.id, donationDrives.orgId))
    .innerJoin(funds, eq(funds.id, donationDrives.fundId));
}
export type DriveWithContext = Awaited<ReturnType<typeof driveQuery>>[number];

/** A drive whose org lies in the actor's subtree, or NOT_FOUND exactly as if it did not exist. */
export async function getDriveInScope(db: DbOrTx, actor: Actor, id: string): Promise<DriveWithContext> {
  const [row] = await driveQuery(db).where(and(eq(donationDrives.id, id), inActorSubtree(actor, donationDrives.orgId)));
  if (!row) throw notFound('donation_drive');
  return row;
}

/** Any drive by id, for the public page (no actor): NOT_FOUND when there is none. */
export async function getDrive(db: DbOrTx, id: string): Promise<DriveWithContext> {
  const [row] = await driveQuery(db).where(eq(donationDrives.id, id));
  if (!row) throw notFound('donation_drive');
  return row;
}

/** The drives of the actor's subtree (or an org's subtree in it), the latest first. */
export async function listDrives(db: DbOrTx, actor: Actor, f: { orgPath?: string; status?: string }) {
  return driveQuery(db)
    .where(and(inActorSubtree(actor, donationDrives.orgId), f.orgPath ? sql`${orgs.path} like ${f.orgPath + '%'}` : undefined, f.status ? eq(donationDrives.status, f.status) : undefined))
    .orderBy(desc(donationDrives.startsOn), desc(donationDrives.createdAt))
    .limit(500);
}

export interface DriveFigures {
  /** What the drive brought into its fund: the donations account's postings of its gifts and their refunds. */
  raisedFen: number;
  /** Of that, the platforms' matching money (配捐). */
  matchedFen: number;
  /** Gifts not refunded (人次). */
  donationCount: number;
}

const NO_FIGURES: DriveFigures = { raisedFen: 0, matchedFen: 0, donationCount: 0 };

/**
 * Each drive's figures. The raised amount is read from the ledger, not from the donation rows: the
 * credits to the fund's donations account by the drive's entries and their reversals.
 */
export async function driveFigures(db: DbOrTx, driveIds: string[]): Promise<Map<string, DriveFigures>> {
  const out = new Map<string, DriveFigures>();
  if (!driveIds.length) return out;
  const raised = await db
    .select({ driveId: donations.driveId, raisedFen: sql<number>`coalesce(-sum(${journalPostings.amountFen}), 0)::bigint` })
    .from(donations)
    .innerJoin(ledgerAccounts, and(eq(ledgerAccounts.fundId, donations.fundId), eq(ledgerAccounts.kind, 'donations')))
    .innerJoin(journalPostings, and(eq(journalPostings.accountId, ledgerAccounts.id), or(eq(journalPostings.entryId, donations.entryId), eq(journalPostings.entryId, donations.refundEntryId))))
    .where(inArray(donations.driveId, driveIds))
    .groupBy(donations.driveId);
  const counts = await db
    .select({
      driveId: donations.driveId,
      donationCount: sql<number>`count(*) filter (where ${donations.refundEntryId} is null)::int`,
      matchedFen: sql<number>`coalesce(sum(${donations.amountFen}) filter (where ${donations.refundEntryId} is null and ${donations.donorKind} = 'platform_match'), 0)::bigint`,
    })
    .from(donations)
    .where(inArray(donations.driveId, driveIds))
    .groupBy(donations.driveId);
  for (const id of driveIds) out.set(id, { ...NO_FIGURES });
  for (const r of raised) out.get(r.driveId!)!.raisedFen = Number(r.raisedFen);
  for (const c of counts) Object.assign(out.get(c.driveId!)!, { donationCount: c.donationCount, matchedFen: Number(c.matchedFen) });
  return out;
}

export async function figuresOf(db: DbOrTx, driveId: string): Promise<DriveFigures> {
  return (await driveFigures(db, [driveId])).get(driveId) ?? { ...NO_FIGURES };
}

function donationQuery(db: DbOrTx) {
  return db
    .select({ donation: donations, orgName: orgs.name, orgPath: orgs.path, createdByName: users.displayName })
    .from(donations)
    .innerJoin(orgs, eq(orgs.id, donations.orgId))
    .leftJoin(users, eq(users.id, donations.createdBy));
}
export type DonationWithContext = Awaited<ReturnType<typeof donationQuery>>[number];

/** A donation whose org lies in the actor's subtree, or NOT_FOUND. */
export async function getDonationInScope(db: DbOrTx, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}): Promise<DonationWithContext> {
  const q = donationQuery(db).where(and(eq(donations.id, id), inActorSubtree(actor, donations.orgId)));
  const [row] = opts.forUpdate ? await q.for('update', { of: donations }) : await q;
  if (!row) throw notFound('donation');
  return row;
}

/** A drive's donations for staff (full names), the latest receipt first. */
export async function listDriveDonations(db: DbOrTx, actor: Actor, driveId: string, f: { q?: string; page: number; pageSize: number }) {
  const like = f.q ? `%${f.q.replace(/[\\%_]/g, (c) => '\\' + c)}%` : null;
  const where: SQL | undefined = and(
    eq(donations.driveId, driveId),
    inActorSubtree(actor, donations.orgId),
    like ? or(ilike(donations.donorName, like), ilike(donations.donorUnit, like), ilike(donations.receiptNo, like)) : undefined,
  );
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(donations).where(where);
  const items = await donationQuery(db)
    .where(where)
    .orderBy(desc(donations.receiptSeq))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return { items, total };
}

/** The public thank-you list: gifts shown on it and not refunded, the latest first. */
export async function listThanks(db: DbOrTx, driveId: string, f: { page: number; pageSize: number }) {
  const where = and(eq(donations.driveId, driveId), eq(donations.showOnThanks, true), isNull(donations.refundEntryId));
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(donations).where(where);
  const items = await db
    .select({ donorKind: donations.donorKind, donorName: donations.donorName, donorUnit: donations.donorUnit, amountFen: donations.amountFen, receivedOn: donations.receivedOn })
    .from(donations)
    .where(where)
    .orderBy(desc(donations.receivedOn), desc(donations.receiptSeq))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return { items, total };
}

/** The rows of one entry batch, in receipt order. */
export async function batchDonations(db: DbOrTx, entryBatchId: string) {
  return db.select().from(donations).where(eq(donations.entryBatchId, entryBatchId)).orderBy(asc(donations.receiptSeq));
}
