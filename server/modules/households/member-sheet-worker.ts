// Worker-thread entry that reads and converts the member sheet of an import while the household
// sheet is read in the import's own worker (see parse-household-workbook.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { MEMBER_SHEET } from './households-excel-columns.js';
import { readTemplateSheet } from './parse-household-workbook.js';

const { buffer } = workerData.input as { buffer: Uint8Array };
parentPort!.postMessage(readTemplateSheet(Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength), MEMBER_SHEET));
