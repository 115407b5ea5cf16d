import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import type { Database } from '../../db/client.js';
import { DEMO_PASSWORD } from '../../modules/demo/demo-accounts.js';
import { loadDemoData } from '../../modules/demo/load-demo-data.js';
import { systemClock } from '../clock.js';
import { assertSecretKeyMatches } from '../key-check.js';
import { deriveSecrets, loadMasterSecret } from '../secrets.js';
import { TINY_PNG } from '../../test-support/resource-fixtures.js';
import { REPO_ROOT, runProcess, storedFileHashes, tableDigests } from '../../test-support/backup-runs.js';
import { createTestDatabase } from '../../test-support/test-db.js';
import { readManifest } from './backup-manifest.js';

/**
 * scripts/backup-postgres.sh and scripts/restore-postgres.sh on a real PostgreSQL (the suite's run
 * with TEST_DATABASE_URL): the demo data set and attachments uploaded through the API, backed up while
 * the app keeps its connections open and answers requests, restored into a new empty database and
 * data directory, and every table's rows and every file's bytes compared.
 */
const adminUrl = process.env.TEST_DATABASE_URL;

/** pg_dump and friends: on PATH, or the newest /usr/lib/postgresql/<version>/bin. */
function pgBin(): string {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return '';
  const newest = fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'pg_dump'))).sort((a, b) => Number(b) - Number(a))[0];
  return newest ? path.join(root, newest, 'bin') : '';
}

describe.skipIf(!adminUrl)('PostgreSQL backup and restore scripts', () => {
  // Made in beforeAll: a skipped suite (the other engine's run) leaves nothing behind.
  const tmp = path.join(os.tmpdir(), `uh-pg-backup-${crypto.randomBytes(6).toString('hex')}`);
  const dataDir = path.join(tmp, 'data');
  const restoredDataDir = path.join(tmp, 'restored');
  const backupDir = path.join(tmp, 'backups', 'pg');
  const restoredName = `uh_test_restore_${crypto.randomBytes(6).toString('hex')}`;
  const restoredUrl = adminUrl ? Object.assign(new URL(adminUrl), { pathname: `/${restoredName}` }).toString() : '';
  let database: (Database & { url?: string }) | null = null;
  let app: FastifyInstance | null = null;
  let keyHex: string;
  const env = () => ({ PG_BIN: pgBin(), SECRET_KEY: '' });

  async function admin(text: string) {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  }
  async function digestsOf(url: string) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return await tableDigests(async (text) => (await client.query(text)).rows);
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    fs.mkdirSync(dataDir, { recursive: true });
    keyHex = crypto.randomBytes(32).toString('hex');
    fs.writeFileSync(path.join(dataDir, 'secret.key'), keyHex + '\n', { mode: 0o600 });
    const secrets = deriveSecrets(loadMasterSecret({ dataDir }));
    database = await createTestDatabase();
    await assertSecretKeyMatches(database.db, secrets);
    await loadDemoData({ db: database.db, clock: systemClock, secrets });
    app = await buildApp({ db: database.db, clock: systemClock, secrets, dataDir, signInRateLimit: 1000 });
    const signIn = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'zz.caseworker', password: DEMO_PASSWORD } });
    const headers = { cookie: String(signIn.headers['set-cookie']).split(';')[0], 'x-csrf-token': signIn.json().csrfToken as string };
    const list = await app.inject({ method: 'GET', url: '/api/households?pageSize=2', headers });
    for (const { id } of list.json().items as Array<{ id: string }>) {
      const res = await app.inject({
        method: 'POST',
        url: `/api/households/${id}/attachments?kind=other&fileName=scan.png`,
        headers: { ...headers, 'content-type': 'application/octet-stream', 'idempotency-key': crypto.randomUUID() },
        payload: TINY_PNG,
      });
      expect(res.statusCode).toBe(201);
    }
  }, 240_000);

  afterAll(async () => {
    await app?.close();
    await database?.close();
    if (adminUrl) await admin(`drop database if exists ${restoredName} with (force)`);
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('backs up while the app runs, restores into an empty database, and every row and file comes back', async () => {
    const before = await digestsOf(database!.url!);
    const filesBefore = storedFileHashes(dataDir);
    expect(Object.keys(filesBefore)).toHaveLength(2);

    let answering = true;
    const reads = (async () => {
      while (answering) {
        expect((await app!.inject({ method: 'GET', url: '/jobs' })).statusCode).toBe(200);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const backup = await runProcess('bash', [path.join(REPO_ROOT, 'scripts/backup-postgres.sh'), backupDir], { ...env(), DATABASE_URL: database!.url!, DATA_DIR: dataDir });
    answering = false;
    await reads;
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    const manifest = readManifest(backupDir); // the same format as the embedded engine's backups
    expect(manifest).toMatchObject({ engine: 'postgres', files: { count: 2, missing: [] } });
    expect(manifest.tables.household_attachments).toBe(2);
    expect(JSON.stringify(manifest)).not.toContain(keyHex);
    expect(await digestsOf(database!.url!)).toEqual(before);

    await admin(`create database ${restoredName}`);
    fs.mkdirSync(restoredDataDir);
    fs.copyFileSync(path.join(dataDir, 'secret.key'), path.join(restoredDataDir, 'secret.key'));
    const restoreArgs = [path.join(REPO_ROOT, 'scripts/restore-postgres.sh'), backupDir];
    const restore = await runProcess('bash', restoreArgs, { ...env(), DATABASE_URL: restoredUrl, DATA_DIR: restoredDataDir });
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    expect(await digestsOf(restoredUrl)).toEqual(before);
    expect(storedFileHashes(restoredDataDir)).toEqual(filesBefore);

    const notABackup = fs.mkdtempSync(path.join(tmp, 'not-a-backup-'));
    const runs = await Promise.all([
      runProcess('bash', restoreArgs, { ...env(), DATABASE_URL: restoredUrl, DATA_DIR: restoredDataDir }),
      runProcess('bash', restoreArgs, { ...env(), DATABASE_URL: restoredUrl, DATA_DIR: restoredDataDir, SECRET_KEY: crypto.randomBytes(32).toString('hex') }),
      runProcess('bash', [restoreArgs[0], notABackup], { ...env(), DATABASE_URL: restoredUrl, DATA_DIR: restoredDataDir }),
      runProcess('bash', [restoreArgs[0]], { ...env(), DATABASE_URL: restoredUrl, DATA_DIR: restoredDataDir }),
      runProcess('bash', [path.join(REPO_ROOT, 'scripts/backup-postgres.sh'), backupDir], { ...env(), DATABASE_URL: database!.url!, DATA_DIR: dataDir }),
    ]);
    const expected = [
      /^restore-postgres: the database at DATABASE_URL is not empty \(\d+ tables\)/,
      /^restore-postgres: the configured key \(SECRET_KEY, check .{12}…\) is not the one this backup was written with/,
      /^restore-postgres: .*not-a-backup-\w+ is not a UnionHub backup: it has no manifest\.json/,
      /^restore-postgres: name the backup to restore; usage: /,
      /^backup-postgres: .*pg exists already/,
    ];
    for (const [i, run] of runs.entries()) {
      expect(run.code, run.stderr).toBe(1);
      expect(run.stderr.trimEnd().split('\n'), run.stderr).toHaveLength(1);
      expect(run.stderr).toMatch(expected[i]);
    }
  });
});
