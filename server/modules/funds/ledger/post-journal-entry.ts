import { eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client.js';
import { journalEntries, journalPostings } from '../../../db/schema/index.js';
import type { Ctx } from '../../../platform/context.js';
import { AppError, conflict, notFound } from '../../../platform/errors.js';
import { findDriverError } from '../../../platform/unique-violation.js';

export interface JournalEntryInput {
  orgId: string;
  kind: string;
  memo: string;
  occurredOn: string;
  postings: Array<{ accountId: string; amountFen: number }>;
  /** The writer's own key for the movement: with sourceModule unique, so a retry never posts twice. */
  sourceModule?: string;
  sourceRef?: string;
}

/**
 * Posts one balanced entry inside the caller's transaction. The database holds the rules (decision
 * 013): the postings must sum to zero at commit, balances move with them, a fund's balance cannot go
 * below zero, nothing posted can be changed. This checks the same first, so a caller's mistake reads
 * as an error rather than a refused commit.
 */
export async function postJournalEntry(tx: Tx, ctx: Ctx, e: JournalEntryInput & { reversesId?: string }) {
  if (e.postings.length < 2) throw new Error('a journal entry needs at least two postings');
  for (const p of e.postings) if (!Number.isSafeInteger(p.amountFen) || p.amountFen === 0) throw new Error('a posting is a non-zero integer of fen');
  if (e.postings.reduce((s, p) => s + p.amountFen, 0) !== 0) throw new Error('the postings of a journal entry must sum to zero');
  const [entry] = await tx
    .insert(journalEntries)
    .values({ orgId: e.orgId, kind: e.kind, memo: e.memo, occurredOn: e.occurredOn, reversesId: e.reversesId ?? null, sourceModule: e.sourceModule ?? null, sourceRef: e.sourceRef ?? null, createdBy: ctx.actor?.userId ?? null, createdAt: ctx.clock.now() })
    .returning();
  try {
    await tx.insert(journalPostings).values(e.postings.map((p) => ({ entryId: entry.id, accountId: p.accountId, amountFen: p.amountFen, occurredOn: e.occurredOn })));
  } catch (err) {
    if (findDriverError(err, '23514')?.constraint === 'ledger_accounts_no_overdraft') throw new AppError('CONFLICT', 'the fund does not hold enough for this', { reason: 'insufficient_funds' });
    throw err;
  }
  return entry;
}

/** A correction: the same postings with their signs turned, pointing at the entry they undo (once). */
export async function reverseJournalEntry(tx: Tx, ctx: Ctx, r: { entryId: string; memo: string; occurredOn: string }) {
  const [original] = await tx.select().from(journalEntries).where(eq(journalEntries.id, r.entryId));
  if (!original) throw notFound('journal entry');
  const [already] = await tx.select({ id: journalEntries.id }).from(journalEntries).where(eq(journalEntries.reversesId, original.id));
  if (already) throw conflict('already_reversed', 'the entry is already reversed', { reversedBy: already.id });
  const postings = await tx.select().from(journalPostings).where(eq(journalPostings.entryId, original.id));
  return postJournalEntry(tx, ctx, {
    orgId: original.orgId,
    kind: 'reversal',
    memo: r.memo,
    occurredOn: r.occurredOn,
    reversesId: original.id,
    postings: postings.map((p) => ({ accountId: p.accountId, amountFen: -p.amountFen })),
  });
}
