import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { PublicJobsQuery } from '../../../../contracts/jobs.js';
import { IsoDate } from '../../../../contracts/funds.js';
import { chinaDate } from '../../../platform/dates.js';
import { AppError } from '../../../platform/errors.js';
import { presentBoardItem, presentBoardPosting } from './board.presenter.js';
import { getBoardPosting, keptBoardStats, searchBoard } from './board.queries.js';
import { renderBoardList, renderBoardNotFound, renderBoardPosting, type BoardLang } from './board-html.js';
import { defaultPeriod } from './board-period.js';

const PAGE_FIELDS = ['q', 'category', 'region', 'salaryMin', 'education', 'kind', 'page'] as const;
const UUID = z.uuid();

/**
 * The page's query as far as it is valid: a form field a visitor spoiled (a hand-edited address) is
 * dropped rather than answered with an error page.
 */
export function lenientBoardQuery(raw: Record<string, unknown>) {
  const picked: Record<string, unknown> = {};
  for (const k of PAGE_FIELDS) if (typeof raw[k] === 'string' && raw[k] !== '') picked[k] = raw[k];
  for (;;) {
    const parsed = PublicJobsQuery.safeParse(picked);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) delete picked[String(issue.path[0])];
  }
}

const dateParam = (v: unknown) => (IsoDate.safeParse(v).success ? (v as string) : undefined);
const langOf = (raw: Record<string, unknown>): BoardLang => (raw.lang === 'en' ? 'en' : 'zh-CN');

function sendPage(reply: FastifyReply, status: number, html: string) {
  return reply.status(status).header('Content-Type', 'text/html; charset=utf-8').header('Cache-Control', 'public, max-age=60').send(html);
}

/** The board's HTML pages at /jobs and /jobs/:id: public, served without the web app's script. */
export function registerBoardPages(app: FastifyInstance) {
  const hidden = { hide: true };
  app.get('/jobs', { schema: hidden, config: { public: true } }, async (req, reply) => {
    const raw = req.query as Record<string, unknown>;
    const lang = langOf(raw);
    const query = lenientBoardQuery(raw);
    const today = chinaDate(req.ctx.clock.now());
    let from = dateParam(raw.from);
    let to = dateParam(raw.to);
    if (from && to && from > to) [from, to] = [to, from];
    const period = defaultPeriod(today, { from, to });
    const [found, stats] = await Promise.all([searchBoard(req.ctx.db, today, query), keptBoardStats(req.ctx.db, req.ctx.clock.now(), period.from, period.to)]);
    const html = renderBoardList({ lang, query, period: { ...period, periodChosen: !!(from || to) }, stats, items: found.items.map(presentBoardItem), hasMore: found.hasMore });
    return sendPage(reply, 200, html);
  });

  app.get('/jobs/:id', { schema: hidden, config: { public: true } }, async (req, reply) => {
    const lang = langOf(req.query as Record<string, unknown>);
    const id = (req.params as { id: string }).id;
    if (!UUID.safeParse(id).success) return sendPage(reply, 404, renderBoardNotFound(lang));
    try {
      const posting = await getBoardPosting(req.ctx.db, chinaDate(req.ctx.clock.now()), id);
      return sendPage(reply, 200, renderBoardPosting(presentBoardPosting(posting), lang));
    } catch (err) {
      if (err instanceof AppError && err.code === 'NOT_FOUND') return sendPage(reply, 404, renderBoardNotFound(lang));
      throw err;
    }
  });
}
