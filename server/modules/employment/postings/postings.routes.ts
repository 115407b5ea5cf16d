import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ApprovePostingInput, ClosePostingInput, CreatePostingInput, PostingListQuery, PostingReasonInput, UpdatePostingInput } from '../../../../contracts/jobs.js';
import { text } from '../../../../contracts/text.js';
import { authorize } from '../../../platform/authz.js';
import { IdParams, typed } from '../../../platform/http.js';
import { approvePosting } from './approve-posting.js';
import { closePosting } from './close-posting.js';
import { createPosting } from './create-posting.js';
import { listPostingEnterprises } from './posting-enterprises.js';
import { presentPosting } from './postings.presenter.js';
import { countAwaitingReview, getPostingInScope, listPostings } from './postings.queries.js';
import { rejectPosting } from './reject-posting.js';
import { returnPosting } from './return-posting.js';
import { submitPosting } from './submit-posting.js';
import { updatePosting } from './update-posting.js';

const EnterpriseOptionsQuery = z.strictObject({ q: text().max(50).optional() });

/** Job postings (岗位信息): entered by enterprises or staff, reviewed by jobs officers, closed or expired. */
export function registerPostingRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const tags = ['job postings'];
  const posting = { resource: 'job_posting' };

  app.get('/api/job-postings', { schema: { tags, summary: 'The postings of the actor’s subtree (an HR account: its enterprise’s), by status, enterprise, words, category and kind; the review queue is status=submitted, longest waiting first', querystring: PostingListQuery } }, async (req) => {
    const actor = await authorize(req.ctx, 'job.read');
    const { items, hasMore } = await listPostings(req.ctx.db, actor, req.query);
    return { items: items.map(presentPosting), hasMore, page: req.query.page, pageSize: req.query.pageSize };
  });

  app.get('/api/job-postings/awaiting-review', { schema: { tags, summary: 'How many postings of the actor’s subtree wait for review (待审核)' } }, async (req) => {
    const actor = await authorize(req.ctx, 'job.read');
    return { count: await countAwaitingReview(req.ctx.db, actor) };
  });

  app.get('/api/job-postings/enterprises', { schema: { tags, summary: 'The active enterprises the actor may post for (an HR account: its own), by name or USCC, for the posting form', querystring: EnterpriseOptionsQuery } }, async (req) => {
    const actor = await authorize(req.ctx, 'job.post');
    return { items: await listPostingEnterprises(req.ctx.db, actor, req.query.q) };
  });

  app.post('/api/job-postings', { schema: { tags, summary: 'Enter a posting for an enterprise of the actor’s subtree, as a draft or submitted for review (a live duplicate title of the enterprise in the region: 409)', body: CreatePostingInput } }, async (req, reply) => {
    reply.status(201);
    return createPosting({ ctx: req.ctx, input: req.body });
  });

  app.get('/api/job-postings/:id', { schema: { tags, summary: 'One posting with its review state', params: IdParams }, config: posting }, async (req) => {
    const actor = await authorize(req.ctx, 'job.read');
    return presentPosting(await getPostingInScope(req.ctx.db, actor, req.params.id));
  });

  app.patch('/api/job-postings/:id', { schema: { tags, summary: 'Correct a draft or returned posting (with the version read)', params: IdParams, body: UpdatePostingInput }, config: posting }, async (req) =>
    updatePosting({ ctx: req.ctx, id: req.params.id, input: req.body }),
  );

  app.post('/api/job-postings/:id/submit', { schema: { tags, summary: 'Submit a draft or corrected posting for review', params: IdParams }, config: posting }, async (req) => submitPosting({ ctx: req.ctx, id: req.params.id }));

  app.post('/api/job-postings/:id/approve', { schema: { tags, summary: 'Approve a submitted posting: it is published on the public board', params: IdParams, body: ApprovePostingInput }, config: posting }, async (req) =>
    approvePosting({ ctx: req.ctx, id: req.params.id, input: req.body }),
  );

  app.post('/api/job-postings/:id/return', { schema: { tags, summary: 'Return a submitted posting for correction, with the reason', params: IdParams, body: PostingReasonInput }, config: posting }, async (req) =>
    returnPosting({ ctx: req.ctx, id: req.params.id, input: req.body }),
  );

  app.post('/api/job-postings/:id/reject', { schema: { tags, summary: 'Reject a submitted posting, with the reason', params: IdParams, body: PostingReasonInput }, config: posting }, async (req) =>
    rejectPosting({ ctx: req.ctx, id: req.params.id, input: req.body }),
  );

  app.post('/api/job-postings/:id/close', { schema: { tags, summary: 'Close a posting: a published one leaves the board, a draft or one in review is withdrawn', params: IdParams, body: ClosePostingInput }, config: posting }, async (req) =>
    closePosting({ ctx: req.ctx, id: req.params.id, input: req.body }),
  );
}
