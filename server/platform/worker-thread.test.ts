import { describe, expect, it } from 'vitest';
import { startWorker, WorkerMessages } from './worker-thread.js';

const ECHO = new URL('../test-support/echo-worker.ts', import.meta.url);

describe('worker threads', () => {
  it('runs a TypeScript module and hands over its messages in order', async () => {
    const messages = new WorkerMessages<unknown>(startWorker(ECHO, { messages: [{ n: 1 }, { n: 2, text: '困难职工' }, { n: 3 }] }));
    expect([await messages.next(), await messages.next(), await messages.next()]).toEqual([{ n: 1 }, { n: 2, text: '困难职工' }, { n: 3 }]);
    await messages.stop();
  });

  it('rejects the next message when the worker throws, after the messages it sent', async () => {
    const messages = new WorkerMessages<unknown>(startWorker(ECHO, { messages: ['first'], fail: 'broken file' }));
    expect(await messages.next()).toBe('first');
    await expect(messages.next()).rejects.toThrow('broken file');
  });

  it('rejects the next message when the worker exits without sending one', async () => {
    const messages = new WorkerMessages<unknown>(startWorker(ECHO, { messages: [] }));
    await expect(messages.next()).rejects.toThrow(/exited/);
  });
});
