import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, gt } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { buildApp } from './app.js';
import { auditLog, orgs, userRoles, users } from './db/schema/index.js';
import { ManualClock } from './platform/clock.js';
import { deriveSecrets } from './platform/secrets.js';
import { createTestDatabase } from './test-support/test-db.js';
import { createTestApp, TEST_PASSWORD, type Session, type TestApp } from './test-support/test-app.js';

/**
 * Every write route against bad input: a 4xx (never a 500) with `error.code`, the field named where
 * it is a validation error, and nothing changed. The audit log may only gain denials and failures.
 */
let t: TestApp;
let admin: Session; // org_admin at A: every org and user route is in scope
let targetUser: string;
let movable: string; // an org under E that a move would take

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('admin-a', 'A', ['org_admin']);
  targetUser = await t.createUser('target-e', 'E', ['caseworker']);
  admin = await t.signIn('admin-a');
  const res = await admin.post('/api/orgs', { parentId: t.orgs.E.id, code: 'MOVABLE', name: '可移动', type: 'aid_station' });
  movable = res.json().id;
});
afterAll(() => t.close());

const LONG = 'x'.repeat(10_000);
const MISSING_UUID = crypto.randomUUID();

interface Route {
  method: 'POST' | 'PATCH' | 'PUT';
  url: (id?: string) => string;
  /** A body the route accepts, so one bad part is the only fault. */
  valid: () => Record<string, unknown>;
  public?: boolean;
}

const ROUTES: Record<string, Route> = {
  'POST /api/orgs': { method: 'POST', url: () => '/api/orgs', valid: () => ({ parentId: t.orgs.E.id, code: 'BAD-INPUT', name: '坏输入', type: 'aid_station' }) },
  'PATCH /api/orgs/:id': { method: 'PATCH', url: (id = movable) => `/api/orgs/${id}`, valid: () => ({ name: '改名' }) },
  'POST /api/orgs/:id/move': { method: 'POST', url: (id = movable) => `/api/orgs/${id}/move`, valid: () => ({ newParentId: t.orgs.D.id }) },
  'POST /api/users': { method: 'POST', url: () => '/api/users', valid: () => ({ orgId: t.orgs.E.id, username: 'bad-input', displayName: '坏输入', roles: ['caseworker'] }) },
  'PATCH /api/users/:id': { method: 'PATCH', url: (id = targetUser) => `/api/users/${id}`, valid: () => ({ displayName: '改名' }) },
  'PUT /api/users/:id/roles': { method: 'PUT', url: (id = targetUser) => `/api/users/${id}/roles`, valid: () => ({ roles: ['reviewer'] }) },
  'POST /api/auth/password': { method: 'POST', url: () => '/api/auth/password', valid: () => ({ currentPassword: TEST_PASSWORD, newPassword: 'another-long-password-1' }) },
  'POST /api/auth/sign-in': { method: 'POST', url: () => '/api/auth/sign-in', valid: () => ({ username: 'admin-a', password: TEST_PASSWORD }), public: true },
};

interface Case {
  route: keyof typeof ROUTES;
  what: string;
  /** The JSON body, built after setup; or `raw` text sent as is. */
  body?: () => unknown;
  raw?: string;
  contentType?: string;
  id?: string;
  status: number;
  code: string;
  fields?: string[];
}

const withExtra = (route: keyof typeof ROUTES, extra: Record<string, unknown>) => () => ({ ...ROUTES[route].valid(), ...extra });
const v = (route: keyof typeof ROUTES, extra: Record<string, unknown>, fields: string[], what: string): Case => ({ route, what, body: withExtra(route, extra), status: 400, code: 'VALIDATION', fields });

