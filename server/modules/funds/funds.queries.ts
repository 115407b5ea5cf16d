import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { funds, ledgerAccounts, orgs } from '../../db/schema/index.js';
import { inActorSubtree } from '../../platform/authz.js';
import type { Actor } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import type { FundAccountKind } from './ledger/ledger-accounts.js';

export type FundRow = typeof funds.$inferSelect;
export type AccountBalances = Partial<Record<FundAccountKind, number>>;

/**
 * A fund's figures from its account balances (kept by the database, debit-positive): income accounts
 * carry credits, so their balances are negative. Every entry that touches a fund balances within the
 * fund, so `raised = allocatedOut + paid + balance` always holds (checked by the tests after every step).
 */
export function fundFigures(b: AccountBalances) {
  const credit = (k: FundAccountKind) => 0 - (b[k] ?? 0); // 0 - 0 is 0, where -(0) would be -0
  const bySource = { donations: credit('donations'), enterprise: credit('enterprise'), budget: credit('budget'), allocationsIn: credit('allocations_in') };
  const raisedFen = bySource.donations + bySource.enterprise + bySource.budget + bySource.allocationsIn;
  return { balanceFen: b.fund_balance ?? 0, raisedFen, bySource, allocatedOutFen: b.allocations_out ?? 0, paidFen: b.paid_out ?? 0 };
}
export type FundFigures = ReturnType<typeof fundFigures>;

async function balancesOf(db: DbOrTx, fundIds: string[]) {
  if (!fundIds.length) return new Map<string, AccountBalances>();
  const rows = await db
    .select({ fundId: ledgerAccounts.fundId, kind: ledgerAccounts.kind, balanceFen: ledgerAccounts.balanceFen })
    .from(ledgerAccounts)
    .where(sql`${ledgerAccounts.fundId} in ${fundIds}`);
  const out = new Map<string, AccountBalances>();
  for (const r of rows) {
    const b = out.get(r.fundId!) ?? {};
    b[r.kind as FundAccountKind] = r.balanceFen;
    out.set(r.fundId!, b);
  }
  return out;
}

/** A fund the actor may see (its org in the actor's subtree), with its org and figures, or 404. */
export async function getFundInScope(db: DbOrTx, actor: Actor, fundId: string) {
  const [row] = await db
    .select({ fund: funds, orgPath: orgs.path, orgName: orgs.name })
    .from(funds)
    .innerJoin(orgs, eq(orgs.id, funds.orgId))
    .where(and(eq(funds.id, fundId), inActorSubtree(actor, funds.orgId)));
  if (!row) throw notFound('fund');
  const figures = fundFigures((await balancesOf(db, [row.fund.id])).get(row.fund.id) ?? {});
  return { ...row, figures };
}

/** The funds in the actor's subtree (or an org's subtree in it), each with its figures. */
export async function listFunds(db: DbOrTx, actor: Actor, f: { orgPath?: string } = {}) {
  const rows = await db
    .select({ fund: funds, orgPath: orgs.path, orgName: orgs.name })
    .from(funds)
    .innerJoin(orgs, eq(orgs.id, funds.orgId))
    .where(and(inActorSubtree(actor, funds.orgId), f.orgPath ? sql`${orgs.path} like ${f.orgPath + '%'}` : undefined))
    .orderBy(asc(orgs.path), asc(funds.createdAt));
  const balances = await balancesOf(db, rows.map((r) => r.fund.id));
  return rows.map((r) => ({ ...r, figures: fundFigures(balances.get(r.fund.id) ?? {}) }));
}

/** The ids of a fund's accounts by kind (every fund has all of them: ledger/ledger-accounts.ts). */
export async function fundAccounts(db: DbOrTx, fundId: string): Promise<Record<FundAccountKind, string>> {
  const rows = await db.select({ id: ledgerAccounts.id, kind: ledgerAccounts.kind }).from(ledgerAccounts).where(eq(ledgerAccounts.fundId, fundId));
  return Object.fromEntries(rows.map((r) => [r.kind, r.id])) as Record<FundAccountKind, string>;
}

/** A fund's allocations out and in; the other side is named, and its id given only when the actor may open it. */
export async function listFundAllocations(db: DbOrTx, actor: Actor, fundId: string) {
  const rows = (
    (await db.execute(sql`
      select a.id, a.amount_fen as "amountFen", a.allocated_on::text as "allocatedOn", a.memo, a.entry_id as "entryId",
        case when a.from_fund_id = ${fundId} then 'out' else 'in' end as direction,
        case when a.from_fund_id = ${fundId} then a.to_fund_id else a.from_fund_id end as "otherFundId",
        of.name as "otherFundName", oo.name as "otherOrgName", oo.path as "otherOrgPath"
      from fund_allocations a
      join funds of on of.id = case when a.from_fund_id = ${fundId} then a.to_fund_id else a.from_fund_id end
      join orgs oo on oo.id = of.org_id
      where a.from_fund_id = ${fundId} or a.to_fund_id = ${fundId}
      order by a.allocated_on desc, a.created_at desc`)) as unknown as { rows: Array<{ id: string; amountFen: string; allocatedOn: string; memo: string | null; entryId: string; direction: 'in' | 'out'; otherFundId: string; otherFundName: string; otherOrgName: string; otherOrgPath: string }> }
  ).rows;
  return rows.map(({ otherOrgPath, otherFundId, amountFen, ...r }) => ({ ...r, amountFen: Number(amountFen), otherFundId: otherOrgPath.startsWith(actor.orgPath) ? otherFundId : null }));
}
