import { asc, eq, inArray, sql } from 'drizzle-orm';
import { ConsultationStatsQuery, type ConsultationStatsDto, type ConsultationStatsRow } from '../../../../contracts/consultations.js';
import type { DbOrTx } from '../../../db/client.js';
import { consultations, orgs } from '../../../db/schema/index.js';
import { authorize, likePrefix } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { addDays, chinaDate } from '../../../platform/dates.js';
import { getOrgInScope } from '../../orgs/orgs.queries.js';

/** Without a period: the last 90 days up to today (China time). */
const DEFAULT_DAYS = 90;

type Figures = ConsultationStatsDto['totals'];
const NONE: Figures = { asked: 0, answered: 0, medianHours: null, p90Hours: null, open: 0, oldestOpenHours: null };

interface Root {
  key: string;
  path: string;
  /** Only the org's own questions, not its children's. */
  direct: boolean;
}

const c = consultations;
/** Hours from asked to answered (answered questions, closed ones included). */
const responseHours = sql`extract(epoch from (${c.answeredAt} - ${c.createdAt}))::float8 / 3600`;
const hours1 = (expr: ReturnType<typeof sql>) => sql<number | null>`round((${expr})::numeric, 1)::float8`;

/**
 * The figures of the questions asked in [from, to] under each root, in one grouped statement: asked,
 * answered, the median and 90th percentile of hours from asked to answered, those still open and how
 * long the oldest of them has waited (to `now`).
 */
async function figuresByRoot(db: DbOrTx, under: string, roots: Root[], period: { fromTs: Date; toTs: Date }, now: Date): Promise<Map<string, Figures>> {
  const values = sql.join(
    roots.map((r) => sql`(${r.key}::text, ${r.path}::text, ${r.direct}::boolean)`),
    sql`, `,
  );
  const answered = sql`${c.answeredAt} is not null`;
  const rows = await db
    .select({
      key: sql<string>`r.key`,
      asked: sql<number>`count(*)::int`,
      answered: sql<number>`(count(*) filter (where ${answered}))::int`,
      medianHours: hours1(sql`percentile_cont(0.5) within group (order by ${responseHours}) filter (where ${answered})`),
      p90Hours: hours1(sql`percentile_cont(0.9) within group (order by ${responseHours}) filter (where ${answered})`),
      open: sql<number>`(count(*) filter (where ${c.status} = 'open'))::int`,
      oldestOpenHours: hours1(sql`max(extract(epoch from (${now.toISOString()}::timestamptz - ${c.createdAt}))::float8 / 3600) filter (where ${c.status} = 'open')`),
    })
    .from(c)
    .innerJoin(orgs, eq(orgs.id, c.orgId))
    .innerJoin(sql`(values ${values}) as r(key, path, direct)`, sql`case when r.direct then ${orgs.path} = r.path else ${orgs.path} like r.path || '%' end`)
    .where(sql`${orgs.path} like ${likePrefix(under)} and ${c.createdAt} >= ${period.fromTs.toISOString()}::timestamptz and ${c.createdAt} < ${period.toTs.toISOString()}::timestamptz`)
    .groupBy(sql`r.key`);
  return new Map(rows.map(({ key, ...f }) => [key, { ...f, medianHours: f.medianHours === null ? null : Number(f.medianHours), p90Hours: f.p90Hours === null ? null : Number(f.p90Hours), oldestOpenHours: f.oldestOpenHours === null ? null : Number(f.oldestOpenHours) }]));
}

/**
 * `GET /api/consultations/stats?from&to&orgId`: response times per org of the subtree, drilled down
 * like the campaign dashboard: the rows are the org's children (each counting its whole subtree) and
 * the org itself (its own questions), with the totals of the whole subtree.
 */
export async function consultationStats({ ctx, query }: { ctx: Ctx; query: unknown }): Promise<ConsultationStatsDto> {
  const actor = await authorize(ctx, 'consultation.answer');
  const q = ConsultationStatsQuery.parse(query);
  const db = ctx.db;
  const now = ctx.clock.now();
  const to = q.to ?? chinaDate(now);
  const from = q.from ?? addDays(to, -(DEFAULT_DAYS - 1));
  const period = { fromTs: new Date(`${from}T00:00:00+08:00`), toTs: new Date(`${addDays(to, 1)}T00:00:00+08:00`) };
  const org = q.orgId ? await getOrgInScope(db, actor, q.orgId) : (await db.select().from(orgs).where(eq(orgs.id, actor.orgId)))[0];

  const children = await db
    .select({ id: orgs.id, name: orgs.name, path: orgs.path, hasChildren: sql<boolean>`exists (select 1 from ${orgs} x where x.parent_id = "orgs"."id")` })
    .from(orgs)
    .where(eq(orgs.parentId, org.id))
    .orderBy(asc(orgs.seq));
  const roots: Root[] = [...children.map((ch) => ({ key: ch.id, path: ch.path, direct: false })), { key: 'own', path: org.path, direct: true }, { key: 'total', path: org.path, direct: false }];
  const figures = await figuresByRoot(db, org.path, roots, period, now);

  const row = (orgId: string, orgName: string, direct: boolean, hasChildren: boolean, key: string): ConsultationStatsRow => ({ orgId, orgName, direct, hasChildren, ...(figures.get(key) ?? NONE) });
  return {
    from,
    to,
    org: { id: org.id, name: org.name, atTop: org.id === actor.orgId },
    trail: await orgTrail(db, actor.orgPath, org.path),
    rows: [...children.map((ch) => row(ch.id, ch.name, false, ch.hasChildren, ch.id)), row(org.id, org.name, children.length > 0, false, 'own')],
    totals: figures.get('total') ?? NONE,
  };
}

/** The orgs from the actor's down to the drilled-into org, for the breadcrumb. */
async function orgTrail(db: DbOrTx, topPath: string, orgPath: string) {
  const seqs = orgPath.split('/').filter(Boolean);
  const paths = seqs.map((_, i) => `/${seqs.slice(0, i + 1).join('/')}/`).filter((path) => path.startsWith(topPath));
  return db.select({ id: orgs.id, name: orgs.name }).from(orgs).where(inArray(orgs.path, paths)).orderBy(asc(orgs.depth));
}
