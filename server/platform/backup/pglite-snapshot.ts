import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { PGlite } from '@electric-sql/pglite';
import type { TarEntry } from './tar.js';

export interface DataDirSnapshot {
  entries: TarEntry[];
  files: number;
  bytes: number;
  /** How long the database answered nothing else: the checkpoint and the read of every file. */
  heldMs: number;
}

const WAL_SEGMENT = /^[0-9A-F]{24}$/;

/**
 * A consistent copy of the embedded engine's data directory, taken while it is open: inside one
 * PGlite transaction (its transaction lock makes every other query and transaction wait) a
 * CHECKPOINT writes all changes to the data files, then every file is read into memory
 * synchronously. Nothing can write in between, so the copy is the database at that instant, and a
 * PGlite opened on it starts as after a clean checkpoint. WAL segments older than the checkpoint
 * or recycled ahead of the current one are left out (they are not needed and can be hundreds of MB).
 */
export async function snapshotPgdata(client: PGlite, pgdataDir: string): Promise<DataDirSnapshot> {
  return client.transaction(async (tx) => {
    const started = performance.now();
    await tx.exec('CHECKPOINT');
    const {
      rows: [wal],
    } = await tx.query<{ redo: string; current: string }>(
      'select redo_wal_file as redo, pg_walfile_name(pg_current_wal_insert_lsn()) as current from pg_control_checkpoint()',
    );
    const needed = (rel: string) => {
      const [dir, name] = [path.dirname(rel), path.basename(rel)];
      if (rel === 'postmaster.pid') return false;
      if (dir === 'pg_wal' && WAL_SEGMENT.test(name)) return name >= wal.redo && name <= wal.current;
      return true;
    };
    const entries: TarEntry[] = [];
    let bytes = 0;
    const walk = (rel: string) => {
      for (const d of fs.readdirSync(path.join(pgdataDir, rel), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        const childRel = rel ? `${rel}/${d.name}` : d.name;
        const full = path.join(pgdataDir, childRel);
        if (d.isDirectory()) {
          entries.push({ name: `pgdata/${childRel}`, type: 'dir', mtime: fs.statSync(full).mtime });
          walk(childRel);
        } else if (d.isFile() && needed(childRel)) {
          const data = fs.readFileSync(full);
          bytes += data.length;
          entries.push({ name: `pgdata/${childRel}`, type: 'file', mtime: fs.statSync(full).mtime, data });
        }
      }
    };
    entries.push({ name: 'pgdata', type: 'dir', mtime: fs.statSync(pgdataDir).mtime });
    walk('');
    return { entries, files: entries.filter((e) => e.type === 'file').length, bytes, heldMs: performance.now() - started };
  });
}
