import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { LOCK_AFTER_FAILURES } from '../../modules/auth/lockout.js';
import { buildHouseholdWorkbook, validHouseholdRows } from '../../test-support/household-workbook.js';
import { createTestApp, TEST_PASSWORD, type Session, type TestApp } from '../../test-support/test-app.js';
import { XLSX_MIME } from '../http.js';
import { enqueueJob } from '../jobs/job-queries.js';

/**
 * GET /metrics after a sign-in failure, a lockout, a list, a read by id and an import job: the
 * counters and histograms with their labels (route patterns, never raw URLs), queue depth, pool use
 * on PostgreSQL; loopback callers and the bearer token only.
 */
const TOKEN = 'metrics-token-0123456789abcdef0123456789';
let t: TestApp;
let caseworker: Session;
let householdId: string;
let text: string;

const signIn = (username: string, password: string) => t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username, password } });
const scrape = (opts: { remoteAddress?: string; headers?: Record<string, string>; url?: string } = {}) =>
  t.app.inject({ method: 'GET', url: opts.url ?? '/metrics', remoteAddress: opts.remoteAddress, headers: opts.headers });
/** The value of one series, by its name and exact label set as printed. */
function sample(name: string, labels = ''): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name}${labels ? `{${labels}}` : ''} `));
  return line === undefined ? undefined : Number(line.split(' ').pop());
}

beforeAll(async () => {
  t = await createTestApp({ metricsToken: TOKEN });
  await t.createUser('metrics-cw', 'E', ['caseworker']);
  await t.createUser('metrics-locked', 'E', ['caseworker']);
  caseworker = await t.signIn('metrics-cw');

  expect((await signIn('metrics-nobody', 'whatever-password-1')).statusCode).toBe(401);
  for (let i = 0; i < LOCK_AFTER_FAILURES; i++) expect((await signIn('metrics-locked', 'wrong-password-123')).statusCode).toBe(401);
  expect((await signIn('metrics-locked', TEST_PASSWORD)).statusCode).toBe(401); // locked now

  expect((await caseworker.get('/api/households')).statusCode).toBe(200);
  const rows = validHouseholdRows();
  const queued = await caseworker.request({ method: 'POST', url: `/api/household-imports?orgId=${t.orgs.E.id}&asArchived=false&filename=m.xlsx`, headers: { 'content-type': XLSX_MIME }, payload: await buildHouseholdWorkbook([rows.household], rows.members) });
  expect(queued.statusCode, queued.body).toBe(202);
  await t.app.jobs.settled();
  householdId = (await caseworker.get('/api/households')).json().items[0].id;
  expect((await caseworker.get(`/api/households/${householdId}`)).statusCode).toBe(200);
  // A job of a kind no runner handles stays queued.
  await enqueueJob(t.database.db, { kind: 'metrics_probe', orgId: t.orgs.E.id, createdBy: (await caseworker.get('/api/auth/me')).json().userId, createdAt: t.clock.now() });

  const res = await scrape();
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain('text/plain');
  text = res.body;
}, 120_000);
afterAll(() => t.close());

describe('GET /metrics', () => {
  it('counts sign-in failures by reason and lockouts', () => {
    expect(sample('unionhub_sign_in_failures_total', 'reason="unknown_user"')).toBe(1);
    expect(sample('unionhub_sign_in_failures_total', 'reason="wrong_password"')).toBe(LOCK_AFTER_FAILURES);
    expect(sample('unionhub_sign_in_failures_total', 'reason="locked"')).toBe(1);
    expect(sample('unionhub_account_lockouts_total')).toBe(1);
  });

  it('times requests by route pattern, method and status, never by raw URL', () => {
    expect(sample('unionhub_http_request_duration_seconds_count', 'method="GET",route="/api/households",status_code="200"')).toBe(2);
    expect(sample('unionhub_http_request_duration_seconds_count', 'method="GET",route="/api/households/:id",status_code="200"')).toBe(1);
    expect(sample('unionhub_http_request_duration_seconds_count', 'method="POST",route="/api/auth/sign-in",status_code="401"')).toBe(LOCK_AFTER_FAILURES + 2);
    expect(sample('unionhub_http_request_duration_seconds_bucket', 'le="+Inf",method="GET",route="/api/households",status_code="200"')).toBe(2);
    expect(text).not.toContain(householdId);
  });

  it('times jobs by kind and outcome, and shows the queue by kind and state', () => {
    expect(sample('unionhub_background_job_duration_seconds_count', 'kind="household_import",outcome="succeeded"')).toBe(1);
    expect(sample('unionhub_background_jobs', 'kind="metrics_probe",state="queued"')).toBe(1);
    expect(sample('unionhub_background_jobs', 'kind="household_import",state="queued"')).toBe(0);
    expect(sample('unionhub_background_jobs', 'kind="household_import",state="running"')).toBe(0);
  });

  it('shows the PostgreSQL pool (left out on the embedded engine) and the process', () => {
    if (t.database.kind === 'postgres') {
      expect(sample('unionhub_db_pool_connections')).toBeGreaterThanOrEqual(1);
      expect(sample('unionhub_db_pool_waiting_clients')).toBe(0);
      expect(sample('unionhub_db_pool_max_connections')).toBe(10);
    } else expect(text).not.toContain('unionhub_db_pool');
    // Counted from the registry's creation: on a starved machine a scrape right after it can read 0 s.
    expect(sample('process_cpu_user_seconds_total')).toBeGreaterThanOrEqual(0);
    expect(text).toContain('nodejs_eventloop_lag_seconds');
  });

  it('refuses other hosts without the token, and loopback callers behind a proxy, with the unknown path’s 404', async () => {
    const unknown = await t.app.inject({ method: 'GET', url: '/no-such-path', remoteAddress: '203.0.113.7' });
    for (const refused of [
      await scrape({ remoteAddress: '203.0.113.7' }),
      await scrape({ remoteAddress: '203.0.113.7', url: '/metrics?format=json' }),
      await scrape({ remoteAddress: '203.0.113.7', headers: { authorization: `Bearer ${TOKEN}x` } }),
      await scrape({ remoteAddress: '203.0.113.7', headers: { authorization: TOKEN } }),
      await scrape({ remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': '203.0.113.7' } }),
      await scrape({ remoteAddress: '127.0.0.1', headers: { forwarded: 'for=203.0.113.7' } }),
    ]) {
      expect(refused.statusCode).toBe(404);
      expect(refused.json().error.code).toBe('NOT_FOUND');
      expect(refused.json().error.message).toBe(unknown.json().error.message.replace('/no-such-path', '/metrics'));
    }
  });

  it('lets in the token from anywhere and loopback callers (IPv4, IPv6, mapped) without a proxy header', async () => {
    expect((await scrape({ remoteAddress: '203.0.113.7', headers: { authorization: `Bearer ${TOKEN}` } })).statusCode).toBe(200);
    expect((await scrape({ remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': '203.0.113.7', authorization: `bearer ${TOKEN}` } })).statusCode).toBe(200);
    for (const remoteAddress of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) expect((await scrape({ remoteAddress })).statusCode, remoteAddress).toBe(200);
  });

  it('keeps one registry per app: a second app in the process has its own counters', async () => {
    const other = await buildApp({ db: t.database.db, clock: t.clock, secrets: t.secrets });
    try {
      const res = await other.inject({ method: 'GET', url: '/metrics' });
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain('unionhub_account_lockouts_total 1');
      expect(res.body).toContain('unionhub_account_lockouts_total 0');
    } finally {
      await other.close();
    }
  });
});
