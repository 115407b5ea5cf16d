import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';

export interface LedgerDifference {
  accountId: string;
  name: string;
  keptFen: number;
  recomputedFen: number;
}

/**
 * Recomputes every account's balance from the journal and compares it with the balance the database
 * keeps; also checks every entry still sums to zero. Both lists should be empty, always.
 */
export async function reconcileLedger(db: DbOrTx) {
  const accounts = (await db.execute(sql`
    select a.id as "accountId", a.name, a.balance_fen::text as "keptFen", coalesce(sum(p.amount_fen), 0)::text as "recomputedFen"
    from ledger_accounts a left join journal_postings p on p.account_id = a.id
    group by a.id, a.name, a.balance_fen
    having a.balance_fen <> coalesce(sum(p.amount_fen), 0)
    order by a.name`)) as unknown as { rows: Array<{ accountId: string; name: string; keptFen: string; recomputedFen: string }> };
  const entries = (await db.execute(sql`
    select e.id from journal_entries e left join journal_postings p on p.entry_id = e.id
    group by e.id having coalesce(sum(p.amount_fen), 0) <> 0 or count(p.id) < 2`)) as unknown as { rows: Array<{ id: string }> };
  const months = (await db.execute(sql`
    with recomputed as (
      select account_id, date_trunc('month', occurred_on)::date as month, sum(amount_fen) as net,
        coalesce(sum(amount_fen) filter (where amount_fen > 0), 0) as i, coalesce(-sum(amount_fen) filter (where amount_fen < 0), 0) as o, count(*) as n
      from journal_postings group by 1, 2)
    select coalesce(m.account_id, r.account_id) as "accountId", coalesce(m.month, r.month)::text as month
    from ledger_account_months m full join recomputed r on r.account_id = m.account_id and r.month = m.month
    where m.net_fen is distinct from r.net or m.in_fen is distinct from r.i or m.out_fen is distinct from r.o or m.postings is distinct from r.n`)) as unknown as { rows: Array<{ accountId: string; month: string }> };
  const [{ n }] = ((await db.execute(sql`select count(*)::int as n from ledger_accounts`)) as unknown as { rows: Array<{ n: number }> }).rows;
  return {
    accountsChecked: n,
    differences: accounts.rows.map((r): LedgerDifference => ({ accountId: r.accountId, name: r.name, keptFen: Number(r.keptFen), recomputedFen: Number(r.recomputedFen) })),
    unbalancedEntries: entries.rows.map((r) => r.id),
    /** Months whose kept net movement differs from their postings (the statement's opening balances). */
    monthDifferences: months.rows,
  };
}
