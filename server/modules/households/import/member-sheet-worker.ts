// Worker-thread entry that reads and converts the member sheet of an import while the household
// sheet is read in the import's own worker (see parse-household-workbook.ts).
import { workerData, type MessagePort } from 'node:worker_threads';
import { MEMBER_SHEET } from './households-excel-columns.js';
import { readTemplateSheet } from './parse-household-workbook.js';

// The rows go straight to the import's worker through `port`, not through the main thread.
const { buffer, port } = workerData.input as { buffer: Uint8Array; port: MessagePort };
port.postMessage(readTemplateSheet(Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength), MEMBER_SHEET));
port.close();
