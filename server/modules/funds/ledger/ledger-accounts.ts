import type { DbOrTx } from '../../../db/client.js';
import { funds, ledgerAccounts } from '../../../db/schema/index.js';
import type { Ctx } from '../../../platform/context.js';

/** The accounts every fund keeps; only its balance may never go below zero. */
export const FUND_ACCOUNT_KINDS = ['fund_balance', 'donations', 'allocations_in', 'allocations_out', 'budget', 'enterprise', 'grants_payable', 'paid_out', 'in_kind'] as const;
export type FundAccountKind = (typeof FUND_ACCOUNT_KINDS)[number];

/**
 * Opens a fund with its accounts, inside the caller's transaction (the funds module's verbs authorize
 * and audit; the ledger only keeps the books).
 */
export async function openFund(tx: DbOrTx, ctx: Ctx, f: { orgId: string; name: string; purpose?: string | null }) {
  const now = ctx.clock.now();
  const [fund] = await tx.insert(funds).values({ orgId: f.orgId, name: f.name, purpose: f.purpose ?? null, createdBy: ctx.actor?.userId ?? null, createdAt: now }).returning();
  const accounts = await tx
    .insert(ledgerAccounts)
    .values(FUND_ACCOUNT_KINDS.map((kind) => ({ orgId: f.orgId, fundId: fund.id, kind, name: `${f.name}:${kind}`, noOverdraft: kind === 'fund_balance', createdAt: now })))
    .returning();
  return { fund, accounts: Object.fromEntries(accounts.map((a) => [a.kind, a])) as Record<FundAccountKind, typeof ledgerAccounts.$inferSelect> };
}
