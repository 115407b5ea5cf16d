import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { isValidCnId } from '../../../contracts/cn-ids.js';
import type { Database } from '../../db/client.js';
import { ManualClock } from '../../platform/clock.js';
import { decryptPii } from '../../platform/pii-crypto.js';
import { deriveSecrets } from '../../platform/secrets.js';
import { createTestDatabase } from '../../test-support/test-db.js';
import { DEMO_ACCOUNTS } from './demo-accounts.js';
import { loadDemoData } from './load-demo-data.js';
import { SEED_2021 } from './golden-autumn-2021-plan.js';
import { campaignDashboard } from '../campaigns/dashboard/campaign-dashboard.js';
import { runApplicationStep } from '../campaigns/applications/run-application-step.js';
import { permissionsOf } from '../../../contracts/roles.js';
import type { Ctx } from '../../platform/context.js';

let database: Database;
const secrets = deriveSecrets(crypto.randomBytes(32));
const clock = new ManualClock(new Date('2026-09-01T09:00:00+08:00'));
let loaded: Awaited<ReturnType<typeof loadDemoData>>;
beforeAll(async () => {
  database = await createTestDatabase();
  loaded = await loadDemoData({ db: database.db, clock, secrets });
});
afterAll(() => database.close());

const one = async <T>(q: ReturnType<typeof sql>) => ((await database.db.execute(q)) as unknown as { rows: T[] }).rows;

