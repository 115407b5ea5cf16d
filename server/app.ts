import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Db } from './db/client.js';
import type { Clock } from './platform/clock.js';
import type { Ctx } from './platform/context.js';
import { AppError, validation } from './platform/errors.js';
import { logDenial } from './platform/authz.js';
import { sendError } from './platform/http-errors.js';
import { createFileStore } from './platform/file-store.js';
import { fieldWithBadText, unexpectedBodyIssues, unexpectedQueryIssues } from './platform/http.js';
import { openapiDocument, openapiTransform, rawBodyTypes } from './platform/openapi.js';
import type { Secrets } from './platform/secrets.js';
import { ForegroundGauge } from './platform/foreground.js';
import { safeLoggerOptions } from './platform/log-safety.js';
import { createAppMetrics } from './platform/metrics/app-metrics.js';
import { registerMetricsRoute } from './platform/metrics/metrics-route.js';
import { JobRunner, type JobRunnerOptions } from './platform/jobs/job-runner.js';
import { registerBackgroundJobRoutes } from './modules/background-jobs/background-jobs.routes.js';
import { registerAuditRoutes } from './modules/audit/audit.routes.js';
import { registerAuthRoutes } from './modules/auth/auth.routes.js';
import { csrfTokenFor, resolveSession, SESSION_COOKIE } from './modules/auth/sessions.js';
import { registerHouseholdAttachmentRoutes } from './modules/households/attachments/household-attachments.routes.js';
import { registerHouseholdRoutes } from './modules/households/households.routes.js';
import { householdImportJobHandlers } from './modules/households/import/household-import-job-handlers.js';
import { registerOrgRoutes } from './modules/orgs/orgs.routes.js';
import { campaignJobHandlers } from './modules/campaigns/campaign-jobs.js';
import { registerCampaignRoutes } from './modules/campaigns/campaigns.routes.js';
import { registerFundRoutes } from './modules/funds/funds.routes.js';
import { paymentJobHandlers } from './modules/funds/payments/payment-jobs.js';
import { registerPaymentRoutes } from './modules/funds/payments/payments.routes.js';
import { registerInKindRoutes } from './modules/funds/in-kind/in-kind.routes.js';
import { registerDonationRoutes } from './modules/funds/donations/donations.routes.js';
import { registerSeekerRoutes } from './modules/employment/seekers/seekers.routes.js';
import { registerEnterpriseRoutes } from './modules/employment/enterprises/enterprises.routes.js';
import { registerPolicyRoutes } from './modules/employment/policies/policies.routes.js';
import { registerConsultationRoutes } from './modules/employment/consultations/consultations.routes.js';
import { registerPostingRoutes } from './modules/employment/postings/postings.routes.js';
import { registerPostingImportRoutes } from './modules/employment/postings/import/posting-import.routes.js';
import { registerPostingExpiry } from './modules/employment/postings/expire-postings.js';
import { registerBoardRoutes } from './modules/employment/board/board.routes.js';
import { registerIdempotency } from './platform/idempotency.js';
import { readBuildInfo } from './platform/build-info.js';
import { Lifecycle, registerHealthRoutes } from './platform/health/health.routes.js';
import { registerUserRoutes } from './modules/users/users.routes.js';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: Ctx;
  }
  interface FastifyInstance {
    /** Every route as registered, for the route-walking authorization test and the docs. */
    registeredRoutes: RegisteredRoute[];
    /** The background job runner of this instance (docs/decisions/009-job-runner.md). */
    jobs: JobRunner;
    /** Set draining on SIGTERM: /readyz answers 503 while in-flight requests finish. */
    lifecycle: Lifecycle;
  }
}

export interface RegisteredRoute {
  method: string;
  url: string;
  config: { public?: boolean; resource?: string };
  /** Declares a (JSON) body schema. */
  hasBody: boolean;
  /** Takes its body as raw bytes of these content types (platform/openapi.ts). */
  rawBody?: readonly string[];
  querystringKeys: string[];
}

