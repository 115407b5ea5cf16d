import type { ApplicationEvent } from './applications.api.js';

/** The rows of the approval form, in order, each with the status its step moves to. */
export const APPROVAL_STEPS = [
  { action: 'submit', to: 'submitted' },
  { action: 'verify', to: 'verified' },
  { action: 'approve_district', to: 'district_approved' },
  { action: 'approve_city', to: 'city_approved' },
  { action: 'start_notice', to: 'in_notice' },
] as const;
export type ApprovalAction = (typeof APPROVAL_STEPS)[number]['action'];

const ORDER = ['draft', ...APPROVAL_STEPS.map((s) => s.to)] as string[];

/**
 * Who took each step that still stands: a step undone by a later move back (a return, an objection
 * upheld) is left blank again, so the form shows the approvals of the current pass only.
 */
export function standingApprovals(events: readonly ApplicationEvent[]): Array<{ action: ApprovalAction; event: ApplicationEvent | null }> {
  const standing = new Map<ApprovalAction, ApplicationEvent>();
  for (const e of events) {
    const step = APPROVAL_STEPS.find((s) => s.action === e.action);
    if (step) {
      standing.set(step.action, e);
      continue;
    }
    const back = e.toStatus ? ORDER.indexOf(e.toStatus) : -1;
    if (back < 0) continue;
    for (const s of APPROVAL_STEPS) if (ORDER.indexOf(s.to) > back) standing.delete(s.action);
  }
  return APPROVAL_STEPS.map((s) => ({ action: s.action, event: standing.get(s.action) ?? null }));
}

/** An amount changed at a step: the new amount and its reason (run-application-step.ts details). */
export function amountChange(e: ApplicationEvent): { amountFen: number; previousAmountFen: number | null; reason: string | null } | null {
  const d = e.details ?? {};
  if (typeof d.amountFen !== 'number' || typeof d.previousAmountFen !== 'number') return null;
  return { amountFen: d.amountFen, previousAmountFen: d.previousAmountFen, reason: typeof d.amountReason === 'string' ? d.amountReason : null };
}
