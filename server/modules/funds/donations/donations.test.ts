import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq, sql } from 'drizzle-orm';
import { auditLog, donations, journalEntries, receiptSeries } from '../../../db/schema/index.js';
import { createTestApp, type Session, type TestApp } from '../../../test-support/test-app.js';
import { financeAtRoot, ledgerCtx, makeDrive, openTestFund, sampleDonation, sampleDrive } from '../../../test-support/donation-fixtures.js';
import { snapshotTables } from '../../../test-support/db-snapshot.js';
import { fundAccounts, getFundInScope } from '../funds.queries.js';
import { openFund } from '../ledger/ledger-accounts.js';
import { postJournalEntry } from '../ledger/post-journal-entry.js';
import { insertOrg } from '../../orgs/create-org.js';
import { reconcileLedger } from '../ledger/reconcile-ledger.js';
import type { Actor } from '../../../platform/context.js';

let t: TestApp;
let root: Session; // finance officer at A
let atB: Session; // finance officer at B
let reader: Session; // org admin at A: fund.read, not fund.post
let outsider: Session; // caseworker at A: neither

beforeAll(async () => {
  t = await createTestApp();
  root = await financeAtRoot(t);
  await t.createUser('fin-b', 'B', ['finance_officer']);
  await t.createUser('reader-a', 'A', ['org_admin']);
  await t.createUser('case-a', 'A', ['caseworker']);
  atB = await t.signIn('fin-b');
  reader = await t.signIn('reader-a');
  outsider = await t.signIn('case-a');
});
afterAll(() => t.close());

const rootActor = async (): Promise<Actor> => ({ userId: 'x', username: 'x', orgId: t.orgs.A.id, orgPath: t.orgs.A.path, roles: [], permissions: new Set() });
const fundFigures = async (fundId: string) => (await getFundInScope(t.database.db, await rootActor(), fundId)).figures;
const lastAudit = async (action: string) => (await t.database.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.id)).limit(1))[0];
const donationCount = async () => (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(donations))[0].n;
const entryCount = async () => (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(journalEntries))[0].n;

describe('donation drives', () => {
  it('opens a drive of an org on one of its funds, audited, and lists it with what it raised', async () => {
    const fundId = await openTestFund(t, 'B');
    const res = await root.post('/api/donation-drives', sampleDrive(t, 'B', fundId, { name: '2026 99公益日' }));
    expect(res.statusCode, res.body).toBe(201);
    const drive = res.json();
    expect(drive).toMatchObject({ orgId: t.orgs.B.id, fundId, name: '2026 99公益日', status: 'open', goalFen: 10_000_000, raisedFen: 0, donationCount: 0, progressPercent: 0 });
    const row = await lastAudit('donation_drive.create');
    expect(row).toMatchObject({ objectId: drive.id, orgId: t.orgs.B.id, outcome: 'success' });
    const list = await atB.get('/api/donation-drives');
    expect(list.json().items.map((d: { id: string }) => d.id)).toContain(drive.id);
    expect((await root.post('/api/donation-drives', sampleDrive(t, 'B', fundId, { name: '2026 99公益日' }))).json().error.details.reason).toBe('name_taken');
  });

  it('refuses a fund of another org, dates in the wrong order, an org outside the subtree (404) and a missing permission (403)', async () => {
    const fundOfD = await openTestFund(t, 'D');
    const wrongFund = await root.post('/api/donation-drives', sampleDrive(t, 'B', fundOfD));
    expect(wrongFund.statusCode).toBe(400);
    expect(wrongFund.json().error.details.issues[0].field).toBe('body.fundId');
    const dates = await root.post('/api/donation-drives', sampleDrive(t, 'D', fundOfD, { startsOn: '2026-09-09', endsOn: '2026-09-01' }));
    expect(dates.json().error.details.issues.map((i: { field: string }) => i.field)).toContain('body.endsOn');
    const fundOfC = await openTestFund(t, 'C');
    expect((await atB.post('/api/donation-drives', sampleDrive(t, 'C', fundOfC))).statusCode).toBe(404);
    // The org in scope, its fund not: the fund is not found.
    expect((await atB.post('/api/donation-drives', sampleDrive(t, 'D', fundOfC))).statusCode).toBe(404);
    const denied = await reader.post('/api/donation-drives', sampleDrive(t, 'D', fundOfD));
    expect(denied.statusCode).toBe(403);
    expect((await lastAudit('authz.deny')).details).toMatchObject({ permission: 'fund.post' });
    expect((await outsider.get('/api/donation-drives')).statusCode).toBe(403);
  });

  it('closes a drive (audited), refuses donations to it (409), and opens it again', async () => {
    const { driveId } = await makeDrive(t, 'E');
    const closed = await atB.patch(`/api/donation-drives/${driveId}`, { status: 'closed' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().status).toBe('closed');
    expect(await lastAudit('donation_drive.close')).toMatchObject({ objectId: driveId, orgId: t.orgs.E.id });
    const refused = await atB.post(`/api/donation-drives/${driveId}/donations`, sampleDonation());
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details.reason).toBe('drive_closed');
    expect((await atB.patch(`/api/donation-drives/${driveId}`, { status: 'open', goalFen: 500_000 })).json()).toMatchObject({ status: 'open', goalFen: 500_000 });
    expect((await atB.patch(`/api/donation-drives/${driveId}`, { endsOn: '2025-12-31' })).json().error.details.issues[0].field).toBe('body.endsOn');
    const { driveId: ofC } = await makeDrive(t, 'C');
    expect((await atB.patch(`/api/donation-drives/${ofC}`, { status: 'closed' })).statusCode).toBe(404);
    expect((await atB.get(`/api/donation-drives/${ofC}`)).statusCode).toBe(404);
    expect((await reader.patch(`/api/donation-drives/${driveId}`, { status: 'closed' })).statusCode).toBe(403);
  });
});

