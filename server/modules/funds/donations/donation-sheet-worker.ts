// Worker-thread entry that reads an uploaded donation sheet (see read-donation-sheet.ts), so a large
// file within the upload bounds costs neither the event loop nor the server's heap.
import { parentPort, workerData } from 'node:worker_threads';
import { parseDonationSheet } from './donation-sheet.js';

const { buffer } = workerData.input as { buffer: Uint8Array };
parentPort!.postMessage(parseDonationSheet(Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength)));
