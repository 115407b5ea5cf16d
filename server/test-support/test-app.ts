import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp, type AppOptions } from '../app.js';
import type { Database } from '../db/client.js';
import { userRoles, users } from '../db/schema/index.js';
import { ManualClock } from '../platform/clock.js';
import { hashPassword } from '../platform/passwords.js';
import { deriveSecrets, type Secrets } from '../platform/secrets.js';
import type { RoleKey } from '../../contracts/roles.js';
import { insertOrg } from '../modules/orgs/create-org.js';
import type { OrgRow } from '../modules/orgs/orgs.queries.js';
import { createTestDatabase } from './test-db.js';

export const TEST_PASSWORD = 'correct-horse-battery-42';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  clock: ManualClock;
  secrets: Secrets;
  /** The app's data directory (uploaded files go to `attachments` inside it); removed on close. */
  dataDir: string;
  orgs: Record<string, OrgRow>;
  /** Creates a user at an org (by fixture name) with roles; returns its id. */
  createUser(username: string, orgName: string, roles: RoleKey[]): Promise<string>;
  signIn(username: string, password?: string): Promise<Session>;
  close(): Promise<void>;
}

export interface Session {
  cookie: string;
  csrf: string;
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  del(url: string): Promise<LightMyRequestResponse>;
}

/** The security fixture tree: A→{B,C}, B→{D,E}, C→{F,G}. */
export const FIXTURE_TREE: Array<[name: string, parent: string | null, type: string]> = [
  ['A', null, 'city_federation'],
  ['B', 'A', 'district_federation'],
  ['C', 'A', 'district_federation'],
  ['D', 'B', 'aid_station'],
  ['E', 'B', 'grassroots_union'],
  ['F', 'C', 'aid_station'],
  ['G', 'C', 'grassroots_union'],
];

let cachedHash: Promise<string> | null = null;

/** Options passed on to buildApp: a logger to read the app's log lines, a metrics token. */
export type TestAppOptions = Pick<AppOptions, 'logger' | 'metricsToken'>;

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const clock = new ManualClock(new Date('2026-03-02T09:00:00+08:00'));
  const secrets = deriveSecrets(crypto.randomBytes(32));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'uh-test-data-'));
  const app = await buildApp({ db: database.db, clock, secrets, dataDir, signInRateLimit: 10_000, ...options });
  const orgRows: Record<string, OrgRow> = {};
  for (const [name, parent, type] of FIXTURE_TREE) {
    orgRows[name] = await insertOrg(database.db, parent ? orgRows[parent] : null, {
      code: `T-${name}`,
      name: `组织${name}`,
      nameEn: `Org ${name}`,
      type,
    });
  }
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const passwordHash = await cachedHash;

  const sessionFor = (cookie: string, csrf: string): Session => {
    // A fresh Idempotency-Key on every unsafe request unless the test sends its own (or '' for none).
    const request = (opts: InjectOptions) => {
      const headers: Record<string, string> = { cookie, 'x-csrf-token': csrf, ...(opts.method && opts.method !== 'GET' ? { 'idempotency-key': crypto.randomUUID() } : {}), ...((opts.headers ?? {}) as Record<string, string>) };
      if (headers['idempotency-key'] === '') delete headers['idempotency-key'];
      return app.inject({ ...opts, headers });
    };
    return {
      cookie,
      csrf,
      request,
      get: (url) => request({ method: 'GET', url }),
      post: (url, payload) => request({ method: 'POST', url, payload: payload as never }),
      patch: (url, payload) => request({ method: 'PATCH', url, payload: payload as never }),
      put: (url, payload) => request({ method: 'PUT', url, payload: payload as never }),
      del: (url) => request({ method: 'DELETE', url }),
    };
  };

  return {
    app,
    database,
    clock,
    secrets,
    dataDir,
    orgs: orgRows,
    async createUser(username, orgName, roles) {
      const [user] = await database.db
        .insert(users)
        .values({ orgId: orgRows[orgName].id, username, displayName: username, passwordHash })
        .returning();
      if (roles.length) await database.db.insert(userRoles).values(roles.map((roleKey) => ({ userId: user.id, roleKey })));
      return user.id;
    },
    async signIn(username, password = TEST_PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = String(res.headers['set-cookie']).split(';')[0];
      return sessionFor(cookie, res.json().csrfToken);
    },
    async close() {
      await app.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

