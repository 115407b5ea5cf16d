import { and, eq, lt, sql, type SQL } from 'drizzle-orm';
import type { CampaignRules } from '../../../../contracts/campaigns.js';
import type { Db, Tx } from '../../../db/client.js';
import { campaigns, campaignWorklist, householdMembers, households } from '../../../db/schema/index.js';
import { audit } from '../../../platform/audit.js';
import { inActorSubtree } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { householdVisible } from '../../households/households.queries.js';
import type { CampaignWithProgram } from '../campaigns.queries.js';
import { scopeValues, worklistScope, type WorklistScope } from './worklist-scope.js';

/** Households read per statement: small enough that the embedded engine answers requests between them. */
export const WORKLIST_BATCH = 2000;
/** Stages in their last school year: the college entrance exam is sat three years after entering. */
const EXAM_STAGES = ['senior', 'vocational'];

export interface WorklistBuildResult {
  households: number;
  entries: number;
  transition: number;
  followUp: number;
  builtAt: Date;
}

export interface WorklistBuildIo {
  giveWay?: () => Promise<void>;
  signal?: AbortSignal;
  progress?: (p: { phase: 'building'; households: number; totalHouseholds: number }) => void;
  /** Called in the final transaction: false when the job was taken over meanwhile (nothing more is written). */
  stillHeld?: (tx: Tx) => Promise<boolean>;
  batchSize?: number;
}

export class WorklistBuildStopped extends Error {}

const inList = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);

/** The household side of the rules: status, category, an org in the build's scope, visible. */
function householdRules(rules: CampaignRules, scope: WorklistScope): SQL {
  return sql`${households.status} in (${inList(rules.householdStatuses)})
    and ${households.category} in (${inList(rules.categories)})
    and ${households.orgId} in (${inList(scope.orgs.map((o) => o.id))})
    and ${householdVisible()}`;
}

/**
 * Computes the campaign's worklist (通知到人名单) for the orgs in the actor's scope from the archive, as
 * set-based statements over batches of households in id order. Each row is upserted with this build's
 * instant; the final transaction removes the scope's rows an earlier build left (students no longer
 * eligible) and stamps the campaign. Readers meanwhile see the old list being replaced row by row,
 * never a student twice. A student qualifies when the rules (evaluateStudent, filed) take them — the
 * household's status, category and income per head against its org region's line, the member's school
 * stage — and they are at a school transition this year (entering a stage, or in the exam year of
 * senior or vocational school), or were granted aid by an earlier campaign of the program (回访).
 */
