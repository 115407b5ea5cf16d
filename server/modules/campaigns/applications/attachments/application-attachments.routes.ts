import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ApplicationAttachmentUploadQuery, DeleteApplicationAttachmentInput } from '../../../../../contracts/campaigns.js';
import { ATTACHMENT_MAX_BYTES } from '../../../../../contracts/households.js';
import { ATTACHMENT_RAW_BODY_TYPES, logMissingFile, registerRawUploads, sendAttachment } from '../../../../platform/attachments.js';
import type { FileStore } from '../../../../platform/file-store.js';
import { IdParams, noStore, typed } from '../../../../platform/http.js';
import { listApplicationAttachments, readApplicationAttachment } from './application-attachments.js';
import { deleteApplicationAttachment } from './delete-application-attachment.js';
import { uploadApplicationAttachment } from './upload-application-attachment.js';

const AttachmentParams = z.strictObject({ id: z.uuid(), attachmentId: z.uuid() });

/** An application's documents (录取通知书, 缴费凭证, 困难证明, 入户照片): the archive's attachment core, scoped through the application. */
export function registerApplicationAttachmentRoutes(fastify: FastifyInstance, store: FileStore) {
  const app = typed(fastify);
  const tags = ['applications'];
  const byId = { resource: 'application' };

  app.get('/api/applications/:id/attachments', { schema: { tags, summary: 'List the documents of an application', params: IdParams }, config: byId }, async (req, reply) => {
    noStore(reply);
    return listApplicationAttachments({ ctx: req.ctx, applicationId: req.params.id });
  });

  app.get('/api/applications/:id/attachments/:attachmentId/content', { schema: { tags, summary: 'Download a document of an application (audited)', params: AttachmentParams, produces: ['application/octet-stream'] }, config: byId }, async (req, reply) => {
    const { attachment, bytes } = await readApplicationAttachment({ ctx: req.ctx, store, applicationId: req.params.id, attachmentId: req.params.attachmentId }).catch(logMissingFile(req.log));
    return sendAttachment(reply, attachment, bytes);
  });

  app.delete('/api/applications/:id/attachments/:attachmentId', { schema: { tags, summary: 'Delete a document of a draft (kept, marked deleted, with the reason)', params: AttachmentParams, body: DeleteApplicationAttachmentInput }, config: byId }, async (req) =>
    deleteApplicationAttachment({ ctx: req.ctx, applicationId: req.params.id, attachmentId: req.params.attachmentId, input: req.body }),
  );

  registerRawUploads(fastify, (raw) => {
    typed(raw).post(
      '/api/applications/:id/attachments',
      {
        schema: { tags, summary: 'Upload a document of an application (draft to public notice): the file is the raw body, its type detected from the bytes', params: IdParams, querystring: ApplicationAttachmentUploadQuery },
        config: { ...byId, rawBody: ATTACHMENT_RAW_BODY_TYPES },
        bodyLimit: ATTACHMENT_MAX_BYTES,
      },
      async (req, reply) => {
        const created = await uploadApplicationAttachment({ ctx: req.ctx, store, applicationId: req.params.id, query: req.query, body: req.body });
        reply.status(201);
        return created;
      },
    );
  });
}
