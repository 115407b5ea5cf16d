import fs from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { BackupError } from './backup-error.js';

/** PGlite on an existing data directory, without migrating it (it may be a copy to read, or another version's). */
export async function openPgliteAt(pgdataDir: string): Promise<PGlite> {
  // PGlite would run initdb in an empty directory: a missing database is an error here, never a new one.
  if (!fs.existsSync(path.join(pgdataDir, 'PG_VERSION'))) throw new BackupError(`${pgdataDir} holds no database`);
  const { PGlite } = await import('@electric-sql/pglite');
  const client = new PGlite(pgdataDir);
  await client.waitReady;
  return client;
}
