import { sql } from 'drizzle-orm';
import { authorize, likePrefix } from '../../platform/authz.js';
import type { Ctx } from '../../platform/context.js';
import { fundFigures, type AccountBalances } from './funds.queries.js';
import type { FundAccountKind } from './ledger/ledger-accounts.js';
import { reconcileLedger } from './ledger/reconcile-ledger.js';

type Rows<T> = { rows: T[] };

/**
 * The reconciliation page (对账): every balance recomputed from the journal now, for the funds of the
 * actor's subtree, beside the balances the database keeps; each fund's raised = allocated out + paid +
 * balance; and the whole journal's check (unbalanced entries, differing accounts and months), which
 * should always come back empty.
 */
export async function reconcileFunds(ctx: Ctx) {
  const actor = await authorize(ctx, 'fund.read');
  const started = performance.now();
  const ledger = await reconcileLedger(ctx.db);
  const rows = (
    (await ctx.db.execute(sql`
      select f.id as "fundId", f.name, o.name as "orgName", o.path as "orgPath", a.kind, a.balance_fen::text as kept,
        (select coalesce(sum(p.amount_fen), 0) from journal_postings p where p.account_id = a.id)::text as recomputed
      from funds f join orgs o on o.id = f.org_id join ledger_accounts a on a.fund_id = f.id
      where o.path like ${likePrefix(actor.orgPath)}
      order by o.path, f.created_at, a.kind`)) as unknown as Rows<{ fundId: string; name: string; orgName: string; orgPath: string; kind: FundAccountKind; kept: string; recomputed: string }>
  ).rows;
  const byFund = new Map<string, { fundId: string; name: string; orgName: string; orgPath: string; kept: AccountBalances; recomputed: AccountBalances }>();
  for (const r of rows) {
    const f = byFund.get(r.fundId) ?? { fundId: r.fundId, name: r.name, orgName: r.orgName, orgPath: r.orgPath, kept: {}, recomputed: {} };
    f.kept[r.kind] = Number(r.kept);
    f.recomputed[r.kind] = Number(r.recomputed);
    byFund.set(r.fundId, f);
  }
  const funds = [...byFund.values()].map((f) => {
    const kept = fundFigures(f.kept);
    const recomputed = fundFigures(f.recomputed);
    const differingAccounts = (Object.keys(f.kept) as FundAccountKind[]).filter((k) => f.kept[k] !== f.recomputed[k]);
    return {
      fundId: f.fundId,
      name: f.name,
      orgName: f.orgName,
      ...recomputed,
      keptBalanceFen: kept.balanceFen,
      differingAccounts,
      identityHolds: recomputed.raisedFen === recomputed.allocatedOutFen + recomputed.paidFen + recomputed.balanceFen,
    };
  });
  // Across the subtree, an allocation between two of its funds is neither raised nor paid: it nets out.
  const inScope = new Set(byFund.keys());
  const [internal] = (
    (await ctx.db.execute(sql`
      select coalesce(sum(amount_fen), 0)::text as fen from fund_allocations
      where from_fund_id in (select f.id from funds f join orgs o on o.id = f.org_id where o.path like ${likePrefix(actor.orgPath)})`)) as unknown as Rows<{ fen: string }>
  ).rows;
  const internalFen = inScope.size ? Number(internal.fen) : 0;
  const sum = (k: 'raisedFen' | 'paidFen' | 'balanceFen' | 'allocatedOutFen') => funds.reduce((s, f) => s + f[k], 0);
  const totals = { raisedFen: sum('raisedFen') - internalFen, paidFen: sum('paidFen'), balanceFen: sum('balanceFen'), allocatedOutFen: sum('allocatedOutFen') - internalFen };
  return {
    checkedAt: ctx.clock.now().toISOString(),
    tookMs: Math.round(performance.now() - started),
    accountsChecked: ledger.accountsChecked,
    differences: ledger.differences.length,
    unbalancedEntries: ledger.unbalancedEntries.length,
    monthDifferences: ledger.monthDifferences.length,
    funds,
    totals: { ...totals, identityHolds: totals.raisedFen === totals.allocatedOutFen + totals.paidFen + totals.balanceFen },
  };
}
