import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { text } from '../../../../contracts/text.js';
import { authorize } from '../../../platform/authz.js';
import { IdParams, noStore, sendXlsx, typed, XLSX_MIME } from '../../../platform/http.js';
import { getCampaignInScope } from '../campaigns.queries.js';
import { buildApplicationImportErrorReport, getApplicationImport, startApplicationImport } from './application-import-jobs.js';
import { buildApplicationTemplate } from './application-template.js';

/** A file of at most 1,000 students is well under 1 MB; the bounds check then looks at what it inflates to. */
const IMPORT_BODY_LIMIT = 10 * 1024 * 1024;

const ImportQuery = z.strictObject({
  // Checked by the verb after the org, so an org outside the actor's subtree answers 404 first.
  campaignId: z.uuid().optional(),
  orgId: z.uuid(),
  filename: text().max(200).default('applications.xlsx'),
});

function sendXlsxBytes(reply: FastifyReply, filename: string, bytes: Buffer) {
  sendXlsx(reply, filename);
  return reply.send(bytes);
}

/** Importing applications from the union offices' Excel lists (批量导入申请), on the job runner. */
export function registerApplicationImportRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const tags = ['applications'];

  app.get('/api/campaigns/:id/application-template.xlsx', { schema: { tags, summary: 'The campaign’s Excel template for importing applications', params: IdParams, produces: [XLSX_MIME] }, config: { resource: 'campaign' } }, async (req, reply) => {
    const actor = await authorize(req.ctx, 'application.import');
    const campaign = await getCampaignInScope(req.ctx.db, actor, req.params.id);
    return sendXlsxBytes(reply, `${campaign.name}_申请导入模板.xlsx`, await buildApplicationTemplate(campaign.rules));
  });

  // The workbook is the raw request body; its parser lives in this route's own context.
  void fastify.register(async (raw) => {
    raw.removeAllContentTypeParsers();
    raw.addContentTypeParser(XLSX_MIME, { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT }, (_req, body, done) => done(null, body));
    typed(raw).post(
      '/api/application-imports',
      { schema: { tags, summary: 'Queue an Excel import of applications as drafts, all or nothing (the .xlsx file is the raw body)', querystring: ImportQuery }, bodyLimit: IMPORT_BODY_LIMIT, config: { rawBody: [XLSX_MIME] } },
      async (req, reply) => {
        const buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        reply.status(202);
        return startApplicationImport({ ctx: req.ctx, campaignId: req.query.campaignId, orgId: req.query.orgId, filename: req.query.filename, buffer });
      },
    );
  });

  const byId = { resource: 'application_import' };
  app.get('/api/application-imports/:id', { schema: { tags, summary: 'An application import: place in the queue, progress, counts and the cells in error (masked)', params: IdParams }, config: byId }, async (req, reply) => {
    noStore(reply);
    return getApplicationImport({ ctx: req.ctx, id: req.params.id });
  });

  app.get('/api/application-imports/:id/errors.xlsx', { schema: { tags, summary: 'The error report of a failed application import (Excel, masked)', params: IdParams, produces: [XLSX_MIME] }, config: byId }, async (req, reply) =>
    sendXlsxBytes(reply, '申请导入错误报告.xlsx', await buildApplicationImportErrorReport({ ctx: req.ctx, id: req.params.id })),
  );
}
