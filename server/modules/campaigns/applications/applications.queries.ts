import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { ApplicationStatus } from '../../../../contracts/campaigns.js';
import type { DbOrTx } from '../../../db/client.js';
import { applicationAttachments, applicationEvents, applicationObjections, campaignApplications, campaignGrants, aidFollowUps, orgs } from '../../../db/schema/index.js';
import { inActorSubtree } from '../../../platform/authz.js';
import type { Actor } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';

export type ApplicationRow = typeof campaignApplications.$inferSelect;
export type ApplicationWithOrg = ApplicationRow & { status: ApplicationStatus; orgName: string; orgPath: string };

const withOrg = { application: campaignApplications, orgName: orgs.name, orgPath: orgs.path };

/** An application whose org lies in the actor's subtree, or NOT_FOUND exactly as if it did not exist. */
export async function getApplicationInScope(db: DbOrTx, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}): Promise<ApplicationWithOrg> {
  const q = db
    .select(withOrg)
    .from(campaignApplications)
    .innerJoin(orgs, eq(orgs.id, campaignApplications.orgId))
    .where(and(eq(campaignApplications.id, id), inActorSubtree(actor, campaignApplications.orgId)));
  const [row] = opts.forUpdate ? await q.for('update', { of: campaignApplications }) : await q;
  if (!row) throw notFound('application');
  return { ...row.application, status: row.application.status as ApplicationStatus, orgName: row.orgName, orgPath: row.orgPath };
}

export interface ApplicationFilter {
  campaignId?: string;
  status?: ApplicationStatus[];
  underOrgPath?: string;
  schoolStage?: string;
  filed?: boolean;
  q?: string;
}

export function applicationWhere(actor: Actor, f: ApplicationFilter): SQL {
  const conds: (SQL | undefined)[] = [inActorSubtree(actor, campaignApplications.orgId)];
  if (f.campaignId) conds.push(eq(campaignApplications.campaignId, f.campaignId));
  if (f.status?.length) conds.push(inArray(campaignApplications.status, f.status));
  if (f.underOrgPath) conds.push(sql`${campaignApplications.orgId} in (select ${orgs.id} from ${orgs} where ${orgs.path} like ${f.underOrgPath + '%'})`);
  if (f.schoolStage) conds.push(eq(campaignApplications.schoolStage, f.schoolStage));
  if (f.filed !== undefined) conds.push(eq(campaignApplications.filed, f.filed));
  if (f.q) {
    const escaped = f.q.replace(/[\\%_]/g, (c) => '\\' + c);
    conds.push(sql`(${campaignApplications.studentName} like ${escaped + '%'} or ${campaignApplications.applicantName} like ${escaped + '%'} or ${campaignApplications.applicationNo} = ${f.q.toUpperCase()})`);
  }
  return and(...conds)!;
}

const SORT = {
  createdAt: campaignApplications.createdAt,
  updatedAt: campaignApplications.updatedAt,
  applicationNo: campaignApplications.applicationNo,
  studentName: campaignApplications.studentName,
  amountFen: campaignApplications.amountFen,
  status: campaignApplications.status,
};
export type ApplicationSort = keyof typeof SORT;
export const APPLICATION_SORTS = Object.keys(SORT) as [ApplicationSort, ...ApplicationSort[]];

export async function listApplications(db: DbOrTx, actor: Actor, f: ApplicationFilter, p: { page: number; pageSize: number; sort: ApplicationSort; order: 'asc' | 'desc' }) {
  const where = applicationWhere(actor, f);
  const order = p.order === 'asc' ? asc(SORT[p.sort]) : desc(SORT[p.sort]);
  const rows = await db
    .select(withOrg)
    .from(campaignApplications)
    .innerJoin(orgs, eq(orgs.id, campaignApplications.orgId))
    .where(where)
    .orderBy(order, asc(campaignApplications.id))
    .limit(p.pageSize)
    .offset((p.page - 1) * p.pageSize);
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(campaignApplications).where(where);
  return { items: rows.map((r) => ({ ...r.application, status: r.application.status as ApplicationStatus, orgName: r.orgName, orgPath: r.orgPath })), total };
}

export async function loadApplicationParts(db: DbOrTx, id: string) {
  const [events, objections, attachments, grants, followUps] = await Promise.all([
    db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, id)).orderBy(asc(applicationEvents.id)),
    db.select().from(applicationObjections).where(eq(applicationObjections.applicationId, id)).orderBy(asc(applicationObjections.raisedAt)),
    db.select().from(applicationAttachments).where(and(eq(applicationAttachments.applicationId, id), isNull(applicationAttachments.deletedAt))).orderBy(asc(applicationAttachments.uploadedAt)),
    db.select().from(campaignGrants).where(eq(campaignGrants.applicationId, id)),
    db.select().from(aidFollowUps).where(eq(aidFollowUps.applicationId, id)).orderBy(asc(aidFollowUps.year)),
  ]);
  return { events, objections, attachments, grant: grants[0] ?? null, followUps };
}
export type ApplicationParts = Awaited<ReturnType<typeof loadApplicationParts>>;

export async function orgTypeOf(db: DbOrTx, orgId: string): Promise<string> {
  const [row] = await db.select({ type: orgs.type }).from(orgs).where(eq(orgs.id, orgId));
  return row?.type ?? '';
}

export async function nextApplicationNo(db: DbOrTx, year: number): Promise<string> {
  const result = (await db.execute(sql`select nextval('application_no_seq')::int as seq`)) as unknown as { rows: Array<{ seq: number }> };
  return `SQ${year}${String(result.rows[0].seq).padStart(6, '0')}`;
}
