import type { FastifyInstance } from 'fastify';
import { JobStatsQuery, PublicJobsQuery } from '../../../../contracts/jobs.js';
import { chinaDate } from '../../../platform/dates.js';
import { IdParams, typed } from '../../../platform/http.js';
import { presentBoardItem, presentBoardPosting } from './board.presenter.js';
import { getBoardPosting, keptBoardStats, searchBoard } from './board.queries.js';
import { registerBoardPages } from './board-pages.js';
import { defaultPeriod } from './board-period.js';

/** Public answers may be kept briefly by browsers and proxies: a posting appears within a minute. */
const PUBLIC_CACHE = 'public, max-age=60';

/** The public job board (no sign-in): search, a posting's page, the figures of a period, and its HTML pages. */
export function registerBoardRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const tags = ['public job board'];
  const config = { public: true };
  const today = (req: { ctx: { clock: { now(): Date } } }) => chinaDate(req.ctx.clock.now());

  app.get('/api/public/jobs', { schema: { tags, summary: 'Search the published postings by words, category, region, salary, education and kind; newest first', querystring: PublicJobsQuery }, config }, async (req, reply) => {
    const { items, hasMore } = await searchBoard(req.ctx.db, today(req), req.query);
    reply.header('Cache-Control', PUBLIC_CACHE);
    return { items: items.map(presentBoardItem), hasMore, page: req.query.page, pageSize: req.query.pageSize };
  });

  app.get('/api/public/jobs/:id', { schema: { tags, summary: 'A published posting with its enterprise’s name, industry, size and pledge', params: IdParams }, config }, async (req, reply) => {
    const posting = await getBoardPosting(req.ctx.db, today(req), req.params.id);
    reply.header('Cache-Control', PUBLIC_CACHE);
    return presentBoardPosting(posting);
  });

  app.get('/api/public/job-stats', { schema: { tags, summary: 'Enterprises, positions and openings of the postings published in a period (default: the last 30 days)', querystring: JobStatsQuery }, config }, async (req, reply) => {
    const { from, to } = defaultPeriod(today(req), req.query);
    reply.header('Cache-Control', PUBLIC_CACHE);
    return keptBoardStats(req.ctx.db, req.ctx.clock.now(), from, to);
  });

  registerBoardPages(fastify);
}
