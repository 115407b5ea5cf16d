import { sql, type SQL } from 'drizzle-orm';
import { OPEN_STATUSES } from '../../../../contracts/households.js';
import type { CampaignRules } from '../../../../contracts/campaigns.js';
import type { DbOrTx } from '../../../db/client.js';
import { campaignGrants, campaignOrgs, households, orgs } from '../../../db/schema/index.js';
import { incomeThresholdFen } from '../rules/evaluate-rules.js';
import { orgRegionCodes } from '../rules/org-regions.js';

/** An org whose households a batch takes, with its monthly income line (null: no income test there). */
export interface ScopedOrg {
  orgId: string;
  thresholdFen: number | null;
}

/**
 * The orgs a batch of `batchOrgPath` covers: in that org's subtree and in some participant's subtree,
 * each with the income line of its region (rules/org-regions.ts, rules/evaluate-rules.ts). The tree
 * has hundreds of orgs, so this is read whole; the households are then taken by SQL.
 */
export async function scopedOrgs(db: DbOrTx, campaignId: string, batchOrgPath: string, rules: CampaignRules): Promise<ScopedOrg[]> {
  const rows = await db.execute(sql`
    select o.id from ${orgs} o
    where o.path like ${batchOrgPath + '%'}
      and exists (select 1 from ${campaignOrgs} co join ${orgs} p on p.id = co.org_id where co.campaign_id = ${campaignId} and o.path like p.path || '%')`);
  const ids = (rows as unknown as { rows: Array<{ id: string }> }).rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const regions = await orgRegionCodes(db);
  return ids.map((orgId) => ({ orgId, thresholdFen: incomeThresholdFen(rules, regions.get(orgId) ?? null) }));
}

/** True when some participant's subtree meets the batch org's subtree (above it, at it or below it). */
export async function batchOrgTakesPart(db: DbOrTx, campaignId: string, batchOrgPath: string): Promise<boolean> {
  const rows = await db.execute(sql`
    select 1 from ${campaignOrgs} co join ${orgs} p on p.id = co.org_id
    where co.campaign_id = ${campaignId} and (${batchOrgPath} like p.path || '%' or p.path like ${batchOrgPath + '%'})
    limit 1`);
  return (rows as unknown as { rows: unknown[] }).rows.length > 0;
}

/**
 * The households a batch considers: those on file (every status that holds the worker's ID claim, so
 * no worker appears twice), visible (not in an uncommitted import). The others are not hardship
 * households at all and are not listed.
 */
export const CANDIDATE_STATUSES = OPEN_STATUSES;

const list = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);

/**
 * Why a household (its org's income line in `scope.threshold_fen`) gets nothing, as SQL: granted
 * already in this campaign, then the first reason `evaluateHousehold` gives, in its order; null when
 * it qualifies. lump-sum-exclusion.test.ts checks it against `evaluateHousehold` line by line.
 */
export function exclusionSql(rules: CampaignRules, campaignId: string): SQL {
  return sql`case
    when exists (select 1 from ${campaignGrants} g where g.campaign_id = ${campaignId} and g.recipient_key = ${households.idHash}) then 'already_granted'
    when ${households.status} not in (${list(rules.householdStatuses)}) then 'household_status'
    when ${households.category} not in (${list(rules.categories)}) then 'category'
    when scope.threshold_fen is not null and ${households.incomePerHeadMonthlyFen} > scope.threshold_fen then 'income_over_threshold'
  end`;
}
