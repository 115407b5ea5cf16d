// Worker-thread entry that reads an uploaded list of postings (see import-postings.ts), so a large
// file within the upload bounds costs neither the event loop nor the server's heap.
import { parentPort, workerData } from 'node:worker_threads';
import { parsePostingSheet } from './posting-sheet.js';

const { buffer } = workerData.input as { buffer: Uint8Array };
parentPort!.postMessage(parsePostingSheet(Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength)));
