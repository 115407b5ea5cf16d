import type { ApplicationStatus } from './campaigns.js';

/**
 * The campaign dashboard (活动看板): what a campaign has asked for, approved and paid, counted inside
 * the viewer's subtree, by status, by org (drilling down one level at a time), by school stage, and
 * how far reach (通知到人) has got. Money is integer fen.
 */

/** Statuses in which the city has fixed an amount: it counts against the budget and towards "approved". */
export const APPROVED_STATUSES: ApplicationStatus[] = ['city_approved', 'in_notice', 'ready', 'paid', 'followed_up'];
/** Paid, whether or not followed up since. */
export const PAID_STATUSES: ApplicationStatus[] = ['paid', 'followed_up'];

/** The Chinese names of the application statuses, for exports (the web has its own catalogue). */
export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  draft: '草稿',
  submitted: '待核实',
  verified: '待县区审批',
  district_approved: '待市总审批',
  city_approved: '待公示',
  in_notice: '公示中',
  ready: '待发放',
  paid: '已发放',
  followed_up: '已回访',
  rejected: '不予资助',
  withdrawn: '已撤回',
};

export interface DashboardFigures {
  /** Applications neither rejected nor withdrawn. */
  students: number;
  /** In an approved status (city-approved onwards). */
  approved: number;
  /** Asked (amount_fen) over the students. */
  askedFen: number;
  /** Fixed by the city (approved_amount_fen) over the approved. */
  approvedFen: number;
  paid: number;
  paidFen: number;
}

export interface DashboardStatusRow {
  status: ApplicationStatus;
  count: number;
  askedFen: number;
  approvedFen: number;
}

export interface DashboardOrgRow extends DashboardFigures {
  orgId: string;
  orgName: string;
  /** Counts only the org's own applications, not its children's (the drilled-into org's own row). */
  direct: boolean;
  hasChildren: boolean;
  /** When the row's org takes part in the campaign (its whole subtree): its budget and what the city approved in it. */
  budgetFen: number | null;
  budgetUsedFen: number | null;
}

export interface DashboardBudget {
  orgId: string;
  orgName: string;
  budgetFen: number;
  usedFen: number;
}

export interface DashboardStageRow {
  stage: string;
  students: number;
  approved: number;
  approvedFen: number;
}

export interface CampaignDashboard {
  campaign: { id: string; name: string; year: number; status: string; programKind: string };
  /** The org the figures are of: the viewer's own, or the one drilled into (no parent: above the viewer it is not theirs to see). */
  org: { id: string; name: string; atTop: boolean };
  /** The path from the viewer's org down to `org`, for the breadcrumb and the way back up. */
  trail: Array<{ id: string; name: string }>;
  totals: DashboardFigures & { ready: number; readyFen: number; inKind: Array<{ item: string; quantity: number }> };
  byStatus: DashboardStatusRow[];
  byOrg: DashboardOrgRow[];
  budgets: DashboardBudget[];
  byStage: DashboardStageRow[];
  /** Null until the worklist has been built. */
  reach: { builtAt: string; eligible: number; reached: number; applied: number } | null;
}