describe('donations', () => {
  it('records a gift: the next receipt number, the fund’s balance and donations account move, audited', async () => {
    const { driveId, fundId } = await makeDrive(t, 'D');
    const res = await atB.post(`/api/donation-drives/${driveId}/donations`, sampleDonation({ amountFen: 559_200 }));
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json();
    expect(d).toMatchObject({ donorKind: 'person', donorName: '张三', donorNameMasked: '张*', amountFen: 559_200, status: 'valid' });
    expect(d.receiptNo).toMatch(/^T-D-2026-\d{6}$/);
    const figures = await fundFigures(fundId);
    expect(figures.bySource.donations).toBe(559_200);
    expect(figures.balanceFen).toBe(559_200);
    const [entry] = await t.database.db.select().from(journalEntries).where(and(eq(journalEntries.sourceModule, 'donations'), eq(journalEntries.sourceRef, `donation:${d.id}`)));
    expect(entry).toMatchObject({ kind: 'donation', orgId: t.orgs.D.id, occurredOn: '2026-03-01' });
    expect(await lastAudit('donation.record')).toMatchObject({ objectId: d.id, orgId: t.orgs.D.id, details: expect.objectContaining({ receiptNo: d.receiptNo, amountFen: 559_200 }) });
    const drive = (await atB.get(`/api/donation-drives/${driveId}`)).json();
    expect(drive).toMatchObject({ raisedFen: 559_200, donationCount: 1, progressPercent: 5.5 });
    expect(await reconcileLedger(t.database.db)).toMatchObject({ differences: [], unbalancedEntries: [] });
  });

  it('keeps an anonymous donor’s name out, records platform matching apart, and refuses a gift still to come', async () => {
    const { driveId } = await makeDrive(t, 'D');
    const anon = await atB.post(`/api/donation-drives/${driveId}/donations`, sampleDonation({ donorKind: 'anonymous', donorName: '不留名', channel: 'wechat' }));
    expect(anon.json()).toMatchObject({ donorKind: 'anonymous', donorName: null });
    await atB.post(`/api/donation-drives/${driveId}/donations`, sampleDonation({ donorKind: 'platform_match', donorName: '腾讯公益', channel: 'charity_platform', amountFen: 10_000 }));
    expect((await atB.get(`/api/donation-drives/${driveId}`)).json()).toMatchObject({ raisedFen: 30_000, matchedFen: 10_000, donationCount: 2 });
    const noName = await atB.post(`/api/donation-drives/${driveId}/donations`, sampleDonation({ donorName: null }));
    expect(noName.json().error.details.issues[0].field).toBe('body.donorName');
    const future = await atB.post(`/api/donation-drives/${driveId}/donations`, sampleDonation({ receivedOn: '2026-03-03' }));
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details.issues[0].field).toBe('body.receivedOn');
  });

  it('answers 404 for a drive of another subtree and 403 without fund.post, writing nothing', async () => {
    const { driveId } = await makeDrive(t, 'G');
    const before = await snapshotTables(t.database.db);
    expect((await atB.post(`/api/donation-drives/${driveId}/donations`, sampleDonation())).statusCode).toBe(404);
    expect((await atB.post(`/api/donation-drives/${driveId}/donation-batches`, { channel: 'cash', receivedOn: '2026-03-01', rows: [{ donorName: '李四', amountFen: 100 }] })).statusCode).toBe(404);
    expect((await atB.get(`/api/donation-drives/${driveId}/donations`)).statusCode).toBe(404);
    expect((await reader.post(`/api/donation-drives/${driveId}/donations`, sampleDonation())).statusCode).toBe(403);
    const after = await snapshotTables(t.database.db);
    for (const table of ['donations', 'journal_entries', 'journal_postings', 'receipt_series', 'ledger_accounts']) expect(after[table], table).toEqual(before[table]);
  });

  it('lists a drive’s donations for staff with full names and as the thank-you list shows them', async () => {
    const { driveId } = await makeDrive(t, 'E');
    for (const donorName of ['欧阳娜娜', '王五']) await atB.post(`/api/donation-drives/${driveId}/donations`, sampleDonation({ donorName }));
    const list = await reader.get(`/api/donation-drives/${driveId}/donations?q=${encodeURIComponent('欧阳')}`);
    expect(list.statusCode).toBe(200);
    expect(list.headers['cache-control']).toBe('no-store');
    expect(list.json()).toMatchObject({ total: 1, items: [{ donorName: '欧阳娜娜', donorNameMasked: '欧阳**' }] });
    expect((await reader.get(`/api/donation-drives/${driveId}/donations`)).json().total).toBe(2);
  });
});

