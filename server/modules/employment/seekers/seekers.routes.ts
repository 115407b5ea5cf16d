import type { FastifyInstance } from 'fastify';
import { ReferInput, ReferralOutcomeInput, RegisterSeekerInput, RevealSeekerInput, SeekerCandidatesQuery, SeekerListQuery, SeekerStatusInput, UpdateSeekerInput } from '../../../../contracts/seekers.js';
import { authorize } from '../../../platform/authz.js';
import { IdParams, noStore, typed } from '../../../platform/http.js';
import { matchesForPosting, matchesForSeeker } from './find-matches.js';
import { recordReferralOutcome } from './record-referral-outcome.js';
import { referSeeker } from './refer-seeker.js';
import { registerSeeker } from './register-seeker.js';
import { revealSeekerPii } from './reveal-seeker-pii.js';
import { listSeekerCandidates } from './seeker-sources.js';
import { presentSeeker, presentSeekerDetail } from './seekers.presenter.js';
import { getSeekerInScope, listSeekerReferrals, listSeekers, seekerSources } from './seekers.queries.js';
import { setSeekerStatus } from './set-seeker-status.js';
import { updateSeeker } from './update-seeker.js';

/** 求职登记, matching (匹配), referrals and placements (推荐与安置). */
export function registerSeekerRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const tags = ['job-seekers'];
  const bySeeker = { resource: 'job_seeker' };

  app.get('/api/job-seekers', { schema: { tags, summary: 'The job seekers of the actor’s subtree, newest first, masked (filters: status, hardship, education, name)', querystring: SeekerListQuery } }, async (req, reply) => {
    const actor = await authorize(req.ctx, 'job.match');
    const { page, pageSize, hardship, ...f } = req.query;
    const { items, total } = await listSeekers(req.ctx.db, actor, { ...f, hardship: hardship === undefined ? undefined : hardship === 'true' }, { page, pageSize });
    noStore(reply);
    return { items: items.map(presentSeeker), total, page, pageSize };
  });

  app.get(
    '/api/job-seekers/candidates',
    { schema: { tags, summary: 'For the registration form: archived households (worker and members) or aided students of the actor’s subtree, masked, marked when already registered', querystring: SeekerCandidatesQuery } },
    async (req, reply) => {
      const actor = await authorize(req.ctx, 'job.match');
      noStore(reply);
      return { items: await listSeekerCandidates(req.ctx.db, actor, req.query.kind, req.query.q) };
    },
  );

  app.post('/api/job-seekers', { schema: { tags, summary: 'Register a job seeker: by hand, or from an archived household’s member or an aided student (hardship); one per person (409 naming body.idNumber)', body: RegisterSeekerInput } }, async (req, reply) => {
    reply.status(201);
    return registerSeeker({ ctx: req.ctx, input: req.body });
  });

  app.get('/api/job-seekers/:id', { schema: { tags, summary: 'One job seeker, masked, with where they came from and their referrals', params: IdParams }, config: bySeeker }, async (req, reply) => {
    const actor = await authorize(req.ctx, 'job.match');
    const seeker = await getSeekerInScope(req.ctx.db, actor, req.params.id);
    const [referrals, sources] = await Promise.all([listSeekerReferrals(req.ctx.db, seeker.id), seekerSources(req.ctx.db, seeker)]);
    noStore(reply);
    return presentSeekerDetail(seeker, referrals, sources);
  });

  app.patch(
    '/api/job-seekers/:id',
    {
      schema: {
        tags,
        summary: 'Correct a job seeker (only the fields sent change; with the version read, a stale one is a 409); name and ID number only of a seeker entered by hand',
        params: IdParams,
        body: UpdateSeekerInput,
      },
      config: bySeeker,
    },
    async (req) => updateSeeker({ ctx: req.ctx, id: req.params.id, input: req.body }),
  );

  app.post(
    '/api/job-seekers/:id/reveal',
    { schema: { tags, summary: 'Show the seeker’s full ID number or phone (needs seeker.reveal; audited with the reason)', params: IdParams, body: RevealSeekerInput }, config: bySeeker },
    async (req, reply) => {
      noStore(reply);
      return revealSeekerPii({ ctx: req.ctx, id: req.params.id, input: req.body });
    },
  );

  app.post(
    '/api/job-seekers/:id/deactivate',
    { schema: { tags, summary: '停止求职: the seeker is inactive, with the reason; left out of matches, not referred or placed', params: IdParams, body: SeekerStatusInput }, config: bySeeker },
    async (req) => setSeekerStatus({ ctx: req.ctx, id: req.params.id, to: 'inactive', input: req.body }),
  );

  app.post(
    '/api/job-seekers/:id/reactivate',
    { schema: { tags, summary: '恢复求职: an inactive seeker seeking work again, with the reason', params: IdParams, body: SeekerStatusInput }, config: bySeeker },
    async (req) => setSeekerStatus({ ctx: req.ctx, id: req.params.id, to: 'seeking', input: req.body }),
  );

  app.get(
    '/api/job-seekers/:id/matches',
    { schema: { tags, summary: 'Published postings ranked for the seeker, each with the criteria matched and missed', params: IdParams }, config: bySeeker },
    async (req) => matchesForSeeker({ ctx: req.ctx, seekerId: req.params.id }),
  );

  app.post(
    '/api/job-seekers/:id/referrals',
    { schema: { tags, summary: 'Refer the seeker to a published posting, keeping what matched (once per posting: 409)', params: IdParams, body: ReferInput }, config: bySeeker },
    async (req, reply) => {
      reply.status(201);
      return referSeeker({ ctx: req.ctx, seekerId: req.params.id, input: req.body });
    },
  );

  app.post(
    '/api/job-referrals/:id/outcome',
    { schema: { tags, summary: 'Record where a referral led: placed on a day (one placement per seeker; an aided student’s journey gets its employment) or declined', params: IdParams, body: ReferralOutcomeInput }, config: { resource: 'job_referral' } },
    async (req) => recordReferralOutcome({ ctx: req.ctx, referralId: req.params.id, input: req.body }),
  );

  app.get(
    '/api/job-postings/:id/matches',
    { schema: { tags, summary: 'Seekers still seeking in the actor’s subtree ranked for a posting of it (hardship first for a pledged enterprise), masked', params: IdParams }, config: { resource: 'job_posting' } },
    async (req, reply) => {
      noStore(reply);
      return matchesForPosting({ ctx: req.ctx, postingId: req.params.id });
    },
  );
}
