import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildApp } from '../../app.js';
import { openDatabase, type Database } from '../../db/client.js';
import { DEMO_PASSWORD } from '../../modules/demo/demo-accounts.js';
import { loadDemoData } from '../../modules/demo/load-demo-data.js';
import { systemClock } from '../clock.js';
import { assertSecretKeyMatches } from '../key-check.js';
import { deriveSecrets, loadMasterSecret, type Secrets } from '../secrets.js';
import { TINY_PNG } from '../../test-support/resource-fixtures.js';
import { runCli, storedFileHashes, tableDigests } from '../../test-support/backup-runs.js';
import { readManifest } from './backup-manifest.js';
import { serveBackupRequests, type BackupSocket } from './backup-socket.js';

/**
 * The embedded engine's backup and restore, end to end with the real commands: the demo data set
 * plus attachments uploaded through the API, backed up by `npm run backup` in another process while
 * this one holds the database open (so through the server's socket), the data directory wiped,
 * `npm run restore`, and then every table's rows and every stored file's bytes compared.
 */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const quiet = { info() {}, warn() {}, error() {} };

describe.skipIf(!!process.env.TEST_DATABASE_URL)('backup and restore of the embedded database', () => {
  // Made in beforeAll: a skipped suite (the other engine's run) leaves nothing behind.
  const tmp = path.join(os.tmpdir(), `uh-backup-${crypto.randomBytes(6).toString('hex')}`);
  const dataDir = path.join(tmp, 'data');
  const backupDir = path.join(tmp, 'backups', 'first');
  let database: Database | null = null;
  let app: FastifyInstance | null = null;
  let socket: BackupSocket | null = null;
  let secrets: Secrets;
  const uploaded: Array<{ householdId: string; attachmentId: string; bytes: Buffer }> = [];
  let digestsBefore: Record<string, string>;
  let filesBefore: Record<string, string>;

  const rows = (db: Database) => async (text: string) => ((await db.db.execute(sql.raw(text))) as unknown as { rows: Array<Record<string, unknown>> }).rows;

  async function signIn(a: FastifyInstance, username: string) {
    const res = await a.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username, password: DEMO_PASSWORD } });
    expect(res.statusCode).toBe(200);
    const headers = { cookie: String(res.headers['set-cookie']).split(';')[0], 'x-csrf-token': res.json().csrfToken as string };
    return (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: Buffer | object) =>
      a.inject({ method, url, payload: payload as never, headers: { ...headers, ...(Buffer.isBuffer(payload) ? { 'content-type': 'application/octet-stream' } : {}), ...(method === 'GET' ? {} : { 'idempotency-key': crypto.randomUUID() }) } });
  }

  beforeAll(async () => {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'secret.key'), crypto.randomBytes(32).toString('hex') + '\n', { mode: 0o600 });
    secrets = deriveSecrets(loadMasterSecret({ dataDir }));
    database = await openDatabase({ dataDir });
    await assertSecretKeyMatches(database.db, secrets);
    await loadDemoData({ db: database.db, clock: systemClock, secrets });
    app = await buildApp({ db: database.db, clock: systemClock, secrets, dataDir, signInRateLimit: 1000 });

    // Attachments through the upload route: the real file store, encryption and rows.
    const caseworker = await signIn(app, 'zz.caseworker');
    const list = await caseworker('GET', '/api/households?pageSize=3');
    const households = (list.json().items as Array<{ id: string }>).map((h) => h.id);
    expect(households).toHaveLength(3);
    for (const [i, householdId] of households.entries())
      for (const body of [TINY_PNG, Buffer.concat([PDF, crypto.randomBytes(2000 + i)])]) {
        const res = await caseworker('POST', `/api/households/${householdId}/attachments?kind=other&fileName=scan-${i}`, body);
        expect(res.statusCode).toBe(201);
        uploaded.push({ householdId, attachmentId: res.json().id, bytes: body });
      }
    // A deleted attachment keeps its row and its file: both must come back.
    const removed = uploaded[1];
    expect((await caseworker('DELETE', `/api/households/${removed.householdId}/attachments/${removed.attachmentId}`, { reason: '上传错了文件' })).statusCode).toBe(200);

    socket = await serveBackupRequests({ client: (database.db as unknown as { $client: PGlite }).$client, dataDir, log: quiet });
    digestsBefore = await tableDigests(rows(database));
    filesBefore = storedFileHashes(dataDir);
  }, 240_000);

  afterAll(async () => {
    await app?.close();
    await socket?.close();
    await database?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('backs up through the running server, restores into a wiped data directory, and every row and file comes back', async () => {
    expect(Object.keys(filesBefore)).toHaveLength(uploaded.length);
    expect(digestsBefore['public.household_attachments']).toMatch(/^6 rows/);

    // The server keeps answering while the backup runs (its database is held only for the snapshot).
    let answering = true;
    let answered = 0;
    const reads = (async () => {
      while (answering) {
        const res = await app!.inject({ method: 'GET', url: '/jobs' });
        expect(res.statusCode).toBe(200);
        answered++;
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const backup = await runCli('backup', [backupDir], { DATA_DIR: dataDir });
    answering = false;
    await reads;
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain('from the running server');
    expect(answered).toBeGreaterThan(0);

    const manifest = readManifest(backupDir);
    expect(manifest.engine).toBe('pglite');
    expect(manifest.keyCheck).toBeTruthy();
    expect(manifest.files.count).toBe(uploaded.length);
    expect(manifest.files.missing).toEqual([]);
    expect(manifest.tables.household_attachments).toBe(6);
    expect(fs.readdirSync(path.dirname(backupDir))).toEqual(['first']); // no .partial left behind
    const key = fs.readFileSync(path.join(dataDir, 'secret.key'), 'utf8').trim();
    expect(fs.readFileSync(path.join(backupDir, 'manifest.json'), 'utf8')).not.toContain(key);
    expect(await tableDigests(rows(database!))).toEqual(digestsBefore); // nothing wrote meanwhile: the comparison below is exact

    await app!.close();
    await socket!.close();
    await database!.close();
    app = socket = database = null;
    for (const name of fs.readdirSync(dataDir)) if (name !== 'secret.key') fs.rmSync(path.join(dataDir, name), { recursive: true, force: true });

    const restore = await runCli('restore', [backupDir], { DATA_DIR: dataDir });
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain(`${uploaded.length} attachments decrypt to their recorded hash`);

    database = await openDatabase({ dataDir });
    expect(await tableDigests(rows(database))).toEqual(digestsBefore);
    expect(storedFileHashes(dataDir)).toEqual(filesBefore);
    await assertSecretKeyMatches(database.db, secrets);

    // And the restored system serves the files: each download is the bytes uploaded.
    app = await buildApp({ db: database.db, clock: systemClock, secrets, dataDir, signInRateLimit: 1000 });
    const caseworker = await signIn(app, 'zz.caseworker');
    for (const u of uploaded.filter((x) => x !== uploaded[1])) {
      const res = await caseworker('GET', `/api/households/${u.householdId}/attachments/${u.attachmentId}/content`);
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload.equals(u.bytes)).toBe(true);
    }
    await app.close();
    await database.close();
    app = database = null;
  });

  it('refuses bad input with one line and exit code 1', async () => {
    const empty = fs.mkdtempSync(path.join(tmp, 'empty-'));
    const notABackup = fs.mkdtempSync(path.join(tmp, 'not-a-backup-'));
    fs.writeFileSync(path.join(notABackup, 'notes.txt'), 'hello');
    const [occupied, replaced] = ['occupied', 'replaced'].map((name) => {
      const dir = path.join(tmp, name);
      fs.mkdirSync(path.join(dir, 'pgdata'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'pgdata', 'PG_VERSION'), 'what was there\n');
      fs.copyFileSync(path.join(dataDir, 'secret.key'), path.join(dir, 'secret.key'));
      return dir;
    });
    database = await openDatabase({ dataDir }); // as a running server would, it holds the data directory
    const runs = await Promise.all([
      runCli('restore', [], { DATA_DIR: empty }),
      runCli('restore', [path.join(tmp, 'no-such-backup')], { DATA_DIR: empty }),
      runCli('restore', [notABackup], { DATA_DIR: empty }),
      runCli('restore', [backupDir], { DATA_DIR: empty, SECRET_KEY: crypto.randomBytes(32).toString('hex') }),
      runCli('restore', [backupDir], { DATA_DIR: path.join(tmp, 'fresh-without-key') }),
      runCli('restore', [backupDir], { DATA_DIR: occupied }),
      runCli('restore', [backupDir, '--force'], { DATA_DIR: dataDir }),
      runCli('backup', [path.join(tmp, 'backups', 'of-nothing')], { DATA_DIR: empty }),
      runCli('backup', [backupDir], { DATA_DIR: dataDir }),
      runCli('restore', [backupDir, '--force'], { DATA_DIR: replaced }),
    ]);
    await database.close();
    database = null;
    const forced = runs.pop()!;
    expect(forced.stderr).toBe('');
    expect(forced.stdout).toMatch(/previous contents are in .*replaced-\w+: remove them once/);
    const [aside] = fs.readdirSync(replaced).filter((n) => n.startsWith('replaced-'));
    expect(fs.readFileSync(path.join(replaced, aside, 'pgdata', 'PG_VERSION'), 'utf8')).toBe('what was there\n');
    expect(fs.readFileSync(path.join(replaced, 'pgdata', 'PG_VERSION'), 'utf8')).not.toBe('what was there\n');

    const expected = [
      /^restore: name the backup to restore; usage: /,
      /^restore: .*no-such-backup does not exist$/,
      /^restore: .*not-a-backup-\w+ is not a UnionHub backup: it has no manifest\.json/,
      /^restore: the configured key \(SECRET_KEY, check .{12}…\) is not the one this backup was written with \(check .{12}…\)/,
      /^restore: no key configured: put the secret\.key the data was written with \(the key whose check is .{12}…\) into /,
      /^restore: .*occupied holds data already \(pgdata\): pass --force to replace it \(what is there is moved aside/,
      /^restore: a UnionHub server \(pid \d+\) is running on .*data: stop it before restoring$/,
      /^backup: there is no embedded database in .*empty-\w+/,
      /^backup: .*first exists already/,
    ];
    for (const [i, run] of runs.entries()) {
      expect(run.code, run.stderr).toBe(1);
      const lines = run.stderr.trimEnd().split('\n');
      expect(lines, run.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(expected[i]);
    }
    expect(fs.existsSync(path.join(tmp, 'fresh-without-key'))).toBe(false); // refused before anything was written
  });
});