describe('collective batches', () => {
  const rows = [
    { donorName: '张三', donorUnit: '财务科', amountFen: 20_000 },
    { donorName: '李四', donorUnit: '财务科', amountFen: 10_050 },
    { donorName: '司马光', amountFen: 5_000 },
  ];

  it('enters a ceremony’s rows in one go, each with its own consecutive receipt and entry, audited once', async () => {
    const { driveId, fundId } = await makeDrive(t, 'F');
    const res = await root.post(`/api/donation-drives/${driveId}/donation-batches`, { channel: 'cash', receivedOn: '2026-03-02', rows });
    expect(res.statusCode, res.body).toBe(201);
    const b = res.json();
    expect(b).toMatchObject({ count: 3, totalFen: 35_050 });
    const seqs = (await t.database.db.select().from(donations).where(eq(donations.entryBatchId, b.entryBatchId))).map((d) => d.receiptSeq).sort((x, y) => x - y);
    expect(seqs).toEqual([seqs[0], seqs[0] + 1, seqs[0] + 2]);
    expect(b.firstReceiptNo).toMatch(/^T-F-2026-\d{6}$/);
    expect((await fundFigures(fundId)).bySource.donations).toBe(35_050);
    expect(await lastAudit('donation.batch')).toMatchObject({ objectId: b.entryBatchId, orgId: t.orgs.F.id, details: expect.objectContaining({ count: 3, totalFen: 35_050 }) });
  });

  it('writes nothing when one row is bad, naming the row and the field', async () => {
    const { driveId } = await makeDrive(t, 'F');
    const before = await snapshotTables(t.database.db);
    const [donationsBefore, entriesBefore] = [await donationCount(), await entryCount()];
    const bad = [rows[0], { ...rows[1], amountFen: 0 }, { ...rows[2], donorName: '' }];
    const res = await root.post(`/api/donation-drives/${driveId}/donation-batches`, { channel: 'cash', receivedOn: '2026-03-02', rows: bad });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.issues.map((i: { field: string }) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['body.rows.1.amountFen', 'body.rows.2.donorName']));
    expect([await donationCount(), await entryCount()]).toEqual([donationsBefore, entriesBefore]);
    const after = await snapshotTables(t.database.db);
    for (const table of ['donations', 'journal_entries', 'journal_postings', 'receipt_series', 'ledger_accounts']) expect(after[table], table).toEqual(before[table]);
  });

  it('rolls the whole batch back when its transaction fails, giving its receipt numbers back', async () => {
    const { driveId } = await makeDrive(t, 'G');
    const first = (await root.post(`/api/donation-drives/${driveId}/donations`, sampleDonation())).json();
    // Fail the batch after its numbers were taken and its entries posted: a check added for the test
    // refuses the last row's insert, so the transaction rolls back.
    await t.database.db.execute(sql`alter table donations add constraint donations_test_refuse check (donor_name is distinct from '拒绝我')`);
    try {
      const res = await root.post(`/api/donation-drives/${driveId}/donation-batches`, { channel: 'cash', receivedOn: '2026-03-02', rows: [...rows, { donorName: '拒绝我', amountFen: 100 }] });
      expect(res.statusCode).toBe(500);
    } finally {
      await t.database.db.execute(sql`alter table donations drop constraint donations_test_refuse`);
    }
    expect((await t.database.db.select().from(donations).where(eq(donations.driveId, driveId))).length).toBe(1);
    const next = (await root.post(`/api/donation-drives/${driveId}/donations`, sampleDonation())).json();
    expect(next.receiptSeq).toBe(first.receiptSeq + 1);
  });
});

