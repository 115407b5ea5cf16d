import { spawnSync } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledMigrationCount } from '../../server/db/client.js';
import { sampleHousehold } from '../../server/test-support/household-fixtures.js';
import { buildHouseholdWorkbook, validHouseholdRows } from '../../server/test-support/household-workbook.js';
import { freePort, Instance, ROOT, Nginx, randomHex, request, tempDir, waitFor, type Answer, type RequestOptions } from './cluster.js';

/**
 * Two instances of the production build on one PostgreSQL behind the shipped nginx configuration
 * (TLS on loopback), as a federation's IT office runs them. The client speaks from 127.0.0.2, so its
 * address differs from nginx's own (127.0.0.1) and can be followed into the audit log.
 */
const adminUrl = process.env.TEST_DATABASE_URL;
const DEMO_PASSWORD = 'Demo-Jiaozuo-2021';
const CLIENT = '127.0.0.2';
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let dir: string;
let dbName: string;
let db: pg.Client;
let nginx: Nginx;
let a: Instance;
let b: Instance;

const query = async <T = any>(text: string, values: unknown[] = []) => (await db.query(text, values)).rows as T[];

beforeAll(async () => {
  dir = tempDir('uh-two-instances-');
  dbName = `uh_two_${randomHex(5)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  await admin.end();
  const url = new URL(adminUrl!);
  url.pathname = `/${dbName}`;
  db = new pg.Client({ connectionString: url.toString() });
  await db.connect();

  const [portA, portB, httpsPort, httpPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const env = { DATABASE_URL: url.toString(), DATA_DIR: path.join(dir, 'data'), SECRET_KEY: randomHex(32), TRUST_PROXY: '127.0.0.1', DEMO: '1', LOG_LEVEL: 'info', SHUTDOWN_TIMEOUT_MS: '10000' };
  a = new Instance('a', portA, env, dir);
  b = new Instance('b', portB, env, dir);
  // Both at once on the empty database: migrations and the demo load must happen once.
  a.start();
  b.start();
  await Promise.all([a.ready(), b.ready()]);
  nginx = new Nginx(path.join(dir, 'nginx'), httpsPort, httpPort, [portA, portB]);
  await nginx.start();
});

afterAll(async () => {
  await nginx?.stop();
  a?.kill('SIGKILL');
  b?.kill('SIGKILL');
  await db?.end();
  if (adminUrl && dbName) {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
});

/** Through nginx, from the client's address. */
const viaNginx = (url: string, o: RequestOptions = {}) => request(nginx.base, url, { localAddress: CLIENT, ...o }, nginx.cert);
const upstreamOf = (res: Answer) => String(res.headers['x-upstream'] ?? '').split(',').pop()!.trim();
const portOf = (res: Answer) => Number(upstreamOf(res).split(':').pop());

interface Session {
  cookie: string;
  csrf: string;
  orgId: string;
}

async function signIn(username: string, password = DEMO_PASSWORD, headers: Record<string, string> = {}): Promise<Answer> {
  return viaNginx('/api/auth/sign-in', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ username, password }) });
}

async function session(username: string): Promise<Session> {
  const res = await signIn(username);
  expect(res.status, res.body).toBe(200);
  const cookie = String(res.headers['set-cookie']?.[0] ?? '').split(';')[0];
  const me = (await viaNginx('/api/auth/me', { headers: { cookie } })).json();
  return { cookie, csrf: res.json().csrfToken, orgId: me.orgId };
}

const post = (s: Session, url: string, body: unknown, o: { csrf?: boolean } = {}) =>
  viaNginx(url, { method: 'POST', headers: { cookie: s.cookie, 'content-type': 'application/json', ...(o.csrf === false ? {} : { 'x-csrf-token': s.csrf }) }, body: JSON.stringify(body) });

describe.skipIf(!adminUrl)('two instances behind nginx on one PostgreSQL', () => {
  it('came up together on an empty database: migrated once, demo loaded once, each saying its version and Node 24', async () => {
    const [{ n, hashes }] = await query('select count(*)::int as n, count(distinct hash)::int as hashes from drizzle.__drizzle_migrations');
    expect({ n, hashes }).toEqual({ n: bundledMigrationCount(), hashes: bundledMigrationCount() });
    const [{ orgs, codes }] = await query('select count(*)::int as orgs, count(distinct code)::int as codes from orgs');
    expect(orgs).toBe(codes);
    expect(await query("select count(*)::int as n from users where username = 'city.admin'")).toEqual([{ n: 1 }]);
    for (const instance of [a, b]) expect(instance.log()).toMatch(/UnionHub \d+\.\d+\.\d+ \(commit \w+, built [^)]+\) on Node\.js v24\.\d+\.\d+, NODE_ENV=production/);
    const health = (await viaNginx('/healthz')).json();
    expect(health).toMatchObject({ ok: true });
  });

  it('runs from the build output, whose run-time dependencies hold no tsx and no vitest', () => {
    const listed = spawnSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: ROOT, encoding: 'utf8' });
    const packages = listed.stdout.split('\n').filter(Boolean).map((p) => path.relative(ROOT, p));
    expect(packages.length).toBeGreaterThan(20);
    expect(packages.filter((p) => /(^|\/)node_modules\/(tsx|vitest|vite|esbuild)$/.test(p))).toEqual([]);
    for (const instance of [a, b]) expect(instance.process?.spawnargs.slice(1)).toContain(path.join(ROOT, 'dist', 'server', 'main.js'));
  });

  it('keeps a session and its CSRF token on either instance', async () => {
    const s = await session('fc.caseworker');
    const seen = new Set<number>();
    for (let i = 0; i < 6; i++) {
      const me = await viaNginx('/api/auth/me', { headers: { cookie: s.cookie } });
      expect(me.status).toBe(200);
      seen.add(portOf(me));
    }
    expect(seen).toEqual(new Set([a.port, b.port]));

    const refused = new Set<number>();
    for (let i = 0; i < 4; i++) {
      const res = await post(s, '/api/households', sampleHousehold(s.orgId), { csrf: false });
      expect(res.status).toBe(403);
      expect(res.json().error.details?.reason ?? res.body).toContain('csrf');
      refused.add(portOf(res));
    }
    expect(refused).toEqual(new Set([a.port, b.port]));

    const filed = new Set<number>();
    for (let i = 0; i < 4; i++) {
      const res = await post(s, '/api/households', sampleHousehold(s.orgId));
      expect(res.status, res.body).toBe(201);
      filed.add(portOf(res));
    }
    expect(filed).toEqual(new Set([a.port, b.port]));
  });

  it('refuses bodies above the app\'s limits at nginx, and lets the household import\'s larger sheets through to the app', async () => {
    const s = await session('fc.caseworker');
    const big = Buffer.alloc(11 * 1024 * 1024, 'a');
    const headers = { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': XLSX_MIME };
    const attachment = await viaNginx('/api/households', { method: 'POST', headers, body: big });
    expect(attachment.status).toBe(413);
    expect(attachment.headers['x-upstream'] ?? '').toBe('');
    // 11 MB is within the import's 40 MB: the app itself answers (not a workbook: a 4xx naming the file).
    const sheet = await viaNginx(`/api/household-imports?orgId=${s.orgId}&asArchived=false&filename=big.xlsx`, { method: 'POST', headers, body: big });
    expect(sheet.status).toBeGreaterThanOrEqual(400);
    expect(sheet.status).toBeLessThan(500);
    expect(sheet.status).not.toBe(413);
    expect(upstreamOf(sheet)).not.toBe('');
  });

  it('locks an account after five failures counted across both instances, on both', async () => {
    const ports = new Set<number>();
    for (let i = 0; i < 5; i++) {
      const res = await signIn('zz.reviewer', `wrong-password-${i}`);
      expect(res.status).toBe(401);
      ports.add(portOf(res));
    }
    expect(ports).toEqual(new Set([a.port, b.port]));
    for (const instance of [a, b]) {
      const direct = await request(instance.base, '/api/auth/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'zz.reviewer', password: DEMO_PASSWORD }) });
      expect(direct.status).toBe(401);
    }
    const [user] = await query("select locked_until from users where username = 'zz.reviewer'");
    expect(user.locked_until).not.toBeNull();
  });

  it('writes the real client address to the audit log, and ignores an address the client names itself', async () => {
    const [{ last }] = await query("select coalesce(max(id), 0) as last from audit_log");
    for (let i = 0; i < 2; i++) {
      await signIn('fc.caseworker', DEMO_PASSWORD, { 'x-forwarded-for': '203.0.113.9' });
      await signIn('fc.caseworker', 'not-the-password', { 'x-forwarded-for': '203.0.113.9' });
    }
    const rows = await query<{ ip: string }>("select ip from audit_log where id > $1 and action = 'auth.sign_in'", [last]);
    expect(rows.map((r) => r.ip)).toEqual([CLIENT, CLIENT, CLIENT, CLIENT]);
    // The lockout above, through nginx, was recorded with the client's address too; the sign-ins sent to
    // an instance directly (not through a trusted proxy) with the caller's own.
    const lock = await query<{ ip: string }>("select ip from audit_log where action = 'user.lock'");
    expect(lock.map((r) => r.ip)).toEqual([CLIENT]);
  });

  it('polls an import started on one instance to its end on the other, and runs every job exactly once', async () => {
    const s = await session('fc.caseworker');
    const upload = async (households: number) => {
      const rows = Array.from({ length: households }, () => validHouseholdRows());
      const file = await buildHouseholdWorkbook(rows.map((r) => r.household), rows.flatMap((r) => r.members));
      const res = await viaNginx(`/api/household-imports?orgId=${s.orgId}&asArchived=false&filename=two.xlsx`, { method: 'POST', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': XLSX_MIME }, body: file });
      expect(res.status, res.body).toBe(202);
      return { id: res.json().id as string, port: portOf(res), households };
    };
    const first = await upload(3);
    const other = first.port === a.port ? b : a;
    const done = await waitFor('the import to end, polled on the other instance', async () => {
      const res = await request(other.base, `/api/household-imports/${first.id}`, { headers: { cookie: s.cookie } });
      expect(res.status).toBe(200);
      const imp = res.json();
      return ['succeeded', 'failed', 'awaiting_approval'].includes(imp.status) ? imp : null;
    });
    expect(done).toMatchObject({ status: 'succeeded', importedHouseholds: 3 });

    // More jobs than either instance would run alone, both runners claiming.
    const more = [];
    for (let i = 0; i < 4; i++) more.push(await upload(2));
    for (const job of more)
      await waitFor('the queued imports to end', async () => (await viaNginx(`/api/household-imports/${job.id}`, { headers: { cookie: s.cookie } })).json().status === 'succeeded');
    const ids = [first, ...more].map((j) => j.id);
    const jobs = await query<{ state: string; attempts: number }>("select state, attempts from background_jobs where kind = 'household_import' and (payload->>'importId' = any($1) or id::text = any($1))", [ids]);
    expect(jobs.length).toBeGreaterThanOrEqual(ids.length);
    expect(jobs.every((j) => j.state === 'succeeded' && j.attempts === 1)).toBe(true);
    for (const job of [first, ...more]) expect(await query('select count(*)::int as n from households where import_id = $1', [job.id])).toEqual([{ n: job.households }]);
  });

  it('counts what happened in /metrics, which each instance shows its own loopback and nginx shows nobody', async () => {
    expect((await viaNginx('/metrics')).status).toBe(404);
    const texts = await Promise.all([a, b].map(async (instance) => {
      const res = await request(instance.base, '/metrics');
      expect(res.status).toBe(200);
      return res.body;
    }));
    const both = texts.join('\n');
    expect(both).toMatch(/unionhub_http_request_duration_seconds_count\{[^}]*route="\/api\/auth\/me"[^}]*\} [1-9]/);
    expect(both).toMatch(/unionhub_sign_in_failures_total\{[^}]*\} [1-9]/);
    expect(both).toMatch(/unionhub_account_lockouts_total(\{[^}]*\})? 1/);
    expect(both).toMatch(/unionhub_background_job_duration_seconds_count\{[^}]*kind="household_import"[^}]*\} [1-9]/);
    expect(both).toMatch(/unionhub_db_pool_connections/);
  });

  it('loses nothing committed when an instance is killed mid-request, and the other keeps serving', async () => {
    const s = await session('fc.caseworker');
    type Outcome = { status: number; id?: string } | { error: string };
    const outcomes: Outcome[] = [];
    let killed = false;
    const file = async () => {
      try {
        const res = await post(s, '/api/households', sampleHousehold(s.orgId));
        outcomes.push({ status: res.status, id: res.status === 201 ? res.json().id : undefined });
      } catch (err) {
        outcomes.push({ error: String(err) });
      }
      if (!killed && outcomes.filter((o) => 'status' in o && o.status === 201).length >= 8) {
        killed = true;
        a.kill('SIGKILL');
      }
    };
    // Four at a time, so that some are in flight on the instance when it dies.
    for (let round = 0; round < 8; round++) await Promise.all([file(), file(), file(), file()]);
    expect(killed).toBe(true);
    await a.exited();

    const acknowledged = outcomes.flatMap((o) => ('id' in o && o.id ? [o.id] : []));
    const stored = await query<{ id: string }>('select id from households where id = any($1)', [acknowledged]);
    expect(stored.length).toBe(acknowledged.length);

    // After the kill, everything is served by the survivor.
    for (let i = 0; i < 6; i++) {
      const res = await post(s, '/api/households', sampleHousehold(s.orgId));
      expect(res.status, res.body).toBe(201);
      expect(portOf(res)).toBe(b.port);
    }
    expect((await viaNginx('/readyz')).status).toBe(200);
  });

  it('drains on SIGTERM: requests keep being answered while the instance stops, and it exits cleanly', async () => {
    a.start();
    await a.ready();
    const s = await session('fc.caseworker');
    // A rolling restart waits until the balancer sends to the restarted instance again before stopping the next.
    await waitFor('nginx to send to the restarted instance', async () => portOf(await viaNginx('/api/auth/me', { headers: { cookie: s.cookie } })) === a.port);
    const answers: number[] = [];
    const reads = (async () => {
      for (let i = 0; i < 40; i++) answers.push((await viaNginx('/api/households?pageSize=20', { headers: { cookie: s.cookie } })).status);
    })();
    await new Promise((r) => setTimeout(r, 300));
    b.kill('SIGTERM');
    const code = await b.exited();
    await reads;
    expect(code).toBe(0);
    expect(b.log()).toContain('"msg":"stopped"');
    expect(answers.filter((st) => st !== 200)).toEqual([]);
  });
});