export interface AppOptions {
  db: Db;
  clock: Clock;
  secrets: Secrets;
  secureCookies?: boolean;
  dengbaoMode?: boolean;
  /** Built web app to serve; omitted in API tests. */
  webDistDir?: string;
  /**
   * The data directory: uploaded files go to `<dataDir>/attachments` (in PostgreSQL mode too). When
   * omitted (benchmarks, some tests) they go to a temporary directory removed when the app closes.
   */
  dataDir?: string;
  /** JSON logs without personal data (platform/log-safety.ts); `stream` takes the lines instead of stdout. */
  logger?: boolean | { level: string; stream?: { write(line: string): void } };
  /** Lets a scraper read GET /metrics with this bearer token (loopback clients need none; platform/metrics/). */
  metricsToken?: string;
  /** The database belongs to this process alone (the embedded engine): jobs left running at start were cut short. */
  exclusiveDatabase?: boolean;
  /** Job runner settings; tests and benchmarks shorten the intervals. */
  jobs?: Pick<JobRunnerOptions, 'maxRunning' | 'pollMs' | 'heartbeatMs' | 'staleAfterMs'>;
  /** Sign-in attempts per IP per minute (per-account lockout is separate). */
  signInRateLimit?: number;
  /**
   * Addresses or CIDRs of reverse proxies whose X-Forwarded-For gives the client address (request.ip:
   * rate limits, audit, sessions); empty or omitted trusts no proxy header.
   */
  trustProxy?: string[];
}