describe('receipt numbers', () => {
  it('numbers the receipts of one org 1..N without gaps or repeats under 20 concurrent entries', async () => {
    // E2: an org of its own, so its series starts here.
    const e2 = await insertOrg(t.database.db, t.orgs.E, { code: 'JZ', name: '并发测试工会', nameEn: 'Race union', type: 'grassroots_union' });
    await t.createUser('fin-e2', 'B', ['finance_officer']);
    const { fund } = await t.database.db.transaction((tx) => openFund(tx, ledgerCtx(t), { orgId: e2.id, name: '并发测试基金' }));
    const drive = (await root.post('/api/donation-drives', { orgId: e2.id, fundId: fund.id, name: '并发测试募捐', goalFen: 100_000, startsOn: '2026-01-01', endsOn: '2026-12-31' })).json();
    const sessions = [root, await t.signIn('fin-e2'), atB];
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i % 5 === 4
          ? sessions[i % 3].post(`/api/donation-drives/${drive.id}/donation-batches`, { channel: 'cash', receivedOn: '2026-03-02', rows: [{ donorName: `甲${i}`, amountFen: 100 }, { donorName: `乙${i}`, amountFen: 100 }] })
          : sessions[i % 3].post(`/api/donation-drives/${drive.id}/donations`, sampleDonation({ donorName: `丙${i}`, amountFen: 100 + i })),
      ),
    );
    for (const r of results) expect(r.statusCode, r.body).toBe(201);
    const rowsOfOrg = await t.database.db.select().from(donations).where(eq(donations.orgId, e2.id));
    const seqs = rowsOfOrg.map((d) => d.receiptSeq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    expect(new Set(rowsOfOrg.map((d) => d.receiptNo)).size).toBe(24);
    expect(rowsOfOrg.map((d) => d.receiptNo)).toContain('JZ-2026-000024');
    expect((await t.database.db.select().from(receiptSeries).where(eq(receiptSeries.orgId, e2.id)))[0]).toMatchObject({ prefix: 'JZ', lastSeq: 24 });
  });
});

