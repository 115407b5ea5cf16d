import type { FastifyInstance } from 'fastify';
import { RecordFollowUpInput } from '../../../../contracts/campaigns.js';
import { authorize } from '../../../platform/authz.js';
import { IdParams, noStore, typed } from '../../../platform/http.js';
import { getApplicationInScope } from '../applications/applications.queries.js';
import { listFollowUps, presentFollowUp } from './follow-up.queries.js';
import { recordFollowUp } from './record-follow-up.js';
import { studentJourney } from './student-journey.js';

/** Follow-up (回访) of aided students and the chain of aid one student received. */
export function registerFollowUpRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const tags = ['follow-up'];
  const byApplication = { resource: 'application' };

  app.get('/api/applications/:id/follow-ups', { schema: { tags, summary: 'An aided student’s follow-ups, by year', params: IdParams }, config: byApplication }, async (req) => {
    const actor = await authorize(req.ctx, 'application.read');
    const a = await getApplicationInScope(req.ctx.db, actor, req.params.id);
    return { items: (await listFollowUps(req.ctx.db, [a.id])).map(presentFollowUp) };
  });

  app.post(
    '/api/applications/:id/follow-ups',
    { schema: { tags, summary: 'Record the year’s follow-up of an aided student (one a year; the first marks the application followed up)', params: IdParams, body: RecordFollowUpInput }, config: byApplication },
    async (req, reply) => {
      reply.status(201);
      return recordFollowUp({ ctx: req.ctx, applicationId: req.params.id, input: req.body });
    },
  );

  app.get(
    '/api/applications/:id/journey',
    { schema: { tags, summary: 'The student’s chain of aid: enrolment aid → in-school support → employment aid, with the household’s aid ledger (masked)', params: IdParams }, config: byApplication },
    async (req, reply) => {
      noStore(reply);
      return studentJourney({ ctx: req.ctx, applicationId: req.params.id });
    },
  );
}
