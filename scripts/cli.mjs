#!/usr/bin/env node
// Runs one of the server's commands (server/cli/<name>): from the production build (dist/, on the
// build's Node 24 in runtime/) where the development tools are not installed (`npm ci --omit=dev`) or
// NODE_ENV=production; from the TypeScript source with tsx otherwise.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [name, ...args] = process.argv.slice(2);
if (!name || !fs.existsSync(path.join(root, 'server', 'cli', `${name}.ts`))) {
  console.error(`usage: node scripts/cli.mjs <${fs.readdirSync(path.join(root, 'server', 'cli')).map((f) => f.replace(/\.ts$/, '')).join('|')}> [arguments]`);
  process.exit(1);
}
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const fromBuild = process.env.NODE_ENV === 'production' || !fs.existsSync(tsx);
let command;
if (fromBuild) {
  const built = path.join(root, 'dist', 'server', 'cli', `${name}.js`);
  if (!fs.existsSync(built)) {
    console.error(`${path.relative(root, built)} is missing: run \`npm run build\` first`);
    process.exit(1);
  }
  const node24 = path.join(root, 'runtime', 'node_modules', '.bin', 'node');
  command = [fs.existsSync(node24) ? node24 : process.execPath, [built, ...args]];
} else {
  command = [tsx, [path.join(root, 'server', 'cli', `${name}.ts`), ...args]];
}
const run = spawnSync(command[0], command[1], { stdio: 'inherit' });
process.exit(run.status ?? 1);
