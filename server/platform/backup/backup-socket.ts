import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite } from '@electric-sql/pglite';
import type { Database } from '../../db/client.js';
import { BackupError } from './backup-error.js';
import { snapshotPgdata } from './pglite-snapshot.js';
import { tarSize, tarStream } from './tar.js';

/**
 * While the server runs on the embedded engine it alone may open the data directory (the lock in
 * db/client.ts), so `npm run backup` asks it for a snapshot over a Unix socket in
 * DATA_DIR/run (a 0700 directory; the socket is 0600): whoever may read the data directory's
 * files may ask, nobody else can connect. One request line, `{"command":"snapshot"}`; the answer is
 * one JSON line, then (when ok) exactly `bytes` bytes of tar.
 */
export const backupSocketPath = (dataDir: string) => path.join(dataDir, 'run', 'backup.sock');

// sun_path holds 108 bytes on Linux and 104 on macOS, the final NUL included.
const MAX_SOCKET_PATH = 103;
const REQUEST_TIMEOUT_MS = 10_000;

export interface SnapshotHeader {
  ok: true;
  pid: number;
  files: number;
  bytes: number;
  heldMs: number;
}

type Log = { info(obj: object, msg: string): void; warn(obj: object, msg: string): void; error(obj: object, msg: string): void };

export interface BackupSocket {
  readonly path: string;
  close(): Promise<void>;
}

/** For the server: answers backup requests when the database is the embedded engine on a data directory; null otherwise. */
export async function serveBackupRequestsFor(database: Database, dataDir: string | undefined, log: Log): Promise<BackupSocket | null> {
  if (database.kind !== 'pglite' || !dataDir) return null;
  // drizzle keeps the client it was given as $client.
  const client = (database.db as unknown as { $client: PGlite }).$client;
  return serveBackupRequests({ client, dataDir, log });
}

/** Starts answering snapshot requests; null (with a warning) where the socket path is too long for the system. */
export async function serveBackupRequests(opts: { client: PGlite; dataDir: string; log: Log }): Promise<BackupSocket | null> {
  const socketPath = backupSocketPath(opts.dataDir);
  if (Buffer.byteLength(socketPath) > MAX_SOCKET_PATH) {
    opts.log.warn({ socketPath }, 'backup socket path too long for a Unix socket: `npm run backup` needs the server stopped');
    return null;
  }
  let busy = false;
  const server = net.createServer((socket) => {
    socket.setTimeout(REQUEST_TIMEOUT_MS, () => socket.destroy());
    socket.on('error', () => {});
    let line = '';
    const onData = (chunk: Buffer) => {
      line += chunk.toString('utf8');
      const end = line.indexOf('\n');
      if (end === -1) {
        if (line.length > 1024) socket.destroy();
        return;
      }
      socket.off('data', onData);
      socket.setTimeout(0);
      void answer(socket, line.slice(0, end));
    };
    socket.on('data', onData);
  });
  const answer = async (socket: net.Socket, request: string) => {
    let command: unknown;
    try {
      command = (JSON.parse(request) as { command?: unknown }).command;
    } catch {
      command = undefined;
    }
    if (command !== 'snapshot') return void socket.end(JSON.stringify({ ok: false, error: 'unknown request' }) + '\n');
    if (busy) return void socket.end(JSON.stringify({ ok: false, error: 'a backup is being taken already; try again when it ends' }) + '\n');
    busy = true;
    try {
      const snapshot = await snapshotPgdata(opts.client, path.join(opts.dataDir, 'pgdata'));
      const header: SnapshotHeader = { ok: true, pid: process.pid, files: snapshot.files, bytes: tarSize(snapshot.entries), heldMs: Math.round(snapshot.heldMs) };
      socket.write(JSON.stringify(header) + '\n');
      await pipeline(tarStream(snapshot.entries), socket);
      opts.log.info({ files: snapshot.files, bytes: header.bytes, heldMs: header.heldMs }, 'backup: database snapshot sent');
    } catch (err) {
      opts.log.error({ err }, 'backup: database snapshot failed');
      if (!socket.destroyed) socket.end(JSON.stringify({ ok: false, error: 'the server could not take the snapshot (see its log)' }) + '\n');
    } finally {
      busy = false;
    }
  };
  try {
    const runDir = path.dirname(socketPath);
    fs.mkdirSync(runDir, { recursive: true, mode: 0o700 });
    fs.chmodSync(runDir, 0o700);
    // The data directory lock is ours: a socket file left here is a stopped server's.
    fs.rmSync(socketPath, { force: true });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(socketPath, () => resolve());
    });
    fs.chmodSync(socketPath, 0o600);
  } catch (err) {
    // A file system without Unix sockets must not keep the server from starting: only online backups are lost.
    opts.log.warn({ err, socketPath }, 'backup socket could not be opened: `npm run backup` needs the server stopped');
    server.close();
    return null;
  }
  return {
    path: socketPath,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        fs.rmSync(socketPath, { force: true });
      }),
  };
}

/** Asks the server holding the data directory for a snapshot: the header, and the tar bytes as a stream. */
export async function requestSnapshot(dataDir: string, holderPid: number): Promise<{ header: SnapshotHeader; tar: Readable }> {
  const socketPath = backupSocketPath(dataDir);
  const socket = net.connect(socketPath);
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new BackupError(
      code === 'ENOENT' || code === 'ECONNREFUSED'
        ? `the server (pid ${holderPid}) holds ${dataDir} but answers no backup requests at ${socketPath}: stop it and run the backup again (it then opens the database itself)`
        : `could not reach the server's backup socket ${socketPath}: ${(err as Error).message}`,
    );
  }
  socket.write(JSON.stringify({ command: 'snapshot' }) + '\n');
  let received = Buffer.alloc(0);
  const header = await new Promise<Record<string, unknown>>((resolve, reject) => {
    const onReadable = () => {
      for (let chunk: Buffer | null; (chunk = socket.read() as Buffer | null) !== null; ) {
        received = Buffer.concat([received, chunk]);
        const end = received.indexOf(0x0a);
        if (end === -1) continue;
        socket.off('readable', onReadable);
        socket.off('end', onEnd);
        const rest = received.subarray(end + 1);
        if (rest.length) socket.unshift(rest);
        try {
          return resolve(JSON.parse(received.subarray(0, end).toString('utf8')));
        } catch {
          return reject(new BackupError(`the server's backup socket answered something else than a snapshot`));
        }
      }
    };
    const onEnd = () => reject(new BackupError('the server closed the backup socket without an answer (see its log)'));
    socket.on('readable', onReadable);
    socket.once('end', onEnd);
    socket.once('error', (err) => reject(new BackupError(`the backup socket failed: ${err.message}`)));
  });
  if (header.ok !== true) {
    socket.destroy();
    throw new BackupError(`the server refused the backup: ${String(header.error ?? 'no reason given')}`);
  }
  return { header: header as unknown as SnapshotHeader, tar: socket };
}
