import { asc } from 'drizzle-orm';
import type { CampaignRules } from '../../../../contracts/campaigns.js';
import type { DbOrTx } from '../../../db/client.js';
import { orgs } from '../../../db/schema/index.js';
import { orgPathInSubtree } from '../../../platform/authz.js';
import type { Actor } from '../../../platform/context.js';
import { participantFor, type Participant } from '../campaigns.queries.js';
import { incomeThresholdFen } from './evaluate-rules.js';
import { orgRegionCodes } from './org-regions.js';

/** An org whose households the preview counts: the participant (row of `participants`) it counts under, and its income line. */
export interface PreviewOrg {
  orgId: string;
  part: number;
  /** Monthly income per head above which its households fail (null: no income test in its region). */
  thresholdFen: number | null;
}

export interface PreviewScope {
  /** The participants with part of their subtree in the actor's, in path order. */
  participants: Participant[];
  orgs: PreviewOrg[];
}

/**
 * The orgs in the actor's subtree and in a participant's, each under the deepest participant above it
 * (as an application is: participantFor) with its region's income line. The tree holds hundreds of
 * orgs, so it is read whole; the households are then counted by SQL against this list.
 */
export async function previewScope(db: DbOrTx, actor: Actor, participants: Participant[], rules: CampaignRules): Promise<PreviewScope> {
  const [regions, inSubtree] = await Promise.all([
    orgRegionCodes(db),
    db.select({ id: orgs.id, path: orgs.path }).from(orgs).where(orgPathInSubtree(actor, orgs.path)).orderBy(asc(orgs.path)),
  ]);
  const taken = new Map<Participant, PreviewOrg[]>();
  for (const org of inSubtree) {
    const p = participantFor(participants, org.path);
    if (!p) continue;
    if (!taken.has(p)) taken.set(p, []);
    taken.get(p)!.push({ orgId: org.id, part: -1, thresholdFen: incomeThresholdFen(rules, regions.get(org.id) ?? null) });
  }
  const seen = participants.filter((p) => taken.has(p));
  const scoped = seen.flatMap((p, part) => taken.get(p)!.map((o) => ({ ...o, part })));
  return { participants: seen, orgs: scoped };
}
