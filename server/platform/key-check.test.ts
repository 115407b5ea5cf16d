import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/client.js';
import { settings } from '../db/schema/index.js';
import { sampleHousehold } from '../test-support/household-fixtures.js';
import { createTestDatabase } from '../test-support/test-db.js';
import { createTestApp } from '../test-support/test-app.js';
import { assertSecretKeyMatches, keyCheckValue, SecretKeyMismatchError } from './key-check.js';
import { deriveSecrets } from './secrets.js';

const master = crypto.randomBytes(32);
const secrets = deriveSecrets(master);
const otherSecrets = deriveSecrets(crypto.randomBytes(32));

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const stored = () => database.db.select().from(settings);

describe('secret key check', () => {
  it('stores a check value on the first start, neither the key nor a derived key, and accepts the same key again', async () => {
    await assertSecretKeyMatches(database.db, secrets);
    const rows = await stored();
    expect(rows).toMatchObject([{ key: 'secret_key_check', value: keyCheckValue(secrets) }]);
    const text = JSON.stringify(rows);
    for (const key of [master, ...Object.values(secrets)]) {
      expect(text).not.toContain(key.toString('hex'));
      expect(text).not.toContain(key.toString('base64url'));
    }
    await assertSecretKeyMatches(database.db, deriveSecrets(Buffer.from(master)));
    expect(await stored()).toEqual(rows);
  });

  it('refuses another key, saying so in Chinese and English, and changes nothing', async () => {
    const before = await stored();
    const err = await assertSecretKeyMatches(database.db, otherSecrets).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SecretKeyMismatchError);
    expect((err as Error).message).toContain('SECRET_KEY 与数据库中的密钥校验值不一致');
    expect((err as Error).message).toContain('SECRET_KEY does not match the key check value stored in the database');
    expect(await stored()).toEqual(before);
  });

  it('tests a database from before the check against its encrypted numbers before recording a value', async () => {
    const t = await createTestApp();
    try {
      await t.createUser('key-cw', 'E', ['caseworker']);
      const s = await t.signIn('key-cw');
      expect((await s.post('/api/households', sampleHousehold(t.orgs.E.id))).statusCode).toBe(201);
      await expect(assertSecretKeyMatches(t.database.db, otherSecrets)).rejects.toBeInstanceOf(SecretKeyMismatchError);
      expect(await t.database.db.select().from(settings)).toEqual([]);
      await assertSecretKeyMatches(t.database.db, t.secrets);
      expect(await t.database.db.select().from(settings)).toHaveLength(1);
    } finally {
      await t.close();
    }
  });
});

describe.skipIf(!!process.env.TEST_DATABASE_URL)('start-up with the embedded database', () => {
  it('refuses to start on a data directory written with another SECRET_KEY', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'uh-key-'));
    try {
      const first = await openDatabase({ dataDir });
      await assertSecretKeyMatches(first.db, secrets);
      await first.close();
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
        env: { ...process.env, DATA_DIR: dataDir, SECRET_KEY: crypto.randomBytes(32).toString('hex'), DEMO: '0', PORT: String(40000 + crypto.randomInt(20000)), DATABASE_URL: '' },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('SECRET_KEY 与数据库中的密钥校验值不一致');
      expect(run.stdout).not.toContain('is serving');
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});
