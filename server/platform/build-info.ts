import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface BuildInfo {
  version: string;
  commit: string;
  /** When `npm run build` made the running output; null when running from source. */
  builtAt: string | null;
}

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * What is running: the production build's dist/build-info.json (written by scripts/build-server.mjs),
 * or, from source, package.json's version and the checkout's commit.
 */
export function readBuildInfo(): BuildInfo {
  // Read once per process: every app built (tests build hundreds) would otherwise ask git again.
  cached ??= readOnce();
  return cached;
}

let cached: BuildInfo | undefined;

function readOnce(): BuildInfo {
  const built = path.join(here, '..', '..', 'build-info.json');
  if (fs.existsSync(built)) return JSON.parse(fs.readFileSync(built, 'utf8')) as BuildInfo;
  const root = path.join(here, '..', '..');
  const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // not a checkout (an unpacked release without build-info): the version alone
  }
  return { version, commit, builtAt: null };
}