const CASES: Case[] = [
  // POST /api/orgs
  { route: 'POST /api/orgs', what: 'missing required fields', body: () => ({}), status: 400, code: 'VALIDATION', fields: ['body.parentId', 'body.code', 'body.name', 'body.type'] },
  { route: 'POST /api/orgs', what: 'missing name', body: () => ({ parentId: t.orgs.E.id, code: 'NO-NAME', type: 'aid_station' }), status: 400, code: 'VALIDATION', fields: ['body.name'] },
  v('POST /api/orgs', { parentId: 42, code: ['A'], name: { zh: '名' }, type: true }, ['body.parentId', 'body.code', 'body.name', 'body.type'], 'wrong types'),
  v('POST /api/orgs', { type: 'club', regionCode: 410802 }, ['body.type', 'body.regionCode'], 'a type outside the list and a numeric region code'),
  v('POST /api/orgs', { name: LONG }, ['body.name'], 'an over-long name'),
  v('POST /api/orgs', { nameEn: LONG }, ['body.nameEn'], 'an over-long English name'),
  v('POST /api/orgs', { code: LONG }, ['body.code'], 'an over-long code'),
  v('POST /api/orgs', { path: '/1/' }, ['body.path'], 'an unknown field path'),
  v('POST /api/orgs', { active: false, depth: 0 }, ['body.active', 'body.depth'], 'unknown fields active and depth'),
  { route: 'POST /api/orgs', what: 'a parent that does not exist', body: withExtra('POST /api/orgs', { parentId: MISSING_UUID }), status: 404, code: 'NOT_FOUND' },
  // PATCH /api/orgs/:id
  v('PATCH /api/orgs/:id', { name: '   ' }, ['body.name'], 'a blank name'),
  v('PATCH /api/orgs/:id', { name: 5, type: null, regionCode: 'abc' }, ['body.name', 'body.type', 'body.regionCode'], 'wrong types'),
  v('PATCH /api/orgs/:id', { name: LONG }, ['body.name'], 'an over-long name'),
  v('PATCH /api/orgs/:id', { code: 'NEW-CODE' }, ['body.code'], 'an unknown field code'),
  v('PATCH /api/orgs/:id', { parentId: MISSING_UUID, path: '/1/' }, ['body.parentId', 'body.path'], 'unknown fields parentId and path'),
  { route: 'PATCH /api/orgs/:id', what: 'an id that is not a uuid', id: 'not-a-uuid', body: withExtra('PATCH /api/orgs/:id', {}), status: 400, code: 'VALIDATION', fields: ['params.id'] },
  { route: 'PATCH /api/orgs/:id', what: 'an id that does not exist', id: MISSING_UUID, body: withExtra('PATCH /api/orgs/:id', {}), status: 404, code: 'NOT_FOUND' },
  // POST /api/orgs/:id/move
  { route: 'POST /api/orgs/:id/move', what: 'missing newParentId', body: () => ({}), status: 400, code: 'VALIDATION', fields: ['body.newParentId'] },
  v('POST /api/orgs/:id/move', { newParentId: 7 }, ['body.newParentId'], 'a number for newParentId'),
  v('POST /api/orgs/:id/move', { newParentId: LONG }, ['body.newParentId'], 'an over-long newParentId'),
  v('POST /api/orgs/:id/move', { parentId: MISSING_UUID }, ['body.parentId'], 'an unknown field parentId'),
  { route: 'POST /api/orgs/:id/move', what: 'an id that is not a uuid', id: "1' or '1'='1", body: withExtra('POST /api/orgs/:id/move', {}), status: 400, code: 'VALIDATION', fields: ['params.id'] },
  { route: 'POST /api/orgs/:id/move', what: 'an id that does not exist', id: MISSING_UUID, body: withExtra('POST /api/orgs/:id/move', {}), status: 404, code: 'NOT_FOUND' },
  { route: 'POST /api/orgs/:id/move', what: 'a new parent that does not exist', body: () => ({ newParentId: MISSING_UUID }), status: 404, code: 'NOT_FOUND' },
  // POST /api/users
  { route: 'POST /api/users', what: 'missing required fields', body: () => ({}), status: 400, code: 'VALIDATION', fields: ['body.orgId', 'body.username', 'body.displayName'] },
  v('POST /api/users', { orgId: 1, username: 2, displayName: false, roles: 'caseworker' }, ['body.orgId', 'body.username', 'body.displayName', 'body.roles'], 'wrong types'),
  v('POST /api/users', { username: '1-starts-with-a-digit' }, ['body.username'], 'a malformed username'),
  v('POST /api/users', { roles: ['god'] }, ['body.roles.0'], 'a role that does not exist'),
  v('POST /api/users', { displayName: LONG, username: LONG }, ['body.displayName', 'body.username'], 'over-long names'),
  v('POST /api/users', { passwordHash: '$argon2id$forged', active: false }, ['body.passwordHash', 'body.active'], 'unknown fields passwordHash and active'),
  { route: 'POST /api/users', what: 'an org that does not exist', body: withExtra('POST /api/users', { orgId: MISSING_UUID }), status: 404, code: 'NOT_FOUND' },
  // PATCH /api/users/:id
  v('PATCH /api/users/:id', { displayName: '' }, ['body.displayName'], 'an empty display name'),
  v('PATCH /api/users/:id', { displayName: [], orgId: 'E' }, ['body.displayName', 'body.orgId'], 'wrong types'),
  v('PATCH /api/users/:id', { displayName: LONG }, ['body.displayName'], 'an over-long display name'),
  v('PATCH /api/users/:id', { roles: ['org_admin'], passwordHash: 'x', mustChangePassword: false }, ['body.roles', 'body.passwordHash', 'body.mustChangePassword'], 'unknown fields'),
  { route: 'PATCH /api/users/:id', what: 'an id that is not a uuid', id: '12345', body: withExtra('PATCH /api/users/:id', {}), status: 400, code: 'VALIDATION', fields: ['params.id'] },
  { route: 'PATCH /api/users/:id', what: 'an id that does not exist', id: MISSING_UUID, body: withExtra('PATCH /api/users/:id', {}), status: 404, code: 'NOT_FOUND' },
  { route: 'PATCH /api/users/:id', what: 'an org that does not exist', body: () => ({ orgId: MISSING_UUID }), status: 404, code: 'NOT_FOUND' },
  // PUT /api/users/:id/roles
  { route: 'PUT /api/users/:id/roles', what: 'missing roles', body: () => ({}), status: 400, code: 'VALIDATION', fields: ['body.roles'] },
  v('PUT /api/users/:id/roles', { roles: 'reviewer' }, ['body.roles'], 'a string for roles'),
  v('PUT /api/users/:id/roles', { roles: [1, 'god'] }, ['body.roles.0', 'body.roles.1'], 'wrong role items'),
  v('PUT /api/users/:id/roles', { roles: [LONG] }, ['body.roles.0'], 'an over-long role'),
  v('PUT /api/users/:id/roles', { roles: Array(9).fill('reviewer') }, ['body.roles'], 'too many roles'),
  v('PUT /api/users/:id/roles', { userId: MISSING_UUID }, ['body.userId'], 'an unknown field userId'),
  { route: 'PUT /api/users/:id/roles', what: 'an id that is not a uuid', id: 'me', body: withExtra('PUT /api/users/:id/roles', {}), status: 400, code: 'VALIDATION', fields: ['params.id'] },
  { route: 'PUT /api/users/:id/roles', what: 'an id that does not exist', id: MISSING_UUID, body: withExtra('PUT /api/users/:id/roles', {}), status: 404, code: 'NOT_FOUND' },
  // POST /api/auth/password
  { route: 'POST /api/auth/password', what: 'missing fields', body: () => ({}), status: 400, code: 'VALIDATION', fields: ['body.currentPassword', 'body.newPassword'] },
  v('POST /api/auth/password', { currentPassword: 1, newPassword: true }, ['body.currentPassword', 'body.newPassword'], 'wrong types'),
  v('POST /api/auth/password', { newPassword: LONG }, ['body.newPassword'], 'an over-long new password'),
  v('POST /api/auth/password', { currentPassword: LONG }, ['body.currentPassword'], 'an over-long current password'),
  v('POST /api/auth/password', { userId: MISSING_UUID }, ['body.userId'], 'an unknown field userId'),
  // POST /api/auth/sign-in
  { route: 'POST /api/auth/sign-in', what: 'missing fields', body: () => ({}), status: 400, code: 'VALIDATION', fields: ['body.username', 'body.password'] },
  v('POST /api/auth/sign-in', { username: 1, password: null }, ['body.username', 'body.password'], 'wrong types'),
  v('POST /api/auth/sign-in', { username: LONG }, ['body.username'], 'an over-long username'),
  v('POST /api/auth/sign-in', { password: LONG }, ['body.password'], 'an over-long password'),
  v('POST /api/auth/sign-in', { remember: true }, ['body.remember'], 'an unknown field'),
];

