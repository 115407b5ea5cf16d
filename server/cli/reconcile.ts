/**
 * Recomputes every ledger account's balance from the journal and reports any difference from the
 * balance the database keeps, and any entry that does not sum to zero. Exits 1 when there is one.
 *
 *   npm run reconcile
 *
 * With the embedded database, stop the server first: the data directory is locked while it runs.
 */
import { DataDirLockedError, openDatabase } from '../db/client.js';
import { loadConfig } from '../platform/config.js';
import { reconcileLedger } from '../modules/funds/ledger/reconcile-ledger.js';

async function main() {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir });
  try {
    const r = await reconcileLedger(database.db);
    console.log(`Reconciled ${r.accountsChecked} accounts: ${r.differences.length} difference(s), ${r.unbalancedEntries.length} unbalanced entr${r.unbalancedEntries.length === 1 ? 'y' : 'ies'}.`);
    for (const d of r.differences) console.log(`  ${d.name} (${d.accountId}): kept ${d.keptFen} fen, journal says ${d.recomputedFen} fen`);
    for (const id of r.unbalancedEntries) console.log(`  unbalanced entry ${id}`);
    for (const m of r.monthDifferences) console.log(`  month ${m.month} of account ${m.accountId} differs from its postings`);
    process.exitCode = r.differences.length || r.unbalancedEntries.length || r.monthDifferences.length ? 1 : 0;
  } finally {
    await database.close();
  }
}

main().catch((err) => {
  console.error(err instanceof DataDirLockedError ? err.message : `reconcile failed: ${(err as Error).message}`);
  process.exit(1);
});
