import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq, gt } from 'drizzle-orm';
import type { RegisteredRoute } from './app.js';
import { auditLog, orgs } from './db/schema/index.js';
import { schemaTables, snapshotTables, WRITTEN_BY_DENIALS } from './test-support/db-snapshot.js';
import { createTestApp, type Session, type TestApp } from './test-support/test-app.js';
import { BODY_SCOPED_ROUTES, CHILD_PARAM_MAKERS, PUBLIC_ALLOW_LIST, RAW_REQUESTS, RESOURCE_MAKERS, SAMPLE_BODIES } from './test-support/resource-fixtures.js';

/**
 * Walks every registered API route. Each is either on the public allow-list or needs a session; with
 * the fixture tree A→{B,C}, B→{D,E}, C→{F,G}, a user at B holding every permission gets 404 for
 * records of A, C, F, G on every route and reaches B, D, E; no list leaks an id from outside.
 */
let t: TestApp;
let routes: RegisteredRoute[];
let atB: Session;
const OUTSIDE = ['A', 'C', 'F', 'G'];
const INSIDE = ['B', 'D', 'E'];
const records: Record<string, Record<string, string>> = {};

const key = (r: RegisteredRoute) => `${r.method} ${r.url}`;
const apiRoutes = () => routes.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'));
/** Routes that take a record by `:id` and answer for the actor's subtree (public routes are allow-listed instead). */
const scopedIdRoutes = () => apiRoutes().filter((r) => r.url.includes(':id') && !r.config.public);

beforeAll(async () => {
  t = await createTestApp();
  routes = t.app.registeredRoutes;
  // Every non-separated role plus the auditor's permission set, inserted directly: the strongest user at B.
  await t.createUser('walker', 'B', ['org_admin', 'reviewer', 'finance_officer', 'jobs_officer', 'caseworker', 'auditor', 'security_admin']);
  for (const resource of Object.keys(RESOURCE_MAKERS)) {
    records[resource] = {};
    for (const org of [...OUTSIDE, ...INSIDE]) records[resource][org] = await RESOURCE_MAKERS[resource](t, org);
  }
  atB = await t.signIn('walker');
}, 300_000); // every resource of every module in seven orgs, lump-sum batches built on the job runner among them
afterAll(() => t.close());

const OTHER_PARAM_ID = '00000000-0000-4000-8000-000000000000';
function fill(url: string, id: string) {
  return url.replace(':id', id).replace(/:[a-zA-Z]+/g, OTHER_PARAM_ID);
}

const secondParams = (url: string) => [...url.matchAll(/:([a-zA-Z]+)/g)].map((m) => m[1]).filter((p) => p !== 'id');

/** Like `fill`, but a second parameter with a child maker gets a fresh record under the `:id` one. */
async function urlFor(url: string, id: string) {
  let out = url.replace(':id', id);
  for (const param of secondParams(url)) out = out.replace(`:${param}`, CHILD_PARAM_MAKERS[param] ? await CHILD_PARAM_MAKERS[param](t, id) : OTHER_PARAM_ID);
  return out;
}

/**
 * The route called on the record `id` as the user at B, with its sample body (JSON, or a raw file).
 * Returned unsent: building the URL may first make a child record (an attachment) under `id`.
 */
async function requestAsB(route: RegisteredRoute, id: string, org: string) {
  const url = await urlFor(route.url, id);
  const raw = RAW_REQUESTS[key(route)]?.();
  if (raw) return () => atB.request({ method: route.method as 'POST', url: url + raw.query, headers: { 'content-type': raw.contentType }, payload: raw.payload });
  const payload = route.hasBody ? (SAMPLE_BODIES[key(route)](t, org) as object) : undefined;
  return () => atB.request({ method: route.method as 'GET', url, payload });
}
const callAsB = async (route: RegisteredRoute, id: string, org: string) => (await requestAsB(route, id, org))();

const lastAuditId = async () => (await t.database.db.select({ id: auditLog.id }).from(auditLog).orderBy(desc(auditLog.id)).limit(1))[0]?.id ?? 0;

