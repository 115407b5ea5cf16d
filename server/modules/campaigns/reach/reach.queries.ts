import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { campaignContacts, campaignWorklist, households, notifications, orgs, users } from '../../../db/schema/index.js';
import { inActorSubtree, likePrefix } from '../../../platform/authz.js';
import type { Actor } from '../../../platform/context.js';

/** Told, by any method, with the family confirming it (a contact whose outcome is "reached"). */
export const reachedSql = sql`exists (select 1 from ${campaignContacts} cc where cc.campaign_id = ${campaignWorklist.campaignId}
  and cc.student_id_hash = ${campaignWorklist.studentIdHash} and cc.outcome = 'reached')`;
/** Holds the campaign's place: an application anywhere in the federation that is neither rejected nor withdrawn. */
export const appliedSql = sql`exists (select 1 from campaign_applications a where a.campaign_id = ${campaignWorklist.campaignId}
  and a.student_id_hash = ${campaignWorklist.studentIdHash} and a.status not in ('rejected', 'withdrawn'))`;
const lastContactSql = sql<{ method: string; outcome: string; contactedOn: string; recordedAt: string } | null>`(
  select json_build_object('method', cc.method, 'outcome', cc.outcome, 'contactedOn', cc.contacted_on::text, 'recordedAt', cc.recorded_at)
  from ${campaignContacts} cc where cc.campaign_id = ${campaignWorklist.campaignId} and cc.student_id_hash = ${campaignWorklist.studentIdHash}
  order by cc.contacted_on desc, cc.recorded_at desc limit 1)`;

export interface WorklistFilter {
  underOrgPath?: string;
  reached?: boolean;
  applied?: boolean;
  reason?: string;
}

export function worklistWhere(actor: Actor, campaignId: string, f: WorklistFilter): SQL {
  const conds: (SQL | undefined)[] = [eq(campaignWorklist.campaignId, campaignId), inActorSubtree(actor, campaignWorklist.orgId)];
  if (f.underOrgPath) conds.push(sql`${campaignWorklist.orgId} in (select ${orgs.id} from ${orgs} where ${orgs.path} like ${likePrefix(f.underOrgPath)})`);
  if (f.reached !== undefined) conds.push(f.reached ? reachedSql : sql`not ${reachedSql}`);
  if (f.applied !== undefined) conds.push(f.applied ? appliedSql : sql`not ${appliedSql}`);
  if (f.reason) conds.push(eq(campaignWorklist.reason, f.reason));
  return and(...conds)!;
}

const entryColumns = {
  entry: campaignWorklist,
  householdName: households.name,
  caseNo: households.caseNo,
  phoneMasked: households.phoneMasked,
  orgName: orgs.name,
  orgPath: orgs.path,
  reached: sql<boolean>`${reachedSql}`,
  applied: sql<boolean>`${appliedSql}`,
  lastContact: lastContactSql,
};
export type WorklistRow = { entry: typeof campaignWorklist.$inferSelect; householdName: string; caseNo: string; phoneMasked: string | null; orgName: string; orgPath: string; reached: boolean; applied: boolean; lastContact: { method: string; outcome: string; contactedOn: string; recordedAt: string } | null };

function selectEntries(db: DbOrTx, where: SQL) {
  return db
    .select(entryColumns)
    .from(campaignWorklist)
    .innerJoin(households, eq(households.id, campaignWorklist.householdId))
    .innerJoin(orgs, eq(orgs.id, campaignWorklist.orgId))
    .where(where)
    .orderBy(asc(orgs.path), asc(campaignWorklist.studentName), asc(campaignWorklist.studentIdHash));
}

export async function listWorklist(db: DbOrTx, actor: Actor, campaignId: string, f: WorklistFilter, page: { page: number; pageSize: number }) {
  const where = worklistWhere(actor, campaignId, f);
  const items: WorklistRow[] = await selectEntries(db, where)
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const [{ total }] = await db.select({ total: count() }).from(campaignWorklist).where(where);
  return { items, total };
}

/** Every entry of a filter, for an export (the caller caps it). */
export async function allWorklistEntries(db: DbOrTx, actor: Actor, campaignId: string, f: WorklistFilter, limit: number): Promise<WorklistRow[]> {
  return selectEntries(db, worklistWhere(actor, campaignId, f)).limit(limit);
}

/** A worklist entry whose household's org is in the actor's subtree, or null (not on the list, or outside). */
export async function getWorklistEntryInScope(db: DbOrTx, actor: Actor, campaignId: string, studentIdHash: string) {
  const [row] = await db
    .select({ entry: campaignWorklist, orgPath: orgs.path, phoneEnc: households.phoneEnc })
    .from(campaignWorklist)
    .innerJoin(orgs, eq(orgs.id, campaignWorklist.orgId))
    .innerJoin(households, eq(households.id, campaignWorklist.householdId))
    .where(and(eq(campaignWorklist.campaignId, campaignId), eq(campaignWorklist.studentIdHash, studentIdHash), inActorSubtree(actor, campaignWorklist.orgId)));
  return row ?? null;
}

/** The contacts with one student's family that the actor's subtree recorded, newest first. */
export async function listContacts(db: DbOrTx, actor: Actor, campaignId: string, studentIdHash: string) {
  return db
    .select({ contact: campaignContacts, recordedByName: users.displayName, notificationStatus: notifications.status })
    .from(campaignContacts)
    .leftJoin(users, eq(users.id, campaignContacts.recordedBy))
    .leftJoin(notifications, eq(notifications.id, campaignContacts.notificationId))
    .where(and(eq(campaignContacts.campaignId, campaignId), eq(campaignContacts.studentIdHash, studentIdHash), inActorSubtree(actor, campaignContacts.orgId)))
    .orderBy(desc(campaignContacts.contactedOn), desc(campaignContacts.recordedAt));
}

export interface CountRoot {
  key: string;
  path: string;
  /** Only the org's own households, not its children's. */
  direct: boolean;
}
export interface ReachCounts {
  eligible: number;
  reached: number;
  applied: number;
}

/**
 * The worklist counted under each root (a subtree, or an org's own households), within the actor's
 * subtree: eligible, reached and applied. One grouped statement over the campaign's worklist.
 */
export async function countReach(db: DbOrTx, actor: Actor, campaignId: string, roots: CountRoot[]): Promise<Map<string, ReachCounts>> {
  const out = new Map<string, ReachCounts>();
  if (roots.length === 0) return out;
  const values = sql.join(
    roots.map((r) => sql`(${r.key}::text, ${r.path}::text, ${r.direct}::boolean)`),
    sql`, `,
  );
  const rows = await db
    .select({
      key: sql<string>`r.key`,
      eligible: sql<number>`count(*)::int`,
      reached: sql<number>`(count(*) filter (where ${reachedSql}))::int`,
      applied: sql<number>`(count(*) filter (where ${appliedSql}))::int`,
    })
    .from(campaignWorklist)
    .innerJoin(orgs, eq(orgs.id, campaignWorklist.orgId))
    .innerJoin(sql`(values ${values}) as r(key, path, direct)`, sql`case when r.direct then ${orgs.path} = r.path else ${orgs.path} like r.path || '%' end`)
    .where(and(eq(campaignWorklist.campaignId, campaignId), sql`${orgs.path} like ${likePrefix(actor.orgPath)}`))
    .groupBy(sql`r.key`);
  for (const r of rows) out.set(r.key, { eligible: r.eligible, reached: r.reached, applied: r.applied });
  return out;
}
