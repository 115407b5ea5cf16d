import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ConfirmLumpSumInput, DiscardLumpSumInput, LUMP_SUM_EXCLUSIONS, StartLumpSumBatchInput } from '../../../../contracts/campaigns.js';
import { authorize } from '../../../platform/authz.js';
import { IdParams, noStore, typed } from '../../../platform/http.js';
import { getCampaignInScope } from '../campaigns.queries.js';
import { confirmLumpSumBatch } from './confirm-lump-sum-batch.js';
import { discardLumpSumBatch } from './discard-lump-sum-batch.js';
import { exclusionCounts, getBatchInScope, listBatchLines, listCampaignBatches } from './lump-sum.queries.js';
import { keptExclusions, presentLumpSumBatch } from './lump-sum.presenter.js';
import { startLumpSumBatch } from './start-lump-sum-batch.js';

const LinesQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  show: z.enum(['qualifying', 'excluded']).optional(),
  exclusion: z.enum(LUMP_SUM_EXCLUSIONS).optional(),
});

/** Lump-sum batches (特别慰问金): built on the job runner, previewed with exclusions, confirmed by a second person. */
export function registerLumpSumRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const tags = ['lump sums'];
  const campaign = { resource: 'campaign' };
  const batch = { resource: 'lump_sum_batch' };

  app.post(
    '/api/campaigns/:id/lump-sum-batches',
    { schema: { tags, summary: 'Build a lump-sum batch for the actor’s subtree (or an org’s in it) on the job runner', params: IdParams, body: StartLumpSumBatchInput }, config: campaign },
    async (req, reply) => {
      reply.status(202);
      return startLumpSumBatch({ ctx: req.ctx, campaignId: req.params.id, input: req.body });
    },
  );

  app.get('/api/campaigns/:id/lump-sum-batches', { schema: { tags, summary: 'A campaign’s lump-sum batches in the actor’s subtree', params: IdParams }, config: campaign }, async (req) => {
    const actor = await authorize(req.ctx, 'campaign.read');
    const c = await getCampaignInScope(req.ctx.db, actor, req.params.id);
    return { items: (await listCampaignBatches(req.ctx.db, actor, c.id)).map((row) => presentLumpSumBatch(row, actor)) };
  });

  app.get('/api/lump-sum-batches/:id', { schema: { tags, summary: 'One batch: status, progress, counts, total and exclusions by reason', params: IdParams }, config: batch }, async (req) => {
    const actor = await authorize(req.ctx, 'campaign.read');
    const row = await getBatchInScope(req.ctx.db, actor, req.params.id);
    if (row.batch.status === 'building' || row.batch.status === 'failed') return presentLumpSumBatch(row, actor);
    return presentLumpSumBatch(row, actor, keptExclusions(row) ?? (await exclusionCounts(req.ctx.db, row.batch.id)));
  });

  app.get(
    '/api/lump-sum-batches/:id/lines',
    { schema: { tags, summary: 'A batch’s households, qualifying or excluded with the reason (ID numbers masked)', params: IdParams, querystring: LinesQuery }, config: batch },
    async (req, reply) => {
      const actor = await authorize(req.ctx, 'campaign.read');
      const row = await getBatchInScope(req.ctx.db, actor, req.params.id);
      const { page, pageSize, show, exclusion } = req.query;
      noStore(reply);
      return { ...(await listBatchLines(req.ctx.db, actor, row.batch.id, { show, exclusion }, { page, pageSize })), page, pageSize };
    },
  );

  app.post(
    '/api/lump-sum-batches/:id/confirm',
    { schema: { tags, summary: 'Confirm a previewed batch (not its builder): its grants, one per qualifying household, are written on the job runner', params: IdParams, body: ConfirmLumpSumInput }, config: batch },
    async (req, reply) => {
      reply.status(202);
      return confirmLumpSumBatch({ ctx: req.ctx, id: req.params.id, input: req.body });
    },
  );

  app.post('/api/lump-sum-batches/:id/discard', { schema: { tags, summary: 'Set a previewed batch aside', params: IdParams, body: DiscardLumpSumInput }, config: batch }, async (req) =>
    discardLumpSumBatch({ ctx: req.ctx, id: req.params.id, input: req.body }),
  );
}
