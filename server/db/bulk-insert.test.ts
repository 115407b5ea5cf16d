import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, orgs } from './schema/index.js';
import { bulkInsert } from './bulk-insert.js';
import { createTestDatabase } from '../test-support/test-db.js';
import type { Database } from './client.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('bulkInsert', () => {
  it('writes every row with text, numbers, booleans, dates, jsonb and nulls intact, in batches', async () => {
    const rows = Array.from({ length: 12 }, (_, i) => ({
      path: `/${900 + i}/`,
      depth: i,
      code: `BULK-${i}`,
      name: i === 3 ? '带"引号"和\\反斜杠' : `批量${i}`,
      type: 'grassroots_union',
      regionCode: i % 2 ? null : '410803',
      active: i % 3 !== 0,
      createdAt: new Date(Date.UTC(2026, 0, 1 + i)),
    }));
    await bulkInsert(database.db, orgs, rows, 5);
    const stored = await database.db.select().from(orgs).where(eq(orgs.depth, 3));
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ code: 'BULK-3', name: '带"引号"和\\反斜杠', regionCode: null, active: false, nameEn: '' });
    expect(stored[0].createdAt.toISOString()).toBe('2026-01-04T00:00:00.000Z');
    expect((await database.db.select().from(orgs)).length).toBe(12);
  });

  it('round-trips jsonb values', async () => {
    await bulkInsert(database.db, auditLog, [
      { at: new Date(), action: 'x.y', outcome: 'success', details: { a: [1, 2], b: '中文 "q"' } },
    ]);
    const [row] = await database.db.select().from(auditLog).where(eq(auditLog.action, 'x.y'));
    expect(row.details).toEqual({ a: [1, 2], b: '中文 "q"' });
  });
});
