// Worker-thread entry of an import's preparation (see prepare-household-import.ts). The member sheet
// is read by a second worker (member-sheet-worker.ts) at the same time as this one reads the
// household sheet; its rows arrive on `memberPort`.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { SheetReading } from './parse-household-workbook.js';
import { prepareHouseholdImport } from './prepare-household-import.js';

const { buffer, keys, memberPort } = workerData.input as {
  buffer: Uint8Array;
  keys: { piiEncryptionKey: Uint8Array; piiLookupKey: Uint8Array };
  memberPort: MessagePort;
};
const asBuffer = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);
const readMemberSheetInWorker = () => new Promise<SheetReading>((resolve) => memberPort.once('message', resolve));

await prepareHouseholdImport(
  asBuffer(buffer),
  { piiEncryptionKey: asBuffer(keys.piiEncryptionKey), piiLookupKey: asBuffer(keys.piiLookupKey) },
  (m) => parentPort!.postMessage(m),
  readMemberSheetInWorker,
);
