import { and, asc, eq, inArray, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { APPROVED_STATUSES, PAID_STATUSES } from '../../../../contracts/campaign-dashboard.js';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../../../../contracts/campaigns.js';
import { SchoolStage } from '../../../../contracts/households.js';
import type { DbOrTx } from '../../../db/client.js';
import { campaignApplications, campaignContacts, campaignOrgs, campaignWorklist, orgs } from '../../../db/schema/index.js';
import { likePrefix } from '../../../platform/authz.js';

/**
 * The dashboard's figures, each one grouped statement over the campaign's applications under an org
 * (`under`: a path already checked to lie in the viewer's subtree). They read the index
 * campaign_applications (campaign_id, org_id, status) for the org ids of the subtree.
 */

const a = campaignApplications;
/** A parenthesised list of bound values, for `x in (…)` inside a larger fragment. */
const inList = (values: readonly string[]) => sql`(${sql.join(values.map((v) => sql`${v}`), sql`, `)})`;
const APPROVED = inList(APPROVED_STATUSES);
const PAID = inList(PAID_STATUSES);
const LIVE = sql`${a.status} not in ('rejected', 'withdrawn')`;

/** Rows in the contracts' order (the workflow's statuses, the school stages youngest first), not the alphabet's. */
const inOrderOf = (keys: readonly string[], column: AnyColumn) => sql`array_position(array[${sql.join(keys.map((k) => sql`${k}`), sql`, `)}]::text[], ${column})`;

const int = (expr: SQL) => sql<number>`(${expr})::int`;
const fen = (expr: SQL) => sql<number>`coalesce(${expr}, 0)::bigint`;

function underOrg(path: string): SQL {
  return sql`${a.orgId} in (select ${orgs.id} from ${orgs} where ${orgs.path} like ${likePrefix(path)})`;
}

/** The columns every by-org figure has: students, approved, asked, approved and paid amounts. */
const figureColumns = {
  applications: int(sql`count(*)`),
  students: int(sql`count(*) filter (where ${LIVE})`),
  approved: int(sql`count(*) filter (where ${a.status} in ${APPROVED})`),
  askedFen: fen(sql`sum(${a.amountFen}) filter (where ${LIVE})`),
  approvedFen: fen(sql`sum(${a.approvedAmountFen}) filter (where ${a.status} in ${APPROVED})`),
  paid: int(sql`count(*) filter (where ${a.status} in ${PAID})`),
  paidFen: fen(sql`sum(${a.approvedAmountFen}) filter (where ${a.status} in ${PAID})`),
};
export type FigureRow = { applications: number; students: number; approved: number; askedFen: number; approvedFen: number; paid: number; paidFen: number };

/** bigint sums arrive as strings (pg) or bigints (PGlite): safe integers of fen from here on. */
const numbers = <T extends Record<string, unknown>>(row: T): T =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' || (typeof v === 'string' && /^-?\d+$/.test(v)) ? Number(v) : v])) as T;

export async function countByStatus(db: DbOrTx, campaignId: string, under: string) {
  const rows = await db
    .select({ status: a.status, count: int(sql`count(*)`), askedFen: fen(sql`sum(${a.amountFen})`), approvedFen: fen(sql`sum(${a.approvedAmountFen})`) })
    .from(a)
    .where(and(eq(a.campaignId, campaignId), underOrg(under)))
    .groupBy(a.status)
    .orderBy(inOrderOf(APPLICATION_STATUSES, a.status));
  return rows.map((r) => numbers({ ...r, status: r.status as ApplicationStatus }));
}

export async function countByStage(db: DbOrTx, campaignId: string, under: string) {
  const rows = await db
    .select({ stage: a.schoolStage, students: figureColumns.students, approved: figureColumns.approved, approvedFen: figureColumns.approvedFen })
    .from(a)
    .where(and(eq(a.campaignId, campaignId), underOrg(under)))
    .groupBy(a.schoolStage)
    .orderBy(inOrderOf(SchoolStage.keys, a.schoolStage));
  return rows.map(numbers);
}

/** In-kind items (行李箱 …) of the approved applications, summed by item. */
export async function countInKind(db: DbOrTx, campaignId: string, under: string) {
  const rows = await db
    .select({ item: sql<string>`i.value->>'item'`, quantity: int(sql`sum((i.value->>'quantity')::int)`) })
    .from(a)
    .innerJoin(sql`jsonb_array_elements(${a.inKindItems}) as i(value)`, sql`true`)
    .where(and(eq(a.campaignId, campaignId), underOrg(under), sql`${a.status} in ${APPROVED}`))
    .groupBy(sql`i.value->>'item'`)
    .orderBy(sql`i.value->>'item'`);
  return rows;
}

export interface CountRoot {
  key: string;
  path: string;
  /** Only the org's own applications, not its children's. */
  direct: boolean;
}

/** The figures under each root (a subtree, or an org's own applications), in one grouped statement. */
export async function countByRoots(db: DbOrTx, campaignId: string, under: string, roots: CountRoot[]): Promise<Map<string, FigureRow>> {
  const out = new Map<string, FigureRow>();
  if (roots.length === 0) return out;
  const values = sql.join(
    roots.map((r) => sql`(${r.key}::text, ${r.path}::text, ${r.direct}::boolean)`),
    sql`, `,
  );
  const rows = await db
    .select({ key: sql<string>`r.key`, ...figureColumns })
    .from(a)
    .innerJoin(orgs, eq(orgs.id, a.orgId))
    .innerJoin(sql`(values ${values}) as r(key, path, direct)`, sql`case when r.direct then ${orgs.path} = r.path else ${orgs.path} like r.path || '%' end`)
    .where(and(eq(a.campaignId, campaignId), sql`${orgs.path} like ${likePrefix(under)}`))
    .groupBy(sql`r.key`);
  for (const { key, ...figures } of rows) out.set(key, numbers(figures));
  return out;
}

/**
 * Every participant inside the subtree with its budget and what the city has approved in its subtree
 * (the same sum the city's approval checks the budget against).
 */
export async function participantBudgets(db: DbOrTx, campaignId: string, under: string) {
  const p = orgs;
  const rows = await db
    .select({
      orgId: campaignOrgs.orgId,
      orgName: p.name,
      orgPath: p.path,
      budgetFen: campaignOrgs.budgetFen,
      usedFen: fen(sql`(select sum(x.approved_amount_fen) from ${a} x join ${orgs} xo on xo.id = x.org_id
        where x.campaign_id = ${campaignOrgs.campaignId} and x.status in ${APPROVED} and xo.path like ${p.path} || '%')`),
    })
    .from(campaignOrgs)
    .innerJoin(p, eq(p.id, campaignOrgs.orgId))
    .where(and(eq(campaignOrgs.campaignId, campaignId), sql`${p.path} like ${likePrefix(under)}`))
    .orderBy(asc(p.depth), asc(p.seq));
  return rows.map(numbers);
}

/** Reach under the org: the worklist's students, those a contact reached, those with a live application. */
export async function countReach(db: DbOrTx, campaignId: string, under: string) {
  const w = campaignWorklist;
  const [row] = await db
    .select({
      eligible: int(sql`count(*)`),
      reached: int(sql`count(*) filter (where exists (select 1 from ${campaignContacts} cc where cc.campaign_id = ${w.campaignId} and cc.student_id_hash = ${w.studentIdHash} and cc.outcome = 'reached'))`),
      applied: int(sql`count(*) filter (where exists (select 1 from ${a} x where x.campaign_id = ${w.campaignId} and x.student_id_hash = ${w.studentIdHash} and x.status not in ('rejected', 'withdrawn')))`),
    })
    .from(w)
    .where(and(eq(w.campaignId, campaignId), sql`${w.orgId} in (select ${orgs.id} from ${orgs} where ${orgs.path} like ${likePrefix(under)})`));
  return row;
}

/** The org's children, each with whether it has children of its own (the outer table named in full: a one-table select leaves its columns unqualified). */
export async function childOrgs(db: DbOrTx, parentId: string) {
  return db
    .select({ id: orgs.id, name: orgs.name, path: orgs.path, hasChildren: sql<boolean>`exists (select 1 from ${orgs} c where c.parent_id = "orgs"."id")` })
    .from(orgs)
    .where(eq(orgs.parentId, parentId))
    .orderBy(asc(orgs.seq));
}

/** The orgs from `top` down to `org` (both included), for the breadcrumb: the ancestors' paths are prefixes of the org's. */
export async function orgTrail(db: DbOrTx, topPath: string, orgPath: string) {
  const seqs = orgPath.split('/').filter(Boolean);
  const paths = seqs.map((_, i) => `/${seqs.slice(0, i + 1).join('/')}/`).filter((path) => path.startsWith(topPath));
  return db.select({ id: orgs.id, name: orgs.name }).from(orgs).where(inArray(orgs.path, paths)).orderBy(asc(orgs.depth));
}
