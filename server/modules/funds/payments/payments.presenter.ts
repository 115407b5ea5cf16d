import type { PaymentBatchRow, PaymentLineRow } from './payments.queries.js';

export function presentPaymentBatch(r: { batch: PaymentBatchRow; orgName: string; fundName: string }, actorUserId: string) {
  const b = r.batch;
  return {
    id: b.id,
    orgId: b.orgId,
    orgName: r.orgName,
    fundId: b.fundId,
    fundName: r.fundName,
    campaignId: b.campaignId,
    name: b.name,
    status: b.status,
    lineCount: b.lineCount,
    totalFen: b.totalFen,
    paidOn: b.paidOn,
    jobId: b.jobId,
    note: b.note,
    createdAt: b.createdAt.toISOString(),
    approvedAt: b.approvedAt?.toISOString() ?? null,
    executedAt: b.executedAt?.toISOString() ?? null,
    builtByMe: b.createdBy === actorUserId,
    approvedByMe: b.approvedBy === actorUserId,
  };
}

/** A line as lists show it: the card masked (only the bank file carries it in full). */
export function presentPaymentLine(r: { line: PaymentLineRow; orgName: string }) {
  const l = r.line;
  return {
    id: l.id,
    lineNo: l.lineNo,
    grantId: l.grantId,
    orgName: r.orgName,
    payeeName: l.payeeName,
    bankName: l.bankName,
    bankCardMasked: l.bankCardMasked,
    amountFen: l.amountFen,
    inKindItems: l.inKindItems,
    status: l.status,
    paymentRef: l.paymentRef,
    bankConfirmed: l.resultAt !== null && l.status === 'paid',
    failureReason: l.failureReason,
  };
}
