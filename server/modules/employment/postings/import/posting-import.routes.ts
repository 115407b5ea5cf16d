import type { FastifyInstance } from 'fastify';
import { authorize } from '../../../../platform/authz.js';
import { sendXlsx, typed, XLSX_MIME } from '../../../../platform/http.js';
import { importPostings } from './import-postings.js';
import { buildPostingTemplate } from './posting-sheet-template.js';

/** A list of 2,000 postings is well under 1 MB; the bounds check then looks at what it inflates to. */
const IMPORT_BODY_LIMIT = 4 * 1024 * 1024;

/** 导入岗位: the template, and a filled-in list imported all or nothing, as postings awaiting review. */
export function registerPostingImportRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const tags = ['job postings'];

  app.get('/api/job-posting-imports/template.xlsx', { schema: { tags, summary: 'The Excel template of a posting import (岗位信息表)', produces: [XLSX_MIME] } }, async (req, reply) => {
    await authorize(req.ctx, 'job.post');
    sendXlsx(reply, '岗位导入模板.xlsx');
    return reply.send(await buildPostingTemplate());
  });

  // The workbook is the raw request body; its parser lives in this route's own context.
  void fastify.register(async (raw) => {
    raw.removeAllContentTypeParsers();
    raw.addContentTypeParser(XLSX_MIME, { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT }, (_req, body, done) => done(null, body));
    typed(raw).post(
      '/api/job-posting-imports',
      {
        schema: { tags, summary: 'Import postings from the template (the .xlsx file is the raw body; each row names its enterprise by USCC), all or nothing, as submitted for review: every cell in error is reported and then nothing is written' },
        bodyLimit: IMPORT_BODY_LIMIT,
        config: { rawBody: [XLSX_MIME] },
      },
      async (req, reply) => {
        const result = await importPostings({ ctx: req.ctx, buffer: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0) });
        reply.status(result.ok ? 201 : 200);
        return result;
      },
    );
  });
}
