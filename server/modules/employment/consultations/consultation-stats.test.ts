import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consultations } from '../../../db/schema/index.js';
import { createTestApp, type Session, type TestApp } from '../../../test-support/test-app.js';

let t: TestApp;
let staffA: Session;
let staffB: Session;

const at = (iso: string) => new Date(iso);
const HOUR = 3600_000;
let n = 0;

/** A question of an org asked at a time (China time), answered `answeredAfterHours` later or still open. */
function question(orgName: string, askedAt: string, answeredAfterHours: number | null, status?: 'closed') {
  const created = at(askedAt);
  const answeredAt = answeredAfterHours === null ? null : new Date(created.getTime() + answeredAfterHours * HOUR);
  return {
    orgId: t.orgs[orgName].id,
    channel: 'web',
    category: 'other',
    question: '统计用的问题',
    phoneEnc: 'v1:x',
    phoneMasked: '138****0000',
    status: status ?? (answeredAt ? 'answered' : 'open'),
    answer: answeredAt ? '答复' : null,
    answeredAt,
    ticketNo: `ZX20260310${String(++n).padStart(5, '0')}`,
    createdAt: created,
    updatedAt: created,
  };
}

beforeAll(async () => {
  t = await createTestApp();
  // Now: 2026-03-12 18:00 China time.
  t.clock.advance(at('2026-03-12T18:00:00+08:00').getTime() - t.clock.now().getTime());
  await t.createUser('st-a', 'A', ['jobs_officer']);
  await t.createUser('st-b', 'B', ['jobs_officer']);
  [staffA, staffB] = await Promise.all(['st-a', 'st-b'].map((u) => t.signIn(u)));
  await t.database.db.insert(consultations).values([
    // B's own: answered after 1, 2 and 10 hours (the first on the period's first instant), one open for 10 hours.
    question('B', '2026-03-10T00:00:00+08:00', 1),
    question('B', '2026-03-10T09:00:00+08:00', 2),
    question('B', '2026-03-11T09:00:00+08:00', 10),
    question('B', '2026-03-12T08:00:00+08:00', null),
    // D, under B: answered after 4 hours and closed; one open for 24 hours.
    question('D', '2026-03-10T10:00:00+08:00', 4, 'closed'),
    question('D', '2026-03-11T18:00:00+08:00', null),
    // C: answered after 30 hours. A's own: open for an hour.
    question('C', '2026-03-10T08:00:00+08:00', 30),
    question('A', '2026-03-12T17:00:00+08:00', null),
    // Before the period (a second before it starts): left out, open or not.
    question('B', '2026-03-09T23:59:59+08:00', 100),
    question('D', '2026-03-01T09:00:00+08:00', null),
  ]);
});
afterAll(() => t.close());

const stats = async (s: Session, query: string) => {
  const res = await s.get(`/api/consultations/stats${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const figures = (r: Record<string, unknown>) => ({ asked: r.asked, answered: r.answered, medianHours: r.medianHours, p90Hours: r.p90Hours, open: r.open, oldestOpenHours: r.oldestOpenHours });

describe('consultation response times', () => {
  it('gives each child org of the city its subtree’s figures, the city its own, and the totals, computed in SQL', async () => {
    const s = await stats(staffA, '?from=2026-03-10&to=2026-03-12');
    expect(s).toMatchObject({ from: '2026-03-10', to: '2026-03-12', org: { id: t.orgs.A.id, atTop: true }, trail: [{ id: t.orgs.A.id }] });
    expect(s.rows.map((r: { orgName: string; direct: boolean; hasChildren: boolean }) => [r.orgName, r.direct, r.hasChildren])).toEqual([
      ['组织B', false, true],
      ['组织C', false, true],
      ['组织A', true, false],
    ]);
    // B's subtree: answered after 1, 2, 4, 10 hours → median 3, 90th percentile 4 + 0.7 × 6 = 8.2; open for 10 and 24 hours.
    expect(figures(s.rows[0])).toEqual({ asked: 6, answered: 4, medianHours: 3, p90Hours: 8.2, open: 2, oldestOpenHours: 24 });
    expect(figures(s.rows[1])).toEqual({ asked: 1, answered: 1, medianHours: 30, p90Hours: 30, open: 0, oldestOpenHours: null });
    expect(figures(s.rows[2])).toEqual({ asked: 1, answered: 0, medianHours: null, p90Hours: null, open: 1, oldestOpenHours: 1 });
    // The whole tree: 1, 2, 4, 10, 30 → median 4, 90th percentile 10 + 0.6 × 20 = 22.
    expect(s.totals).toEqual({ asked: 8, answered: 5, medianHours: 4, p90Hours: 22, open: 3, oldestOpenHours: 24 });
  });

  it('drills down into a district: its children and its own questions', async () => {
    const s = await stats(staffA, `?from=2026-03-10&to=2026-03-12&orgId=${t.orgs.B.id}`);
    expect(s.org).toMatchObject({ id: t.orgs.B.id, atTop: false });
    expect(s.trail.map((o: { id: string }) => o.id)).toEqual([t.orgs.A.id, t.orgs.B.id]);
    expect(s.rows.map((r: { orgName: string }) => r.orgName)).toEqual(['组织D', '组织E', '组织B']);
    expect(figures(s.rows[0])).toEqual({ asked: 2, answered: 1, medianHours: 4, p90Hours: 4, open: 1, oldestOpenHours: 24 });
    expect(figures(s.rows[1])).toEqual({ asked: 0, answered: 0, medianHours: null, p90Hours: null, open: 0, oldestOpenHours: null });
    // 1, 2, 10 → median 2, 90th percentile 2 + 0.8 × 8 = 8.4.
    expect(figures(s.rows[2])).toEqual({ asked: 4, answered: 3, medianHours: 2, p90Hours: 8.4, open: 1, oldestOpenHours: 10 });
    // The same as B's staff see it by default; a longer period takes in the older questions.
    expect((await stats(staffB, '?from=2026-03-10&to=2026-03-12')).totals).toEqual(s.totals);
    expect((await stats(staffB, '?from=2026-03-01&to=2026-03-12')).totals).toMatchObject({ asked: 8, answered: 5, open: 3, oldestOpenHours: 273 });
  });

  it('takes the last 90 days by default, refuses a period ending before it starts, and an org out of sight is a 404', async () => {
    const s = await stats(staffB, '');
    expect(s).toMatchObject({ from: '2025-12-13', to: '2026-03-12' });
    expect(s.totals.asked).toBe(10 - 2); // B's subtree: everything but C's and A's
    const backwards = await staffB.get('/api/consultations/stats?from=2026-03-12&to=2026-03-10');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.details.issues[0].field).toBe('querystring.to');
    expect((await staffB.get(`/api/consultations/stats?orgId=${t.orgs.C.id}`)).statusCode).toBe(404);
    expect((await staffB.get(`/api/consultations/stats?orgId=${t.orgs.A.id}`)).statusCode).toBe(404);
  });
});