describe('demo data', () => {
  it('loads the Jiaozuo tree, the demo accounts and households in every state, once', async () => {
    expect(loaded).toMatchObject({ orgs: 271, users: DEMO_ACCOUNTS.length });
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

  it('dates nothing after the moment it was loaded (a time of day drawn for today may still be to come)', async () => {
    const columns = await one<{ table_name: string; column_name: string }>(
      sql`select table_name, column_name from information_schema.columns
          where table_schema = 'public' and data_type = 'timestamp with time zone'
            and column_name !~ '(expires|until|ends|due|next|heartbeat|locked|notice)'
          order by table_name, column_name`,
    );
    expect(columns.length).toBeGreaterThan(40);
    // Stamped by the database's own now() when the tree and accounts are written, not by the demo's clock.
    const wallClock = new Set(['journal_entries.txn_started_at', 'orgs.created_at', 'orgs.updated_at', 'users.created_at', 'users.updated_at', 'users.password_changed_at', 'user_roles.granted_at']);
    const later: string[] = [];
    for (const c of columns.filter((c) => !wallClock.has(`${c.table_name}.${c.column_name}`))) {
      const [row] = await one<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(c.table_name)} where ${sql.identifier(c.column_name)} > ${clock.now()}`);
      if (row.n > 0) later.push(`${c.table_name}.${c.column_name}: ${row.n}`);
    }
    expect(later).toEqual([]);
  });

  it('records the 2021 金秋助学 so that the dashboard counts the seed’s figures', async () => {
    const c2021 = loaded!.campaign2021.id;
    const city = await asUser('city.reviewer');
    const top = await campaignDashboard({ ctx: city, id: c2021 });
    expect(top.campaign).toMatchObject({ name: '2021年金秋助学', year: 2021, status: 'closed' });
    expect(top.totals).toMatchObject({ students: SEED_2021.students, approved: 813, approvedFen: SEED_2021.approvedFen, paid: 813, paidFen: SEED_2021.approvedFen, ready: 0 });
    expect(top.budgets).toHaveLength(18);
    for (const b of top.budgets) expect(b.usedFen).toBeLessThanOrEqual(b.budgetFen);

    const byName = (d: typeof top, name: string) => d.byOrg.find((r) => r.orgName === name && !r.direct)!;
    const orgId = async (code: string) => (await one<{ id: string }>(sql`select id from orgs where code = ${code}`))[0].id;
    const coal = await campaignDashboard({ ctx: city, id: c2021, orgId: await orgId('JZ-JM') });
    expect(byName(coal, '赵固二矿工会')).toMatchObject({ students: 72, approvedFen: SEED_2021.zhaogu2.approvedFen });
    expect(byName(coal, '古汉山矿工会')).toMatchObject({ students: 20, approvedFen: SEED_2021.guhanshan.approvedFen });

    expect(byName(top, '中站区总工会')).toMatchObject({ students: 7, approvedFen: 7 * 300_000 });
    const zhongzhan = await campaignDashboard({ ctx: city, id: c2021, orgId: await orgId('JZ-ZZ') });
    expect(zhongzhan.totals.inKind).toEqual([{ item: '行李箱', quantity: SEED_2021.zhongzhan.suitcases }]);
    const zzAmounts = await one<{ amount: number; n: number }>(
      sql`select a.approved_amount_fen::int as amount, count(*)::int as n from campaign_applications a join orgs o on o.id = a.org_id where a.campaign_id = ${c2021} and o.code like 'JZ-ZZ%' group by 1`,
    );
    expect(zzAmounts).toEqual([{ amount: SEED_2021.zhongzhan.eachFen, n: 7 }]);

    // Paid on the days the paper reports, through the grant, into the households' aid ledgers.
    const paidOn = await one<{ code: string; paid_on: string }>(
      sql`select distinct o.code, g.paid_on::text from campaign_grants g join orgs o on o.id = g.org_id where g.campaign_id = ${c2021} and o.code in ('JZ-JM-ZG2', 'JZ-ZZ-FC') order by 1`,
    );
    expect(paidOn).toEqual([{ code: 'JZ-JM-ZG2', paid_on: '2021-08-25' }, { code: 'JZ-ZZ-FC', paid_on: '2021-09-06' }]);
    const [ledger] = await one<{ cash: number; filed: number; entries: number }>(sql`select
      (select sum(amount_fen)::int from household_aid where program = '2021年金秋助学' and aid_type = 'cash') as cash,
      (select sum(approved_amount_fen)::int from campaign_applications where campaign_id = ${c2021} and filed) as filed,
      (select count(*)::int from household_aid h join campaign_grants g on h.source_ref = 'grant:' || g.id where g.campaign_id = ${c2021}) as entries`);
    expect(ledger.cash).toBe(ledger.filed);
    expect(ledger.entries).toBe((await one<{ n: number }>(sql`select count(*)::int as n from campaign_applications where campaign_id = ${c2021} and filed`))[0].n);
    // Every application went through each step of the workflow, in order.
    const histories = await one<{ steps: string; n: number }>(sql`select steps, count(*)::int as n from (
      select string_agg(e.action, ',' order by e.at, e.id) filter (where e.action <> 'follow_up') as steps from application_events e join campaign_applications a on a.id = e.application_id
      where a.campaign_id = ${c2021} group by a.id) h group by steps`);
    expect(histories).toEqual([{ steps: 'create,submit,verify,approve_district,approve_city,start_notice,release,paid', n: 813 }]);
    const [capped] = await one<{ n: number }>(sql`select count(*)::int as n from campaign_applications where campaign_id = ${c2021} and amount_fen <> proposed_amount_fen and amount_reason like '实际学费%'`);
    expect(capped.n).toBeGreaterThan(0);
    // The follow-ups of the 2021 history (a placement by the employment service writes its own, of its year: see below).
    const [followed] = await one<{ n: number; years: number[] }>(
      sql`select count(distinct f.application_id)::int as n, array_agg(distinct f.year order by f.year) as years from aid_follow_ups f join campaign_applications a on a.id = f.application_id where a.campaign_id = ${c2021} and a.status = 'followed_up'
        and not exists (select 1 from application_events e where e.application_id = f.application_id and e.action = 'follow_up' and e.details->>'source' = 'placement' and (e.details->>'year')::int = f.year)`,
    );
    expect(followed.n).toBeGreaterThan(100);
    expect(followed.years).toEqual([2022, 2023, 2024, 2025]);
  });

  it('opens this year’s 金秋助学 with applications at each step that the demo accounts can take further', async () => {
    const current = loaded!.campaignCurrent;
    expect(current).toMatchObject({ year: 2026, status: 'open' });
    const [window] = await one<{ apply_from: string; apply_to: string }>(sql`select apply_from::text, apply_to::text from campaigns where id = ${current.id}`);
    expect(window.apply_from <= '2026-03-02' && window.apply_to >= '2026-11-29').toBe(true);
    const statuses = await one<{ status: string; n: number }>(sql`select status, count(*)::int as n from campaign_applications where campaign_id = ${current.id} group by status order by status`);
    expect(statuses.map((s) => s.status)).toEqual(['city_approved', 'district_approved', 'draft', 'ready', 'submitted', 'verified']);
    // Three of 赵固二矿's went through the notice: their grants wait for payment from this year's fund.
    const [ready] = await one<{ n: number; fen: string }>(sql`select count(*)::int as n, sum(amount_fen)::text as fen from campaign_grants where campaign_id = ${current.id} and status = 'ready'`);
    expect(ready.n).toBe(3);

    const pick = async (status: string, orgCode: string) =>
      (await one<{ id: string }>(sql`select a.id from campaign_applications a join orgs o on o.id = a.org_id where a.campaign_id = ${current.id} and a.status = ${status} and o.code = ${orgCode} limit 1`))[0].id;
    const asNow = async (username: string) => ({ ...(await asUser(username)), clock: new ManualClock(clock.now()) });
    expect(await runApplicationStep({ ctx: await asNow('zz.reviewer'), id: await pick('submitted', 'JZ-ZZ-FC'), step: 'verify' })).toMatchObject({ status: 'verified' });
    expect(await runApplicationStep({ ctx: await asNow('jm.reviewer'), id: await pick('verified', 'JZ-JM-ZG2'), step: 'approve_district' })).toMatchObject({ status: 'district_approved' });
    expect(await runApplicationStep({ ctx: await asNow('city.reviewer'), id: await pick('district_approved', 'JZ-ZZ-FC'), step: 'approve_city' })).toMatchObject({ status: 'city_approved' });
    // Of 府城's two drafts one has its five clears done and goes in; the other still lacks the school's fees.
    const drafts = await one<{ id: string; complete: boolean }>(
      sql`select a.id, (a.five_clears->'school_fees'->>'checked')::boolean as complete from campaign_applications a join orgs o on o.id = a.org_id where a.campaign_id = ${current.id} and a.status = 'draft' and o.code = 'JZ-ZZ-FC' order by 2`,
    );
    expect(drafts.map((d) => d.complete)).toEqual([false, true]);
    await expect(runApplicationStep({ ctx: await asNow('fc.caseworker'), id: drafts[0].id, step: 'submit' })).rejects.toThrow(/school_fees/);
    expect(await runApplicationStep({ ctx: await asNow('fc.caseworker'), id: drafts[1].id, step: 'submit' })).toMatchObject({ status: 'submitted' });
  });
});

describe('demo books', () => {
  it('raised and paid the 2021 fund’s 214.9136 万元 from postings: allocations, enterprises, the 99 公益日 donation and the budget, paid to the 813 students', async () => {
    const { listFunds } = await import('../funds/funds.queries.js');
    const { reconcileLedger } = await import('../funds/ledger/reconcile-ledger.js');
    const city = await asUser('finance');
    const [fund] = (await listFunds(database.db, city.actor!)).filter((f) => f.fund.name === '2021年金秋助学专项资金');
    expect(fund.figures).toMatchObject({ raisedFen: 214_913_600, paidFen: 214_913_600, balanceFen: 0, allocatedOutFen: 0 });
    expect(fund.figures.bySource).toMatchObject({ donations: 559_200, allocationsIn: 80_000_000 });
    // The same from the postings themselves, not the kept balances.
    const [byKind] = await one<{ raised: string; paid: string; payments: number }>(sql`
      select (-sum(p.amount_fen) filter (where a.kind in ('donations', 'enterprise', 'budget', 'allocations_in')))::text as raised,
        sum(p.amount_fen) filter (where a.kind = 'paid_out')::text as paid, count(*) filter (where a.kind = 'paid_out')::int as payments
      from journal_postings p join ledger_accounts a on a.id = p.account_id where a.fund_id = ${fund.fund.id}`);
    expect(byKind).toEqual({ raised: '214913600', paid: '214913600', payments: 813 });
    // The 99 公益日 collective donation of 7 September: 5592 元, one numbered receipt per giver.
    const [gifts] = await one<{ n: number; fen: string; day: string; first: number; last: number }>(
      sql`select count(*)::int as n, sum(amount_fen)::text as fen, min(received_on)::text as day, min(receipt_seq) as first, max(receipt_seq) as last from donations where fund_id = ${fund.fund.id}`,
    );
    expect(gifts).toMatchObject({ fen: '559200', day: '2021-09-07', first: 1, last: gifts.n });
    const r = await reconcileLedger(database.db);
    expect(r).toMatchObject({ differences: [], unbalancedEntries: [], monthDifferences: [] });
    // Each payment line matches a paid grant; every batch was approved by someone other than its builder.
    const [lines] = await one<{ n: number; unmatched: number }>(
      sql`select count(*)::int as n, count(*) filter (where g.status <> 'paid' or g.payment_ref <> l.payment_ref)::int as unmatched from payment_lines l join campaign_grants g on g.id = l.grant_id where l.batch_id in (select id from payment_batches where fund_id = ${fund.fund.id})`,
    );
    expect(lines).toEqual({ n: 813, unmatched: 0 });
  });
});

describe('demo job board', () => {
  it('reads 346 enterprises, 2,241 positions and about 12,000 openings for August–September 2021, counted from postings, and a living board today', async () => {
    const [board] = await one<{ enterprises: number; positions: number; openings: number }>(sql`
      select count(distinct enterprise_id)::int as enterprises, count(*)::int as positions, sum(openings)::int as openings from job_postings
      where published_at >= '2021-08-01T00:00:00+08:00' and published_at < '2021-10-01T00:00:00+08:00'`);
    expect(board).toMatchObject({ enterprises: 346, positions: 2241 });
    expect(Math.abs(board.openings - 12_000)).toBeLessThan(600);
    // The same through the public board's own figures for the period.
    const { boardStats } = await import('../employment/board/board.queries.js');
    expect(await boardStats(database.db, '2021-08-01', '2021-09-30')).toMatchObject({ enterprises: 346, positions: 2241, openings: board.openings });
    const [live] = await one<{ n: number; stale: number }>(sql`select count(*)::int as n, count(*) filter (where valid_until < '2026-09-01')::int as stale from job_postings where status = 'published'`);
    expect(live.n).toBeGreaterThan(100);
    expect(live.stale).toBe(0);
    const { validateUscc } = await import('../../../contracts/cn-ids.js');
    const codes = await one<{ uscc: string }>(sql`select uscc from enterprises`);
    expect(codes.every((c) => validateUscc(c.uscc).ok)).toBe(true);
  });
});

describe('demo employment services', () => {
  it('publishes policy articles of every aid and employment category through the verbs, a draft and a withdrawn one beside them', async () => {
    const { listArticles, listPublishedArticles } = await import('../employment/policies/policies.queries.js');
    const jobs = await asUser('jobs');
    const byStatus = async (status: string) => (await listArticles(database.db, jobs.actor!, { status }, { page: 1, pageSize: 100 })).items;
    const [published, drafts, withdrawn] = await Promise.all([byStatus('published'), byStatus('draft'), byStatus('withdrawn')]);
    expect(published.length).toBeGreaterThanOrEqual(8);
    expect(drafts.length).toBeGreaterThanOrEqual(1);
    expect(withdrawn.length).toBeGreaterThanOrEqual(1);
    expect(new Set(published.map((a) => a.category))).toEqual(expect.objectContaining(new Set(['national_aid', 'local_aid', 'student_aid', 'employment', 'social_insurance'])));
    // The public list is the published ones, newest first, and finds them by their words.
    const publicList = await listPublishedArticles(database.db, {}, { page: 1, pageSize: 100 });
    expect(publicList.items.map((a) => a.id).sort()).toEqual(published.map((a) => a.id).sort());
    expect(published.every((a) => new Date(a.publishedAt!) <= clock.now() && !a.docNo)).toBe(true);
    const found = await listPublishedArticles(database.db, { q: '金秋助学' }, { page: 1, pageSize: 100 });
    expect(found.total).toBeGreaterThan(0);
    expect(found.items.every((a) => a.category === 'student_aid' || a.title.includes('金秋') || (a.summary ?? '').includes('金秋'))).toBe(true);
    // Written by the verbs: each publish (the withdrawn ones were published first) has its audit entry.
    const [audited] = await one<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'policy.publish' and request_id = 'demo-load'`);
    expect(audited.n).toBe(published.length + withdrawn.length);
  });

  it('answers questions from the form and the 12351 hotline at several unions, so the response-time figures count from records', async () => {
    const { consultationStats } = await import('../employment/consultations/consultation-stats.js');
    const stats = await consultationStats({ ctx: await asUser('jobs'), query: {} });
    const timed = stats.rows.filter((r) => r.medianHours !== null);
    expect(timed.length).toBeGreaterThanOrEqual(5);
    for (const r of timed) expect(r.p90Hours!).toBeGreaterThanOrEqual(r.medianHours!);
    expect(stats.totals.open).toBeGreaterThanOrEqual(3);
    expect(stats.totals.oldestOpenHours!).toBeGreaterThan(24);
    // 中站区's median, counted here from its questions' own timestamps.
    const zz = stats.rows.find((r) => r.orgName === '中站区总工会')!;
    const hours = (
      await one<{ h: number }>(sql`select extract(epoch from (c.answered_at - c.created_at))::float8 / 3600 as h from consultations c join orgs o on o.id = c.org_id
        where o.code like 'JZ-ZZ%' and c.answered_at is not null order by 1`)
    ).map((r) => r.h);
    const mid = hours.length / 2;
    expect(zz.answered).toBe(hours.length);
    expect(zz.medianHours).toBeCloseTo(hours.length % 2 ? hours[Math.floor(mid)] : (hours[mid - 1] + hours[mid]) / 2, 1);
    const kinds = await one<{ channel: string; status: string }>(sql`select distinct channel, status from consultations order by 1, 2`);
    expect(new Set(kinds.map((k) => k.channel))).toEqual(new Set(['web', 'hotline']));
    expect(new Set(kinds.map((k) => k.status))).toEqual(new Set(['open', 'answered', 'closed']));
    // A rerouted question is audited under the org it left.
    const [rerouted] = await one<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'consultation.reroute'`);
    expect(rerouted.n).toBeGreaterThan(0);
  });

  it('lists the answers published as FAQ entries on the public page', async () => {
    const { listPublishedFaq } = await import('../employment/consultations/faq/faq.queries.js');
    const faq = await listPublishedFaq(database.db, {}, { page: 1, pageSize: 100 });
    expect(faq.total).toBeGreaterThanOrEqual(6);
    const sources = await one<{ id: string; answered: boolean }>(sql`select f.id, c.answer is not null as answered from faq_entries f join consultations c on c.id = f.consultation_id where f.published`);
    expect(faq.items.map((e) => e.id).sort()).toEqual(sources.map((s) => s.id).sort());
    expect(sources.every((s) => s.answered)).toBe(true);
  });

  it('registers job seekers from aided students, archived households and by hand, and a placed aided student’s journey shows the placement', async () => {
    const { listSeekers } = await import('../employment/seekers/seekers.queries.js');
    const { studentJourney } = await import('../campaigns/follow-up/student-journey.js');
    const jobs = await asUser('jobs');
    const all = (await listSeekers(database.db, jobs.actor!, {}, { page: 1, pageSize: 100 })).items;
    expect(all.length).toBeGreaterThanOrEqual(15);
    expect(all.filter((s) => s.applicationId).length).toBeGreaterThanOrEqual(3);
    expect(all.filter((s) => s.householdId && !s.applicationId).length).toBeGreaterThanOrEqual(3);
    expect(all.filter((s) => !s.householdId && !s.applicationId).length).toBeGreaterThanOrEqual(3);
    const placed = (await listSeekers(database.db, jobs.actor!, { status: 'placed' }, { page: 1, pageSize: 100 })).items;
    expect(placed.length).toBeGreaterThanOrEqual(2);
    const [audited] = await one<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'job_seeker.register'`);
    expect(audited.n).toBe(all.length);

    const student = placed.find((s) => s.applicationId)!;
    const [referral] = await one<{ enterprise: string; placed_on: string }>(
      sql`select e.name as enterprise, r.placed_on::text from job_referrals r join job_postings p on p.id = r.posting_id join enterprises e on e.id = p.enterprise_id where r.seeker_id = ${student.id} and r.status = 'placed'`,
    );
    const journey = await studentJourney({ ctx: await asUser('city.reviewer'), applicationId: student.applicationId! });
    expect(journey.enrolment.applications[0]).toMatchObject({ campaignYear: 2021, aided: true });
    expect(journey.employment.placement).toMatchObject({ enterpriseName: referral.enterprise, placedOn: referral.placed_on });
    expect(journey.employment.followUps).toContainEqual(expect.objectContaining({ status: 'employed', employer: referral.enterprise, year: Number(referral.placed_on.slice(0, 4)) }));
    // Referred to this year's board only: the August–September 2021 postings have none.
    const [old] = await one<{ n: number }>(sql`select count(*)::int as n from job_referrals r join job_postings p on p.id = r.posting_id where p.published_at < '2021-10-01T00:00:00+08:00'`);
    expect(old.n).toBe(0);
  });
});

/** A context acting as a demo account (as a request would build it after sign-in). */
async function asUser(username: string): Promise<Ctx> {
  const [u] = await one<{ id: string; org_id: string; path: string; roles: string[] }>(
    sql`select u.id, u.org_id, o.path, array_agg(r.role_key) as roles from users u join orgs o on o.id = u.org_id join user_roles r on r.user_id = u.id where u.username = ${username} group by u.id, o.path`,
  );
  return { db: database.db, clock, secrets, requestId: 'test', actor: { userId: u.id, username, orgId: u.org_id, orgPath: u.path, roles: u.roles, permissions: permissionsOf(u.roles) } };
}
