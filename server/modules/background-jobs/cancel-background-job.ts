import { and, eq } from 'drizzle-orm';
import { backgroundJobs } from '../../db/schema/index.js';
import { audit } from '../../platform/audit.js';
import { requireActor } from '../../platform/authz.js';
import type { Ctx } from '../../platform/context.js';
import { conflict, notFound } from '../../platform/errors.js';
import { getVisibleJob } from './background-jobs.queries.js';

/** Cancels a job still waiting in the queue; a running or finished job cannot be cancelled. */
export async function cancelBackgroundJob({ ctx, id }: { ctx: Ctx; id: string }) {
  const actor = requireActor(ctx);
  const cancelled = await ctx.db.transaction(async (tx) => {
    const visible = await getVisibleJob(tx, actor, id);
    if (!visible) throw notFound('job');
    const [job] = await tx.select().from(backgroundJobs).where(eq(backgroundJobs.id, id)).for('update');
    if (job.state !== 'queued') throw conflict('job_not_queued', 'only a queued job can be cancelled', { state: job.state });
    await tx
      .update(backgroundJobs)
      .set({ state: 'cancelled', finishedAt: ctx.clock.now() })
      .where(and(eq(backgroundJobs.id, id), eq(backgroundJobs.state, 'queued')));
    await ctx.jobs?.handlerFor(job.kind)?.cancelled?.(tx, job);
    await audit(tx, ctx, 'background_job.cancel', { objectType: 'background_job', objectId: id, orgId: job.orgId, details: { kind: job.kind } });
    return job;
  });
  await ctx.jobs?.removeInput(cancelled.inputFileKey);
  return { id, state: 'cancelled' as const };
}
