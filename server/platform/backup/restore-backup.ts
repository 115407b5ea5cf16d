import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import zlib from 'node:zlib';
import { acquireDataDirLock, DataDirLockedError, MIGRATIONS_DIR } from '../../db/client.js';
import { sha256Hex } from '../attachments.js';
import { createFileStore } from '../file-store.js';
import { keyCheckValue } from '../key-check.js';
import { deriveSecrets, loadMasterSecret, type Secrets } from '../secrets.js';
import { BackupError } from './backup-error.js';
import { readBackupContents } from './backup-contents.js';
import { FILE_STORES, FILES_DIR, fingerprint, readManifest, type BackupManifest } from './backup-manifest.js';
import { copyFileHashed, sha256OfFile } from './file-copy.js';
import { openPgliteAt } from './open-pglite.js';
import { extractTar } from './tar.js';

export interface RestoreResult {
  manifest: BackupManifest;
  tables: number;
  rows: number;
  files: number;
  /** Attachments decrypted with the configured key and found equal to the hash their row keeps. */
  decrypted: number;
  /** Where the data directory's previous contents were moved (--force), if it had any. */
  replacedTo: string | null;
  ms: number;
}

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

/**
 * Restores a backup of the embedded engine into DATA_DIR. Everything is checked before the data
 * directory is touched: the manifest, the key (the configured one must be the one the backup names),
 * the schema version, every file's checksum; then the database is unpacked and the files copied
 * into a staging folder inside DATA_DIR, the database opened there and its row counts compared with
 * the manifest, every attachment decrypted and compared with its row's hash. Only then is the
 * staging folder moved into place (the previous contents, with --force, moved aside, never deleted).
 * The data directory stays locked throughout, so no server can start on it half-way.
 */
export async function restorePgliteBackup(opts: { backupDir: string; dataDir: string; secretKeyHex?: string; force?: boolean; now?: Date; log?: (line: string) => void }): Promise<RestoreResult> {
  const started = performance.now();
  const log = opts.log ?? (() => {});
  const backupDir = path.resolve(opts.backupDir);
  const dataDir = path.resolve(opts.dataDir);
  const manifest = readManifest(backupDir);
  if (manifest.engine !== 'pglite') throw new BackupError(`${backupDir} is a PostgreSQL backup: restore it with scripts/restore-postgres.sh`);

  const secrets = configuredSecrets(dataDir, opts.secretKeyHex, manifest.keyCheck);
  checkSchemaVersion(manifest);
  await checkChecksums(backupDir, manifest);
  log(`backup of ${manifest.createdAt} checked: database ${manifest.database.bytes} bytes and ${manifest.files.count} files match their checksums; the configured key is the one it needs`);
  if (manifest.files.missing.length) log(`note: ${manifest.files.missing.length} files the database refers to were not in the data directory when the backup was made (listed in its manifest)`);

  fs.mkdirSync(dataDir, { recursive: true });
  let release: () => void;
  try {
    release = acquireDataDirLock(dataDir);
  } catch (err) {
    if (err instanceof DataDirLockedError) throw new BackupError(`a UnionHub server (pid ${err.holderPid}) is running on ${dataDir}: stop it before restoring`);
    throw err;
  }
  const now = opts.now ?? new Date();
  const staging = path.join(dataDir, `.restore-${stamp(now)}`);
  try {
    const occupied = ['pgdata', ...FILE_STORES].filter((name) => holdsData(path.join(dataDir, name)));
    if (occupied.length && !opts.force)
      throw new BackupError(`${dataDir} holds data already (${occupied.join(', ')}): pass --force to replace it (what is there is moved aside into ${dataDir}/replaced-<time>, not deleted)`);

    fs.rmSync(staging, { recursive: true, force: true });
    fs.mkdirSync(staging, { mode: 0o700 });
    await extractTar(fs.createReadStream(path.join(backupDir, manifest.database.file)).pipe(zlib.createGunzip()), staging);
    for (const entry of manifest.files.entries) {
      const copied = await copyFileHashed(path.join(backupDir, FILES_DIR, entry.path), path.join(staging, entry.path));
      if (copied.sha256 !== entry.sha256) throw new BackupError(`${entry.path} changed while it was copied`);
    }
    for (const store of FILE_STORES) fs.mkdirSync(path.join(staging, store), { recursive: true, mode: 0o700 });
    const verified = await verifyStaged(staging, manifest, secrets);
    log(`database opened and compared: ${verified.tables} tables, ${verified.rows} rows as the manifest says; ${verified.decrypted} attachments decrypt to their recorded hash`);

    let replacedTo: string | null = null;
    if (occupied.length) {
      replacedTo = path.join(dataDir, `replaced-${stamp(now)}`);
      fs.mkdirSync(replacedTo, { mode: 0o700 });
      for (const name of occupied) fs.renameSync(path.join(dataDir, name), path.join(replacedTo, name));
    }
    for (const name of ['pgdata', ...FILE_STORES]) {
      fs.rmSync(path.join(dataDir, name), { recursive: true, force: true }); // empty leftovers only: anything holding data was moved aside
      fs.renameSync(path.join(staging, name), path.join(dataDir, name));
    }
    return { manifest, ...verified, files: manifest.files.count, replacedTo, ms: performance.now() - started };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
    release();
  }
}

