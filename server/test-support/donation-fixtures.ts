import { openFund } from '../modules/funds/ledger/ledger-accounts.js';
import type { Ctx } from '../platform/context.js';
import type { Session, TestApp } from './test-app.js';

const rand = () => Math.random().toString(36).slice(2, 8);

/** A context without an actor, for opening funds directly (the ledger only keeps the books). */
export function ledgerCtx(t: TestApp): Ctx {
  return { db: t.database.db, clock: t.clock, secrets: t.secrets, actor: null, requestId: 'donation-fixture' };
}

/** Opens a fund of the org (by fixture name) with its accounts; returns its id. */
export async function openTestFund(t: TestApp, orgName: string, name = `捐款测试基金${rand()}`): Promise<string> {
  const { fund } = await t.database.db.transaction((tx) => openFund(tx, ledgerCtx(t), { orgId: t.orgs[orgName].id, name, purpose: '困难职工帮扶' }));
  return fund.id;
}

/** A finance officer at the root A (fund.read and fund.post everywhere), one per app. */
const financeSessions = new WeakMap<TestApp, Promise<Session>>();
export function financeAtRoot(t: TestApp): Promise<Session> {
  if (!financeSessions.has(t)) {
    const username = `donations-${rand()}`;
    financeSessions.set(t, t.createUser(username, 'A', ['finance_officer']).then(() => t.signIn(username)));
  }
  return financeSessions.get(t)!;
}

/** A valid drive body for the org and fund. */
export function sampleDrive(t: TestApp, orgName: string, fundId: string, extra: Record<string, unknown> = {}) {
  return { orgId: t.orgs[orgName].id, fundId, name: `99公益日${rand()}`, description: '职工互助，温暖同行', goalFen: 10_000_000, startsOn: '2026-01-01', endsOn: '2026-12-31', ...extra };
}

/** Opens a fund and a drive of the org feeding it, as the root finance officer; returns both ids. */
export async function makeDrive(t: TestApp, orgName: string, extra: Record<string, unknown> = {}): Promise<{ driveId: string; fundId: string }> {
  const fundId = await openTestFund(t, orgName);
  const res = await (await financeAtRoot(t)).post('/api/donation-drives', sampleDrive(t, orgName, fundId, extra));
  if (res.statusCode !== 201) throw new Error(`drive fixture: ${res.body}`);
  return { driveId: res.json().id, fundId };
}

export const sampleDonation = (extra: Record<string, unknown> = {}) => ({ donorKind: 'person', donorName: '张三', donorUnit: '机关办公室', channel: 'cash', amountFen: 20_000, receivedOn: '2026-03-01', ...extra });

/** A donation of 200 元 to a fresh drive of the org; returns its id. */
export async function makeDonation(t: TestApp, orgName: string): Promise<string> {
  const { driveId } = await makeDrive(t, orgName);
  const res = await (await financeAtRoot(t)).post(`/api/donation-drives/${driveId}/donations`, sampleDonation());
  if (res.statusCode !== 201) throw new Error(`donation fixture: ${res.body}`);
  return res.json().id;
}
