#!/usr/bin/env node
// `npm test`: the whole suite. Unit and API tests on embedded PGlite (the machine's Node.js). When
// TEST_DATABASE_URL is set: the production build (`npm run build`), the same tests on PostgreSQL under
// the build's Node.js 24 (runtime/), and the deployment tests (two instances of the build behind nginx;
// required when CI is set). Then the browser tests in Chromium (required when CI is set, skipped with
// a notice when no Chromium is installed locally). Ends with one line: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const totals = { passed: 0, failed: 0, skipped: 0 };
let failedRuns = 0;

const NODE_24 = path.join('runtime', 'node_modules', '.bin', 'node');

function vitest(label, args, env, node = null) {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'uh-vitest-')), 'result.json');
  console.log(`\n=== ${label} ===`);
  const command = node ? [node, [path.join('node_modules', 'vitest', 'vitest.mjs')]] : ['npx', ['vitest']];
  const res = spawnSync(command[0], [...command[1], 'run', '--reporter=default', '--reporter=json', `--outputFile=${out}`, ...args], {
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

vitest(`unit and API tests on embedded PGlite (Node.js ${process.version})`, [], { TEST_DATABASE_URL: '' });

let webBuilt = false;
if (process.env.TEST_DATABASE_URL) {
  console.log('\n=== the production build (npm run build) ===');
  const build = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
  if (build.status !== 0) failedRuns++;
  webBuilt = build.status === 0;
  const node24 = fs.existsSync(NODE_24) ? NODE_24 : null;
  if (!node24 && process.env.CI) failedRuns++;
  const version = node24 ? spawnSync(node24, ['--version'], { encoding: 'utf8' }).stdout.trim() : process.version;
  vitest(`unit and API tests on PostgreSQL (Node.js ${version})`, [], {}, node24);
  const nginx = ['/usr/sbin/nginx', '/usr/bin/nginx'].some((p) => fs.existsSync(p));
  if (nginx && build.status === 0) vitest('deployment tests: two instances of the build behind nginx', ['--config', 'deploy/vitest.config.ts'], {});
  else if (process.env.CI) {
    console.error('nginx or the production build is missing: the deployment tests are required in CI.');
    failedRuns++;
  } else console.log('\nDeployment tests skipped: no nginx (apt-get install nginx).');
}

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (fs.existsSync(chromium)) {
  let built = webBuilt;
  if (!built) {
    console.log('\n=== building the web app for the browser tests ===');
    built = spawnSync('npm', ['run', 'build:web', '--silent'], { stdio: 'inherit' }).status === 0;
  }
  if (!built) failedRuns++;
  else vitest('browser tests in Chromium', ['--config', 'e2e/vitest.config.ts'], { TEST_DATABASE_URL: '' });
} else if (process.env.CI) {
  console.error(`Chromium not found at ${chromium}: the browser tests are required in CI.`);
  failedRuns++;
} else {
  console.log(`\nBrowser tests skipped: no Chromium at ${chromium} (apt-get install chromium fonts-wqy-microhei).`);
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed > 0 || failedRuns > 0 ? 1 : 0);