// The same faults on every route: malformed JSON, an empty JSON body, a body that is not an object,
// and text PostgreSQL cannot store (U+0000).
for (const route of Object.keys(ROUTES) as Array<keyof typeof ROUTES>) {
  CASES.push(
    { route, what: 'malformed JSON', raw: '{"name":', contentType: 'application/json', status: 400, code: 'VALIDATION', fields: ['body'] },
    { route, what: 'an empty JSON body', raw: '', contentType: 'application/json', status: 400, code: 'VALIDATION', fields: ['body'] },
    { route, what: 'a JSON array', raw: '[1,2]', contentType: 'application/json', status: 400, code: 'VALIDATION', fields: ['body'] },
    { route, what: 'plain text', raw: 'name=x', contentType: 'text/plain', status: 400, code: 'VALIDATION', fields: ['body'] },
  );
}
CASES.push(
  v('POST /api/orgs', { name: 'a\u0000b' }, ['body.name'], 'a NUL character in a name'),
  v('PATCH /api/users/:id', { displayName: '\u0000' }, ['body.displayName'], 'a NUL character in a display name'),
  v('POST /api/auth/sign-in', { username: 'admin-a\u0000' }, ['body.username'], 'a NUL character in a username'),
  v('POST /api/users', { roles: ['caseworker\u0000'] }, ['body.roles.0'], 'a NUL character in a role'),
  // Lone surrogates (jsonb refuses them: a 500; text turns them into U+FFFD) and control characters.
  v('POST /api/orgs', { name: 'a\ud800b' }, ['body.name'], 'a lone surrogate in a name'),
  v('POST /api/orgs', { nameEn: '\udfff' }, ['body.nameEn'], 'a lone low surrogate in an English name'),
  v('POST /api/orgs', { name: 'a\u001b[31mred' }, ['body.name'], 'an ESC control character in a name'),
  v('PATCH /api/orgs/:id', { name: 'bell\u0007' }, ['body.name'], 'a BEL control character in a name'),
  v('PATCH /api/orgs/:id', { name: 'c1\u0085' }, ['body.name'], 'a C1 control character in a name'),
  v('POST /api/orgs', { name: 'line\nbreak' }, ['body.name'], 'a line break in a one-line name'),
  v('PATCH /api/users/:id', { displayName: '\ud83d' }, ['body.displayName'], 'a lone surrogate in a display name'),
  v('POST /api/auth/sign-in', { username: 'nobody\ud800' }, ['body.username'], 'a lone surrogate in an unknown username (audited in jsonb)'),
  v('POST /api/auth/password', { newPassword: 'long-enough-pass\ud800' }, ['body.newPassword'], 'a lone surrogate in a new password'),
  v('POST /api/orgs', { ['x\ud800']: 1 }, ['body.x\ud800'], 'a lone surrogate in a key'),
  { route: 'POST /api/orgs', what: 'a deeply nested value', raw: `{"name":${'['.repeat(200_000)}${']'.repeat(200_000)}}`, contentType: 'application/json', status: 400, code: 'VALIDATION', fields: ['body.name'] },
);

