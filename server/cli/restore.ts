/**
 * Restores a backup made by `npm run backup` into DATA_DIR, with the server stopped. The configured
 * key (SECRET_KEY or DATA_DIR/secret.key) must be the one the backup names; a data directory that
 * holds data is replaced only with --force (its contents are moved aside, not deleted).
 *
 *   npm run restore -- <backup directory> [--force]
 *
 * PostgreSQL: scripts/restore-postgres.sh. See docs/decisions/018-backup-and-restore.md.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../platform/config.js';
import { BackupError } from '../platform/backup/backup-error.js';
import { oneLineError } from '../platform/backup/cli-support.js';
import { duration } from '../platform/units.js';
import { restorePgliteBackup } from '../platform/backup/restore-backup.js';

const USAGE = 'usage: npm run restore -- <backup directory> [--force]; DATA_DIR names the data directory to restore into';

async function main() {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) return void console.log(USAGE);
  if (positionals.length !== 1) throw new BackupError(positionals.length ? `one backup directory only (${positionals.length} given); ${USAGE}` : `name the backup to restore; ${USAGE}`);
  const config = loadConfig();
  if (config.DATABASE_URL) throw new BackupError('DATABASE_URL is set: restore PostgreSQL with scripts/restore-postgres.sh (this command restores the embedded database)');
  const result = await restorePgliteBackup({ backupDir: positionals[0], dataDir: config.dataDir, secretKeyHex: config.SECRET_KEY, force: values.force, log: (line) => console.log(line) });
  if (result.replacedTo) console.log(`The data directory's previous contents are in ${result.replacedTo}: remove them once the restored system is checked.`);
  console.log(
    `Restored the backup of ${result.manifest.createdAt} into ${config.dataDir} in ${duration(result.ms)}: ${result.tables} tables, ${result.rows} rows, ${result.files} files. Start the server as usual.`,
  );
}

main().catch((err) => {
  console.error(oneLineError('restore', err));
  process.exit(1);
});
