import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { sampleHousehold } from '../../test-support/household-fixtures.js';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app.js';
import { insertOrg } from '../orgs/create-org.js';
import { newestPerOrgPage } from './newest-per-org-page.js';

// The fixture tree plus 60 unions under C: E (one org) is under 2% of the orgs and takes the
// per-org walk; B (B, D, E) and A do not.
let t: TestApp;
let city: Session;
let atE: Session;
let atB: Session;

beforeAll(async () => {
  t = await createTestApp();
  for (let i = 0; i < 60; i++) await insertOrg(t.database.db, t.orgs.C, { code: `T-C${i}`, name: `工会C${i}`, type: 'grassroots_union' });
  await t.createUser('city', 'A', ['caseworker']);
  await t.createUser('at-e', 'E', ['caseworker']);
  await t.createUser('at-b', 'B', ['caseworker']);
  [city, atE, atB] = await Promise.all(['city', 'at-e', 'at-b'].map((u) => t.signIn(u)));
  // Filed a minute apart, alternating E, D and G, some deep and some relative, and two with one
  // created_at (an import's households share theirs: the id orders them).
  const places = ['E', 'D', 'G'];
  for (let i = 0; i < 24; i++) {
    const res = await city.post('/api/households', sampleHousehold(t.orgs[places[i % 3]].id, { category: i % 4 === 0 ? 'relative' : 'deep', name: `户主${i}` }));
    expect(res.statusCode, res.body).toBe(201);
    if (i !== 10) t.clock.advance(60_000);
  }
}, 120_000);
afterAll(() => t.close());

/** The same page read straight from the table, newest first with the id breaking ties. */
async function expected(orgs: string[], opts: { category?: string; order?: 'asc' | 'desc'; offset: number; limit: number }) {
  const dir = sql.raw(opts.order ?? 'desc');
  const ids = orgs.map((o) => t.orgs[o].id);
  const rows = (await t.database.db.execute(sql`
    select id from households where org_id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})
      ${opts.category ? sql`and category = ${opts.category}` : sql``}
    order by created_at ${dir}, id ${dir} limit ${opts.limit} offset ${opts.offset}`)) as unknown as { rows: Array<{ id: string }> };
  return rows.rows.map((r) => r.id);
}

const listed = async (s: Session, query: string) => {
  const res = await s.get(`/api/households?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Array<{ id: string }>; hasMore: boolean };
};

describe('newest-first page of a small subtree, org by org', () => {
  it('is taken for a subtree under 2% of the orgs only', async () => {
    const where = sql`true`;
    const page = { page: 1, pageSize: 5, order: 'desc' as const };
    expect(await newestPerOrgPage(t.database.db, t.orgs.E.path, where, page)).not.toBeNull();
    expect(await newestPerOrgPage(t.database.db, t.orgs.B.path, where, page)).toBeNull();
    expect(await newestPerOrgPage(t.database.db, t.orgs.A.path, where, page)).toBeNull();
    // A deep page would read more than the walks are allowed (orgs × rows each).
    expect(await newestPerOrgPage(t.database.db, t.orgs.E.path, where, { ...page, page: 30_000 })).toBeNull();
  });

  it('lists exactly the pages the archive-wide walk lists, in both orders, with filters and hasMore', async () => {
    for (const order of ['desc', 'asc'] as const) {
      for (let page = 1; page <= 3; page++) {
        const got = await listed(atE, `page=${page}&pageSize=3&order=${order}`);
        expect(got.items.map((h) => h.id)).toEqual(await expected(['E'], { order, offset: (page - 1) * 3, limit: 3 }));
        expect(got.hasMore).toBe(page < 3 && (await expected(['E'], { order, offset: page * 3, limit: 1 })).length === 1);
      }
    }
    const deep = await listed(atE, 'page=1&pageSize=20&category=deep');
    expect(deep.items.map((h) => h.id)).toEqual(await expected(['E'], { category: 'deep', offset: 0, limit: 20 }));
    expect(deep.items.length).toBe(6);
    // B's subtree (the archive-wide walk) lists E's and D's, the same way.
    const atBPage = await listed(atB, 'page=2&pageSize=5');
    expect(atBPage.items.map((h) => h.id)).toEqual(await expected(['B', 'D', 'E'], { offset: 5, limit: 5 }));
    // The city narrowed to E with orgId= takes the per-org walk too.
    const narrowed = await listed(city, `page=1&pageSize=20&orgId=${t.orgs.E.id}`);
    expect(narrowed.items.map((h) => h.id)).toEqual(await expected(['E'], { offset: 0, limit: 20 }));
  });
});
