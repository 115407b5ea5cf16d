import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bundledMigrationCount, openDatabase } from './client.js';

const adminUrl = process.env.TEST_DATABASE_URL;

// Several instances on one PostgreSQL (the embedded engine is one process's alone: its data
// directory lock is tested in client.test.ts).
describe.skipIf(!adminUrl)('instances starting together on one PostgreSQL', () => {
  it('migrate an empty database once: every instance opens it, and each migration is recorded one time', async () => {
    const pg = (await import('pg')).default;
    const name = `uh_migrate_${crypto.randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(adminUrl!);
    url.pathname = `/${name}`;
    try {
      const opened = await Promise.allSettled([1, 2, 3].map(() => openDatabase({ databaseUrl: url.toString() })));
      const failures = opened.filter((o) => o.status === 'rejected').map((o) => String((o as PromiseRejectedResult).reason));
      expect(failures).toEqual([]);
      const databases = opened.map((o) => (o as PromiseFulfilledResult<Awaited<ReturnType<typeof openDatabase>>>).value);
      const check = new pg.Client({ connectionString: url.toString() });
      await check.connect();
      const { rows } = await check.query<{ n: number; hashes: number }>('select count(*)::int as n, count(distinct hash)::int as hashes from drizzle.__drizzle_migrations');
      await check.end();
      expect(rows[0]).toEqual({ n: bundledMigrationCount(), hashes: bundledMigrationCount() });
      await Promise.all(databases.map((d) => d.close()));
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }, 120_000);
});
