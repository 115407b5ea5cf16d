import { eq } from 'drizzle-orm';
import { campaignApplications, campaignGrants, households } from '../db/schema/index.js';
import { archivedHousehold } from './campaign-fixtures.js';
import { uniqueIdNumber } from './household-fixtures.js';
import type { Session, TestApp } from './test-app.js';

export interface ReachHouseholdSpec {
  orgName: string;
  /** The household's archive status (default archived), category and monthly income per head. */
  status?: 'archived' | 'lifted' | 'applied';
  category?: 'deep' | 'relative' | 'accident';
  incomePerHeadFen?: number;
  phone?: string | null;
  child: { name: string; stage: string | null; enrolmentYear: number | null };
}

/**
 * A household of the archive with one studying child (and a spouse who does not study), filed through
 * the API and then set to the status and income per head the test names — a setup shortcut; the filing
 * workflow and the income arithmetic are tested in the households module.
 */
export async function reachHousehold(t: TestApp, session: Session, spec: ReachHouseholdSpec) {
  const h = await archivedHousehold(t, session, spec.orgName, {
    category: spec.category ?? 'deep',
    phone: spec.phone === undefined ? '13803910001' : spec.phone,
    members: [
      { relation: 'spouse', name: '配偶', idNumber: uniqueIdNumber(1980), health: 'healthy', monthlyIncomeFen: 0 },
      { relation: 'child', name: spec.child.name, idNumber: uniqueIdNumber(2008), health: 'healthy', monthlyIncomeFen: 0, schoolStage: spec.child.stage as never, enrolmentYear: spec.child.enrolmentYear },
    ],
  });
  const status = spec.status ?? 'archived';
  await t.database.db
    .update(households)
    .set({ status, archivedAt: status === 'applied' ? null : t.clock.now(), incomePerHeadMonthlyFen: spec.incomePerHeadFen ?? 100000 })
    .where(eq(households.id, h.id));
  const child = h.members.find((m) => m.name === spec.child.name)!;
  return { householdId: h.id, memberId: child.id, idHash: child.idHash, name: child.name };
}

/** A grant written straight to the table: the student was aided by that campaign (paid). */
export async function insertGrant(t: TestApp, g: { campaignId: string; recipientKey: string; orgName: string; householdId: string; name: string }) {
  await t.database.db.insert(campaignGrants).values({
    campaignId: g.campaignId,
    recipientKey: g.recipientKey,
    orgId: t.orgs[g.orgName].id,
    householdId: g.householdId,
    recipientName: g.name,
    amountFen: 500000,
    status: 'paid',
    readyAt: t.clock.now(),
    paidAt: t.clock.now(),
  });
}

/** A draft application for a worklist student, through the API; `endAs` then sets its end state directly. */
export async function applyFor(
  t: TestApp,
  session: Session,
  a: { campaignId: string; orgName: string; householdId: string; memberId: string; stage: string; endAs?: 'rejected' | 'withdrawn' },
) {
  const res = await session.post('/api/applications', {
    campaignId: a.campaignId,
    orgId: t.orgs[a.orgName].id,
    householdId: a.householdId,
    memberId: a.memberId,
    schoolName: '河南理工大学',
    schoolStage: a.stage,
    admissionYear: 2026,
  });
  if (res.statusCode !== 201) throw new Error(`application: ${res.body}`);
  const id = res.json().id as string;
  if (a.endAs) await t.database.db.update(campaignApplications).set({ status: a.endAs }).where(eq(campaignApplications.id, id));
  return id;
}
