import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ApprovePaymentBatchInput, DiscardPaymentBatchInput, ExecutePaymentBatchInput, PaymentLineStatus, StartPaymentBatchInput } from '../../../../contracts/funds.js';
import { authorize } from '../../../platform/authz.js';
import { IdParams, noStore, sendXlsx, typed, XLSX_MIME } from '../../../platform/http.js';
import { IdempotencyHeaders } from '../../../platform/idempotency.js';
import { approvePaymentBatch } from './approve-payment-batch.js';
import { discardPaymentBatch } from './discard-payment-batch.js';
import { executePaymentBatch } from './execute-payment-batch.js';
import { exportBankFile } from './export-bank-file.js';
import { importBankResults } from './import-bank-results.js';
import { presentPaymentBatch, presentPaymentLine } from './payments.presenter.js';
import { getPaymentBatchInScope, listPaymentBatches, listPaymentLines } from './payments.queries.js';
import { startPaymentBatch } from './start-payment-batch.js';

const BatchListQuery = z.strictObject({ fundId: z.uuid().optional() });
const LinesQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  status: z.enum(PaymentLineStatus.keys).optional(),
});
/** A bank result file is a few hundred KiB at most. */
const RESULT_BODY_LIMIT = 5 * 1024 * 1024;

/** Payment batches (发放批次): built from grants ready for payment, approved by a second finance officer, executed, settled by the bank's result file. */
export function registerPaymentRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const tags = ['payments'];
  const batch = { resource: 'payment_batch' };

  app.post('/api/payment-batches', { schema: { tags, summary: 'Build a payment batch from the grants ready for payment under a fund’s org (job runner)', body: StartPaymentBatchInput, headers: IdempotencyHeaders }, config: { idempotent: true } }, async (req, reply) => {
    reply.status(202);
    return startPaymentBatch({ ctx: req.ctx, input: req.body });
  });

  app.get('/api/payment-batches', { schema: { tags, summary: 'The payment batches of the actor’s subtree (or of one fund)', querystring: BatchListQuery } }, async (req) => {
    const actor = await authorize(req.ctx, 'fund.read');
    return { items: (await listPaymentBatches(req.ctx.db, actor, { fundId: req.query.fundId })).map((r) => presentPaymentBatch(r, actor.userId)) };
  });

  app.get('/api/payment-batches/:id', { schema: { tags, summary: 'One payment batch with its counts by line status', params: IdParams }, config: batch }, async (req) => {
    const actor = await authorize(req.ctx, 'fund.read');
    const row = await getPaymentBatchInScope(req.ctx.db, actor, req.params.id);
    const { byStatus } = await listPaymentLines(req.ctx.db, row.batch.id, { page: 1, pageSize: 1 });
    return { ...presentPaymentBatch(row, actor.userId), byStatus };
  });

  app.get('/api/payment-batches/:id/lines', { schema: { tags, summary: 'A batch’s lines (cards masked)', params: IdParams, querystring: LinesQuery }, config: batch }, async (req, reply) => {
    const actor = await authorize(req.ctx, 'fund.read');
    const row = await getPaymentBatchInScope(req.ctx.db, actor, req.params.id);
    const { items, byStatus } = await listPaymentLines(req.ctx.db, row.batch.id, req.query);
    noStore(reply);
    return { items: items.map(presentPaymentLine), byStatus, page: req.query.page, pageSize: req.query.pageSize };
  });

  app.post('/api/payment-batches/:id/approve', { schema: { tags, summary: 'Approve a previewed batch (a finance officer other than its builder)', params: IdParams, body: ApprovePaymentBatchInput, headers: IdempotencyHeaders }, config: { ...batch, idempotent: true } }, async (req) =>
    approvePaymentBatch({ ctx: req.ctx, id: req.params.id, input: req.body }),
  );

  app.post('/api/payment-batches/:id/execute', { schema: { tags, summary: 'Execute an approved batch on the job runner: fund → paid, grants paid, household aid recorded', params: IdParams, body: ExecutePaymentBatchInput, headers: IdempotencyHeaders }, config: { ...batch, idempotent: true } }, async (req, reply) => {
    reply.status(202);
    return executePaymentBatch({ ctx: req.ctx, id: req.params.id, input: req.body });
  });

  app.post('/api/payment-batches/:id/discard', { schema: { tags, summary: 'Set aside a batch not yet executed; its grants are free for another batch', params: IdParams, body: DiscardPaymentBatchInput, headers: IdempotencyHeaders }, config: { ...batch, idempotent: true } }, async (req) =>
    discardPaymentBatch({ ctx: req.ctx, id: req.params.id, input: req.body }),
  );

  app.get('/api/payment-batches/:id/bank-file.xlsx', { schema: { tags, summary: 'The bank payment file of an executed batch: card numbers in full (audited)', params: IdParams, produces: [XLSX_MIME] }, config: batch }, async (req, reply) => {
    const { buffer, fileName } = await exportBankFile({ ctx: req.ctx, id: req.params.id });
    sendXlsx(reply, fileName);
    return reply.send(buffer);
  });

  fastify.register(async (raw) => {
    raw.addContentTypeParser(XLSX_MIME, { parseAs: 'buffer', bodyLimit: RESULT_BODY_LIMIT }, (_req, body, done) => done(null, body));
    typed(raw).post(
      '/api/payment-batches/:id/result-import',
      { schema: { tags, summary: 'Import the bank’s result file (.xlsx raw body): confirm paid lines, return failed ones to ready with their entries reversed', params: IdParams, headers: IdempotencyHeaders }, bodyLimit: RESULT_BODY_LIMIT, config: { ...batch, idempotent: true, rawBody: [XLSX_MIME] } },
      async (req) => importBankResults({ ctx: req.ctx, id: req.params.id, buffer: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0) }),
    );
  });
}
