/**
 * The large synthetic archive the benchmarks share: N households spread over the demo tree's unions
 * and stations, with the same statuses, categories, causes, school stages and dates on both engines
 * (bench/list-households.ts, bench/preview-rules.ts). With `members`, each household also gets its
 * members: one child per school stage it lists (so `member_school_stages` agrees with the members,
 * as every write path keeps it), a spouse in every second household and a parent in every third.
 *
 * PostgreSQL: one INSERT … SELECT over generate_series with the tables' secondary indexes dropped,
 * the same indexes built again afterwards (one sorted build each instead of ten million random
 * insertions into each: 10,000,000 households in well under an hour on 2 cores), then VACUUM ANALYZE
 * (what autovacuum does soon after a bulk load). The primary keys stay: foreign keys need them. PGlite: the rows written as an import writes them (bulkInsert, one
 * transaction); the caller runs the maintenance the app runs after a bulk write.
 */
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { bulkInsert } from '../server/db/bulk-insert.js';
import type { Database, DbOrTx } from '../server/db/client.js';
import { householdMembers, households } from '../server/db/schema/index.js';

const STATUSES = ['archived', 'archived', 'archived', 'archived', 'applied', 'checked', 'visited', 'in_notice', 'lifted', 'closed'];
const CATEGORIES = ['deep', 'relative', 'accident'];
const CAUSES = ['serious_illness', 'unemployed', 'laid_off', 'children_schooling', 'accident', 'no_work_capacity', 'other'];
const STAGES = [['junior'], ['undergraduate'], ['primary', 'senior'], [], []];

const sqlTextArray = (values: string[]) => `array[${values.map((v) => `'${v}'`).join(',')}]`;

/** Monthly income per head of household g, in fen: 0 to 2,499 元 in steps of 1 元, spread by a prime. */
const incomeOf = (g: number) => ((g * 7907) % 2500) * 100;

export interface GenerateOptions {
  /** Also write the members (default false: the list benchmark reads households only). */
  members?: boolean;
  /** Told each step's duration on PostgreSQL (insert, index builds, vacuum). */
  log?: (line: string) => void;
}

/** Writes households 1..n (case numbers HH0000000001…) on the database's own engine; returns the member count. */
export async function generateArchive(database: Database, n: number, opts: GenerateOptions = {}): Promise<{ members: number }> {
  return database.kind === 'pglite' ? generateWithBulkInsert(database, n, opts) : generatePostgres(database, n, opts);
}

function memberPlan(g: number) {
  const stages = STAGES[g % 5];
  const spouse = g % 2 === 0;
  const parent = g % 3 === 0;
  return { stages, spouse, parent, size: 1 + stages.length + (spouse ? 1 : 0) + (parent ? 1 : 0) };
}

async function unionIds(database: Database): Promise<string[]> {
  const rows = (await database.db.execute(sql`select id from orgs where type in ('aid_station', 'grassroots_union', 'aid_centre') order by seq`)) as unknown as {
    rows: Array<{ id: string }>;
  };
  return rows.rows.map((r) => r.id);
}

