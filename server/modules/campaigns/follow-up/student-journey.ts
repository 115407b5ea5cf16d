import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { aidPrograms, campaignApplications, campaignGrants, campaigns, householdAid, households, orgs } from '../../../db/schema/index.js';
import { authorize, inActorSubtree } from '../../../platform/authz.js';
import type { Actor, Ctx } from '../../../platform/context.js';
import { placementOfPerson } from '../../employment/seekers/seekers.queries.js';
import { householdVisible } from '../../households/households.queries.js';
import { getApplicationInScope } from '../applications/applications.queries.js';
import { campaignVisible } from '../campaigns.queries.js';
import { AIDED_STATUSES, listFollowUps, presentFollowUp } from './follow-up.queries.js';

/**
 * The chain of aid one student received (链条式服务), from one of their applications: enrolment aid
 * (入学救助: applications of the year they entered school) → in-school support (在校扶助: later
 * applications, follow-ups while studying or on an internship) → employment aid (就业援助: follow-ups
 * after leaving school, where they work), with the filed household's aid ledger (帮扶台账). Only what
 * the actor's subtree holds: the student's applications there, and the ledger of a household there.
 */
export async function studentJourney({ ctx, applicationId }: { ctx: Ctx; applicationId: string }) {
  const actor = await authorize(ctx, 'application.read');
  const db = ctx.db;
  const from = await getApplicationInScope(db, actor, applicationId);
  const apps = await db
    .select({
      application: campaignApplications,
      campaignName: campaigns.name,
      campaignYear: campaigns.year,
      programName: aidPrograms.name,
      orgName: orgs.name,
    })
    .from(campaignApplications)
    .innerJoin(campaigns, eq(campaigns.id, campaignApplications.campaignId))
    .innerJoin(aidPrograms, eq(aidPrograms.id, campaigns.programId))
    .innerJoin(orgs, eq(orgs.id, campaignApplications.orgId))
    .where(and(eq(campaignApplications.studentIdHash, from.studentIdHash), inActorSubtree(actor, campaignApplications.orgId), campaignVisible(actor)))
    .orderBy(asc(campaigns.year), asc(campaignApplications.createdAt));
  const ids = apps.map((a) => a.application.id);
  const [grants, followUps] = await Promise.all([
    ids.length ? db.select().from(campaignGrants).where(inArray(campaignGrants.applicationId, ids)) : [],
    listFollowUps(db, ids),
  ]);
  const grantOf = new Map(grants.map((g) => [g.applicationId, g]));
  const summaries = apps.map(({ application: a, campaignName, campaignYear, programName, orgName }) => {
    const g = grantOf.get(a.id);
    return {
      id: a.id,
      applicationNo: a.applicationNo,
      campaignId: a.campaignId,
      campaignName,
      campaignYear,
      programName,
      orgName,
      status: a.status,
      aided: (AIDED_STATUSES as string[]).includes(a.status),
      schoolName: a.schoolName,
      schoolStage: a.schoolStage,
      admissionYear: a.admissionYear,
      major: a.major,
      amountFen: a.approvedAmountFen ?? a.amountFen,
      grant: g ? { amountFen: g.amountFen, inKindItems: g.inKindItems, status: g.status, paidOn: g.paidOn } : null,
    };
  });
  const presented = followUps.map(presentFollowUp);
  return {
    applicationId: from.id,
    student: { name: from.studentName, idNumberMasked: from.studentIdMasked },
    // Aid in the year the student entered school is enrolment aid; aid in a later year supports them in school.
    enrolment: { applications: summaries.filter((s) => s.admissionYear >= s.campaignYear) },
    inSchool: {
      applications: summaries.filter((s) => s.admissionYear < s.campaignYear),
      followUps: presented.filter((f) => f.status === 'studying' || f.status === 'internship'),
    },
    employment: {
      followUps: presented.filter((f) => f.status === 'employed' || f.status === 'left_school'),
      /** Where the employment service (就业服务) placed the student, if it did. */
      placement: await placementOfPerson(db, actor, from.studentIdHash),
    },
    ledger: await householdLedger(db, actor, [...new Set(apps.map((a) => a.application.householdId).filter((h): h is string => h !== null))]),
  };
}

/** The aid ledger of the student's filed households that lie in the actor's subtree (none for an unfiled student). */
async function householdLedger(db: DbOrTx, actor: Actor, householdIds: string[]) {
  if (householdIds.length === 0) return [];
  const visible = await db
    .select({ id: households.id, caseNo: households.caseNo, name: households.name, orgName: orgs.name })
    .from(households)
    .innerJoin(orgs, eq(orgs.id, households.orgId))
    .where(and(inArray(households.id, householdIds), inActorSubtree(actor, households.orgId), householdVisible()));
  if (visible.length === 0) return [];
  const entries = await db
    .select()
    .from(householdAid)
    .where(inArray(householdAid.householdId, visible.map((h) => h.id)))
    .orderBy(asc(householdAid.aidedOn), asc(householdAid.recordedAt));
  return visible.map((h) => ({
    householdId: h.id,
    caseNo: h.caseNo,
    name: h.name,
    orgName: h.orgName,
    entries: entries
      .filter((e) => e.householdId === h.id)
      .map((e) => ({ id: e.id, program: e.program, aidType: e.aidType, amountFen: e.amountFen, item: e.item, aidedOn: e.aidedOn, note: e.note, sourceModule: e.sourceModule })),
  }));
}
export type StudentJourney = Awaited<ReturnType<typeof studentJourney>>;
