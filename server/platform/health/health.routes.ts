import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client.js';
import type { BuildInfo } from '../build-info.js';
import { NoQuery, typed } from '../http.js';
import { checkReadiness } from './readiness.js';

/** Whether the instance is on its way out (SIGTERM): /readyz then says no, so a balancer sends nothing new. */
export class Lifecycle {
  draining = false;
}

/**
 * /healthz (the process lives and answers) and /readyz (it can serve: database, migrations, data
 * directory), for a load balancer or systemd's watchdog. Public, unaudited and cheap: a prober calls
 * them every few seconds, and they reveal nothing but the version.
 */
export function registerHealthRoutes(fastify: FastifyInstance, o: { db: Db; dataDir?: string; build: BuildInfo; lifecycle: Lifecycle }) {
  const app = typed(fastify);
  const tags = ['system'];
  const config = { public: true };
  app.get('/healthz', { schema: { tags, summary: 'Liveness: the process answers (with its version and commit)', querystring: NoQuery }, config }, async (_req, reply) => {
    reply.header('Cache-Control', 'no-store');
    return { ok: true, version: o.build.version, commit: o.build.commit };
  });
  app.get('/readyz', { schema: { tags, summary: 'Readiness: the database answers, migrations are applied, the data directory is writable, and the instance is not stopping; 503 otherwise', querystring: NoQuery }, config }, async (_req, reply) => {
    const readiness = await checkReadiness({ db: o.db, dataDir: o.dataDir, draining: o.lifecycle.draining });
    return reply.status(readiness.ready ? 200 : 503).header('Cache-Control', 'no-store').send({ ...readiness, version: o.build.version, commit: o.build.commit });
  });
}