/** The same households as generatePostgres, written the way an import writes them. */
export async function generateWithBulkInsert(database: Database, n: number, opts: GenerateOptions = {}): Promise<{ members: number }> {
  const orgIds = await unionIds(database);
  const now = Date.now();
  const day = 86_400_000;
  const today = new Date(new Date().toISOString().slice(0, 10) + 'T00:00:00Z').getTime();
  const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const hash = (s: string) => crypto.createHash('md5').update(s).digest('hex');
  let memberCount = 0;
  await database.db.transaction(async (tx) => {
    for (let from = 1; from <= n; from += 5000) {
      const rows: Array<typeof households.$inferInsert> = [];
      const members: Array<typeof householdMembers.$inferInsert> = [];
      for (let g = from; g < Math.min(from + 5000, n + 1); g++) {
        const cause = CAUSES[g % 7];
        const secondary = g % 4 === 0 ? ['children_schooling'] : [];
        const plan = memberPlan(g);
        const id = crypto.randomUUID();
        rows.push({
          id,
          caseNo: 'HH' + String(g).padStart(10, '0'),
          orgId: orgIds[(g * 7919) % orgIds.length],
          status: STATUSES[g % 10],
          category: CATEGORIES[g % 3],
          mainCause: cause,
          secondaryCauses: secondary,
          allCauses: [cause, ...secondary],
          name: '职工' + g,
          idEnc: 'v1:' + hash(String(g)),
          idHash: hash('h' + g),
          idMasked: '410803********' + String(g % 10000).padStart(4, '0'),
          sex: g % 2 === 0 ? 'M' : 'F',
          birthDate: isoDate(Date.UTC(1960, 0, 1) + (g % 12000) * day),
          phoneMasked: '139****' + String(g % 10000).padStart(4, '0'),
          employmentForm: g % 3 === 0 ? 'migrant' : 'worker',
          health: 'healthy',
          disabilityType: 'none',
          householdSize: opts.members ? plan.size : 1 + (g % 5),
          incomePerHeadMonthlyFen: incomeOf(g),
          memberSchoolStages: plan.stages,
          createdAt: new Date(now - (g % 1800) * day),
          updatedAt: new Date(now - (g % 900) * day),
          nextVerificationDue: isoDate(today + ((g % 400) - 30) * day),
        });
        if (!opts.members) continue;
        const member = (position: number, relation: string, birthYear: number, schoolStage: string | null) =>
          members.push({
            householdId: id,
            position,
            relation,
            name: `成员${g}-${position}`,
            idEnc: 'v1:' + hash(`${g}-${position}`),
            idHash: hash(`m${g}-${position}`),
            idMasked: '410803********' + String((g + position) % 10000).padStart(4, '0'),
            sex: (g + position) % 2 === 0 ? 'M' : 'F',
            birthDate: `${birthYear}-0${1 + (g % 9)}-15`,
            health: 'healthy',
            status: schoolStage ? 'studying' : 'working',
            schoolStage,
          });
        plan.stages.forEach((stage, i) => member(i + 1, 'child', 2005 + (g % 12), stage));
        if (plan.spouse) member(plan.stages.length + 1, 'spouse', 1970 + (g % 20), null);
        if (plan.parent) member(plan.stages.length + 2, 'parent', 1945 + (g % 20), null);
      }
      await bulkInsert(tx, households, rows);
      await bulkInsert(tx, householdMembers, members);
      memberCount += members.length;
    }
  });
  return { members: memberCount };
}

type IndexDef = { name: string; definition: string };

/** Drops the table's indexes other than its primary key and returns their definitions, to build them again after a load. */
async function dropSecondaryIndexes(tx: DbOrTx, table: string): Promise<IndexDef[]> {
  const found = (await tx.execute(sql`
    select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
    from pg_index i where i.indrelid = ${table}::regclass and not i.indisprimary`)) as unknown as { rows: IndexDef[] };
  for (const index of found.rows) await tx.execute(sql.raw(`drop index ${index.name}`));
  return found.rows;
}

