import type { FastifyInstance } from 'fastify';
import type { RateLimitOptions } from '@fastify/rate-limit';
import { z } from 'zod';
import {
  AnswerConsultationInput,
  AskConsultationInput,
  CloseConsultationInput,
  CONSULTATION_ASK_LIMIT,
  CONSULTATION_LOOKUP_LIMIT,
  ConsultationQueueQuery,
  ConsultationStatsQuery,
  CreateFaqInput,
  FaqListQuery,
  LookupConsultationQuery,
  PUBLIC_FAQ_PAGE_SIZE,
  PublicFaqQuery,
  PublishConsultationAsFaqInput,
  RecordHotlineCallInput,
  RerouteConsultationInput,
  RevealConsultationPhoneInput,
  TicketParams,
  UpdateFaqInput,
} from '../../../../contracts/consultations.js';
import { authorize } from '../../../platform/authz.js';
import { AppError } from '../../../platform/errors.js';
import { IdParams, NoQuery, noStore, typed } from '../../../platform/http.js';
import { getOrgInScope } from '../../orgs/orgs.queries.js';
import { answerConsultation } from './answer-consultation.js';
import { askConsultation } from './ask-consultation.js';
import { closeConsultation } from './close-consultation.js';
import { consultationStats } from './consultation-stats.js';
import { presentConsultation } from './consultations.presenter.js';
import { getConsultationInScope, listQueue, routableOrgs } from './consultations.queries.js';
import { createFaq } from './faq/create-faq.js';
import { listFaq, listPublishedFaq, presentFaq, presentPublicFaq } from './faq/faq.queries.js';
import { publishConsultationAsFaq } from './faq/publish-consultation-as-faq.js';
import { updateFaq } from './faq/update-faq.js';
import { lookupConsultation } from './lookup-consultation.js';
import { recordHotlineCall } from './record-hotline-call.js';
import { rerouteConsultation } from './reroute-consultation.js';
import { revealConsultationPhone } from './reveal-consultation-phone.js';

/**
 * A per-address limit counted after the request's validation (the preHandler hook): a malformed
 * request is refused with its 400 and spends nothing; a well-formed one over the limit is a 429
 * saying when to try again.
 */
function perAddress(limit: { max: number; windowMinutes: number }, what: string): RateLimitOptions {
  return {
    max: limit.max,
    timeWindow: limit.windowMinutes * 60_000,
    hook: 'preHandler',
    errorResponseBuilder: (_req, context) =>
      new AppError('LIMIT_EXCEEDED', `too many ${what} from this address: at most ${limit.max} in ${limit.windowMinutes} minutes; try again in ${Math.ceil(context.ttl / 60_000)} minutes`, {
        reason: 'rate_limited',
        max: limit.max,
        windowMinutes: limit.windowMinutes,
        retryAfterSeconds: Math.ceil(context.ttl / 1000),
      }),
  };
}

