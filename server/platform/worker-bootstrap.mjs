// Entry of every worker thread: registers the TypeScript loader when the module to run is a .ts
// file (the server runs from source under tsx, tests under vitest), then runs it.
import { workerData } from 'node:worker_threads';

if (workerData.entry.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(workerData.entry);
