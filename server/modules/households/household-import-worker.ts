// Worker-thread entry of an import's preparation (see prepare-household-import.ts). The member sheet
// is read by a second worker at the same time as this one reads the household sheet.
import { parentPort, workerData } from 'node:worker_threads';
import { startWorker, WorkerMessages } from '../../platform/worker-thread.js';
import type { SheetReading } from './parse-household-workbook.js';
import { prepareHouseholdImport, PREPARATION_LIMITS } from './prepare-household-import.js';

const { buffer, keys } = workerData.input as { buffer: Uint8Array; keys: { piiEncryptionKey: Uint8Array; piiLookupKey: Uint8Array } };
const asBuffer = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

async function readMemberSheetInWorker(): Promise<SheetReading> {
  const messages = new WorkerMessages<SheetReading>(startWorker(new URL('./member-sheet-worker.ts', import.meta.url), { buffer }, PREPARATION_LIMITS));
  try {
    return await messages.next();
  } finally {
    await messages.stop();
  }
}

await prepareHouseholdImport(
  asBuffer(buffer),
  { piiEncryptionKey: asBuffer(keys.piiEncryptionKey), piiLookupKey: asBuffer(keys.piiLookupKey) },
  (m) => parentPort!.postMessage(m),
  readMemberSheetInWorker,
);
