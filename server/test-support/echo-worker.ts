// A worker for server/platform/worker-thread.test.ts: echoes its input's messages, then fails if asked.
import { parentPort, workerData } from 'node:worker_threads';

const { messages, fail } = workerData.input as { messages: unknown[]; fail?: string };
for (const m of messages) parentPort!.postMessage(m);
if (fail) throw new Error(fail);
