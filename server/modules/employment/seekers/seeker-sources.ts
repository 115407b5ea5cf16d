import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Education } from '../../../../contracts/employment.js';
import type { SchoolStage } from '../../../../contracts/households.js';
import { STAGE_EDUCATION } from '../../../../contracts/seekers.js';
import type { DbOrTx } from '../../../db/client.js';
import { campaignApplications, campaigns, householdMembers, households, orgs } from '../../../db/schema/index.js';
import { inActorSubtree, pathInScope } from '../../../platform/authz.js';
import type { Actor, Ctx } from '../../../platform/context.js';
import { conflict, validation } from '../../../platform/errors.js';
import { decryptPii } from '../../../platform/pii-crypto.js';
import { AIDED_STATUSES } from '../../campaigns/follow-up/follow-up.queries.js';
import { householdVisible } from '../../households/households.queries.js';
import { seekersByIdHash } from './seekers.queries.js';

type EducationKey = (typeof Education.keys)[number];
type StageKey = (typeof SchoolStage.keys)[number];

/** A person taken from a record of the archive or of a campaign, as a seeker's registration fills it. */
export interface SourcePerson {
  name: string;
  idNumber: string;
  orgId: string;
  householdId: string | null;
  applicationId: string | null;
  education: EducationKey | null;
  major: string | null;
  graduationYear: number | null;
}

function schooling(stage: string | null, startYear: number | null) {
  const known = stage && Object.hasOwn(STAGE_EDUCATION, stage) ? STAGE_EDUCATION[stage as StageKey] : null;
  return { education: known?.education ?? null, graduationYear: known && startYear ? startYear + known.years : null };
}

/**
 * The worker of an archived household of the actor's subtree, or one of its members. A household out
 * of sight, not archived or of another member is refused naming the field (400; 409 for the state).
 */
export async function personFromHousehold(db: DbOrTx, ctx: Ctx, actor: Actor, householdId: string, memberId: string | undefined): Promise<SourcePerson> {
  const [h] = await db
    .select({ id: households.id, orgId: households.orgId, status: households.status, name: households.name, idEnc: households.idEnc })
    .from(households)
    .where(and(eq(households.id, householdId), inActorSubtree(actor, households.orgId), householdVisible()));
  if (!h) throw validation([{ field: 'body.householdId', message: 'no household of that id in your scope' }]);
  if (h.status !== 'archived') throw conflict('household_status', 'only a household in the archive (已建档) is taken', { field: 'householdId', status: h.status });
  const base = { orgId: h.orgId, householdId: h.id, applicationId: null };
  if (!memberId) return { ...base, name: h.name, idNumber: decryptPii(ctx.secrets, h.idEnc), education: null, major: null, graduationYear: null };
  const [m] = await db.select().from(householdMembers).where(and(eq(householdMembers.id, memberId), eq(householdMembers.householdId, h.id)));
  if (!m) throw validation([{ field: 'body.memberId', message: 'no member of that id in the household' }]);
  return { ...base, name: m.name, idNumber: decryptPii(ctx.secrets, m.idEnc), ...schooling(m.schoolStage, m.enrolmentYear), major: null };
}

/** The student of an aided (paid or followed-up) application of the actor's subtree. */
export async function personFromApplication(db: DbOrTx, ctx: Ctx, actor: Actor, applicationId: string): Promise<SourcePerson> {
  const [a] = await db
    .select()
    .from(campaignApplications)
    .where(and(eq(campaignApplications.id, applicationId), inActorSubtree(actor, campaignApplications.orgId)));
  if (!a) throw validation([{ field: 'body.applicationId', message: 'no application of that id in your scope' }]);
  if (!(AIDED_STATUSES as string[]).includes(a.status)) throw conflict('application_status', 'only a student the campaign aided (paid) is taken', { field: 'applicationId', status: a.status });
  return {
    name: a.studentName,
    idNumber: decryptPii(ctx.secrets, a.studentIdEnc),
    orgId: a.orgId,
    householdId: a.householdId,
    applicationId: a.id,
    ...schooling(a.schoolStage, a.admissionYear),
    major: a.major,
  };
}

