import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { BACKGROUND_JOB_KIND_KEYS, BACKGROUND_JOB_STATES } from '../../../contracts/background-jobs.js';
import { requireActor } from '../../platform/authz.js';
import { notFound } from '../../platform/errors.js';
import { IdParams, typed } from '../../platform/http.js';
import { getVisibleJob, listVisibleJobs } from './background-jobs.queries.js';
import { presentBackgroundJob } from './background-jobs.presenter.js';
import { cancelBackgroundJob } from './cancel-background-job.js';

const JobListQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  state: z
    .string()
    .max(100)
    .optional()
    .transform((v) => (v ? v.split(',') : undefined))
    .pipe(z.array(z.enum(BACKGROUND_JOB_STATES)).optional()),
  kind: z.enum(BACKGROUND_JOB_KIND_KEYS).optional(),
});

export function registerBackgroundJobRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const tags = ['background-jobs'];
  const byId = { resource: 'background_job' };

  app.get('/api/background-jobs', { schema: { tags, summary: 'List the background jobs the actor may see', querystring: JobListQuery } }, async (req) => {
    const actor = requireActor(req.ctx);
    const { items, total } = await listVisibleJobs(req.ctx.db, actor, req.query);
    return { items: await Promise.all(items.map((row) => presentBackgroundJob(req.ctx.db, row))), total, page: req.query.page, pageSize: req.query.pageSize };
  });

  app.get('/api/background-jobs/:id', { schema: { tags, summary: 'One background job with its progress and place in the queue', params: IdParams }, config: byId }, async (req) => {
    const row = await getVisibleJob(req.ctx.db, requireActor(req.ctx), req.params.id);
    if (!row) throw notFound('job');
    return presentBackgroundJob(req.ctx.db, row);
  });

  app.post('/api/background-jobs/:id/cancel', { schema: { tags, summary: 'Cancel a queued background job', params: IdParams }, config: byId }, async (req) =>
    cancelBackgroundJob({ ctx: req.ctx, id: req.params.id }),
  );
}
