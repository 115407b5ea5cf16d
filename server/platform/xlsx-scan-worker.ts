// Worker-thread entry of the upload-time .xlsx check (xlsx-bounds.ts): posts `null` when the file is
// within the caps, or the refusal's fields (an Error's class does not survive the thread boundary).
import { parentPort, workerData } from 'node:worker_threads';
import { XlsxFormatError, XlsxLimitError } from './xlsx-limits.js';
import { scanXlsx } from './xlsx-scan.js';

const file = workerData.input as Uint8Array;
try {
  await scanXlsx(Buffer.from(file.buffer, file.byteOffset, file.byteLength));
  parentPort!.postMessage(null);
} catch (err) {
  if (!(err instanceof XlsxFormatError)) throw err;
  parentPort!.postMessage({ reason: err.reason, chinese: err.chinese, message: err.message, limit: err instanceof XlsxLimitError ? err.limit : undefined });
}