describe('route walk', () => {
  it('finds the routes', () => {
    expect(apiRoutes().length).toBeGreaterThan(15);
  });

  it('has only allow-listed public routes, and every other route refuses a request without a session', async () => {
    for (const route of apiRoutes()) {
      if (route.config.public) {
        expect(PUBLIC_ALLOW_LIST.has(key(route)), `${key(route)} is public but not allow-listed`).toBe(true);
        continue;
      }
      const res = await t.app.inject({ method: route.method as 'GET', url: fill(route.url, records.org.B), payload: route.hasBody ? {} : undefined });
      expect(res.statusCode, key(route)).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('has a sample body for every route that takes one and a resource for every :id', () => {
    for (const route of apiRoutes()) {
      if (route.hasBody) expect(SAMPLE_BODIES[key(route)], `no sample body for ${key(route)}`).toBeDefined();
      if (route.url.includes(':id') && !route.config.public) expect(RESOURCE_MAKERS[route.config.resource ?? ''], `no resource for ${key(route)}`).toBeDefined();
    }
  });

  it('has a table snapshot that sees a change of one column of one row', async () => {
    const before = await snapshotTables(t.database.db);
    await t.database.db.update(orgs).set({ nameEn: 'changed by the test' }).where(eq(orgs.id, t.orgs.G.id));
    const after = await snapshotTables(t.database.db);
    await t.database.db.update(orgs).set({ nameEn: t.orgs.G.nameEn }).where(eq(orgs.id, t.orgs.G.id));
    expect(after.orgs.rows).toBe(before.orgs.rows);
    expect(after.orgs.md5).not.toBe(before.orgs.md5);
    expect(await snapshotTables(t.database.db)).toEqual(before);
  });

  it('answers 404 for records of A, C, F, G on every :id route, changing nothing', async () => {
    const walked = new Set<string>();
    for (const route of scopedIdRoutes()) {
      for (const org of OUTSIDE) {
        const id = records[route.config.resource!][org];
        const send = await requestAsB(route, id, 'B');
        const before = await snapshotTables(t.database.db);
        const auditBefore = await lastAuditId();
        const res = await send();
        expect(res.statusCode, `${key(route)} on ${org}: ${res.body}`).toBe(404);
        // Every table of the schema as it was (the denial only adds its audit row and touches the session).
        expect(await snapshotTables(t.database.db), `${key(route)} on ${org} changed nothing`).toEqual(before);
        const added = await t.database.db.select().from(auditLog).where(gt(auditLog.id, auditBefore));
        for (const row of added) expect(row.outcome, `${key(route)} on ${org}: ${row.action}`).not.toBe('success');
        walked.add(key(route));
      }
    }
    // The snapshot covers every table the schema declares, and the walk every :id route.
    expect(Object.keys(await snapshotTables(t.database.db))).toEqual(schemaTables().filter((name) => !WRITTEN_BY_DENIALS.includes(name)));
    expect(walked.size).toBe(scopedIdRoutes().length);
  });

  it('answers 404 when a body or a filter names an org of A, C, F, G', async () => {
    for (const route of apiRoutes()) {
      for (const org of OUTSIDE) {
        if (BODY_SCOPED_ROUTES.has(key(route))) {
          const res = await atB.request({ method: route.method as 'POST', url: route.url, payload: SAMPLE_BODIES[key(route)](t, org) as object });
          expect(res.statusCode, `${key(route)} naming ${org}`).toBe(404);
        }
        for (const param of route.querystringKeys.filter((k) => k === 'orgId' || k === 'underId')) {
          // A route of a record takes one of B's, so only the filter is out of scope.
          const url = route.url.includes(':id') ? await urlFor(route.url, records[route.config.resource!].B) : route.url;
          const res = await atB.request({ method: route.method as 'GET', url: `${url}?${param}=${t.orgs[org].id}` });
          expect(res.statusCode, `${key(route)}?${param}=${org}`).toBe(404);
        }
      }
    }
  });

  it('never shows an id from A, C, F, G in any list or read of B', async () => {
    const outsideIds = Object.values(records).flatMap((byOrg) => OUTSIDE.map((o) => byOrg[o]));
    for (const route of apiRoutes().filter((r) => r.method === 'GET' && !r.config.public)) {
      const urls = route.url.includes(':id') ? await Promise.all(INSIDE.map((o) => urlFor(route.url, records[route.config.resource!][o]))) : [route.url];
      for (const url of urls) {
        const res = await atB.get(url);
        // A read the record's state does not allow yet (a bank file before the batch is paid) is a 409, not a leak.
        if (res.statusCode === 409) expect(res.json().error.details.reason, `${url}: ${res.body}`).toBe('status');
        else expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
        for (const id of outsideIds) expect(res.body.includes(id), `${url} leaks ${id}: ${res.body.slice(Math.max(0, res.body.indexOf(id) - 400), res.body.indexOf(id) + 100)}`).toBe(false);
      }
    }
  });

  it('reaches records of B, D, E on every :id route (no 404)', async () => {
    for (const route of scopedIdRoutes()) {
      for (const org of ['D', 'E']) {
        const id = records[route.config.resource!][org];
        const res = await callAsB(route, id, org);
        // A second path parameter without a child maker gets a made-up id: its 404 must name that, not the record.
        if (secondParams(route.url).some((p) => !CHILD_PARAM_MAKERS[p])) expect(res.body, key(route)).not.toContain(`${route.config.resource} not found`);
        else expect(res.statusCode, `${key(route)} on ${org}: ${res.body}`).not.toBe(404);
        expect(res.statusCode, `${key(route)} on ${org}: ${res.body}`).toBeLessThan(500);
      }
    }
  });
});
