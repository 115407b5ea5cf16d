import { and, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { BACKGROUND_JOB_KINDS, type BackgroundJobKind } from '../../../contracts/background-jobs.js';
import type { DbOrTx } from '../../db/client.js';
import { backgroundJobs, orgs } from '../../db/schema/index.js';
import { inActorSubtree } from '../../platform/authz.js';
import type { Actor } from '../../platform/context.js';

/**
 * Who may see a job: whoever started it, and anyone holding the kind's permission whose subtree
 * holds the job's org.
 */
export function jobsVisibleTo(actor: Actor): SQL {
  const kinds = (Object.keys(BACKGROUND_JOB_KINDS) as BackgroundJobKind[]).filter((k) => actor.permissions.has(BACKGROUND_JOB_KINDS[k]));
  const byPermission = kinds.length ? and(inArray(backgroundJobs.kind, kinds), inActorSubtree(actor, backgroundJobs.orgId)) : undefined;
  return or(eq(backgroundJobs.createdBy, actor.userId), byPermission)!;
}

const listColumns = {
  id: backgroundJobs.id,
  kind: backgroundJobs.kind,
  state: backgroundJobs.state,
  orgId: backgroundJobs.orgId,
  orgName: orgs.name,
  createdBy: backgroundJobs.createdBy,
  progress: backgroundJobs.progress,
  error: backgroundJobs.error,
  createdAt: backgroundJobs.createdAt,
  startedAt: backgroundJobs.startedAt,
  finishedAt: backgroundJobs.finishedAt,
};
export type BackgroundJobListRow = NonNullable<Awaited<ReturnType<typeof getVisibleJob>>>;

export async function getVisibleJob(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await db
    .select(listColumns)
    .from(backgroundJobs)
    .innerJoin(orgs, eq(orgs.id, backgroundJobs.orgId))
    .where(and(eq(backgroundJobs.id, id), jobsVisibleTo(actor)));
  return row ?? null;
}

export async function listVisibleJobs(db: DbOrTx, actor: Actor, f: { state?: string[]; kind?: string; page: number; pageSize: number }) {
  const where = and(
    jobsVisibleTo(actor),
    f.state?.length ? inArray(backgroundJobs.state, f.state as never) : undefined,
    f.kind ? eq(backgroundJobs.kind, f.kind) : undefined,
  );
  const items = await db
    .select(listColumns)
    .from(backgroundJobs)
    .innerJoin(orgs, eq(orgs.id, backgroundJobs.orgId))
    .where(where)
    .orderBy(desc(backgroundJobs.createdAt), desc(backgroundJobs.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(backgroundJobs).where(where);
  return { items, total };
}
