import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { BackupError } from './backup-error.js';

/**
 * A backup is a directory: `manifest.json` (written last: a directory without it is not a backup),
 * the database (`database.tar.gz`, a snapshot of the embedded engine's data directory, or
 * `database.pgdump`, pg_dump's custom format), and `files/` holding the stored files the database
 * refers to, as encrypted as they are in DATA_DIR. The master key is never in it: `keyCheck` names
 * the key a restore needs (docs/decisions/018-backup-and-restore.md).
 */
export const MANIFEST_FILE = 'manifest.json';
export const PGLITE_DATABASE_FILE = 'database.tar.gz';
export const POSTGRES_DATABASE_FILE = 'database.pgdump';
export const FILES_DIR = 'files';
/** The file stores under DATA_DIR the database refers to (server/app.ts dataPath). */
export const FILE_STORES = ['attachments', 'job-inputs'] as const;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
/** A stored file: `<store>/<2 hex>/<32 hex key>`, the only shape a restore writes (no path leaves the stores). */
export const StoredFilePath = z.string().regex(/^(attachments|job-inputs)\/[0-9a-f]{2}\/[0-9a-f]{32}$/);

export const BackupManifest = z.object({
  format: z.literal('unionhub-backup'),
  formatVersion: z.literal(1),
  engine: z.enum(['pglite', 'postgres']),
  createdAt: z.string(),
  appVersion: z.string(),
  /** How the database was read: from the running server, or opened directly while no server ran. */
  takenFrom: z.string(),
  schema: z.object({ migrations: z.number().int().nonnegative(), lastMigrationAt: z.number().nullable() }),
  database: z.object({ file: z.enum([PGLITE_DATABASE_FILE, POSTGRES_DATABASE_FILE]), bytes: z.number().int().nonnegative(), sha256: Sha256 }),
  /** The key check value the database keeps (platform/key-check.ts): recognises the master key, reveals nothing of it. */
  keyCheck: z.string().nullable(),
  key: z.string(),
  /** Rows per table (`schema.table` outside public) as the database holds them. */
  tables: z.record(z.string(), z.number().int().nonnegative()),
  files: z.object({
    count: z.number().int().nonnegative(),
    bytes: z.number().int().nonnegative(),
    entries: z.array(z.object({ path: StoredFilePath, bytes: z.number().int().nonnegative(), sha256: Sha256 })),
    /** Files the database refers to that were not there to copy, and why. */
    missing: z.array(z.object({ path: z.string(), reason: z.string() })),
  }),
});
export type BackupManifest = z.infer<typeof BackupManifest>;

export const KEY_NOTE =
  'The master key is not in this backup. A restore needs the SECRET_KEY (or DATA_DIR/secret.key) the data was written with: the one whose key check is keyCheck.';

/** The first characters of a key check value, enough to tell two keys apart in a message. */
export const fingerprint = (keyCheck: string) => `${keyCheck.slice(0, 12)}…`;

/** Reads and checks a backup's manifest; a directory that is not a backup is a one-line refusal. */
export function readManifest(backupDir: string): BackupManifest {
  if (!fs.existsSync(backupDir)) throw new BackupError(`${backupDir} does not exist`);
  if (!fs.statSync(backupDir).isDirectory()) throw new BackupError(`${backupDir} is not a backup directory (a UnionHub backup is a directory holding ${MANIFEST_FILE})`);
  const file = path.join(backupDir, MANIFEST_FILE);
  if (!fs.existsSync(file)) throw new BackupError(`${backupDir} is not a UnionHub backup: it has no ${MANIFEST_FILE} (an interrupted backup has none)`);
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    throw new BackupError(`${file} is not valid JSON: not a UnionHub backup, or a damaged one`);
  }
  const parsed = BackupManifest.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BackupError(`${file} is not a UnionHub backup manifest (${issue.path.join('.') || 'top level'}: ${issue.message})`);
  }
  return parsed.data;
}

export function writeManifest(backupDir: string, manifest: BackupManifest): void {
  fs.writeFileSync(path.join(backupDir, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n', { mode: 0o600 });
}

/** The application's version, from the package.json above this file (in the source tree and in the build). */
export function appVersion(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'unionhub') return pkg.version ?? 'unknown';
    }
    const parent = path.dirname(dir);
    if (parent === dir) return 'unknown';
    dir = parent;
  }
}