describe('refunds', () => {
  it('reverses the gift’s entry (pointing at it), marks it refunded with its receipt kept, audited; a second refund is 409', async () => {
    const { driveId, fundId } = await makeDrive(t, 'D');
    const d = (await atB.post(`/api/donation-drives/${driveId}/donations`, sampleDonation({ amountFen: 30_000 }))).json();
    const res = await atB.post(`/api/donations/${d.id}/refund`, { reason: '捐款人误操作，申请退回' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'refunded', refundReason: '捐款人误操作，申请退回', receiptNo: d.receiptNo });
    expect((await fundFigures(fundId)).balanceFen).toBe(0);
    expect((await fundFigures(fundId)).bySource.donations + 0).toBe(0); // + 0: a credit of nothing reads -0
    const [row] = await t.database.db.select().from(donations).where(eq(donations.id, d.id));
    const [original] = await t.database.db.select().from(journalEntries).where(eq(journalEntries.sourceRef, `donation:${d.id}`));
    const [reversal] = await t.database.db.select().from(journalEntries).where(eq(journalEntries.id, row.refundEntryId!));
    expect(reversal).toMatchObject({ kind: 'reversal', reversesId: original.id });
    expect(await lastAudit('donation.refund')).toMatchObject({ objectId: d.id, orgId: t.orgs.D.id, details: expect.objectContaining({ reversalEntryId: reversal.id }) });
    const again = await atB.post(`/api/donations/${d.id}/refund`, { reason: '再退一次' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.reason).toBe('already_refunded');
    const receipt = (await reader.get(`/api/donations/${d.id}/receipt`)).json();
    expect(receipt).toMatchObject({ status: 'refunded', receiptNo: d.receiptNo });
    expect((await atB.get(`/api/donation-drives/${driveId}`)).json()).toMatchObject({ raisedFen: 0, donationCount: 0 });
    expect(await reconcileLedger(t.database.db)).toMatchObject({ differences: [], unbalancedEntries: [] });
  });

  it('refuses a refund the fund can no longer pay (409), outside the subtree (404) and without fund.post (403)', async () => {
    const { driveId, fundId } = await makeDrive(t, 'E');
    const d = (await atB.post(`/api/donation-drives/${driveId}/donations`, sampleDonation({ amountFen: 10_000 }))).json();
    const accounts = await fundAccounts(t.database.db, fundId);
    await t.database.db.transaction((tx) =>
      postJournalEntry(tx, ledgerCtx(t), { orgId: t.orgs.E.id, kind: 'payment', memo: '已发放', occurredOn: '2026-03-02', postings: [{ accountId: accounts.paid_out, amountFen: 8_000 }, { accountId: accounts.fund_balance, amountFen: -8_000 }] }),
    );
    const spent = await atB.post(`/api/donations/${d.id}/refund`, { reason: '申请退回' });
    expect(spent.statusCode).toBe(409);
    expect(spent.json().error.details.reason).toBe('insufficient_funds');
    const { driveId: ofC } = await makeDrive(t, 'C');
    const ofCDonation = (await root.post(`/api/donation-drives/${ofC}/donations`, sampleDonation())).json();
    expect((await atB.post(`/api/donations/${ofCDonation.id}/refund`, { reason: '申请退回' })).statusCode).toBe(404);
    expect((await atB.get(`/api/donations/${ofCDonation.id}/receipt`)).statusCode).toBe(404);
    expect((await reader.post(`/api/donations/${d.id}/refund`, { reason: '申请退回' })).statusCode).toBe(403);
    expect((await outsider.get(`/api/donations/${d.id}/receipt`)).statusCode).toBe(403);
  });
});

describe('the receipt', () => {
  it('gives what the printable receipt shows: issuer, number, donor, amount in figures and in capitals, purpose', async () => {
    const { driveId } = await makeDrive(t, 'B');
    const d = (await atB.post(`/api/donation-drives/${driveId}/donations`, sampleDonation({ amountFen: 559_200, donorKind: 'enterprise', donorName: '焦作市某机械厂' }))).json();
    const res = await reader.get(`/api/donations/${d.id}/receipt`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toMatchObject({ issuer: '组织B', receiptNo: d.receiptNo, donorName: '焦作市某机械厂', amountFen: 559_200, amountInWords: '伍仟伍佰玖拾贰元整', purpose: '困难职工帮扶', receivedOn: '2026-03-01', status: 'valid' });
  });
});

describe('the public page', () => {
  it('shows a drive’s progress and its thank-you list without signing in: names masked, anonymous unnamed, hidden and refunded gifts left out', async () => {
    const { driveId } = await makeDrive(t, 'E', { goalFen: 100_000 });
    const gifts = [
      sampleDonation({ donorName: '张三', amountFen: 10_000 }),
      sampleDonation({ donorName: '欧阳娜娜', amountFen: 20_000 }),
      sampleDonation({ donorKind: 'anonymous', donorName: null, amountFen: 5_000 }),
      sampleDonation({ donorKind: 'enterprise', donorName: '焦煤集团', amountFen: 50_000 }),
      sampleDonation({ donorName: '不愿公开', amountFen: 1_000, showOnThanks: false }),
      sampleDonation({ donorName: '退款人', amountFen: 3_000 }),
    ];
    const ids: string[] = [];
    for (const g of gifts) ids.push((await atB.post(`/api/donation-drives/${driveId}/donations`, g)).json().id);
    await atB.post(`/api/donations/${ids[5]}/refund`, { reason: '重复捐款' });

    const page = await t.app.inject({ method: 'GET', url: `/api/public/donation-drives/${driveId}` });
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ raisedFen: 86_000, donationCount: 5, goalFen: 100_000, progressPercent: 86, orgName: '组织E' });
    expect(page.json().orgId).toBeUndefined();
    const thanks = await t.app.inject({ method: 'GET', url: `/api/public/donation-drives/${driveId}/thanks` });
    expect(thanks.statusCode).toBe(200);
    const names = thanks.json().items.map((l: { donorName: string | null }) => l.donorName);
    expect(names.sort()).toEqual(['张*', '欧阳**', '焦煤集团', null].sort());
    expect(thanks.body).not.toContain('张三');
    expect(thanks.body).not.toContain('不愿');
    expect(thanks.body).not.toContain('退款');
    expect(thanks.json().total).toBe(4);
    expect((await t.app.inject({ method: 'GET', url: `/api/public/donation-drives/00000000-0000-4000-8000-000000000000` })).statusCode).toBe(404);
  });
});
