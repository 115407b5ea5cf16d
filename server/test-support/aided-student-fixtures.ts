import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { campaignGrants, campaigns, users } from '../db/schema/index.js';
import { markGrantPaid } from '../modules/campaigns/applications/grants.js';
import { loadActiveActor } from '../modules/users/load-actor.js';
import { chinaDate } from '../platform/dates.js';
import { archivedHousehold } from './campaign-fixtures.js';
import type { Session, TestApp } from './test-app.js';

const DISTRICT_OF: Record<string, string> = { D: 'B', E: 'B', F: 'C', G: 'C' };

/** The people who take an application up the hierarchy: a caseworker at the union, reviewers at its district and the city, a finance officer who pays. */
const people = new WeakMap<TestApp, { suffix: string; made: Set<string> }>();
async function person(t: TestApp, role: 'maker' | 'district' | 'city' | 'payer', orgName: string): Promise<{ session: Session; userId: string }> {
  if (!people.has(t)) people.set(t, { suffix: Math.random().toString(36).slice(2, 8), made: new Set() });
  const p = people.get(t)!;
  const username = `aid-${role}-${orgName.toLowerCase()}-${p.suffix}`;
  const roles = role === 'maker' ? (['caseworker'] as const) : role === 'payer' ? (['finance_officer'] as const) : (['reviewer'] as const);
  if (!p.made.has(username)) {
    await t.createUser(username, orgName, [...roles]);
    p.made.add(username);
  }
  const [{ id: userId }] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return { session: await t.signIn(username), userId };
}

async function ok(res: Promise<LightMyRequestResponse>, what: string, status = 200) {
  const r = await res;
  if (r.statusCode !== status) throw new Error(`${what}: ${r.statusCode} ${r.body}`);
  return r;
}

const clears = Object.fromEntries(['household', 'aid_received', 'schooling', 'school_fees', 'wish'].map((k) => [k, { checked: true, note: '已核实' }]));

export interface AidedStudentSpec {
  orgName: 'D' | 'E' | 'F' | 'G';
  /** A filed household already made (and its member who studies); a new archived household when left out. */
  householdId?: string;
  memberId?: string;
  admissionYear?: number;
  schoolStage?: string;
}

export interface AidedStudent {
  applicationId: string;
  householdId: string;
  memberId: string;
  grantId: string;
}

/**
 * Students aided in a campaign the way the platform aids them: a filed application made, submitted,
 * verified and approved at the district and the city through the API, published and released after
 * the campaign's notice (the clock moves on past it, so every session ends: callers sign in again),
 * then paid through markGrantPaid, the interface the payment side calls. The campaign must be open,
 * its window must hold the clock's day and its participants must cover the specs' orgs.
 */
export async function aidStudents(t: TestApp, campaignId: string, specs: AidedStudentSpec[]): Promise<AidedStudent[]> {
  const [campaign] = await t.database.db.select({ noticeDays: campaigns.noticeDays, year: campaigns.year }).from(campaigns).where(eq(campaigns.id, campaignId));
  const out: Array<Omit<AidedStudent, 'grantId'>> = [];
  for (const spec of specs) {
    const { session: maker } = await person(t, 'maker', spec.orgName);
    let householdId = spec.householdId;
    let memberId = spec.memberId;
    if (!householdId) {
      const h = await archivedHousehold(t, maker, spec.orgName);
      householdId = h.id;
      memberId = h.members.find((m) => m.schoolStage === 'undergraduate')!.id;
    }
    const created = await ok(
      maker.post('/api/applications', {
        campaignId,
        orgId: t.orgs[spec.orgName].id,
        householdId,
        memberId,
        schoolName: '河南理工大学',
        schoolStage: spec.schoolStage ?? 'undergraduate',
        admissionYear: spec.admissionYear ?? campaign.year,
        tuitionFen: 520000,
        fiveClears: clears,
      }),
      'create application',
      201,
    );
    const id = created.json().id as string;
    await ok(maker.post(`/api/applications/${id}/submit`, {}), 'submit');
    const { session: district } = await person(t, 'district', DISTRICT_OF[spec.orgName]);
    await ok(district.post(`/api/applications/${id}/verify`, {}), 'verify');
    await ok(district.post(`/api/applications/${id}/approve-district`, {}), 'approve at the district');
    const { session: city } = await person(t, 'city', 'A');
    await ok(city.post(`/api/applications/${id}/approve-city`, {}), 'approve at the city');
    out.push({ applicationId: id, householdId: householdId!, memberId: memberId! });
  }
  const { session: city } = await person(t, 'city', 'A');
  await ok(city.post(`/api/campaigns/${campaignId}/notice`, { ids: out.map((s) => s.applicationId) }), 'notice');
  t.clock.advance((campaign.noticeDays + 1) * 24 * 3600_000);
  const { session: later } = await person(t, 'city', 'A');
  await ok(later.post(`/api/campaigns/${campaignId}/release-notice`), 'release');
  const { userId: payerId } = await person(t, 'payer', 'A');
  const payer = await loadActiveActor(t.database.db, payerId);
  const paidOn = chinaDate(t.clock.now());
  const aided: AidedStudent[] = [];
  for (const s of out) {
    const [grant] = await t.database.db.select({ id: campaignGrants.id }).from(campaignGrants).where(eq(campaignGrants.applicationId, s.applicationId));
    await t.database.db.transaction((tx) =>
      markGrantPaid(tx, { db: t.database.db, clock: t.clock, secrets: t.secrets, actor: payer, requestId: 'test:aid-students' }, { grantId: grant.id, paidOn, paymentRef: `PAY-${s.applicationId.slice(0, 8)}` }),
    );
    aided.push({ ...s, grantId: grant.id });
  }
  return aided;
}
