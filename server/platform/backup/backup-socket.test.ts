import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { BackupError } from './backup-error.js';
import { backupSocketPath, requestSnapshot, serveBackupRequests } from './backup-socket.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'uh-sock-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const warnings: string[] = [];
const log = { info() {}, warn: (_: object, msg: string) => void warnings.push(msg), error() {} };
// Requests refused before a snapshot never reach the database.
const noClient = {} as PGlite;

function ask(socketPath: string, line: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let answer = '';
    const socket = net.connect(socketPath, () => socket.write(line));
    socket.on('data', (d) => (answer += d));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('the backup socket', () => {
  it('is reachable only by the data directory’s owner, takes over a stale socket, and refuses other requests', async () => {
    const dataDir = path.join(tmp, 'data');
    fs.mkdirSync(path.join(dataDir, 'run'), { recursive: true, mode: 0o755 });
    fs.writeFileSync(backupSocketPath(dataDir), 'left by a killed server');
    const socket = (await serveBackupRequests({ client: noClient, dataDir, log }))!;
    try {
      expect(fs.statSync(path.join(dataDir, 'run')).mode & 0o777).toBe(0o700);
      expect(fs.statSync(socket.path).mode & 0o777).toBe(0o600);
      expect(fs.statSync(socket.path).isSocket()).toBe(true);
      expect(JSON.parse(await ask(socket.path, '{"command":"drop"}\n'))).toEqual({ ok: false, error: 'unknown request' });
      expect(JSON.parse(await ask(socket.path, 'not json\n'))).toEqual({ ok: false, error: 'unknown request' });
    } finally {
      await socket.close();
    }
    expect(fs.existsSync(socket.path)).toBe(false);
    // Nobody answers now: the command says what to do instead of hanging.
    await expect(requestSnapshot(dataDir, 12345)).rejects.toThrow(BackupError);
    await expect(requestSnapshot(dataDir, 12345)).rejects.toThrow(/pid 12345.*answers no backup requests.*stop it/);
  });

  it('is left out, with a warning, where the path is too long for a Unix socket', async () => {
    const deep = path.join(tmp, 'x'.repeat(120));
    expect(await serveBackupRequests({ client: noClient, dataDir: deep, log })).toBeNull();
    expect(warnings.at(-1)).toContain('backup socket path too long');
  });
});
