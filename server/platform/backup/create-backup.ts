import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { acquireDataDirLock, DataDirLockedError } from '../../db/client.js';
import { BackupError } from './backup-error.js';
import { readBackupContents, type BackupContents } from './backup-contents.js';
import { appVersion, FILES_DIR, KEY_NOTE, PGLITE_DATABASE_FILE, StoredFilePath, writeManifest, type BackupManifest } from './backup-manifest.js';
import { requestSnapshot } from './backup-socket.js';
import { copyFileHashed, hashingPassThrough } from './file-copy.js';
import { openPgliteAt } from './open-pglite.js';
import { snapshotPgdata } from './pglite-snapshot.js';
import { extractTar, tarSize, tarStream } from './tar.js';
import { duration, megabytes } from '../units.js';

export interface BackupResult {
  dir: string;
  manifest: BackupManifest;
  /** The server answered the request (it was running), or the database was opened here. */
  via: 'server' | 'direct';
  /** How long the database was held for the snapshot. */
  heldMs: number;
  ms: { snapshot: number; verify: number; files: number; total: number };
}

/** `./backups/unionhub-20260302T090000Z` */
export function defaultBackupDir(now: Date, base = 'backups'): string {
  return path.resolve(base, `unionhub-${now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}`);
}

/**
 * Backs up the embedded engine's data directory into `outDir`, whether or not a server runs on it:
 * a snapshot of the database (from the server over its socket, or opened here under the data
 * directory lock), proven by opening it (the manifest's counts are read from that copy), then the
 * stored files those rows refer to. Files are written once and never changed or removed while a row
 * refers to them (decision 007), so copying them after the snapshot gives exactly the files it needs;
 * files uploaded after it are not referred to and are left out. Built in `<outDir>.partial`, renamed
 * when whole.
 */
export async function createPgliteBackup(opts: { dataDir: string; outDir: string; now?: Date; log?: (line: string) => void }): Promise<BackupResult> {
  const started = performance.now();
  const log = opts.log ?? (() => {});
  const dataDir = path.resolve(opts.dataDir);
  const outDir = path.resolve(opts.outDir);
  if (!fs.existsSync(path.join(dataDir, 'pgdata', 'PG_VERSION'))) throw new BackupError(`there is no embedded database in ${dataDir} (no pgdata/PG_VERSION): check DATA_DIR`);
  if (fs.existsSync(outDir)) throw new BackupError(`${outDir} exists already: name a new directory for the backup`);
  const partial = `${outDir}.partial`;
  fs.rmSync(partial, { recursive: true, force: true });
  fs.mkdirSync(partial, { recursive: true, mode: 0o700 });
  try {
    const dbFile = path.join(partial, PGLITE_DATABASE_FILE);
    const { via, heldMs, tarBytes, written } = await writeSnapshot(dataDir, dbFile);
    const snapshotMs = performance.now() - started;
    log(`database snapshot ${via === 'server' ? 'from the running server' : 'taken directly (no server running)'}: ${megabytes(tarBytes)} in ${duration(snapshotMs)} (database held ${duration(heldMs)}), ${megabytes(written.bytes)} compressed`);

    const verifyStarted = performance.now();
    const contents = await readSnapshot(dbFile, path.join(partial, '.verify'));
    const verifyMs = performance.now() - verifyStarted;
    const rows = Object.values(contents.tables).reduce((a, b) => a + b, 0);
    log(`snapshot opened and read: ${Object.keys(contents.tables).length} tables, ${rows} rows in ${duration(verifyMs)}`);

    const filesStarted = performance.now();
    const files = await copyReferencedFiles(dataDir, path.join(partial, FILES_DIR), contents.files);
    const filesMs = performance.now() - filesStarted;
    log(`${files.entries.length} stored files copied (${megabytes(files.bytes)}) in ${duration(filesMs)}${files.missing.length ? `; ${files.missing.length} not there to copy` : ''}`);

    const manifest: BackupManifest = {
      format: 'unionhub-backup',
      formatVersion: 1,
      engine: 'pglite',
      createdAt: (opts.now ?? new Date()).toISOString(),
      appVersion: appVersion(),
      takenFrom: `${os.hostname()}:${dataDir} (${via === 'server' ? 'from the running server' : 'opened directly, no server running'})`,
      schema: { migrations: contents.migrations.count, lastMigrationAt: contents.migrations.lastMigrationAt },
      database: { file: PGLITE_DATABASE_FILE, bytes: written.bytes, sha256: written.sha256 },
      keyCheck: contents.keyCheck,
      key: KEY_NOTE,
      tables: contents.tables,
      files: { count: files.entries.length, bytes: files.bytes, entries: files.entries, missing: files.missing },
    };
    writeManifest(partial, manifest);
    fs.renameSync(partial, outDir);
    return { dir: outDir, manifest, via, heldMs, ms: { snapshot: snapshotMs, verify: verifyMs, files: filesMs, total: performance.now() - started } };
  } catch (err) {
    fs.rmSync(partial, { recursive: true, force: true });
    throw err;
  }
}

