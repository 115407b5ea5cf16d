import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../test-support/test-db.js';
import type { Database } from './client.js';
import { analyzeAfterBulkWrite, engineOf, readTableActivity, startStatisticsKeeper, startStatisticsKeeperFor } from './maintenance.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  await database.db.execute(sql`create table keeper_probe (id int primary key, v text)`);
});
afterAll(() => database.close());

async function stats(table: string) {
  const result = (await database.db.execute(
    sql`select n_live_tup::int as live, n_mod_since_analyze::int as mods, last_analyze, last_vacuum from pg_stat_user_tables where relname = ${table}`,
  )) as unknown as { rows: Array<{ live: number; mods: number; last_analyze: unknown; last_vacuum: unknown }> };
  return result.rows[0];
}

async function insertRows(from: number, to: number) {
  await database.db.execute(sql`insert into keeper_probe select g, 'v' || g from generate_series(${from}::int, ${to}::int) g`);
}

describe('engine detection', () => {
  it('tells PGlite from PostgreSQL', async () => {
    expect(await engineOf(database.db)).toBe(database.kind);
  });
});

describe('statistics keeper', () => {
  it('analyzes a table once its changes pass 50 + 10% of its rows, and leaves it alone below that', async () => {
    const keeper = startStatisticsKeeper(database.db, { intervalMs: 3_600_000 });
    try {
      await insertRows(1, 2000);
      const first = await keeper.runOnce();
      expect(first.analyzed).toContain('keeper_probe');
      const after = await stats('keeper_probe');
      expect(after.last_analyze).not.toBeNull();
      expect(after.live).toBe(2000);
      expect(after.mods).toBe(0);
      const [{ reltuples }] = ((await database.db.execute(sql`select reltuples::int as reltuples from pg_class where relname = 'keeper_probe'`)) as unknown as {
        rows: Array<{ reltuples: number }>;
      }).rows;
      expect(reltuples).toBe(2000);

      // 100 changes on 2,000 rows: under the threshold of 250.
      await database.db.execute(sql`update keeper_probe set v = 'w' where id <= 100`);
      expect((await keeper.runOnce()).analyzed).not.toContain('keeper_probe');
      expect((await readTableActivity(database.db)).find((a) => a.table === 'keeper_probe')?.modifiedSinceAnalyze).toBe(100);

      // 300 more inserts: 400 changes, past it.
      await insertRows(2001, 2300);
      expect((await keeper.runOnce()).analyzed).toContain('keeper_probe');
      expect(await stats('keeper_probe')).toMatchObject({ live: 2300, mods: 0 });
    } finally {
      await keeper.stop();
    }
  });

  it('runs on its timer and stops cleanly', async () => {
    const passes: string[][] = [];
    const keeper = startStatisticsKeeper(database.db, { intervalMs: 50, onPass: (p) => passes.push(p.analyzed) });
    await insertRows(10_001, 13_000);
    await expect.poll(() => passes.flat().includes('keeper_probe'), { timeout: 5000, interval: 50 }).toBe(true);
    await keeper.stop();
    const count = passes.length;
    await insertRows(20_001, 30_000);
    await new Promise((r) => setTimeout(r, 200));
    expect(passes.length).toBe(count);
  });

  it('is started on PGlite only (PostgreSQL has autovacuum)', async () => {
    const keeper = await startStatisticsKeeperFor(database.db, { intervalMs: 3_600_000 });
    expect(keeper !== null).toBe(database.kind === 'pglite');
    await keeper?.stop();
  });
});

describe('analyzeAfterBulkWrite', () => {
  it('analyzes the named tables (and vacuums them on PGlite, setting the visibility map)', async () => {
    await insertRows(40_001, 50_000);
    const done = await analyzeAfterBulkWrite(database.db, ['keeper_probe']);
    expect(done.map((d) => [d.table, d.vacuumed])).toEqual([['keeper_probe', database.kind === 'pglite']]);
    const after = await stats('keeper_probe');
    expect(after.mods).toBe(0);
    expect(after.last_analyze).not.toBeNull();
    if (database.kind === 'pglite') {
      expect(after.last_vacuum).not.toBeNull();
      const [{ allVisible, pages }] = ((await database.db.execute(
        sql`select relallvisible::int as "allVisible", relpages::int as pages from pg_class where relname = 'keeper_probe'`,
      )) as unknown as { rows: Array<{ allVisible: number; pages: number }> }).rows;
      expect(allVisible).toBe(pages);
    }
  });

  it('refuses a name that is not a plain table name', async () => {
    await expect(analyzeAfterBulkWrite(database.db, ['households; drop table users'])).rejects.toThrow(/plain table name/);
  });
});
