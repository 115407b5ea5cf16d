import crypto from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Db } from '../db/client.js';
import { idempotencyKeys } from '../db/schema/index.js';
import { AppError, conflict, preconditionFailed, validation } from './errors.js';

/**
 * Idempotency-Key on money-moving requests (security.md, Money; docs/decisions/014-idempotency-keys.md).
 *
 * A route opts in with `config: { idempotent: true }` and `headers: IdempotencyHeaders` in its schema
 * (so the OpenAPI document shows the header and a missing key is a 400 naming it). Then:
 * - the first request with a key records it (user, key, hash of method, route, params, query and body)
 *   in a transaction of its own, before any work, and stores its answer when it is sent;
 * - the same key with the same request replays that answer (`Idempotent-Replayed: true`), also when it
 *   arrives while the first is still running: it waits for the first to finish;
 * - the same key with another request is a 422;
 * - an answer of 5xx is not kept, so the client may retry with the same key.
 */
export const IDEMPOTENCY_HEADER = 'idempotency-key';

export const IdempotencyHeaders = z.object({
  [IDEMPOTENCY_HEADER]: z
    .string({ error: 'an Idempotency-Key header is required on money-moving requests' })
    .min(8, 'at least 8 characters')
    .max(128, 'at most 128 characters')
    .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces'),
});

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A money-moving route: it takes an Idempotency-Key (platform/idempotency.ts). */
    idempotent?: boolean;
  }
  interface FastifyRequest {
    idempotencyRecord?: { userId: string; key: string };
  }
}

/** How long a second request waits for the first one's answer before it is told to try later. */
const WAIT_FOR_FIRST_MS = 15_000;
/** Kept keys older than this are swept (the client has long since had its answer). */
export const IDEMPOTENCY_KEY_TTL_MS = 7 * 24 * 3600_000;

function requestHash(request: FastifyRequest): string {
  // An upload's bytes are hashed rather than spelled out.
  const body = Buffer.isBuffer(request.body) ? `sha256:${crypto.createHash('sha256').update(request.body).digest('hex')}` : (request.body ?? null);
  const canonical = JSON.stringify([request.method, request.routeOptions.url, request.params ?? null, request.query ?? null, body]);
  return crypto.createHash('sha256').update(canonical).digest('hex');
}

async function replay(db: Db, request: FastifyRequest, reply: FastifyReply, userId: string, key: string, hash: string) {
  const deadline = Date.now() + WAIT_FOR_FIRST_MS;
  for (;;) {
    const [row] = await db.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
    if (!row) return false; // the first failed with a 5xx and let its key go: this one does the work
    if (row.requestHash !== hash)
      throw preconditionFailed('idempotency_key_reused', 'this Idempotency-Key was used for another request', { issues: [{ field: `headers.${IDEMPOTENCY_HEADER}`, message: 'already used for a different request' }] });
    if (row.state === 'done') {
      reply.header('idempotent-replayed', 'true').header('content-type', 'application/json; charset=utf-8').status(row.responseStatus ?? 200);
      return reply.send(row.responseBody ?? '');
    }
    if (Date.now() > deadline) throw conflict('idempotency_in_progress', 'a request with this Idempotency-Key is still being processed; try again shortly');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** How often the kept keys past their time are swept. */
const SWEEP_EVERY_MS = 6 * 3600_000;

/** Registers the hooks that give `config.idempotent` routes their Idempotency-Key behaviour. */
export function registerIdempotency(app: FastifyInstance, db: Db, clock: { now(): Date }) {
  let sweeper: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    sweeper = setInterval(() => void sweepIdempotencyKeys(db, clock.now()).catch((err: unknown) => app.log.warn({ err }, 'idempotency key sweep failed')), SWEEP_EVERY_MS);
    sweeper.unref();
  });
  app.addHook('onClose', async () => clearInterval(sweeper));

  app.addHook('onRoute', (route) => {
    if (route.config?.idempotent && !(route.schema?.headers as { shape?: Record<string, unknown> } | undefined)?.shape?.[IDEMPOTENCY_HEADER])
      throw new Error(`${route.method} ${route.url} is idempotent but does not declare the ${IDEMPOTENCY_HEADER} header in its schema`);
  });

  app.addHook('preHandler', async (request, reply) => {
    if (!request.routeOptions.config?.idempotent) return;
    const userId = request.ctx.actor?.userId;
    if (!userId) throw new AppError('UNAUTHENTICATED', 'sign in required');
    const key = request.headers[IDEMPOTENCY_HEADER];
    if (typeof key !== 'string') throw validation([{ field: `headers.${IDEMPOTENCY_HEADER}`, message: 'required' }]);
    const hash = requestHash(request);
    for (;;) {
      const inserted = await db
        .insert(idempotencyKeys)
        .values({ userId, key, requestHash: hash, state: 'pending', createdAt: new Date() })
        .onConflictDoNothing()
        .returning({ key: idempotencyKeys.key });
      if (inserted.length) {
        request.idempotencyRecord = { userId, key };
        return;
      }
      const replayed = await replay(db, request, reply, userId, key, hash);
      if (replayed !== false) return replayed;
    }
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const record = request.idempotencyRecord;
    if (!record) return payload;
    request.idempotencyRecord = undefined;
    const where = and(eq(idempotencyKeys.userId, record.userId), eq(idempotencyKeys.key, record.key));
    if (reply.statusCode >= 500) await db.delete(idempotencyKeys).where(where);
    else await db.update(idempotencyKeys).set({ state: 'done', responseStatus: reply.statusCode, responseBody: typeof payload === 'string' ? payload : JSON.stringify(payload ?? null) }).where(where);
    return payload;
  });
}

/** Drops kept keys past their time (run by the maintenance loop). */
export async function sweepIdempotencyKeys(db: Db, now: Date) {
  await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, new Date(now.getTime() - IDEMPOTENCY_KEY_TTL_MS)));
}
