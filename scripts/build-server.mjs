#!/usr/bin/env node
// Compiles the server for production: every TypeScript module the server loads (server/, contracts/
// and the shared locales it renders) is transpiled one file to one file into dist/, keeping the tree,
// so paths relative to import.meta.url (migrations, workers, the web app) hold as they do in source.
// Type checking is `npm run typecheck`'s job; this only strips types.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist');
const SOURCES = ['server', 'contracts', 'web/shared/locales'];
const SKIP = [/\.test\.ts$/, /^server\/test-support\//];
/** Files the server reads beside its modules at run time. */
const ASSETS = ['server/db/migrations', 'server/platform/common-passwords.txt', 'server/platform/worker-bootstrap.mjs'];

function tsFiles(dir) {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.posix.join(dir, e.name);
    if (e.isDirectory()) return tsFiles(rel);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') && !SKIP.some((re) => re.test(rel)) ? [rel] : [];
  });
}

function commitOf() {
  try {
    return execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

const started = Date.now();
fs.rmSync(path.join(out, 'server'), { recursive: true, force: true });
fs.rmSync(path.join(out, 'contracts'), { recursive: true, force: true });
const entryPoints = SOURCES.flatMap(tsFiles);
await build({ entryPoints, outdir: out, outbase: root, format: 'esm', platform: 'node', target: 'node20', sourcemap: 'linked', logLevel: 'warning' });
for (const asset of ASSETS) fs.cpSync(path.join(root, asset), path.join(out, asset), { recursive: true });
// The web app, built first by `npm run build:web`, where the server looks for it (beside server/).
if (!fs.existsSync(path.join(root, 'web/dist/index.html'))) throw new Error('web/dist is missing: run `npm run build:web` first');
fs.rmSync(path.join(out, 'web/dist'), { recursive: true, force: true });
fs.cpSync(path.join(root, 'web/dist'), path.join(out, 'web/dist'), { recursive: true });
const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
fs.writeFileSync(path.join(out, 'package.json'), JSON.stringify({ type: 'module', private: true }) + '\n');
fs.writeFileSync(path.join(out, 'build-info.json'), JSON.stringify({ version, commit: commitOf(), builtAt: new Date().toISOString() }, null, 2) + '\n');
console.log(`server built: ${entryPoints.length} modules into dist/ in ${Date.now() - started} ms`);