async function buildIndexes(tx: DbOrTx, defs: IndexDef[], log: (line: string) => void) {
  for (const index of defs) {
    const t0 = performance.now();
    await tx.execute(sql.raw(index.definition));
    log(`  index ${index.name}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
}

export async function generatePostgres(database: Database, n: number, opts: GenerateOptions = {}): Promise<{ members: number }> {
  const log = opts.log ?? (() => {});
  const step = async <T>(what: string, work: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const result = await work();
    log(`${what}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return result;
  };
  const stageCase = `case g % 5 ${STAGES.map((s, i) => (s.length ? `when ${i} then ${sqlTextArray(s)}` : '')).join(' ')} else '{}'::text[] end`;
  const size = opts.members ? sql.raw(`1 + cardinality(${stageCase}) + (g % 2 = 0)::int + (g % 3 = 0)::int`) : sql`1 + g % 5`;
  // One transaction (one backend, so `nice` can be applied to it): the setting lets each index build sort in memory.
  const members = await database.db.transaction(async (tx) => {
    await tx.execute(sql`set local maintenance_work_mem = '1GB'`);
    const householdIndexes = await dropSecondaryIndexes(tx, 'households');
    const memberIndexes = opts.members ? await dropSecondaryIndexes(tx, 'household_members') : [];
    await step(`insert ${n} households`, () => tx.execute(sql`
    with o as (select array_agg(id order by seq) as ids, count(*)::int as n from orgs where type in ('aid_station', 'grassroots_union', 'aid_centre'))
    insert into households (case_no, org_id, status, category, main_cause, secondary_causes, all_causes, name, id_enc, id_hash, id_masked, sex, birth_date,
      phone_masked, employment_form, health, disability_type, household_size, income_per_head_monthly_fen, member_school_stages, created_at, updated_at, next_verification_due)
    select 'HH' || lpad(g::text, 10, '0'), o.ids[1 + ((g::bigint * 7919) % o.n)::int],
      (${sql.raw(sqlTextArray(STATUSES))})[1 + g % 10],
      (${sql.raw(sqlTextArray(CATEGORIES))})[1 + g % 3],
      (${sql.raw(sqlTextArray(CAUSES))})[1 + g % 7],
      case when g % 4 = 0 then array['children_schooling'] else '{}'::text[] end,
      array[(${sql.raw(sqlTextArray(CAUSES))})[1 + g % 7]] || case when g % 4 = 0 then array['children_schooling'] else '{}'::text[] end,
      '职工' || g, 'v1:' || md5(g::text), md5('h' || g::text), '410803********' || lpad((g % 10000)::text, 4, '0'),
      case when g % 2 = 0 then 'M' else 'F' end, date '1960-01-01' + (g % 12000),
      '139****' || lpad((g % 10000)::text, 4, '0'), case when g % 3 = 0 then 'migrant' else 'worker' end, 'healthy', 'none', ${size},
      ((g::bigint * 7907) % 2500) * 100, ${sql.raw(stageCase)},
      now() - (g % 1800) * interval '1 day', now() - (g % 900) * interval '1 day', current_date + (g % 400) - 30
    from generate_series(1, ${n}) g, o`));
    await step('households indexes', () => buildIndexes(tx, householdIndexes, log));
    if (!opts.members) return 0;
    const written = (await step('insert members', () => tx.execute(sql`
      with h as (select id, substr(case_no, 3)::int as g, member_school_stages as stages from households where case_no ~ '^HH[0-9]{10}$')
      insert into household_members (household_id, position, relation, name, id_enc, id_hash, id_masked, sex, birth_date, health, status, school_stage)
      select h.id, m.position, m.relation, '成员' || h.g || '-' || m.position, 'v1:' || md5(h.g || '-' || m.position), md5('m' || h.g || '-' || m.position),
        '410803********' || lpad(((h.g + m.position) % 10000)::text, 4, '0'), case when (h.g + m.position) % 2 = 0 then 'M' else 'F' end,
        make_date(m.birth_year, 1 + h.g % 9, 15), 'healthy', case when m.stage is null then 'working' else 'studying' end, m.stage
      from h cross join lateral (
        select s.i::int as position, 'child' as relation, 2005 + h.g % 12 as birth_year, s.stage from unnest(h.stages) with ordinality as s(stage, i)
        union all select cardinality(h.stages) + 1, 'spouse', 1970 + h.g % 20, null where h.g % 2 = 0
        union all select cardinality(h.stages) + 2, 'parent', 1945 + h.g % 20, null where h.g % 3 = 0
      ) m`))) as unknown as { rowCount?: number; affectedRows?: number };
    await step('members indexes', () => buildIndexes(tx, memberIndexes, log));
    return written.rowCount ?? written.affectedRows ?? 0;
  });
  await step('vacuum analyze', () => database.db.execute(sql`vacuum analyze`));
  return { members };
}
