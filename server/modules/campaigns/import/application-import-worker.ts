// Worker-thread entry of an application import: reads and converts the sheet off the main thread
// (a workbook within the upload bounds may still hold hundreds of thousands of rows).
import { parentPort, workerData } from 'node:worker_threads';
import { readApplicationSheet } from './read-application-sheet.js';

const buffer = workerData.input as Uint8Array;
parentPort!.postMessage(readApplicationSheet(Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength)));