export const DEFAULT_WEB_DIST = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'web', 'dist');
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const PASSWORD_CHANGE_ROUTES = new Set(['/api/auth/me', '/api/auth/password', '/api/auth/sign-out']);

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ? safeLoggerOptions(opts.logger === true ? { level: 'info' } : opts.logger) : false,
    // Requests are logged below, once the actor is known, without their query strings.
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: () => crypto.randomUUID(),
    bodyLimit: 1024 * 1024,
    trustProxy: opts.trustProxy?.length ? opts.trustProxy : false,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(async (error, request, reply) => {
    await logDenial(request.ctx, error);
    return sendError(error, request, reply);
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"], // antd's CSS-in-JS writes style elements at run time
        imgSrc: ["'self'", 'data:'],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: opts.secureCookies ? undefined : false,
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  // operationId, summary, security, error answers and raw bodies for every route: platform/openapi.ts.
  await app.register(swagger, { openapi: openapiDocument({ sessionCookie: SESSION_COOKIE }), transform: openapiTransform });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  /** A folder of the data directory; without one (benchmarks, some tests) a temporary folder removed on close. */
  const dataPath = (name: string) => {
    if (opts.dataDir) return path.join(opts.dataDir, name);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `uh-${name}-`));
    app.addHook('onClose', async () => fs.rmSync(dir, { recursive: true, force: true }));
    return dir;
  };
  const foreground = new ForegroundGauge();
  const counted = new WeakMap<object, number>();
  const ended = async (request: object) => {
    const seq = counted.get(request);
    if (seq !== undefined) foreground.ended(seq);
  };
  app.addHook('onRequest', async (request) => void counted.set(request, foreground.started()));
  app.addHook('onResponse', ended);
  app.addHook('onRequestAbort', ended);
  const metrics = createAppMetrics({ db: opts.db, jobKinds: () => jobs.kinds(), onCollectError: (err) => app.log.warn({ err }, 'metrics: counting background jobs failed') });
  const jobs = new JobRunner({
    db: opts.db,
    foreground,
    inputs: createFileStore({ root: dataPath('job-inputs'), encryptionKey: opts.secrets.fileEncryptionKey, notInside: [DEFAULT_WEB_DIST, opts.webDistDir] }),
    exclusiveDatabase: opts.exclusiveDatabase,
    ...opts.jobs,
    log: (message, err) => (err ? app.log.error({ err }, message) : app.log.warn(message)),
    onFinished: (job, outcome, seconds) => metrics.jobDuration.observe({ kind: job.kind, outcome }, seconds),
  });
  app.decorate('jobs', jobs);
  app.addHook('onReady', () => jobs.start());
  app.addHook('onClose', () => jobs.stop());

  const registeredRoutes: RegisteredRoute[] = [];
  app.decorate('registeredRoutes', registeredRoutes);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const qs = route.schema?.querystring as { shape?: Record<string, unknown> } | undefined;
    for (const method of methods)
      if (method !== 'HEAD')
        registeredRoutes.push({
          method,
          url: route.url,
          config: (route.config ?? {}) as RegisteredRoute['config'],
          hasBody: !!route.schema?.body,
          rawBody: rawBodyTypes(method, route.url, route.config),
          querystringKeys: Object.keys(qs?.shape ?? {}),
        });
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('X-Request-Id', request.id);
    const token = request.cookies[SESSION_COOKIE];
    const actor = token ? await resolveSession(opts.db, opts.clock, token) : null;
    request.ctx = { db: opts.db, clock: opts.clock, secrets: opts.secrets, actor, requestId: request.id, ip: request.ip, jobs, metrics };
    // Every later line of this request carries the actor's id (never a username or name) beside reqId.
    if (actor) request.log = reply.log = request.log.child({ actorId: actor.userId });
    request.log.debug({ req: request }, 'incoming request');
    const config = request.routeOptions.config;
    const isApi = request.url.startsWith('/api/') && !request.url.startsWith('/api/docs');
    if (!isApi || config?.public || !request.routeOptions.url) return;
    if (!actor) throw new AppError('UNAUTHENTICATED', 'sign in required');
    if (actor.mustChangePassword && !PASSWORD_CHANGE_ROUTES.has(request.routeOptions.url))
      throw new AppError('FORBIDDEN', 'change the one-time password first', { reason: 'password_change_required' });
    if (UNSAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      const expected = csrfTokenFor(opts.secrets, actor.sessionTokenHash!);
      if (typeof sent !== 'string' || sent.length !== expected.length || !crypto.timingSafeEqual(Buffer.from(sent), Buffer.from(expected)))
        throw new AppError('FORBIDDEN', 'missing or wrong X-CSRF-Token header', { reason: 'csrf' });
    }
  });

  // Text PostgreSQL cannot store (U+0000, lone surrogates) is refused before validation and any
  // query, naming the field, on every route: never a 500 from the database.
  app.addHook('preValidation', async (request) => {
    const bad =
      fieldWithBadText(request.params, 'params') ?? fieldWithBadText(request.query, 'querystring') ?? fieldWithBadText(request.body, 'body');
    if (bad) throw validation([bad]);
    // A route without a body schema takes no body: fields sent anyway are refused, not ignored.
    const route = request.routeOptions;
    if (route.url && !route.schema?.body && !rawBodyTypes(request.method, route.url, route.config)) {
      const issues = unexpectedBodyIssues(request.body);
      if (issues) throw validation(issues);
    }
    // Likewise an API route without a query schema takes no query: a misspelt filter is refused, not silently ignored.
    if (route.url?.startsWith('/api/') && !route.url.startsWith('/api/docs') && !route.schema?.querystring) {
      const issues = unexpectedQueryIssues(request.query);
      if (issues) throw validation(issues);
    }
  });

  app.addHook('onResponse', async (request, reply) => {
    request.log.info({ req: request, res: reply, responseTime: Math.round(reply.elapsedTime * 10) / 10 }, 'request completed');
  });

  registerIdempotency(app, opts.db, opts.clock);

  app.get('/api/health', { config: { public: true }, schema: { tags: ['system'], summary: 'Liveness check' } }, async () => ({ ok: true }));
  const lifecycle = new Lifecycle();
  app.decorate('lifecycle', lifecycle);
  registerHealthRoutes(app, { db: opts.db, dataDir: opts.dataDir, build: readBuildInfo(), lifecycle });
  registerMetricsRoute(app, metrics, { token: opts.metricsToken });
  registerAuthRoutes(app, { secureCookies: !!opts.secureCookies, dengbaoMode: !!opts.dengbaoMode, signInRateLimit: opts.signInRateLimit ?? 30 });
  registerOrgRoutes(app);
  registerUserRoutes(app);
  registerAuditRoutes(app);
  registerHouseholdRoutes(app);
  registerBackgroundJobRoutes(app);
  for (const handler of householdImportJobHandlers({ db: opts.db, clock: opts.clock, secrets: opts.secrets })) jobs.register(handler);

  const files = createFileStore({ root: dataPath('attachments'), encryptionKey: opts.secrets.fileEncryptionKey, notInside: [DEFAULT_WEB_DIST, opts.webDistDir] });
  registerHouseholdAttachmentRoutes(app, files);
  registerCampaignRoutes(app, files);
  registerFundRoutes(app);
  registerPaymentRoutes(app);
  registerInKindRoutes(app);
  for (const handler of paymentJobHandlers({ db: opts.db, clock: opts.clock, secrets: opts.secrets })) jobs.register(handler);
  registerDonationRoutes(app);
  registerSeekerRoutes(app);
  registerEnterpriseRoutes(app);
  for (const handler of campaignJobHandlers({ db: opts.db, clock: opts.clock, secrets: opts.secrets })) jobs.register(handler);
  registerPolicyRoutes(app, files);
  registerConsultationRoutes(app);
  registerPostingRoutes(app);
  registerPostingImportRoutes(app);
  registerPostingExpiry(app, { db: opts.db, clock: opts.clock, secrets: opts.secrets });
  registerBoardRoutes(app);

  if (opts.webDistDir && fs.existsSync(path.join(opts.webDistDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: opts.webDistDir, prefix: '/', wildcard: false, index: 'index.html' });
  }
  app.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === 'GET' && !request.url.startsWith('/api/') && opts.webDistDir;
    if (wantsPage && fs.existsSync(path.join(opts.webDistDir!, 'index.html'))) return reply.sendFile('index.html');
    return sendError(new AppError('NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]}`), request, reply);
  });
  return app;
}
