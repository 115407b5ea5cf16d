import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import type { FundAccountKind } from '../modules/funds/ledger/ledger-accounts.js';

type Rows<T> = { rows: T[] };

export interface AccountBook {
  id: string;
  kind: FundAccountKind;
  noOverdraft: boolean;
  /** The balance the database keeps on the account row. */
  keptFen: number;
  /** The same balance summed from the account's postings. */
  postedFen: number;
}

/**
 * The books of some funds read straight from the tables, not through the module's queries: each
 * account's kept balance beside the sum of its postings.
 */
export async function readFundBooks(db: DbOrTx, fundIds: string[]): Promise<Map<string, AccountBook[]>> {
  const { rows } = (await db.execute(sql`
    select a.id, a.fund_id as "fundId", a.kind, a.no_overdraft as "noOverdraft", a.balance_fen::text as kept,
      coalesce(sum(p.amount_fen), 0)::text as posted
    from ledger_accounts a left join journal_postings p on p.account_id = a.id
    where a.fund_id in ${fundIds}
    group by a.id, a.fund_id, a.kind, a.no_overdraft, a.balance_fen`)) as unknown as Rows<{ id: string; fundId: string; kind: FundAccountKind; noOverdraft: boolean; kept: string; posted: string }>;
  const out = new Map<string, AccountBook[]>(fundIds.map((id) => [id, []]));
  for (const r of rows) out.get(r.fundId)!.push({ id: r.id, kind: r.kind, noOverdraft: r.noOverdraft, keptFen: Number(r.kept), postedFen: Number(r.posted) });
  return out;
}

/** Every journal entry that touches an account of these funds, with its number of postings and their sum (all of its postings, any account). */
export async function entriesOfFunds(db: DbOrTx, fundIds: string[]) {
  const { rows } = (await db.execute(sql`
    select p.entry_id as id, count(*)::int as postings, sum(p.amount_fen)::text as total
    from journal_postings p
    where p.entry_id in (select q.entry_id from journal_postings q join ledger_accounts a on a.id = q.account_id where a.fund_id in ${fundIds})
    group by p.entry_id`)) as unknown as Rows<{ id: string; postings: number | string; total: string }>;
  return rows.map((r) => ({ id: r.id, postings: Number(r.postings), totalFen: Number(r.total) }));
}

/** What was allocated from one of these funds to another of them (it nets out across them). */
export async function allocatedBetween(db: DbOrTx, fundIds: string[]): Promise<number> {
  const { rows } = (await db.execute(sql`
    select coalesce(sum(amount_fen), 0)::text as fen from fund_allocations
    where from_fund_id in ${fundIds} and to_fund_id in ${fundIds}`)) as unknown as Rows<{ fen: string }>;
  return Number(rows[0].fen);
}
