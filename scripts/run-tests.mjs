#!/usr/bin/env node
// `npm test`: the whole suite. Unit and API tests on embedded PGlite; again on PostgreSQL when
// TEST_DATABASE_URL is set; then the browser tests in Chromium (required when CI is set, skipped
// with a notice when no Chromium is installed locally). Ends with one line: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const totals = { passed: 0, failed: 0, skipped: 0 };
let failedRuns = 0;

function vitest(label, args, env) {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'uh-vitest-')), 'result.json');
  console.log(`\n=== ${label} ===`);
  const res = spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${out}`, ...args], {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (fs.existsSync(out)) {
    const r = JSON.parse(fs.readFileSync(out, 'utf8'));
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests;
    totals.skipped += r.numPendingTests + (r.numTodoTests ?? 0);
    if (r.numTotalTests === 0) failedRuns++;
  } else {
    failedRuns++;
  }
  if (res.status !== 0) failedRuns++;
}

vitest('unit and API tests on embedded PGlite', [], { TEST_DATABASE_URL: '' });
if (process.env.TEST_DATABASE_URL) vitest('unit and API tests on PostgreSQL', [], {});

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (fs.existsSync(chromium)) {
  console.log('\n=== building the web app for the browser tests ===');
  const build = spawnSync('npm', ['run', 'build:web', '--silent'], { stdio: 'inherit' });
  if (build.status !== 0) failedRuns++;
  else vitest('browser tests in Chromium', ['--config', 'e2e/vitest.config.ts'], { TEST_DATABASE_URL: '' });
} else if (process.env.CI) {
  console.error(`Chromium not found at ${chromium}: the browser tests are required in CI.`);
  failedRuns++;
} else {
  console.log(`\nBrowser tests skipped: no Chromium at ${chromium} (apt-get install chromium fonts-wqy-microhei).`);
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed > 0 || failedRuns > 0 ? 1 : 0);
