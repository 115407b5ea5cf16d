import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { typed } from '../http.js';
import type { AppMetrics } from './app-metrics.js';
import { mayReadMetrics } from './metrics-access.js';

/**
 * Times every request by its route pattern (`/api/households/:id`; `unmatched` for a 404 without a
 * route, so scanners' URLs do not become series) and serves GET /metrics in Prometheus' text format.
 *
 * The route is outside /api, so the session layer does not ask for a session (it is `public` for the
 * record); its own check (metrics-access.ts) lets in loopback clients and the bearer token only. It
 * is hidden from the API description, which is for integrators. A scrape is not audited, like
 * /api/health: it carries counts, no personal data and no actor, and a Prometheus scrape every 15 s
 * would add ~5,800 rows a day to the append-only audit log.
 */
export function registerMetricsRoute(app: FastifyInstance, metrics: AppMetrics, opts: { token?: string }) {
  app.addHook('onResponse', async (request, reply) => {
    metrics.httpRequestDuration.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status_code: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  typed(app).get(
    '/metrics',
    {
      schema: { hide: true, summary: 'Prometheus metrics (loopback clients without a proxy header, or the METRICS_TOKEN bearer)', querystring: z.strictObject({}) },
      config: { public: true },
      // Before validation, so a refused caller gets the unknown path's 404 whatever it sends.
      onRequest: async (request) => {
        if (!mayReadMetrics(request.raw, opts.token)) throw new AppError('NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]}`);
      },
    },
    async (_request, reply) => {
      reply.header('Content-Type', metrics.registry.contentType).header('Cache-Control', 'no-store');
      return metrics.scrape();
    },
  );
}
