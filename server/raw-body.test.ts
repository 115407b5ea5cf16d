import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegisteredRoute } from './app.js';
import { createTestApp, type Session, type TestApp } from './test-support/test-app.js';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The content types some route takes as a raw body (the import its .xlsx, the attachment upload any type). */
const RAW_TYPES = [XLSX_MIME, 'application/octet-stream', 'application/pdf', 'image/png'];
/** The only routes that take a raw body, with the query they need. */
const RAW_ROUTES: Record<string, string> = {
  'POST /api/household-imports': `?orgId=${crypto.randomUUID()}&filename=a.xlsx`,
  'POST /api/households/:id/attachments': '?kind=id_proof&fileName=a.pdf',
  'POST /api/application-imports': `?campaignId=${crypto.randomUUID()}&orgId=${crypto.randomUUID()}&filename=a.xlsx`,
  'POST /api/applications/:id/attachments': '?kind=admission_notice&fileName=a.pdf',
  'POST /api/policies/:id/attachments': '?fileName=a.pdf',
  'POST /api/donation-drives/:id/donation-batches/parse-xlsx': '',
  'POST /api/payment-batches/:id/result-import': '',
  'POST /api/job-posting-imports': '',
  'POST /api/enterprise-imports': `?orgId=${crypto.randomUUID()}`,
};
const OVER_GLOBAL_LIMIT = 2 * 1024 * 1024; // the app's bodyLimit is 1 MiB

/** A body produced on demand, so the test sees how much of it the server read. */
function countedBody(size: number) {
  const counter = { read: 0 };
  const chunk = Buffer.alloc(64 * 1024, 0x41);
  const stream = new Readable({
    read() {
      const n = Math.min(chunk.length, size - counter.read);
      counter.read += n;
      this.push(n > 0 ? chunk.subarray(0, n) : null);
    },
  });
  return { stream, counter };
}

let t: TestApp;
let admin: Session;
let routes: RegisteredRoute[];

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('raw.admin', 'A', ['org_admin']);
  admin = await t.signIn('raw.admin');
  routes = t.app.registeredRoutes;
});
afterAll(() => t.close());

const key = (r: RegisteredRoute) => `${r.method} ${r.url}`;
const urlOf = (r: RegisteredRoute) => r.url.replace(/:\w+/g, () => crypto.randomUUID()).replace('*', 'x');

async function send(route: RegisteredRoute, contentType: string, query = '') {
  const { stream, counter } = countedBody(OVER_GLOBAL_LIMIT);
  const res = await admin.request({
    method: route.method as 'POST',
    url: urlOf(route) + query,
    headers: { 'content-type': contentType, 'content-length': String(OVER_GLOBAL_LIMIT) },
    payload: stream,
  });
  return { status: res.statusCode, body: res.body, read: counter.read };
}

describe('raw request bodies only where a route takes them', () => {
  it('finds the raw-body routes among the app\'s routes', () => {
    for (const raw of Object.keys(RAW_ROUTES)) expect(routes.map(key)).toContain(raw);
  });

  it('refuses a body of every raw content type over the global limit on every other route, unread', async () => {
    const others = routes.filter((r) => !(key(r) in RAW_ROUTES));
    expect(others.length).toBeGreaterThan(20);
    for (const route of others)
      for (const contentType of RAW_TYPES) {
        const { status, body, read } = await send(route, contentType);
        const what = `${key(route)} with ${contentType}: ${status} ${body.slice(0, 200)}`;
        expect(read, what).toBeLessThan(256 * 1024);
        // GET bodies are never read, whatever their type; every other method is refused before reading.
        if (route.method === 'GET') expect(status, what).toBeLessThan(500);
        else expect([413, 415], what).toContain(status);
      }
  });

  it('still takes raw bodies over the global limit on the raw-body routes', async () => {
    for (const [raw, query] of Object.entries(RAW_ROUTES)) {
      const route = routes.find((r) => key(r) === raw)!;
      const contentType = /import|xlsx/.test(raw) ? XLSX_MIME : 'application/pdf';
      const { status, body, read } = await send(route, contentType, query);
      // The handler answered (the org or household does not exist, or the bytes are no file): the body was read whole.
      expect(read, `${raw}: ${status} ${body}`).toBe(OVER_GLOBAL_LIMIT);
      expect([413, 415], `${raw}: ${status} ${body}`).not.toContain(status);
      expect(status, body).toBeLessThan(500);
    }
  });
});