const LIMIT = 20;
const prefix = (q: string) => q.replace(/[\\%_]/g, (c) => '\\' + c) + '%';

/** A seeker already registered for the person: its id when the actor sees it, else only that there is one. */
function registeredMark(found: { id: string; orgPath: string } | undefined, actor: Actor) {
  if (!found) return null;
  return { seekerId: pathInScope(actor, found.orgPath) ? found.id : null };
}

/**
 * The registration form's pickers: archived households of the actor's subtree with their worker and
 * members, or students aided in a campaign, by the start of a name or a case/application number.
 * ID numbers are masked; a person already registered as a seeker is marked.
 */
export async function listSeekerCandidates(db: DbOrTx, actor: Actor, kind: 'household' | 'application', q: string | undefined) {
  return kind === 'household' ? householdCandidates(db, actor, q) : applicationCandidates(db, actor, q);
}

async function householdCandidates(db: DbOrTx, actor: Actor, q: string | undefined) {
  const match = q ? or(sql`${households.name} like ${prefix(q)}`, eq(households.caseNo, q.toUpperCase())) : undefined;
  const rows = await db
    .select({ id: households.id, caseNo: households.caseNo, name: households.name, idMasked: households.idMasked, idHash: households.idHash, orgName: orgs.name })
    .from(households)
    .innerJoin(orgs, eq(orgs.id, households.orgId))
    .where(and(inActorSubtree(actor, households.orgId), householdVisible(), eq(households.status, 'archived'), match))
    .orderBy(desc(households.archivedAt), desc(households.id))
    .limit(LIMIT);
  const members = rows.length
    ? await db
        .select()
        .from(householdMembers)
        .where(inArray(householdMembers.householdId, rows.map((r) => r.id)))
        .orderBy(asc(householdMembers.position))
    : [];
  const registered = await seekersByIdHash(db, [...rows.map((r) => r.idHash), ...members.map((m) => m.idHash)]);
  return rows.map((h) => ({
    householdId: h.id,
    caseNo: h.caseNo,
    orgName: h.orgName,
    people: [
      { memberId: null, name: h.name, relation: 'worker', idMasked: h.idMasked, schoolStage: null, registered: registeredMark(registered.get(h.idHash), actor) },
      ...members
        .filter((m) => m.householdId === h.id)
        .map((m) => ({ memberId: m.id, name: m.name, relation: m.relation, idMasked: m.idMasked, schoolStage: m.schoolStage, registered: registeredMark(registered.get(m.idHash), actor) })),
    ],
  }));
}

async function applicationCandidates(db: DbOrTx, actor: Actor, q: string | undefined) {
  const match = q ? or(sql`${campaignApplications.studentName} like ${prefix(q)}`, eq(campaignApplications.applicationNo, q.toUpperCase())) : undefined;
  const rows = await db
    .select({ a: campaignApplications, campaignName: campaigns.name, campaignYear: campaigns.year, orgName: orgs.name })
    .from(campaignApplications)
    .innerJoin(campaigns, eq(campaigns.id, campaignApplications.campaignId))
    .innerJoin(orgs, eq(orgs.id, campaignApplications.orgId))
    .where(and(inActorSubtree(actor, campaignApplications.orgId), inArray(campaignApplications.status, AIDED_STATUSES), match))
    .orderBy(desc(campaigns.year), desc(campaignApplications.createdAt))
    .limit(LIMIT);
  const registered = await seekersByIdHash(db, rows.map((r) => r.a.studentIdHash));
  return rows.map(({ a, campaignName, campaignYear, orgName }) => ({
    applicationId: a.id,
    applicationNo: a.applicationNo,
    studentName: a.studentName,
    idMasked: a.studentIdMasked,
    schoolName: a.schoolName,
    schoolStage: a.schoolStage,
    admissionYear: a.admissionYear,
    major: a.major,
    campaignName,
    campaignYear,
    orgName,
    registered: registeredMark(registered.get(a.studentIdHash), actor),
  }));
}
