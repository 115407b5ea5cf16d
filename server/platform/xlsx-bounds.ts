import { AppError } from './errors.js';
import { XlsxFormatError, XlsxLimitError } from './xlsx-limits.js';
import { checkZipDirectory, scanXlsx } from './xlsx-scan.js';
import { startWorker, WorkerMessages } from './worker-thread.js';

/** Files up to this size are checked on the main thread: their scan takes a few milliseconds. */
const IN_PROCESS_MAX_BYTES = 64 * 1024;
/** The scan holds 64 KiB chunks, never a part: a heap this small is plenty, and a surprise stays in the worker. */
const SCAN_WORKER_LIMITS = { maxOldGenerationSizeMb: 64 };

interface Refusal {
  reason: string;
  chinese: string;
  message: string;
  limit?: number;
}

/**
 * Refuses an uploaded .xlsx that would inflate past XLSX_LIMITS (413) or is not a readable workbook
 * (400: not a zip, truncated, duplicated parts, entity declarations, NUL …), with the Chinese reason
 * naming the limit; details `{ reason, limit, field: 'file' }`. Every part is inflated as a stream and
 * counted, in a worker thread for anything but small files, so a bomb costs neither memory nor the event loop.
 */
export async function assertXlsxWithinBounds(buffer: Buffer): Promise<void> {
  // What the directory alone refuses needs no thread; the rest is refused on the bytes inflating produces.
  const refusal = (await scanHere(buffer, true)) ?? (buffer.length <= IN_PROCESS_MAX_BYTES ? await scanHere(buffer) : await scanInWorker(buffer));
  if (!refusal) return;
  const details = { reason: refusal.reason, limit: refusal.limit, field: 'file', issues: [{ field: 'file', message: refusal.chinese }] };
  throw new AppError(refusal.limit !== undefined ? 'TOO_LARGE' : 'VALIDATION', refusal.chinese, details);
}

async function scanHere(buffer: Buffer, directoryOnly = false): Promise<Refusal | null> {
  try {
    if (directoryOnly) checkZipDirectory(buffer);
    else await scanXlsx(buffer);
    return null;
  } catch (err) {
    if (!(err instanceof XlsxFormatError)) throw err;
    return { reason: err.reason, chinese: err.chinese, message: err.message, limit: err instanceof XlsxLimitError ? err.limit : undefined };
  }
}

async function scanInWorker(buffer: Buffer): Promise<Refusal | null> {
  const file = new Uint8Array(buffer); // a copy: the caller keeps its buffer
  const messages = new WorkerMessages<Refusal | null>(startWorker(new URL('./xlsx-scan-worker.ts', import.meta.url), file, SCAN_WORKER_LIMITS, [file.buffer]));
  try {
    return await messages.next();
  } finally {
    await messages.stop();
  }
}