export async function computeWorklist(ctx: Ctx, campaign: CampaignWithProgram, io: WorklistBuildIo = {}): Promise<WorklistBuildResult | null> {
  const db = ctx.db as Db;
  const actor = ctx.actor!;
  const scope = await worklistScope(db, actor, campaign);
  const rules = campaign.rules;
  const builtAt = await nextBuildInstant(db, campaign.id, ctx.clock.now());
  const batchSize = io.batchSize ?? WORKLIST_BATCH;
  let processed = 0;
  let totalHouseholds = 0;
  if (scope.orgs.length && rules.stages.length) {
    const hRules = householdRules(rules, scope);
    [{ totalHouseholds }] = rowsOf<{ totalHouseholds: number }>(await db.execute(sql`select count(*)::int as "totalHouseholds" from ${households} where ${hRules}`));
    const transition = sql`(${householdMembers.enrolmentYear} = ${campaign.year}
      or (${householdMembers.schoolStage} in (${inList(EXAM_STAGES)}) and ${householdMembers.enrolmentYear} = ${campaign.year - 3}))`;
    const aidedBefore = scope.earlierCampaignIds.length
      ? sql`exists (select 1 from campaign_grants g where g.campaign_id in (${inList(scope.earlierCampaignIds)}) and g.recipient_key = ${householdMembers.idHash})`
      : sql`false`;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      if (io.signal?.aborted) throw new WorklistBuildStopped();
      const [bound] = rowsOf<{ upto: string | null; n: number }>(
        await db.execute(sql`select max(b.id::text) as upto, count(*)::int as n from (
          select ${households.id} as id from ${households} where ${hRules} and ${households.id} > ${after}::uuid order by ${households.id} limit ${batchSize}) b`),
      );
      if (!bound.upto) break;
      await db.execute(sql`
        insert into ${campaignWorklist} (campaign_id, student_id_hash, household_id, member_id, org_id, student_name, student_id_masked, school_stage, reason, built_at)
        select distinct on (${householdMembers.idHash})
          ${campaign.id}::uuid, ${householdMembers.idHash}, ${households.id}, ${householdMembers.id}, ${households.orgId}, ${householdMembers.name},
          ${householdMembers.idMasked}, ${householdMembers.schoolStage}, case when ${transition} then 'transition' else 'follow_up' end, ${builtAt.toISOString()}::timestamptz
        from ${households}
        join ${scopeValues(scope)} on s.org_id = ${households.orgId}
        join ${householdMembers} on ${householdMembers.householdId} = ${households.id}
        where ${households.id} > ${after}::uuid and ${households.id} <= ${bound.upto}::uuid and ${hRules}
          and (s.threshold_fen is null or ${households.incomePerHeadMonthlyFen} <= s.threshold_fen)
          and ${householdMembers.schoolStage} in (${inList(rules.stages)})
          and (${transition} or ${aidedBefore})
        order by ${householdMembers.idHash}, ${households.id}
        on conflict (campaign_id, student_id_hash) do update set
          household_id = excluded.household_id, member_id = excluded.member_id, org_id = excluded.org_id, student_name = excluded.student_name,
          student_id_masked = excluded.student_id_masked, school_stage = excluded.school_stage, reason = excluded.reason, built_at = excluded.built_at`);
      processed += bound.n;
      after = bound.upto;
      io.progress?.({ phase: 'building', households: processed, totalHouseholds });
      await io.giveWay?.();
    }
  }
  return db.transaction(async (tx) => {
    if (io.stillHeld && !(await io.stillHeld(tx))) return null;
    const stale = and(eq(campaignWorklist.campaignId, campaign.id), inActorSubtree(actor, campaignWorklist.orgId), lt(campaignWorklist.builtAt, builtAt));
    await tx.delete(campaignWorklist).where(stale);
    await tx.update(campaigns).set({ worklistBuiltAt: builtAt }).where(eq(campaigns.id, campaign.id));
    const counts = await tx
      .select({ reason: campaignWorklist.reason, n: sql<number>`count(*)::int` })
      .from(campaignWorklist)
      .where(and(eq(campaignWorklist.campaignId, campaign.id), eq(campaignWorklist.builtAt, builtAt)))
      .groupBy(campaignWorklist.reason);
    const count = (reason: string) => counts.find((c) => c.reason === reason)?.n ?? 0;
    const result = { households: processed, entries: count('transition') + count('follow_up'), transition: count('transition'), followUp: count('follow_up'), builtAt };
    await audit(tx, ctx, 'campaign.build_worklist', {
      objectType: 'campaign',
      objectId: campaign.id,
      orgId: actor.orgId,
      orgPath: actor.orgPath,
      details: { households: result.households, entries: result.entries, transition: result.transition, followUp: result.followUp, rulesVersion: campaign.rulesVersion },
    });
    return result;
  });
}

/** Later than every row already there, so the final delete tells this build's rows from older ones even on a clock that stands still. */
async function nextBuildInstant(db: Db, campaignId: string, now: Date): Promise<Date> {
  const [{ latestMs }] = await db
    .select({ latestMs: sql<number | null>`(extract(epoch from max(${campaignWorklist.builtAt})) * 1000)::float8` })
    .from(campaignWorklist)
    .where(eq(campaignWorklist.campaignId, campaignId));
  const floor = latestMs === null ? 0 : Math.floor(Number(latestMs)) + 1;
  return new Date(Math.max(now.getTime(), floor));
}

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
