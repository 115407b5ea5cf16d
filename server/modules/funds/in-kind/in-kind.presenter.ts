import type { InKindIssueRow } from './in-kind.queries.js';

/** An issue as the register shows it: who received what, when, through which batch line. */
export function presentInKindIssue(r: InKindIssueRow) {
  const i = r.issue;
  return {
    id: i.id,
    orgId: i.orgId,
    orgName: r.orgName,
    recipientName: i.recipientName,
    item: i.item,
    quantity: i.quantity,
    issuedOn: i.issuedOn,
    status: i.status,
    householdId: i.householdId,
    grantId: i.grantId,
    batchId: r.batchId,
    batchName: r.batchName,
    paymentRef: r.paymentRef,
  };
}
