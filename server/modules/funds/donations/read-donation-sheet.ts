import { authorize } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { startWorker, WorkerMessages } from '../../../platform/worker-thread.js';
import { assertXlsxWithinBounds } from '../../../platform/xlsx-bounds.js';
import type { ParsedDonationSheet } from './donation-sheet.js';
import { getDriveInScope } from './donations.queries.js';

/** The sheet is at most DONATION_BATCH_MAX_ROWS short rows: this heap is plenty, and a surprise stays in the worker. */
const SHEET_WORKER_LIMITS = { maxOldGenerationSizeMb: 256 };

/**
 * Reads an uploaded collective-donation sheet (.xlsx) for a drive: checked against the upload bounds,
 * then parsed in a worker thread. Nothing is written: the page shows the rows and every cell in error,
 * and the user submits the rows as a batch.
 */
export async function readDonationSheet({ ctx, driveId, buffer }: { ctx: Ctx; driveId: string; buffer: Buffer }): Promise<ParsedDonationSheet> {
  const actor = await authorize(ctx, 'fund.post');
  await getDriveInScope(ctx.db, actor, driveId);
  await assertXlsxWithinBounds(buffer);
  const file = new Uint8Array(buffer);
  const messages = new WorkerMessages<ParsedDonationSheet>(startWorker(new URL('./donation-sheet-worker.ts', import.meta.url), { buffer: file }, SHEET_WORKER_LIMITS, [file.buffer]));
  try {
    return await messages.next();
  } finally {
    await messages.stop();
  }
}