async function snapshot() {
  const db = t.database.db;
  return {
    orgs: await db.select().from(orgs).orderBy(asc(orgs.seq)),
    users: await db.select().from(users).orderBy(asc(users.id)),
    userRoles: await db.select().from(userRoles).orderBy(asc(userRoles.userId), asc(userRoles.roleKey)),
    lastAuditId: (await db.select({ id: auditLog.id }).from(auditLog).orderBy(asc(auditLog.id))).at(-1)?.id ?? 0,
  };
}

function send(c: Case) {
  const route = ROUTES[c.route];
  const opts: InjectOptions = { method: route.method, url: route.url(c.id) };
  if (c.raw !== undefined) {
    opts.payload = c.raw;
    opts.headers = { 'content-type': c.contentType! };
  } else {
    opts.payload = c.body!() as object;
  }
  return route.public ? t.app.inject(opts) : admin.request(opts);
}

describe('bad input on every write route', () => {
  it.each(CASES.map((c) => [`${c.route}: ${c.what}`, c] as const))('%s', async (_name, c) => {
    const before = await snapshot();
    const res = await send(c);
    expect(res.statusCode, res.body).toBe(c.status);
    const error = res.json().error;
    expect(error.code).toBe(c.code);
    expect(error.requestId).toBe(res.headers['x-request-id']);
    if (c.fields) {
      const named = error.details.issues.map((i: { field: string }) => i.field);
      for (const field of c.fields) expect(named, `names ${field}`).toContain(field);
    }
    const after = await snapshot();
    expect(after.orgs).toEqual(before.orgs);
    expect(after.users).toEqual(before.users);
    expect(after.userRoles).toEqual(before.userRoles);
    const added = await t.database.db.select().from(auditLog).where(gt(auditLog.id, before.lastAuditId));
    for (const row of added) expect(row.outcome, row.action).not.toBe('success');
  });

  it('covers every write route with each kind of fault', () => {
    for (const route of Object.keys(ROUTES)) {
      const whats = CASES.filter((c) => c.route === route).map((c) => c.what);
      expect(whats, route).toContain('malformed JSON');
      expect(whats.some((w) => /missing|blank|empty display/.test(w)), `${route} missing`).toBe(true);
      expect(whats.some((w) => /wrong|a number|a string/.test(w)), `${route} wrong types`).toBe(true);
      expect(whats.some((w) => /over-long/.test(w)), `${route} over-long`).toBe(true);
      expect(whats.some((w) => /unknown field/.test(w)), `${route} unknown fields`).toBe(true);
      if (route.includes(':id')) {
        expect(whats, route).toContain('an id that is not a uuid');
        expect(whats, route).toContain('an id that does not exist');
      }
    }
  });

  it('refuses a body over 1 MiB with 413 and changes nothing', async () => {
    const before = await snapshot();
    const res = await admin.post('/api/orgs', { ...ROUTES['POST /api/orgs'].valid(), name: 'x'.repeat(1_100_000) });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('LIMIT_EXCEEDED');
    expect((await snapshot()).orgs).toEqual(before.orgs);
  });

  it('refuses bad query strings and NUL characters in them with 400 naming the parameter', async () => {
    for (const [url, field] of [
      ['/api/orgs?q=%00', 'querystring.q'],
      ['/api/orgs?q=%1B', 'querystring.q'],
      ['/api/users?q=a%07b', 'querystring.q'],
      ['/api/audit?objectType=%C2%85', 'querystring.objectType'],
      ['/api/users?q=a%00b', 'querystring.q'],
      [`/api/orgs?q=${LONG}`, 'querystring.q'],
      ['/api/users?role=god', 'querystring.role'],
      ['/api/orgs?page=abc', 'querystring.page'],
      ['/api/users?orgId=123', 'querystring.orgId'],
    ]) {
      const res = await admin.get(url);
      expect(res.statusCode, `${url}: ${res.body}`).toBe(400);
      expect(res.json().error.details.issues.map((i: { field: string }) => i.field), url).toContain(field);
    }
  });

  it('still accepts the valid bodies (the cases above fail for their fault only)', async () => {
    expect((await admin.patch(ROUTES['PATCH /api/orgs/:id'].url(), ROUTES['PATCH /api/orgs/:id'].valid())).statusCode).toBe(200);
    expect((await admin.patch(ROUTES['PATCH /api/users/:id'].url(), ROUTES['PATCH /api/users/:id'].valid())).statusCode).toBe(200);
    expect((await admin.put(ROUTES['PUT /api/users/:id/roles'].url(), ROUTES['PUT /api/users/:id/roles'].valid())).statusCode).toBe(200);
    expect((await admin.post(ROUTES['POST /api/orgs/:id/move'].url(), ROUTES['POST /api/orgs/:id/move'].valid())).statusCode).toBe(200);
    expect((await admin.post('/api/orgs', ROUTES['POST /api/orgs'].valid())).statusCode).toBe(201);
    expect((await admin.post('/api/users', ROUTES['POST /api/users'].valid())).statusCode).toBe(201);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: ROUTES['POST /api/auth/sign-in'].valid() })).statusCode).toBe(200);
    expect((await admin.post('/api/auth/password', ROUTES['POST /api/auth/password'].valid())).statusCode).toBe(200);
  });
});

