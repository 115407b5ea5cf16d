import { AllocateInput } from '../../../contracts/funds.js';
import { fundAllocations } from '../../db/schema/index.js';
import { audit } from '../../platform/audit.js';
import { authorize } from '../../platform/authz.js';
import type { Ctx } from '../../platform/context.js';
import { AppError, validation } from '../../platform/errors.js';
import { assertBookableDay } from './booking-dates.js';
import { fundAccounts, getFundInScope } from './funds.queries.js';
import { postJournalEntry } from './ledger/post-journal-entry.js';

/**
 * 上级拨款: moves money from a fund to a fund of an org strictly below the giving fund's org, in one
 * balanced entry both sides see on their statements. The giving fund cannot go below zero (the
 * database refuses it, also when two allocations race).
 */
export async function allocateFunds({ ctx, fundId, input }: { ctx: Ctx; fundId: string; input: unknown }) {
  const actor = await authorize(ctx, 'fund.post');
  const data = AllocateInput.parse(input);
  assertBookableDay(ctx, 'body.allocatedOn', data.allocatedOn);
  return ctx.db.transaction(async (tx) => {
    const from = await getFundInScope(tx, actor, fundId);
    // A fund the actor cannot see is, for this request, a wrong value of the field (as if it did not exist).
    const to = await getFundInScope(tx, actor, data.toFundId).catch((err: unknown) => {
      throw err instanceof AppError && err.code === 'NOT_FOUND' ? validation([{ field: 'body.toFundId', message: 'no such fund in your subtree' }]) : err;
    });
    if (!(to.orgPath.startsWith(from.orgPath) && to.orgPath !== from.orgPath))
      throw validation([{ field: 'body.toFundId', message: 'an allocation goes to a fund of an org below the giving fund’s org' }]);
    const [a, b] = await Promise.all([fundAccounts(tx, from.fund.id), fundAccounts(tx, to.fund.id)]);
    const note = data.memo ? `（${data.memo}）` : '';
    const entry = await postJournalEntry(tx, ctx, {
      orgId: from.fund.orgId,
      kind: 'allocation',
      memo: `${from.orgName}拨付${to.orgName}${note}`,
      occurredOn: data.allocatedOn,
      postings: [
        { accountId: a.fund_balance, amountFen: -data.amountFen },
        { accountId: a.allocations_out, amountFen: data.amountFen },
        { accountId: b.fund_balance, amountFen: data.amountFen },
        { accountId: b.allocations_in, amountFen: -data.amountFen },
      ],
    });
    const [row] = await tx
      .insert(fundAllocations)
      .values({ fromOrgId: from.fund.orgId, fromFundId: from.fund.id, toOrgId: to.fund.orgId, toFundId: to.fund.id, amountFen: data.amountFen, allocatedOn: data.allocatedOn, memo: data.memo ?? null, entryId: entry.id, createdBy: actor.userId, createdAt: ctx.clock.now() })
      .returning();
    const details = { allocationId: row.id, entryId: entry.id, fromFundId: from.fund.id, toFundId: to.fund.id, amountFen: data.amountFen };
    await audit(tx, ctx, 'fund.allocate', { objectType: 'fund', objectId: from.fund.id, orgId: from.fund.orgId, orgPath: from.orgPath, details });
    return { id: row.id, entryId: entry.id };
  });
}
