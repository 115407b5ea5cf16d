import { asc, count, inArray } from 'drizzle-orm';
import type { ReachReport, ReachReportRow } from '../../../../contracts/campaigns.js';
import type { DbOrTx } from '../../../db/client.js';
import { orgs } from '../../../db/schema/index.js';
import { authorize, pathInScope } from '../../../platform/authz.js';
import type { Actor, Ctx } from '../../../platform/context.js';
import { getOrgInScope } from '../../orgs/orgs.queries.js';
import { getCampaignInScope, listParticipants } from '../campaigns.queries.js';
import { countReach } from './reach.queries.js';

interface LevelOrg {
  id: string;
  name: string;
  path: string;
  direct: boolean;
}

/**
 * The "no one left out" report (应助尽助): for each org of a level, how many students the worklist holds,
 * how many families were reached, and how many applied. The top level is the participants as the actor
 * sees them (a participant above the actor counts as the actor's own subtree); `orgId` drills into an
 * org: its own households (when it has any on the list) and each child's subtree.
 */
export async function reachReport({ ctx, campaignId, orgId }: { ctx: Ctx; campaignId: string; orgId?: string }): Promise<ReachReport> {
  const actor = await authorize(ctx, 'campaign.read');
  const campaign = await getCampaignInScope(ctx.db, actor, campaignId);
  const org = orgId ? await getOrgInScope(ctx.db, actor, orgId) : null;
  const level = org ? await childLevel(ctx.db, org) : await participantLevel(ctx.db, actor, campaign.id);
  const counts = await countReach(
    ctx.db,
    actor,
    campaign.id,
    level.map((o) => ({ key: keyOf(o), path: o.path, direct: o.direct })),
  );
  const withChildren = await orgsWithChildren(ctx.db, level.map((o) => o.id));
  const rows: ReachReportRow[] = level
    .map((o) => {
      const c = counts.get(keyOf(o)) ?? { eligible: 0, reached: 0, applied: 0 };
      return { orgId: o.id, orgName: o.name, direct: o.direct, hasChildren: !o.direct && withChildren.has(o.id), ...c, notReached: c.eligible - c.reached, notApplied: c.eligible - c.applied };
    })
    // An org's own row is shown only when households filed at the org itself are on the list.
    .filter((r) => !r.direct || r.eligible > 0);
  const sum = (k: 'eligible' | 'reached' | 'applied') => rows.reduce((s, r) => s + r[k], 0);
  const totals = { eligible: sum('eligible'), reached: sum('reached'), applied: sum('applied'), notReached: sum('eligible') - sum('reached'), notApplied: sum('eligible') - sum('applied') };
  return {
    worklistBuiltAt: campaign.worklistBuiltAt?.toISOString() ?? null,
    org: org ? { id: org.id, name: org.name, parentId: org.parentId && org.path !== actor.orgPath ? org.parentId : null } : null,
    rows,
    totals,
  };
}

const keyOf = (o: LevelOrg) => `${o.direct ? 'direct' : 'tree'}:${o.id}`;

/** The participants in the actor's view, outermost only (a participant inside another is counted in it). */
export async function participantLevel(db: DbOrTx, actor: Actor, campaignId: string): Promise<LevelOrg[]> {
  const participants = await listParticipants(db, campaignId);
  const own = await getOrgInScope(db, actor, actor.orgId);
  const candidates = participants.flatMap((p): LevelOrg[] => {
    if (pathInScope(actor, p.orgPath)) return [{ id: p.orgId, name: p.orgName, path: p.orgPath, direct: false }];
    if (actor.orgPath.startsWith(p.orgPath)) return [{ id: own.id, name: own.name, path: own.path, direct: false }];
    return [];
  });
  const unique = [...new Map(candidates.map((c) => [c.id, c])).values()];
  return unique.filter((c) => !unique.some((o) => o !== c && c.path.startsWith(o.path))).sort((a, b) => a.path.localeCompare(b.path));
}

async function childLevel(db: DbOrTx, org: { id: string; name: string; path: string }): Promise<LevelOrg[]> {
  const children = await db.select({ id: orgs.id, name: orgs.name, path: orgs.path }).from(orgs).where(inArray(orgs.parentId, [org.id])).orderBy(asc(orgs.path));
  if (children.length === 0) return [{ id: org.id, name: org.name, path: org.path, direct: false }];
  return [{ id: org.id, name: org.name, path: org.path, direct: true }, ...children.map((c) => ({ ...c, direct: false }))];
}

async function orgsWithChildren(db: DbOrTx, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.select({ parentId: orgs.parentId, n: count() }).from(orgs).where(inArray(orgs.parentId, ids)).groupBy(orgs.parentId);
  return new Set(rows.map((r) => r.parentId!));
}
