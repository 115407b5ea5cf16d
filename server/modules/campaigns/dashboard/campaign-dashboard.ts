import { APPROVED_STATUSES, PAID_STATUSES, type CampaignDashboard, type DashboardOrgRow } from '../../../../contracts/campaign-dashboard.js';
import { orgs } from '../../../db/schema/index.js';
import { eq } from 'drizzle-orm';
import { authorize } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { getOrgInScope } from '../../orgs/orgs.queries.js';
import { getCampaignInScope } from '../campaigns.queries.js';
import { childOrgs, countByRoots, countByStage, countByStatus, countInKind, countReach, orgTrail, participantBudgets, type FigureRow } from './dashboard.queries.js';

const NONE: FigureRow = { applications: 0, students: 0, approved: 0, askedFen: 0, approvedFen: 0, paid: 0, paidFen: 0 };

/**
 * A campaign's figures inside the viewer's subtree: of the viewer's own org, or of an org of the
 * subtree drilled into (`orgId`). Rows are that org's children, each counting its whole subtree, and
 * the org itself (its own applications). A campaign or org the viewer may not see answers 404.
 */
export async function campaignDashboard({ ctx, id, orgId }: { ctx: Ctx; id: string; orgId?: string }): Promise<CampaignDashboard> {
  const actor = await authorize(ctx, 'campaign.read');
  const db = ctx.db;
  const campaign = await getCampaignInScope(db, actor, id);
  const org = orgId ? await getOrgInScope(db, actor, orgId) : (await db.select().from(orgs).where(eq(orgs.id, actor.orgId)))[0];
  const under = org.path;

  const [byStatus, byStage, inKind, budgets, children, trail, reach] = await Promise.all([
    countByStatus(db, campaign.id, under),
    countByStage(db, campaign.id, under),
    countInKind(db, campaign.id, under),
    participantBudgets(db, campaign.id, under),
    childOrgs(db, org.id),
    orgTrail(db, actor.orgPath, org.path),
    campaign.worklistBuiltAt ? countReach(db, campaign.id, under) : Promise.resolve(null),
  ]);
  const roots = [...children.map((c) => ({ key: c.id, path: c.path, direct: false })), { key: org.id, path: org.path, direct: true }];
  const figures = await countByRoots(db, campaign.id, under, roots);

  const budgetOf = new Map(budgets.map((b) => [b.orgId, b]));
  // A child shows when something happened in it or it (or an org under it) takes part.
  const childRows: DashboardOrgRow[] = children
    .filter((c) => (figures.get(c.id)?.applications ?? 0) > 0 || budgets.some((b) => b.orgPath.startsWith(c.path)))
    .map((c) => orgRow(c.id, c.name, false, c.hasChildren, figures.get(c.id) ?? NONE, budgetOf.get(c.id)));
  const own = figures.get(org.id) ?? NONE;
  const ownRow = orgRow(org.id, org.name, children.length > 0, false, own, children.length > 0 ? undefined : budgetOf.get(org.id));

  const sum = (key: 'count' | 'askedFen' | 'approvedFen', statuses: readonly string[]) => byStatus.filter((r) => statuses.includes(r.status)).reduce((n, r) => n + r[key], 0);
  const live = byStatus.filter((r) => r.status !== 'rejected' && r.status !== 'withdrawn').map((r) => r.status);
  return {
    campaign: { id: campaign.id, name: campaign.name, year: campaign.year, status: campaign.status, programKind: campaign.programKind },
    org: { id: org.id, name: org.name, atTop: org.id === actor.orgId },
    trail,
    totals: {
      students: sum('count', live),
      approved: sum('count', APPROVED_STATUSES),
      askedFen: sum('askedFen', live),
      approvedFen: sum('approvedFen', APPROVED_STATUSES),
      ready: sum('count', ['ready']),
      readyFen: sum('approvedFen', ['ready']),
      paid: sum('count', PAID_STATUSES),
      paidFen: sum('approvedFen', PAID_STATUSES),
      inKind,
    },
    byStatus,
    byOrg: [...childRows, ownRow],
    budgets: budgets.map(({ orgPath: _p, ...b }) => b),
    byStage,
    reach: reach && campaign.worklistBuiltAt ? { builtAt: campaign.worklistBuiltAt.toISOString(), ...reach } : null,
  };
}

function orgRow(orgId: string, orgName: string, direct: boolean, hasChildren: boolean, f: FigureRow, budget?: { budgetFen: number; usedFen: number }): DashboardOrgRow {
  const { applications: _a, ...figures } = f;
  return { orgId, orgName, direct, hasChildren, ...figures, budgetFen: budget?.budgetFen ?? null, budgetUsedFen: budget?.usedFen ?? null };
}
