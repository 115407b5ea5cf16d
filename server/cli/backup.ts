/**
 * Backs up the embedded database and the stored files its rows refer to, while the server runs
 * (it is asked for a snapshot over DATA_DIR/run/backup.sock) or while it is stopped.
 *
 *   npm run backup [-- <new directory>]        default ./backups/unionhub-<UTC time>
 *
 * PostgreSQL: scripts/backup-postgres.sh. What a backup holds: docs/decisions/018-backup-and-restore.md.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../platform/config.js';
import { BackupError } from '../platform/backup/backup-error.js';
import { fingerprint } from '../platform/backup/backup-manifest.js';
import { oneLineError } from '../platform/backup/cli-support.js';
import { createPgliteBackup, defaultBackupDir } from '../platform/backup/create-backup.js';
import { duration, megabytes } from '../platform/units.js';

const USAGE = 'usage: npm run backup [-- <new directory>] (default ./backups/unionhub-<time>); DATA_DIR names the data directory';

async function main() {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } });
  if (values.help) return void console.log(USAGE);
  if (positionals.length > 1) throw new BackupError(`one backup directory only (${positionals.length} given); ${USAGE}`);
  const config = loadConfig();
  if (config.DATABASE_URL) throw new BackupError('DATABASE_URL is set: back PostgreSQL up with scripts/backup-postgres.sh (this command backs up the embedded database)');
  const result = await createPgliteBackup({ dataDir: config.dataDir, outDir: positionals[0] ?? defaultBackupDir(new Date()), log: (line) => console.log(line) });
  const m = result.manifest;
  const rows = Object.values(m.tables).reduce((a, b) => a + b, 0);
  console.log(
    `Backup written to ${result.dir} in ${duration(result.ms.total)}: ${Object.keys(m.tables).length} tables, ${rows} rows, ${m.files.count} files; ${megabytes(m.database.bytes + m.files.bytes)} in all.`,
  );
  console.log(
    m.keyCheck
      ? `It needs the master key whose check is ${fingerprint(m.keyCheck)} (SECRET_KEY or DATA_DIR/secret.key), which is not in it: keep that key safe apart from the backups.`
      : 'The database keeps no key check yet (no server has started on it): keep the master key (SECRET_KEY or DATA_DIR/secret.key) with the backup, apart.',
  );
  const lost = m.files.missing.filter((f) => f.path.startsWith('attachments/'));
  if (lost.length) {
    console.error(`backup: ${lost.length} attachment file(s) the database refers to are missing from ${config.dataDir}/attachments (listed in manifest.json): the backup lacks them too`);
    process.exitCode = 1;
  }
}

main().catch((err) => {
  console.error(oneLineError('backup', err));
  process.exit(1);
});