/** The snapshot, gzipped into `dbFile`: asked of the server when one holds the data directory, else taken here under its lock. */
async function writeSnapshot(dataDir: string, dbFile: string) {
  let release: (() => void) | null = null;
  try {
    release = acquireDataDirLock(dataDir);
  } catch (err) {
    if (!(err instanceof DataDirLockedError)) throw err;
    const { header, tar } = await requestSnapshot(dataDir, err.holderPid);
    const written = await gzipInto(tar, dbFile, header.bytes);
    return { via: 'server' as const, heldMs: header.heldMs, tarBytes: header.bytes, written };
  }
  let snapshot;
  try {
    const client = await openPgliteAt(path.join(dataDir, 'pgdata'));
    try {
      snapshot = await snapshotPgdata(client, path.join(dataDir, 'pgdata'));
    } finally {
      await client.close();
    }
  } finally {
    release();
  }
  const bytes = tarSize(snapshot.entries);
  const written = await gzipInto(tarStream(snapshot.entries), dbFile, bytes);
  return { via: 'direct' as const, heldMs: snapshot.heldMs, tarBytes: bytes, written };
}

async function gzipInto(tar: Readable, file: string, expectedBytes: number) {
  const raw = hashingPassThrough();
  const packed = hashingPassThrough();
  await pipeline(tar, raw.stream, zlib.createGzip({ level: 6 }), packed.stream, fs.createWriteStream(file, { flags: 'wx', mode: 0o600 }));
  const got = raw.result();
  if (got.bytes !== expectedBytes) throw new BackupError(`the database snapshot was cut short (${got.bytes} of ${expectedBytes} bytes)`);
  return packed.result();
}

/** Opens a copy of the snapshot and reads what it holds; a snapshot that does not open fails the backup. */
export async function readSnapshot(dbFile: string, scratch: string): Promise<BackupContents> {
  fs.rmSync(scratch, { recursive: true, force: true });
  try {
    await extractTar(fs.createReadStream(dbFile).pipe(zlib.createGunzip()), scratch);
    const client = await openPgliteAt(path.join(scratch, 'pgdata'));
    try {
      return await readBackupContents(client);
    } finally {
      await client.close();
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

async function copyReferencedFiles(dataDir: string, filesDir: string, refs: BackupContents['files']) {
  const entries: BackupManifest['files']['entries'] = [];
  const missing: BackupManifest['files']['missing'] = [];
  let bytes = 0;
  const seen = new Set<string>();
  for (const ref of refs) {
    if (seen.has(ref.path)) continue;
    seen.add(ref.path);
    if (!StoredFilePath.safeParse(ref.path).success) {
      missing.push({ path: ref.path, reason: 'malformed storage key' });
      continue;
    }
    try {
      const copied = await copyFileHashed(path.join(dataDir, ref.path), path.join(filesDir, ref.path));
      entries.push({ path: ref.path, ...copied });
      bytes += copied.bytes;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      missing.push({
        path: ref.path,
        reason: ref.path.startsWith('job-inputs/') ? 'the job ended after the snapshot (its input is removed then)' : 'missing from the data directory',
      });
    }
  }
  return { entries, missing, bytes };
}

