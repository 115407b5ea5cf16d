import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  CreatePolicyArticleInput,
  DeletePolicyAttachmentInput,
  PolicyAttachmentUploadQuery,
  PolicyListQuery,
  PUBLIC_POLICY_PAGE_SIZE,
  PublicPolicyQuery,
  UpdatePolicyArticleInput,
  WithdrawPolicyArticleInput,
} from '../../../../contracts/policies.js';
import { ATTACHMENT_MAX_BYTES } from '../../../../contracts/households.js';
import { ATTACHMENT_RAW_BODY_TYPES, logMissingFile, registerRawUploads, sendAttachment } from '../../../platform/attachments.js';
import { authorize } from '../../../platform/authz.js';
import type { FileStore } from '../../../platform/file-store.js';
import { IdParams, typed } from '../../../platform/http.js';
import { getOrgInScope } from '../../orgs/orgs.queries.js';
import { deletePolicyAttachment } from './attachments/delete-policy-attachment.js';
import { keptAttachments, listPolicyAttachments, presentPublicAttachment, readPolicyAttachment, readPublicPolicyAttachment } from './attachments/policy-attachments.js';
import { uploadPolicyAttachment } from './attachments/upload-policy-attachment.js';
import { createPolicyArticle } from './create-policy-article.js';
import { presentArticle, presentArticleLine, presentPublicArticle, presentPublicArticleLine } from './policies.presenter.js';
import { getArticleInScope, getPublishedArticle, listArticles, listPublishedArticles } from './policies.queries.js';
import { publishPolicyArticle } from './publish-policy-article.js';
import { updatePolicyArticle } from './update-policy-article.js';
import { withdrawPolicyArticle } from './withdraw-policy-article.js';

const AttachmentParams = z.strictObject({ id: z.uuid(), attachmentId: z.uuid() });

/** 政策发布: staff write, publish and withdraw articles with attachments; anyone reads the published ones. */
export function registerPolicyRoutes(fastify: FastifyInstance, store: FileStore) {
  const app = typed(fastify);
  const tags = ['policies'];
  const byId = { resource: 'policy_article' };

  app.get('/api/policies', { schema: { tags, summary: 'Policy articles of the actor’s subtree (words, category, status, an org’s subtree), the latest changed first', querystring: PolicyListQuery } }, async (req) => {
    const actor = await authorize(req.ctx, 'policy.publish');
    const { q, category, status, orgId, page, pageSize } = req.query;
    const org = orgId ? await getOrgInScope(req.ctx.db, actor, orgId) : null;
    const { items, total } = await listArticles(req.ctx.db, actor, { q, category, status, underOrgPath: org?.path }, { page, pageSize });
    return { items: items.map(presentArticleLine), total, page, pageSize };
  });

  app.post('/api/policies', { schema: { tags, summary: 'Write a policy article (a draft) of an org in the actor’s subtree', body: CreatePolicyArticleInput } }, async (req, reply) => {
    reply.status(201);
    return createPolicyArticle({ ctx: req.ctx, input: req.body });
  });

  app.get('/api/policies/:id', { schema: { tags, summary: 'One policy article in any state, for its editors', params: IdParams }, config: byId }, async (req) => {
    const actor = await authorize(req.ctx, 'policy.publish');
    return presentArticle(await getArticleInScope(req.ctx.db, actor, req.params.id));
  });

  app.patch('/api/policies/:id', { schema: { tags, summary: 'Edit an article (with the version read; a stale one is a 409)', params: IdParams, body: UpdatePolicyArticleInput }, config: byId }, async (req) =>
    updatePolicyArticle({ ctx: req.ctx, id: req.params.id, input: req.body }),
  );

  app.post('/api/policies/:id/publish', { schema: { tags, summary: 'Publish a draft (or put a withdrawn article back) on the public list', params: IdParams }, config: byId }, async (req) =>
    publishPolicyArticle({ ctx: req.ctx, id: req.params.id }),
  );

  app.post('/api/policies/:id/withdraw', { schema: { tags, summary: 'Withdraw a published article from the public list, with a reason', params: IdParams, body: WithdrawPolicyArticleInput }, config: byId }, async (req) =>
    withdrawPolicyArticle({ ctx: req.ctx, id: req.params.id, input: req.body }),
  );

  app.get('/api/policies/:id/attachments', { schema: { tags, summary: 'The attachments of an article', params: IdParams }, config: byId }, async (req) =>
    listPolicyAttachments({ ctx: req.ctx, articleId: req.params.id }),
  );

  app.get(
    '/api/policies/:id/attachments/:attachmentId/content',
    { schema: { tags, summary: 'Download an attachment of an article in any state', params: AttachmentParams, produces: ['application/octet-stream'] }, config: byId },
    async (req, reply) => {
      const { attachment, bytes } = await readPolicyAttachment({ ctx: req.ctx, store, articleId: req.params.id, attachmentId: req.params.attachmentId }).catch(logMissingFile(req.log));
      return sendAttachment(reply, attachment, bytes);
    },
  );

  app.delete('/api/policies/:id/attachments/:attachmentId', { schema: { tags, summary: 'Delete an attachment (kept, marked deleted, with the reason)', params: AttachmentParams, body: DeletePolicyAttachmentInput }, config: byId }, async (req) =>
    deletePolicyAttachment({ ctx: req.ctx, articleId: req.params.id, attachmentId: req.params.attachmentId, input: req.body }),
  );

  registerRawUploads(fastify, (raw) => {
    typed(raw).post(
      '/api/policies/:id/attachments',
      {
        schema: { tags, summary: 'Attach a file to an article (PDF, image, Word): the file is the raw body, its type detected from the bytes', params: IdParams, querystring: PolicyAttachmentUploadQuery },
        config: { ...byId, rawBody: ATTACHMENT_RAW_BODY_TYPES },
        bodyLimit: ATTACHMENT_MAX_BYTES,
      },
      async (req, reply) => {
        const created = await uploadPolicyAttachment({ ctx: req.ctx, store, articleId: req.params.id, query: req.query, body: req.body });
        reply.status(201);
        return created;
      },
    );
  });

  // The public side: no sign-in, published articles only.
  app.get('/api/public/policies', { schema: { tags, summary: 'Published policy articles, the newest first; search by words (Chinese bigrams) and category', querystring: PublicPolicyQuery }, config: { public: true } }, async (req) => {
    const { q, category, page } = req.query;
    const { items, total } = await listPublishedArticles(req.ctx.db, { q, category }, { page, pageSize: PUBLIC_POLICY_PAGE_SIZE });
    return { items: items.map(presentPublicArticleLine), total, page, pageSize: PUBLIC_POLICY_PAGE_SIZE };
  });

  app.get('/api/public/policies/:id', { schema: { tags, summary: 'A published policy article with its attachments', params: IdParams }, config: { public: true } }, async (req) => {
    const a = await getPublishedArticle(req.ctx.db, req.params.id);
    const files = await keptAttachments(req.ctx.db, a.id);
    return presentPublicArticle(a, files.map((r) => presentPublicAttachment(r.f)));
  });

  app.get(
    '/api/public/policies/:id/attachments/:attachmentId/content',
    { schema: { tags, summary: 'Download an attachment of a published article', params: AttachmentParams, produces: ['application/octet-stream'] }, config: { public: true } },
    async (req, reply) => {
      const { attachment, bytes } = await readPublicPolicyAttachment({ db: req.ctx.db, store, articleId: req.params.id, attachmentId: req.params.attachmentId }).catch(logMissingFile(req.log));
      return sendAttachment(reply, attachment, bytes);
    },
  );
}
