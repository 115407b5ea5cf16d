import { RecordIncomeInput } from '../../../contracts/funds.js';
import { fundIncomes } from '../../db/schema/index.js';
import { audit } from '../../platform/audit.js';
import { authorize } from '../../platform/authz.js';
import type { Ctx } from '../../platform/context.js';
import { IncomeSource } from '../../../contracts/funds.js';
import { assertBookableDay } from './booking-dates.js';
import { fundAccounts, getFundInScope } from './funds.queries.js';
import { postJournalEntry } from './ledger/post-journal-entry.js';

/** The income account each source is credited to (the fund's balance is debited). */
const INCOME_ACCOUNT = { budget: 'budget', enterprise: 'enterprise', external_allocation: 'allocations_in' } as const;

/** Books income that is not a donation into a fund: dues budget, an enterprise's contribution, or an allocation from outside the platform. */
export async function recordIncome({ ctx, fundId, input }: { ctx: Ctx; fundId: string; input: unknown }) {
  const actor = await authorize(ctx, 'fund.post');
  const data = RecordIncomeInput.parse(input);
  assertBookableDay(ctx, 'body.receivedOn', data.receivedOn);
  return ctx.db.transaction(async (tx) => {
    const { fund, orgPath } = await getFundInScope(tx, actor, fundId);
    const accounts = await fundAccounts(tx, fund.id);
    const entry = await postJournalEntry(tx, ctx, {
      orgId: fund.orgId,
      kind: 'income',
      memo: `${IncomeSource.labels[data.source][0]}：${data.counterparty}${data.memo ? `（${data.memo}）` : ''}`,
      occurredOn: data.receivedOn,
      postings: [
        { accountId: accounts.fund_balance, amountFen: data.amountFen },
        { accountId: accounts[INCOME_ACCOUNT[data.source]], amountFen: -data.amountFen },
      ],
    });
    const [income] = await tx
      .insert(fundIncomes)
      .values({ orgId: fund.orgId, fundId: fund.id, source: data.source, counterparty: data.counterparty, amountFen: data.amountFen, receivedOn: data.receivedOn, memo: data.memo ?? null, entryId: entry.id, createdBy: actor.userId, createdAt: ctx.clock.now() })
      .returning();
    await audit(tx, ctx, 'fund.record_income', { objectType: 'fund', objectId: fund.id, orgId: fund.orgId, orgPath, details: { incomeId: income.id, entryId: entry.id, source: data.source, amountFen: data.amountFen } });
    return { id: income.id, entryId: entry.id };
  });
}
