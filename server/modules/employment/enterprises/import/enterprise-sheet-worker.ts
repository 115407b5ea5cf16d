// Worker-thread entry that reads an uploaded enterprise sheet (see import-enterprises.ts), so a large
// file within the upload bounds costs neither the event loop nor the server's heap.
import { parentPort, workerData } from 'node:worker_threads';
import { parseEnterpriseSheet } from './enterprise-sheet.js';

const { buffer } = workerData.input as { buffer: Uint8Array };
parentPort!.postMessage(parseEnterpriseSheet(Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength)));
