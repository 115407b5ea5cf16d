import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { campaignOrgs, orgs } from '../../db/schema/index.js';
import { validation } from '../../platform/errors.js';

/**
 * Sets a campaign's participants: each must lie in the organiser's subtree, once. Replaces the list
 * (an org dropped keeps its applications; it can no longer add new ones).
 */
export async function writeParticipants(tx: Tx, campaignId: string, organiserPath: string, participants: Array<{ orgId: string; budgetFen: number }>) {
  const ids = participants.map((p) => p.orgId);
  const dup = ids.findIndex((id, i) => ids.indexOf(id) !== i);
  if (dup >= 0) throw validation([{ field: `body.participants.${dup}.orgId`, message: 'org listed twice' }]);
  const found = await tx.select({ id: orgs.id, path: orgs.path }).from(orgs).where(inArray(orgs.id, ids));
  const paths = new Map(found.map((o) => [o.id, o.path]));
  participants.forEach((p, i) => {
    const path = paths.get(p.orgId);
    if (!path || !path.startsWith(organiserPath)) throw validation([{ field: `body.participants.${i}.orgId`, message: "not an org in the organiser's subtree" }]);
  });
  await tx.delete(campaignOrgs).where(and(eq(campaignOrgs.campaignId, campaignId)));
  await tx.insert(campaignOrgs).values(participants.map((p) => ({ campaignId, orgId: p.orgId, budgetFen: p.budgetFen })));
}
