import { sql, type SQL } from 'drizzle-orm';
import type { CampaignRules } from '../../../../contracts/campaigns.js';
import type { DbOrTx } from '../../../db/client.js';
import { householdMembers, households } from '../../../db/schema/index.js';
import { householdVisible } from '../../households/households.queries.js';
import type { PreviewOrg } from './preview-scope.js';

/**
 * One aggregate row: the households of a participant (`stage` null), or its students at one stage.
 * Each reason counts the rows failing it, whatever else they fail.
 */
export interface PreviewCountRow {
  part: number;
  stage: string | null;
  total: number;
  qualifying: number;
  householdStatus: number;
  category: number;
  incomeOverThreshold: number;
  stageNotCovered: number;
}

const textArray = (values: readonly string[]) => sql`${sql.param([...values])}::text[]`;

/**
 * The rules of evaluate-rules.ts as SQL over the archive, counted in one statement (one snapshot):
 * households by participant and, for a per-student program, students (members with a school stage)
 * by participant and stage. The scope travels as a VALUES list (org → participant, income line), so
 * the planner knows its size and joins it by hash. A household qualifies for a per-student program
 * when it passes the household tests and lists a covered stage in `member_school_stages`, which
 * every write keeps equal to its members' stages: the same as "one of its students qualifies",
 * without a second pass over the members. Both sides are read from covering indexes
 * (households_preview_idx, household_members_students_idx), merged in household order
 * (docs/decisions/012-rule-preview.md).
 */
export async function countPreview(db: DbOrTx, kind: 'per_student' | 'per_household', rules: CampaignRules, scope: PreviewOrg[]): Promise<PreviewCountRow[]> {
  if (scope.length === 0) return [];
  const result = await db.transaction(
    async (tx) => {
      // For this statement only: JIT compiling costs more than it saves on a pass that takes well
      // under a second (~200 ms of 1 s at a million households), and with the default page cost
      // (spinning disks) the planner reads the 400 MB table rather than its covering 120 MB index.
      await tx.execute(sql`set local jit = off`);
      await tx.execute(sql`set local random_page_cost = 1.1`);
      return (await tx.execute(previewStatement(kind, rules, scope))) as unknown as {
        rows: Array<{ part: number; stage: string | null; total: number; passed: number; household_status: number; category: number; income_over_threshold: number }>;
      };
    },
    { accessMode: 'read only' },
  );
  const covered = new Set<string>(rules.stages);
  return result.rows.map((r) => {
    // A student row's stage is its group's: covered or not for all of them at once.
    const stageCovered = r.stage === null || covered.has(r.stage);
    return {
      part: r.part,
      stage: r.stage,
      total: r.total,
      qualifying: stageCovered ? r.passed : 0,
      householdStatus: r.household_status,
      category: r.category,
      incomeOverThreshold: r.income_over_threshold,
      stageNotCovered: stageCovered ? 0 : r.total,
    };
  });
}

/**
 * The one statement of countPreview (exported so that it can be EXPLAINed). `passed`: households
 * passing the household tests (and, for a per-student program's households, listing a covered
 * stage); students passing the household tests (their stage is their group's, decided above). The
 * tests stay inline: computing them once below an OFFSET 0 fence was cheaper a row but keeps
 * PostgreSQL from running the two aggregates in parallel (1.07 s against 0.85 s at a million).
 */
export function previewStatement(kind: 'per_student' | 'per_household', rules: CampaignRules, scope: PreviewOrg[]): SQL {
  const values = () => sql`(values ${sql.join(scope.map((o) => sql`(${o.orgId}::uuid, ${o.part}::int, ${o.thresholdFen}::bigint)`), sql`, `)}) as scope(org_id, part, threshold_fen)`;
  const statusBad = sql`not (${households.status} = any(${textArray(rules.householdStatuses)}))`;
  const categoryBad = sql`not (${households.category} = any(${textArray(rules.categories)}))`;
  const incomeBad = sql`coalesce(${households.incomePerHeadMonthlyFen} > scope.threshold_fen, false)`;
  const passes = sql`not (${statusBad} or ${categoryBad} or ${incomeBad})`;
  const counts = (passed: SQL) => sql`
    count(*)::int as total,
    count(*) filter (where ${passed})::int as passed,
    count(*) filter (where ${statusBad})::int as household_status,
    count(*) filter (where ${categoryBad})::int as category,
    count(*) filter (where ${incomeBad})::int as income_over_threshold`;
  const householdsFrom = sql`from ${households} join ${values()} on scope.org_id = ${households.orgId} where ${householdVisible()}`;

  if (kind === 'per_household') return sql`select scope.part, null::text as stage, ${counts(passes)} ${householdsFrom} group by scope.part`;
  // A per-student program's reasons are its students': its households need only their totals.
  const byHousehold = sql`
    select scope.part, null::text as stage, count(*)::int as total,
      count(*) filter (where ${households.memberSchoolStages} && ${textArray(rules.stages)} and ${passes})::int as passed,
      0 as household_status, 0 as category, 0 as income_over_threshold
    ${householdsFrom}
    group by scope.part`;
  const byStudent = (half: SQL) => sql`
    select scope.part, ${householdMembers.schoolStage} as stage, ${counts(passes)}
    from ${households} join ${values()} on scope.org_id = ${households.orgId}
      join ${householdMembers} on ${householdMembers.householdId} = ${households.id}
    where ${householdMembers.schoolStage} is not null and ${householdVisible()} and ${half}
    group by scope.part, ${householdMembers.schoolStage}`;
  // The students in two halves of the (random, uniform) household ids: with the households that makes
  // three aggregates PostgreSQL runs side by side (0.82 → 0.63 s at a million); PGlite runs them in turn.
  const split = sql`'80000000-0000-0000-0000-000000000000'::uuid`;
  return sql`${byHousehold} union all ${byStudent(sql`${households.id} < ${split} and ${householdMembers.householdId} < ${split}`)}
    union all ${byStudent(sql`${households.id} >= ${split} and ${householdMembers.householdId} >= ${split}`)}`;
}
