import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';

export interface StatementRow {
  postingId: number;
  entryId: string;
  occurredOn: string;
  kind: string;
  memo: string;
  /** + money in, − money out of the fund. */
  amountFen: number;
  /** The fund's balance after this row (in the statement's order: date, then posting). */
  balanceAfterFen: number;
  reversesId: string | null;
  reversedBy: string | null;
  /** Keyset cursor for the next page. */
  cursor: string;
}

type Rows<T> = { rows: T[] };
const num = (v: unknown) => Number(v ?? 0);

/**
 * The fund balance account's balance at the start of a day: the kept month totals before that day's
 * month, plus the postings of the month up to it. Reads at most one month of postings, however long
 * the account's history (bench/ledger-statement.ts).
 */
export async function balanceBefore(db: DbOrTx, accountId: string, day: string): Promise<number> {
  const [r] = (
    (await db.execute(sql`
      select
        (select coalesce(sum(net_fen), 0) from ledger_account_months where account_id = ${accountId} and month < date_trunc('month', ${day}::date)::date)
        + (select coalesce(sum(amount_fen), 0) from journal_postings where account_id = ${accountId}
            and occurred_on >= date_trunc('month', ${day}::date)::date and occurred_on < ${day}::date) as fen`)) as unknown as Rows<{ fen: string }>
  ).rows;
  return num(r.fen);
}

/**
 * One page of a fund's statement (资金明细) between two dates, inclusive: the rows of its balance
 * account in date order with the balance after each, the opening and closing balances of the period,
 * and its money in and out. `after` is the previous page's last cursor ("YYYY-MM-DD~postingId").
 */
export async function fundStatement(db: DbOrTx, balanceAccountId: string, q: { from: string; to: string; after?: string; pageSize: number }) {
  const [afterDay, afterId] = q.after ? [q.after.slice(0, 10), Number(q.after.slice(11))] : [null, null];
  const opening = await balanceBefore(db, balanceAccountId, q.from);
  const totals = await periodTotals(db, balanceAccountId, q.from, q.to);
  const closing = opening + totals.inFen - totals.outFen;
  // The balance before this page: the period's opening plus the period's rows before the cursor.
  let pageOpening = opening;
  if (afterDay !== null) {
    const [r] = (
      (await db.execute(sql`
        select coalesce(sum(amount_fen), 0) as fen from journal_postings
        where account_id = ${balanceAccountId} and occurred_on >= ${q.from}::date and occurred_on <= ${afterDay}::date and (occurred_on, id) <= (${afterDay}::date, ${afterId})`)) as unknown as Rows<{ fen: string }>
    ).rows;
    pageOpening += num(r.fen);
  }
  const rows = (
    (await db.execute(sql`
      select p.id, p.entry_id as "entryId", p.occurred_on::text as "occurredOn", p.amount_fen as "amountFen", e.kind, e.memo, e.reverses_id as "reversesId",
        (select r.id from journal_entries r where r.reverses_id = e.id) as "reversedBy"
      from journal_postings p join journal_entries e on e.id = p.entry_id
      where p.account_id = ${balanceAccountId} and p.occurred_on between ${q.from}::date and ${q.to}::date
        ${afterDay !== null ? sql`and (p.occurred_on, p.id) > (${afterDay}::date, ${afterId})` : sql``}
      order by p.occurred_on, p.id
      limit ${q.pageSize + 1}`)) as unknown as Rows<{ id: string; entryId: string; occurredOn: string; amountFen: string; kind: string; memo: string; reversesId: string | null; reversedBy: string | null }>
  ).rows;
  let running = pageOpening;
  const items: StatementRow[] = rows.slice(0, q.pageSize).map((r) => {
    running += num(r.amountFen);
    return { postingId: num(r.id), entryId: r.entryId, occurredOn: r.occurredOn, kind: r.kind, memo: r.memo, amountFen: num(r.amountFen), balanceAfterFen: running, reversesId: r.reversesId, reversedBy: r.reversedBy, cursor: `${r.occurredOn}~${r.id}` };
  });
  return {
    from: q.from,
    to: q.to,
    openingFen: opening,
    closingFen: closing,
    inFen: totals.inFen,
    outFen: totals.outFen,
    rowCount: totals.rowCount,
    items,
    nextCursor: rows.length > q.pageSize ? items[items.length - 1].cursor : null,
  };
}

/**
 * Money in and out of an account between two days, inclusive: the kept totals of the months the period
 * touches, less the postings of its first month before it starts and of its last month after it ends
 * (each at most a month of postings, read by the date index).
 */
export async function periodTotals(db: DbOrTx, accountId: string, from: string, to: string) {
  const [r] = (
    (await db.execute(sql`
      with months as (
        select coalesce(sum(in_fen), 0) as i, coalesce(sum(out_fen), 0) as o, coalesce(sum(postings), 0) as n from ledger_account_months
        where account_id = ${accountId} and month between date_trunc('month', ${from}::date)::date and date_trunc('month', ${to}::date)::date),
      outside as (
        select coalesce(sum(amount_fen) filter (where amount_fen > 0), 0) as i, coalesce(-sum(amount_fen) filter (where amount_fen < 0), 0) as o, count(*) as n from journal_postings
        where account_id = ${accountId} and (
          (occurred_on >= date_trunc('month', ${from}::date)::date and occurred_on < ${from}::date)
          or (occurred_on > ${to}::date and occurred_on < (date_trunc('month', ${to}::date) + interval '1 month')::date)))
      select (months.i - outside.i)::text as "inFen", (months.o - outside.o)::text as "outFen", (months.n - outside.n)::text as n from months, outside`)) as unknown as Rows<{ inFen: string; outFen: string; n: string }>
  ).rows;
  return { inFen: num(r.inFen), outFen: num(r.outFen), rowCount: num(r.n) };
}
