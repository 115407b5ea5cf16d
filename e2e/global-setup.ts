import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    screenshotDir: string;
    /** The demo server's clock offset file (DEMO_CLOCK_FILE): a test writes milliseconds to move time on. */
    clockFile: string;
  }
}

let server: ChildProcess | undefined;
let dataDir: string;

/** Starts the real server (npm start's code path) on a fresh data directory with demo data. */
export async function setup(project: TestProject) {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'uh-e2e-'));
  const port = 3400 + Math.floor(Math.random() * 500);
  const clockFile = path.join(dataDir, 'demo-clock-offset');
  // tsx itself rather than npx, which does not pass signals on; its own group, so teardown ends it all.
  server = spawn(path.resolve('node_modules/.bin/tsx'), ['--max-semi-space-size=32', 'server/main.ts'], {
    detached: true,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), DEMO: '1', DEMO_CLOCK_FILE: clockFile, LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const baseURL = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      if ((await fetch(`${baseURL}/api/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline || server.exitCode !== null) throw new Error('server did not start for the browser tests');
    await new Promise((r) => setTimeout(r, 300));
  }
  const screenshotDir = path.resolve('screenshots');
  fs.mkdirSync(screenshotDir, { recursive: true });
  project.provide('baseURL', baseURL);
  project.provide('screenshotDir', screenshotDir);
  project.provide('clockFile', clockFile);
}

export async function teardown() {
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server!.once('exit', r));
    process.kill(-server.pid!, 'SIGTERM');
    await exited;
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
}
