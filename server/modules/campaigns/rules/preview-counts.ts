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
 * (docs/decisions/011-rule-preview.md).
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
        rows: Array<{ part: number; stage: string | null; total: number; qualifying: number; household_status: number; category: number; income_over_threshold: number; stage_not_covered: number }>;
      };
    },
    { accessMode: 'read only' },
  );
  return result.rows.map((r) => ({
    part: r.part,
    stage: r.stage,
    total: r.total,
    qualifying: r.qualifying,
    householdStatus: r.household_status,
    category: r.category,
    incomeOverThreshold: r.income_over_threshold,
    stageNotCovered: r.stage_not_covered,
  }));
}

/** The one statement of countPreview (exported for the benchmark's EXPLAIN). */
export function previewStatement(kind: 'per_student' | 'per_household', rules: CampaignRules, scope: PreviewOrg[]): SQL {
  const values = () => sql`(values ${sql.join(scope.map((o) => sql`(${o.orgId}::uuid, ${o.part}::int, ${o.thresholdFen}::bigint)`), sql`, `)}) as scope(org_id, part, threshold_fen)`;
  const statusBad = sql`not (${households.status} = any(${textArray(rules.householdStatuses)}))`;
  const categoryBad = sql`not (${households.category} = any(${textArray(rules.categories)}))`;
  const incomeBad = sql`coalesce(${households.incomePerHeadMonthlyFen} > scope.threshold_fen, false)`;
  const householdOk = sql`not (${statusBad} or ${categoryBad} or ${incomeBad})`;
  const covered = textArray(rules.stages);
  const reasons = (stageBad: SQL) => sql`
    count(*) filter (where ${statusBad})::int as household_status,
    count(*) filter (where ${categoryBad})::int as category,
    count(*) filter (where ${incomeBad})::int as income_over_threshold,
    ${stageBad} as stage_not_covered`;

  // A per-student program gives its reasons per student: the households need none (fewer tests a row).
  const noReasons = sql`0 as household_status, 0 as category, 0 as income_over_threshold, 0 as stage_not_covered`;
  const householdsQualify = kind === 'per_student' ? sql`${householdOk} and ${households.memberSchoolStages} && ${covered}` : householdOk;
  const byHousehold = sql`
    select scope.part, null::text as stage, count(*)::int as total, count(*) filter (where ${householdsQualify})::int as qualifying,
      ${kind === 'per_household' ? reasons(sql`0`) : noReasons}
    from ${households} join ${values()} on scope.org_id = ${households.orgId}
    where ${householdVisible()}
    group by scope.part`;
  const stageOk = sql`${householdMembers.schoolStage} = any(${covered})`;
  const byStudent = sql`
    select scope.part, ${householdMembers.schoolStage} as stage, count(*)::int as total, count(*) filter (where ${householdOk} and ${stageOk})::int as qualifying,
      ${reasons(sql`count(*) filter (where not ${stageOk})::int`)}
    from ${households} join ${values()} on scope.org_id = ${households.orgId}
      join ${householdMembers} on ${householdMembers.householdId} = ${households.id}
    where ${householdMembers.schoolStage} is not null and ${householdVisible()}
    group by scope.part, ${householdMembers.schoolStage}`;

  return kind === 'per_student' ? sql`${byHousehold} union all ${byStudent}` : byHousehold;
}
