import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import type { CreateHouseholdInput } from '../../contracts/households.js';
import { households } from '../db/schema/index.js';
import { protectIdNumber } from '../modules/households/household-pii.js';
import { sampleHousehold, uniqueIdNumber } from './household-fixtures.js';
import type { Session, TestApp } from './test-app.js';

interface Archivists {
  filer: Session;
  checker: Session;
  reviewer: Session;
}
const staff = new WeakMap<TestApp, { names: [string, string, string] }>();

/** Three people at the root A: one files, another checks and visits, a reviewer (an org above every household) notices and approves. */
async function archivists(t: TestApp): Promise<Archivists> {
  if (!staff.has(t)) {
    const suffix = Math.random().toString(36).slice(2, 8);
    const names: [string, string, string] = [`arch-filer-${suffix}`, `arch-checker-${suffix}`, `arch-reviewer-${suffix}`];
    await t.createUser(names[0], 'A', ['org_admin']);
    await t.createUser(names[1], 'A', ['org_admin']);
    await t.createUser(names[2], 'A', ['reviewer']);
    staff.set(t, { names });
  }
  const [filer, checker, reviewer] = await Promise.all(staff.get(t)!.names.map((n) => t.signIn(n)));
  return { filer, checker, reviewer };
}

async function ok(res: Promise<LightMyRequestResponse>, what: string, status = 200) {
  const r = await res;
  if (r.statusCode !== status) throw new Error(`${what}: ${r.statusCode} ${r.body}`);
  return r;
}

/**
 * Households filed and taken through the whole filing workflow by the API (check, home visit, a one-day
 * public notice, approval), so they are in the archive as any other. The clock moves on two days:
 * every session ends, so callers sign in again afterwards. Not for households of the root A.
 */
export async function fileArchivedHouseholds(t: TestApp, specs: Array<{ orgName: string; household?: Partial<CreateHouseholdInput> }>): Promise<string[]> {
  const { filer, checker, reviewer } = await archivists(t);
  const ids: string[] = [];
  for (const spec of specs) {
    if (spec.orgName === 'A') throw new Error('a household of A has no org above it to approve it');
    const res = await ok(filer.post('/api/households', sampleHousehold(t.orgs[spec.orgName].id, spec.household ?? {})), 'file', 201);
    ids.push(res.json().id);
  }
  for (const id of ids) {
    await ok(checker.post(`/api/households/${id}/check`, {}), 'check');
    await ok(checker.post(`/api/households/${id}/visit`, { visitDate: '2026-03-01', visitors: '张敏、刘强', findings: '情况属实', consentSigned: true }), 'visit');
    await ok(reviewer.post(`/api/households/${id}/start-notice`, { noticeDays: 1 }), 'start notice');
  }
  t.clock.advance(2 * 24 * 3600_000);
  const { reviewer: later } = await archivists(t);
  for (const id of ids) await ok(later.post(`/api/households/${id}/approve`, {}), 'approve');
  return ids;
}

export interface HouseholdRowSpec {
  orgId: string;
  status: string;
  category: string;
  incomePerHeadMonthlyFen: number;
  name?: string;
}

/**
 * Household rows written straight to the table (no members, no workflow history), for tests that need
 * many households in every status, category and income, quicker than the workflow allows. The ID is
 * protected as every write path protects it.
 */
export async function insertHouseholdRows(t: TestApp, specs: HouseholdRowSpec[]): Promise<string[]> {
  if (specs.length === 0) return [];
  const now = t.clock.now();
  const rows = specs.map((s, i) => {
    const id = protectIdNumber(t.secrets, uniqueIdNumber(1975));
    return {
      caseNo: `TR${now.getTime()}${String(i).padStart(5, '0')}${Math.random().toString(36).slice(2, 6)}`.toUpperCase(),
      orgId: s.orgId,
      status: s.status,
      category: s.category,
      mainCause: 'serious_illness',
      allCauses: ['serious_illness'],
      name: s.name ?? `职工${i}`,
      idEnc: id.enc,
      idHash: id.hash,
      idMasked: id.masked,
      sex: id.sex,
      birthDate: id.birthDate,
      employmentForm: 'worker',
      health: 'chronic',
      disabilityType: 'none',
      householdSize: 1,
      incomePerHeadMonthlyFen: s.incomePerHeadMonthlyFen,
      monthlyIncomeFen: s.incomePerHeadMonthlyFen,
      annualIncomeFen: s.incomePerHeadMonthlyFen * 12,
      archivedAt: s.status === 'archived' ? now : null,
      createdAt: now,
      updatedAt: now,
    };
  });
  const out: string[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const inserted = await t.database.db.insert(households).values(rows.slice(i, i + 500)).returning({ id: households.id });
    out.push(...inserted.map((r) => r.id));
  }
  return out;
}

/** Sets an org's region (GB/T 2260), which decides its households' income line. */
export async function setOrgRegion(t: TestApp, orgName: string, regionCode: string | null) {
  await t.database.db.execute(sql`update orgs set region_code = ${regionCode} where id = ${t.orgs[orgName].id}`);
}