describe('sign-in rate limit', () => {
  it('answers the 6th sign-in within a minute from one address with 429 LIMIT_EXCEEDED', async () => {
    const database = await createTestDatabase();
    const app = await buildApp({ db: database.db, clock: new ManualClock(), secrets: deriveSecrets(crypto.randomBytes(32)), signInRateLimit: 5 });
    try {
      const attempt = () => app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'nobody-at-all', password: 'some-password-1' } });
      for (let i = 0; i < 5; i++) expect((await attempt()).statusCode).toBe(401);
      const limited = await attempt();
      expect(limited.statusCode).toBe(429);
      expect(limited.json().error.code).toBe('LIMIT_EXCEEDED');
      // Other routes are not limited by it.
      expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    } finally {
      await app.close();
      await database.close();
    }
  });
});

describe('response headers and API description', () => {
  it('sends the security headers', async () => {
    const res = await admin.get('/api/auth/me');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['strict-transport-security']).toBeUndefined(); // no HSTS without HTTPS
    const error = await t.app.inject({ method: 'GET', url: '/api/orgs' });
    expect(error.statusCode).toBe(401);
    expect(error.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves an OpenAPI document at /api/docs/json listing the routes', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.info.title).toBe('UnionHub API');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/orgs', '/api/orgs/{id}', '/api/users', '/api/audit', '/api/auth/sign-in']));
    expect(doc.paths['/api/orgs'].post.requestBody).toBeTruthy();
  });
});
