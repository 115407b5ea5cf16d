import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ATTACHMENT_MAX_BYTES, AttachmentUploadQuery, ReasonInput } from '../../../../contracts/households.js';
import { text } from '../../../../contracts/text.js';
import { ATTACHMENT_RAW_BODY_TYPES, logMissingFile, registerRawUploads, sendAttachment } from '../../../platform/attachments.js';
import type { FileStore } from '../../../platform/file-store.js';
import { IdParams, noStore, typed } from '../../../platform/http.js';
import { deleteHouseholdAttachment } from './delete-household-attachment.js';
import { listHouseholdAttachments, readHouseholdAttachment } from './household-attachments.js';
import { uploadHouseholdAttachment } from './upload-household-attachment.js';

const AttachmentParams = z.strictObject({ id: z.uuid(), attachmentId: z.uuid() });

// The reason rides in the URL (a download is a GET), so it lands in access logs: no personal numbers in it.
const LONG_DIGIT_RUN = /\d[\d\s-]{5,}\d/;
const DownloadQuery = z.strictObject({
  reason: text({ multiline: true })
    .min(2)
    .max(200)
    .refine((r) => !LONG_DIGIT_RUN.test(r), 'no ID, phone or card numbers in the reason')
    .optional(),
});

/** 附件 of a household (docs/households.md, docs/decisions/007-attachments.md). */
export function registerHouseholdAttachmentRoutes(fastify: FastifyInstance, store: FileStore) {
  const app = typed(fastify);
  const tags = ['households'];
  const byId = { resource: 'household' };

  app.get('/api/households/:id/attachments', { schema: { tags, summary: 'List the attachments of a household', params: IdParams }, config: byId }, async (req, reply) => {
    noStore(reply);
    return listHouseholdAttachments({ ctx: req.ctx, householdId: req.params.id });
  });

  app.get('/api/households/:id/attachments/:attachmentId/content', { schema: { tags, summary: 'Download an attachment (audited; ID scans need a reason)', params: AttachmentParams, querystring: DownloadQuery, produces: ['application/octet-stream'] }, config: byId }, async (req, reply) => {
    const { id: householdId, attachmentId } = req.params;
    const { attachment, bytes } = await readHouseholdAttachment({ ctx: req.ctx, store, householdId, attachmentId, reason: req.query.reason }).catch(logMissingFile(req.log));
    return sendAttachment(reply, attachment, bytes);
  });

  app.delete('/api/households/:id/attachments/:attachmentId', { schema: { tags, summary: 'Delete an attachment (kept, marked deleted, with the reason)', params: AttachmentParams, body: ReasonInput }, config: byId }, async (req) =>
    deleteHouseholdAttachment({ ctx: req.ctx, householdId: req.params.id, attachmentId: req.params.attachmentId, input: req.body }),
  );

  // The upload takes the file as the raw body whatever Content-Type the client declares (the type is
  // detected from the bytes), so it lives in its own context with one catch-all buffer parser.
  registerRawUploads(fastify, (raw) => {
    typed(raw).post(
      '/api/households/:id/attachments',
      {
        schema: { tags, summary: 'Upload an attachment: the file is the raw body, its type detected from the bytes', params: IdParams, querystring: AttachmentUploadQuery },
        config: { ...byId, rawBody: ATTACHMENT_RAW_BODY_TYPES },
        bodyLimit: ATTACHMENT_MAX_BYTES,
      },
      async (req, reply) => {
        const created = await uploadHouseholdAttachment({ ctx: req.ctx, store, householdId: req.params.id, query: req.query, body: req.body });
        reply.status(201);
        return created;
      },
    );
  });
}
