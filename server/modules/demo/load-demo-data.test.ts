import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { isValidCnId } from '../../../contracts/cn-ids.js';
import type { Database } from '../../db/client.js';
import { ManualClock } from '../../platform/clock.js';
import { decryptPii } from '../../platform/pii-crypto.js';
import { deriveSecrets } from '../../platform/secrets.js';
import { createTestDatabase } from '../../test-support/test-db.js';
import { loadDemoData } from './load-demo-data.js';

let database: Database;
const secrets = deriveSecrets(crypto.randomBytes(32));
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const one = async <T>(q: ReturnType<typeof sql>) => ((await database.db.execute(q)) as unknown as { rows: T[] }).rows;

describe('demo data', () => {
  it('loads the Jiaozuo tree, the demo accounts and households in every state, once', async () => {
    const loaded = await loadDemoData({ db: database.db, clock: new ManualClock(new Date('2026-09-01T09:00:00+08:00')), secrets });
    expect(loaded).toMatchObject({ orgs: 271, users: 12 });
    expect(await loadDemoData({ db: database.db, clock: new ManualClock(), secrets })).toBeNull();
    const [districts] = await one<{ n: number }>(sql`select count(*)::int as n from orgs where type = 'district_federation'`);
    expect(districts.n).toBe(11);
    const statuses = await one<{ status: string; n: number }>(sql`select status, count(*)::int as n from households group by status`);
    expect(new Set(statuses.map((s) => s.status))).toEqual(new Set(['archived', 'applied', 'checked', 'visited', 'in_notice', 'lifted']));
    const ids = await one<{ id_enc: string }>(sql`select id_enc from households union all select id_enc from household_members`);
    expect(ids.every((r) => isValidCnId(decryptPii(secrets, r.id_enc)))).toBe(true);
    const [claims] = await one<{ n: number }>(sql`select count(*)::int as n from household_id_claims`);
    expect(claims.n).toBe(ids.length);
    const [ready] = await one<{ n: number }>(sql`select count(*)::int as n from households where status = 'in_notice' and notice_ends_on < '2026-09-01'`);
    expect(ready.n).toBe(2);
    // Analyzed after loading, so the first lists are planned on real statistics.
    const analyzed = await one<{ relname: string; live: number }>(
      sql`select relname, n_live_tup::int as live from pg_stat_user_tables where relname in ('orgs', 'households') and last_analyze is not null order by relname`,
    );
    expect(analyzed).toEqual([
      { relname: 'households', live: statuses.reduce((n, s) => n + s.n, 0) },
      { relname: 'orgs', live: 271 },
    ]);
  });
});