/**
 * The configured master key (SECRET_KEY, else DATA_DIR/secret.key), which must be the one the backup
 * names. A missing key file is never generated here: a new key could read nothing of the backup.
 */
function configuredSecrets(dataDir: string, secretKeyHex: string | undefined, keyCheck: string | null): Secrets {
  const needs = keyCheck ? ` (the key whose check is ${fingerprint(keyCheck)})` : '';
  const keyFile = path.join(dataDir, 'secret.key');
  if (!secretKeyHex && !fs.existsSync(keyFile))
    throw new BackupError(`no key configured: put the secret.key the data was written with${needs} into ${dataDir} (mode 0600), or set SECRET_KEY; backups do not hold it`);
  let secrets: Secrets;
  try {
    secrets = deriveSecrets(loadMasterSecret({ secretKeyHex, dataDir }));
  } catch (err) {
    throw new BackupError((err as Error).message);
  }
  if (keyCheck) {
    const configured = keyCheckValue(secrets);
    if (configured !== keyCheck)
      throw new BackupError(
        `the configured key (${secretKeyHex ? 'SECRET_KEY' : keyFile}, check ${fingerprint(configured)}) is not the one this backup was written with (check ${fingerprint(keyCheck)}): configure that key and run the restore again`,
      );
  }
  return secrets;
}

function checkSchemaVersion(manifest: BackupManifest) {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as { entries: Array<{ when: number }> };
  const known = journal.entries.length;
  const newest = Math.max(0, ...journal.entries.map((e) => e.when));
  if (manifest.schema.migrations > known || (manifest.schema.lastMigrationAt ?? 0) > newest)
    throw new BackupError(`this backup was made by a newer version (schema with ${manifest.schema.migrations} migrations, this version knows ${known}): restore it with that version`);
}

async function checkChecksums(backupDir: string, manifest: BackupManifest) {
  const damaged = (what: string) => new BackupError(`the backup is damaged: ${what}`);
  const dbFile = path.join(backupDir, manifest.database.file);
  if (!fs.existsSync(dbFile)) throw damaged(`${manifest.database.file} is missing`);
  const db = await sha256OfFile(dbFile);
  if (db.sha256 !== manifest.database.sha256 || db.bytes !== manifest.database.bytes) throw damaged(`${manifest.database.file} does not match its checksum`);
  for (const entry of manifest.files.entries) {
    const file = path.join(backupDir, FILES_DIR, entry.path);
    if (!fs.existsSync(file)) throw damaged(`${FILES_DIR}/${entry.path} is missing`);
    const got = await sha256OfFile(file);
    if (got.sha256 !== entry.sha256 || got.bytes !== entry.bytes) throw damaged(`${FILES_DIR}/${entry.path} does not match its checksum`);
  }
}

async function verifyStaged(staging: string, manifest: BackupManifest, secrets: Secrets) {
  const client = await openPgliteAt(path.join(staging, 'pgdata'));
  let contents;
  try {
    contents = await readBackupContents(client);
  } finally {
    await client.close();
  }
  for (const [table, rows] of Object.entries(manifest.tables))
    if (contents.tables[table] !== rows) throw new BackupError(`the restored database does not match the manifest: ${table} has ${contents.tables[table] ?? 'no table'} rows, the manifest says ${rows}`);
  for (const table of Object.keys(contents.tables))
    if (!(table in manifest.tables)) throw new BackupError(`the restored database does not match the manifest: it has a table ${table} the manifest does not list`);
  if (contents.keyCheck !== manifest.keyCheck) throw new BackupError('the restored database keeps another key check than the manifest says');

  const store = createFileStore({ root: path.join(staging, 'attachments'), encryptionKey: secrets.fileEncryptionKey });
  const missing = new Set(manifest.files.missing.map((m) => m.path));
  let decrypted = 0;
  for (const ref of contents.files) {
    if (!ref.sha256 || missing.has(ref.path)) continue;
    let bytes: Buffer;
    try {
      bytes = await store.get(path.basename(ref.path));
    } catch (err) {
      throw new BackupError(`${ref.path} cannot be read with the configured key: ${(err as Error).message}`);
    }
    if (sha256Hex(bytes) !== ref.sha256) throw new BackupError(`${ref.path} does not decrypt to the hash its row keeps`);
    decrypted++;
  }
  return { tables: Object.keys(contents.tables).length, rows: Object.values(contents.tables).reduce((a, b) => a + b, 0), decrypted };
}

/** A folder holding data: anything but empty folders and the file store's temporary folder. */
function holdsData(dir: string): boolean {
  if (!fs.existsSync(dir)) return false;
  for (const name of fs.readdirSync(dir)) {
    if (name === '.tmp') continue;
    const full = path.join(dir, name);
    if (!fs.statSync(full).isDirectory() || holdsData(full)) return true;
  }
  return false;
}