/** 指导咨询: the public form and look-up, the staff queue, hotline entry, answers, response times; and the FAQ. */
export function registerConsultationRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const tags = ['consultations'];
  const byId = { resource: 'consultation' };

  // The public side: no sign-in.
  app.get('/api/public/consultation-orgs', { schema: { tags, summary: 'The unions a question can be sent to: the city, its districts and counties, the industry unions', querystring: NoQuery }, config: { public: true } }, async (req) => ({
    items: (await routableOrgs(req.ctx.db)).map(({ path: _p, ...o }) => o),
  }));

  app.post(
    '/api/public/consultations',
    {
      schema: { tags, summary: `Ask a question (no sign-in; at most ${CONSULTATION_ASK_LIMIT.max} per address in ${CONSULTATION_ASK_LIMIT.windowMinutes} minutes): answers the ticket number`, body: AskConsultationInput },
      config: { public: true, rateLimit: perAddress(CONSULTATION_ASK_LIMIT, 'questions') },
    },
    async (req, reply) => {
      reply.status(201);
      return askConsultation({ ctx: req.ctx, input: req.body });
    },
  );

  app.get(
    '/api/public/consultations/:ticketNo',
    {
      schema: { tags, summary: 'The asker reads a question and its answer by the ticket number and the phone’s last four digits (404 unless both match; rate-limited)', params: TicketParams, querystring: LookupConsultationQuery },
      config: { public: true, rateLimit: perAddress(CONSULTATION_LOOKUP_LIMIT, 'look-ups') },
    },
    async (req, reply) => {
      noStore(reply);
      return lookupConsultation(req.ctx.db, req.params.ticketNo, req.query.phoneLast4);
    },
  );

  app.get('/api/public/faq', { schema: { tags, summary: 'Published FAQ entries; search by words (Chinese bigrams) and category', querystring: PublicFaqQuery }, config: { public: true } }, async (req) => {
    const { q, category, page } = req.query;
    const { items, total } = await listPublishedFaq(req.ctx.db, { q, category }, { page, pageSize: PUBLIC_FAQ_PAGE_SIZE });
    return { items: items.map(presentPublicFaq), total, page, pageSize: PUBLIC_FAQ_PAGE_SIZE };
  });

  // Staff: the questions routed to their subtree.
  app.get('/api/consultations', { schema: { tags, summary: 'The queue of the actor’s subtree: open questions first, the longest waiting at the top; with counts by status', querystring: ConsultationQueueQuery } }, async (req, reply) => {
    const actor = await authorize(req.ctx, 'consultation.answer');
    const { status, orgId, category, channel, page, pageSize } = req.query;
    const org = orgId ? await getOrgInScope(req.ctx.db, actor, orgId) : null;
    const { items, total, counts } = await listQueue(req.ctx.db, actor, { status, category, channel, underOrgPath: org?.path }, { page, pageSize });
    const now = req.ctx.clock.now();
    noStore(reply);
    return { items: items.map((c) => presentConsultation(c, now)), total, page, pageSize, counts };
  });

  app.post('/api/consultations', { schema: { tags, summary: 'Enter a 12351 hotline call (answered on the spot when the answer comes with it)', body: RecordHotlineCallInput } }, async (req, reply) => {
    reply.status(201);
    return recordHotlineCall({ ctx: req.ctx, input: req.body });
  });

  app.get('/api/consultations/stats', { schema: { tags, summary: 'Response times per org of the subtree for questions asked in a period (drill down with orgId): asked, answered, median and 90th percentile hours, open, oldest open', querystring: ConsultationStatsQuery } }, async (req) =>
    consultationStats({ ctx: req.ctx, query: req.query }),
  );

  app.get('/api/consultations/:id', { schema: { tags, summary: 'One question with its answer (the phone masked)', params: IdParams }, config: byId }, async (req, reply) => {
    const actor = await authorize(req.ctx, 'consultation.answer');
    noStore(reply);
    return presentConsultation(await getConsultationInScope(req.ctx.db, actor, req.params.id), req.ctx.clock.now());
  });

  app.post('/api/consultations/:id/answer', { schema: { tags, summary: 'Answer an open question', params: IdParams, body: AnswerConsultationInput }, config: byId }, async (req) =>
    answerConsultation({ ctx: req.ctx, id: req.params.id, input: req.body }),
  );

  app.post('/api/consultations/:id/close', { schema: { tags, summary: 'Close a question (办结): an answered one, or an open one with a reason', params: IdParams, body: CloseConsultationInput }, config: byId }, async (req) =>
    closeConsultation({ ctx: req.ctx, id: req.params.id, input: req.body }),
  );

  app.post('/api/consultations/:id/reroute', { schema: { tags, summary: 'Send an open question to another org of the actor’s subtree', params: IdParams, body: RerouteConsultationInput }, config: byId }, async (req) =>
    rerouteConsultation({ ctx: req.ctx, id: req.params.id, input: req.body }),
  );

  app.post('/api/consultations/:id/reveal', { schema: { tags, summary: 'The asker’s full phone, to call back (audited with the reason)', params: IdParams, body: RevealConsultationPhoneInput }, config: byId }, async (req, reply) => {
    noStore(reply);
    return revealConsultationPhone({ ctx: req.ctx, id: req.params.id, input: req.body });
  });

  app.post('/api/consultations/:id/faq', { schema: { tags, summary: 'Publish an answered question as an FAQ entry, its wording edited', params: IdParams, body: PublishConsultationAsFaqInput }, config: byId }, async (req, reply) => {
    reply.status(201);
    return publishConsultationAsFaq({ ctx: req.ctx, id: req.params.id, input: req.body });
  });

  // Staff: the FAQ of their subtree.
  app.get('/api/faq', { schema: { tags, summary: 'FAQ entries of the actor’s subtree, published or not', querystring: FaqListQuery } }, async (req) => {
    const actor = await authorize(req.ctx, 'consultation.answer');
    const { q, category, published, page, pageSize } = req.query;
    const { items, total } = await listFaq(req.ctx.db, actor, { q, category, published: published === undefined ? undefined : published === 'true' }, { page, pageSize });
    return { items: items.map(presentFaq), total, page, pageSize };
  });

  app.post('/api/faq', { schema: { tags, summary: 'Write an FAQ entry for an org of the actor’s subtree', body: CreateFaqInput } }, async (req, reply) => {
    reply.status(201);
    return createFaq({ ctx: req.ctx, input: req.body });
  });

  app.patch('/api/faq/:id', { schema: { tags, summary: 'Reword an FAQ entry, or take it off the public page and back', params: IdParams, body: UpdateFaqInput }, config: { resource: 'faq_entry' } }, async (req) =>
    updateFaq({ ctx: req.ctx, id: req.params.id, input: req.body }),
  );
}
