import { and, eq, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { campaigns, orgs } from '../../../db/schema/index.js';
import { orgPathInSubtree } from '../../../platform/authz.js';
import type { Actor } from '../../../platform/context.js';
import { listParticipants, participantFor, type CampaignWithProgram } from '../campaigns.queries.js';
import { incomeThresholdFen } from '../rules/evaluate-rules.js';
import { orgRegionCodes } from '../rules/org-regions.js';

export interface WorklistScope {
  /** The orgs whose households the build reads: in the actor's subtree and in a participant's. */
  orgs: Array<{ id: string; thresholdFen: number | null }>;
  /** Earlier campaigns of the same program: a student granted aid in one is followed up (回访). */
  earlierCampaignIds: string[];
}

/** What a build by this actor covers, with each org's income line (its region's, from the rules). */
export async function worklistScope(db: DbOrTx, actor: Actor, campaign: CampaignWithProgram): Promise<WorklistScope> {
  const participants = await listParticipants(db, campaign.id);
  const inSubtree = await db.select({ id: orgs.id, path: orgs.path }).from(orgs).where(orgPathInSubtree(actor, orgs.path));
  const regions = await orgRegionCodes(db);
  const scoped = inSubtree
    .filter((o) => participantFor(participants, o.path) !== null)
    .map((o) => ({ id: o.id, thresholdFen: incomeThresholdFen(campaign.rules, regions.get(o.id) ?? null) }));
  const earlier = await db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(and(eq(campaigns.programId, campaign.programId), lt(campaigns.year, campaign.year)));
  return { orgs: scoped, earlierCampaignIds: earlier.map((c) => c.id) };
}

/** `(values (org, line), …) as s(org_id, threshold_fen)`: each scoped org with its income line. */
export function scopeValues(scope: WorklistScope) {
  return sql`(values ${sql.join(
    scope.orgs.map((o) => sql`(${o.id}::uuid, ${o.thresholdFen}::bigint)`),
    sql`, `,
  )}) as s(org_id, threshold_fen)`;
}
