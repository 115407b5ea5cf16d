import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { Database } from './db/client.js';
import { auditLog } from './db/schema/index.js';
import { ManualClock } from './platform/clock.js';
import { deriveSecrets } from './platform/secrets.js';
import { createTestDatabase } from './test-support/test-db.js';

/** Sign-in behind a reverse proxy at 10.0.0.1: whose address counts for the rate limit and the audit log. */
const PROXY = '10.0.0.1';
let database: Database;
const apps: FastifyInstance[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  for (const app of apps) await app.close();
  await database.close();
});

async function appTrusting(trustProxy?: string[]) {
  const clock = new ManualClock(new Date('2026-03-02T09:00:00+08:00'));
  const app = await buildApp({ db: database.db, clock, secrets: deriveSecrets(crypto.randomBytes(32)), signInRateLimit: 2, trustProxy });
  apps.push(app);
  return app;
}

const signInVia = (app: FastifyInstance, peer: string, forwardedFor?: string) =>
  app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    remoteAddress: peer,
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
    payload: { username: 'nobody-at-all', password: 'not-a-password-1' },
  });

async function auditedIp(res: Awaited<ReturnType<typeof signInVia>>) {
  const [row] = await database.db.select({ ip: auditLog.ip }).from(auditLog).where(eq(auditLog.requestId, String(res.headers['x-request-id'])));
  return row.ip;
}

describe('TRUST_PROXY set to the proxy', () => {
  it('gives each forwarded client its own rate-limit bucket', async () => {
    const app = await appTrusting([PROXY]);
    const first = [await signInVia(app, PROXY, '203.0.113.5'), await signInVia(app, PROXY, '203.0.113.5')];
    expect(first.map((r) => r.statusCode)).toEqual([401, 401]);
    expect((await signInVia(app, PROXY, '203.0.113.5')).statusCode).toBe(429);
    expect((await signInVia(app, PROXY, '203.0.113.6')).statusCode).toBe(401);
  });

  it('records the client address, not the proxy, in the audit log', async () => {
    const app = await appTrusting(['10.0.0.0/8']);
    expect(await auditedIp(await signInVia(app, PROXY, '198.51.100.23'))).toBe('198.51.100.23');
    // Only the hop the trusted proxy appended counts: an address the client made up before it is not believed.
    expect(await auditedIp(await signInVia(app, PROXY, '192.0.2.99, 198.51.100.24'))).toBe('198.51.100.24');
  });

  it('a malformed X-Forwarded-For is an ordinary failed sign-in, never a 500', async () => {
    const app = await appTrusting([PROXY]);
    for (const header of ['not-an-address', ',,,', '203.0.113.5, '.repeat(200), '\u00ff\u00fe'])
      expect((await signInVia(app, PROXY, header)).statusCode).toBe(401);
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', async () => {
    const app = await appTrusting([PROXY]);
    const stranger = '198.51.100.7';
    expect(await auditedIp(await signInVia(app, stranger, '203.0.113.9'))).toBe(stranger);
    await signInVia(app, stranger, '203.0.113.10');
    expect((await signInVia(app, stranger, '203.0.113.11')).statusCode).toBe(429);
  });
});

describe('TRUST_PROXY unset', () => {
  it('ignores X-Forwarded-For: every client behind the proxy shares its address', async () => {
    const app = await appTrusting(undefined);
    expect(await auditedIp(await signInVia(app, PROXY, '203.0.113.5'))).toBe(PROXY);
    await signInVia(app, PROXY, '203.0.113.6');
    expect((await signInVia(app, PROXY, '203.0.113.7')).statusCode).toBe(429);
  });

  it('an empty list trusts no proxy either', async () => {
    const app = await appTrusting([]);
    expect(await auditedIp(await signInVia(app, PROXY, '203.0.113.5'))).toBe(PROXY);
  });
});
