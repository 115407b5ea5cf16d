import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegisteredRoute } from './app.js';
import { createTestApp, type Session, type TestApp } from './test-support/test-app.js';

// Every API read refuses a query parameter it does not know, naming it: a misspelt filter
// (`?stauts=paid`) must not silently answer the unfiltered list. The routes come from the app.
let t: TestApp;
let s: Session;
let reads: RegisteredRoute[];

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('admin-a', 'A', ['org_admin']);
  s = await t.signIn('admin-a');
  reads = t.app.registeredRoutes.filter((r) => r.method === 'GET' && r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'));
});
afterAll(() => t.close());

/** A concrete path: every `:param` gets a well-formed value, so only the query can be wrong. */
const WELL_FORMED: Record<string, string> = { ticketNo: 'ZX2026112900012' };
const concrete = (url: string) => url.replace(/:([A-Za-z]+)/g, (_, name: string) => WELL_FORMED[name] ?? crypto.randomUUID()).replace(/\*$/, 'x');

describe('unknown query parameters', () => {
  it('are refused with a 400 naming them on every API read, whether or not the route takes a query', async () => {
    expect(reads.length).toBeGreaterThan(90);
    const answered: string[] = [];
    for (const r of reads) {
      const res = await s.get(`${concrete(r.url)}${r.url.includes('?') ? '&' : '?'}stauts=paid`);
      if (res.statusCode === 400 && JSON.stringify(res.json().error?.details ?? {}).includes('querystring')) continue;
      answered.push(`${r.url} → ${res.statusCode} ${res.body.slice(0, 120)}`);
    }
    expect(answered).toEqual([]);
  });

  it('name the parameter on a route that takes no query at all', async () => {
    const res = await s.get('/api/auth/me?stauts=paid');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues).toEqual([{ field: 'querystring.stauts', message: 'unknown field' }]);
    expect((await s.get('/api/auth/me')).statusCode).toBe(200);
  });
});
