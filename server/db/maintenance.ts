import { sql } from 'drizzle-orm';
import type { Db } from './client.js';

/**
 * Planner statistics and the visibility map (docs/decisions/006, "Statistics on the embedded engine").
 *
 * PostgreSQL's autovacuum analyzes a table once `n_mod_since_analyze` passes 50 + 10% of its rows
 * and vacuums it after many inserts or dead rows. PGlite runs no autovacuum and does not even flush
 * its activity counters on its own, so after a bulk load the tables have never been analyzed, the
 * planner guesses, and the capped counts cannot be index-only scans (no visibility map). Two tools:
 *
 * - `analyzeAfterBulkWrite(db, tables)`: called by a bulk writer (import, demo loader) after its
 *   transaction commits. ANALYZE on both engines (autovacuum would get there, but only after the
 *   first lists ran on stale statistics); on PGlite also VACUUM, which sets the visibility map.
 * - `startStatisticsKeeper(db)`: a timer on PGlite doing what autovacuum does for the ordinary
 *   trickle of writes. Not started on PostgreSQL.
 */

export type Engine = 'pglite' | 'postgres';

const engines = new WeakMap<object, Promise<Engine>>();

/** Which engine a drizzle database talks to (PGlite names itself in version()); asked once per db. */
export function engineOf(db: Db): Promise<Engine> {
  let engine = engines.get(db);
  if (!engine) {
    engine = db.execute(sql`select version() as v`).then((r) => (/PGlite/i.test(String(rowsOf<{ v: string }>(r)[0]?.v)) ? 'pglite' : 'postgres'));
    engines.set(db, engine);
  }
  return engine;
}

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/** The maintenance statements, as fixed SQL; the table goes in as a quoted identifier, never as text. */
const VERBS = { analyze: sql`analyze`, vacuum: sql`vacuum`, 'vacuum (analyze)': sql`vacuum (analyze)` } as const;
async function maintain(db: Db, verb: keyof typeof VERBS, table: string) {
  // Table names come from code and pg_stat_user_tables; anything else is a mistake worth stopping at.
  if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`not a plain table name: ${table}`);
  await db.execute(sql`${VERBS[verb]} ${sql.identifier(table)}`);
}

export interface MaintenanceResult {
  table: string;
  ms: number;
  vacuumed: boolean;
}

/**
 * After a bulk write has committed (never inside a transaction: VACUUM cannot run in one). ANALYZE
 * samples at most 30,000 rows per table, so its cost does not grow with the table; on PGlite the
 * VACUUM also visits the pages the write touched, to set the visibility map the capped counts'
 * index-only scans need (measured in docs/decisions/006).
 */
export async function analyzeAfterBulkWrite(db: Db, tableNames: readonly string[], opts: { vacuum?: boolean } = {}): Promise<MaintenanceResult[]> {
  const vacuum = opts.vacuum !== false && (await engineOf(db)) === 'pglite';
  const results: MaintenanceResult[] = [];
  for (const table of tableNames) {
    const t0 = performance.now();
    await maintain(db, vacuum ? 'vacuum (analyze)' : 'analyze', table);
    results.push({ table, ms: performance.now() - t0, vacuumed: vacuum });
  }
  return results;
}

/** Autovacuum's default thresholds (autovacuum_analyze_threshold / _scale_factor and the vacuum ones). */
export const KEEPER_DEFAULTS = {
  intervalMs: 60_000,
  analyzeBase: 50,
  analyzeScale: 0.1,
  vacuumBase: 50,
  vacuumScale: 0.2,
  insertVacuumBase: 1000,
  insertVacuumScale: 0.2,
};

export interface TableActivity {
  table: string;
  liveRows: number;
  modifiedSinceAnalyze: number;
  deadRows: number;
  insertedSinceVacuum: number;
  relTuples: number;
}

export interface KeeperPass {
  analyzed: string[];
  vacuumed: string[];
  ms: number;
}

export interface StatisticsKeeper {
  /** One check now (also what the timer runs); passes never overlap. */
  runOnce(): Promise<KeeperPass>;
  /** Stops the timer and waits for a running pass to finish. */
  stop(): Promise<void>;
}

/**
 * Reads the activity counters of the app's tables. PGlite only flushes a backend's pending counters
 * when told to (it has no idle timer), so ask for the flush first; on PostgreSQL this makes the
 * backend's own recent writes visible too.
 */
export async function readTableActivity(db: Db): Promise<TableActivity[]> {
  await db.execute(sql`select pg_stat_force_next_flush()`);
  const result = await db.execute(sql`
    select s.relname as "table", s.n_live_tup::int as "liveRows", s.n_mod_since_analyze::int as "modifiedSinceAnalyze",
      s.n_dead_tup::int as "deadRows", s.n_ins_since_vacuum::int as "insertedSinceVacuum", greatest(c.reltuples, 0)::float8 as "relTuples"
    from pg_stat_user_tables s join pg_class c on c.oid = s.relid
    where s.schemaname = 'public'
    order by s.relname`);
  return rowsOf<TableActivity>(result);
}

/**
 * The embedded engine's stand-in for autovacuum: every `intervalMs` it compares each table's changes
 * since the last ANALYZE with autovacuum's threshold (50 + 10% of its rows) and analyzes the tables
 * past it; tables with many dead or newly inserted rows past autovacuum's vacuum thresholds are also
 * vacuumed. One table at a time, so requests queued behind PGlite's single connection wait at most
 * one table's ANALYZE (~tens of ms at 100,000 households, sampling 30,000 rows). On PostgreSQL use
 * autovacuum: `startStatisticsKeeperFor` does not start one there.
 */
export function startStatisticsKeeper(
  db: Db,
  opts: Partial<typeof KEEPER_DEFAULTS> & { onPass?: (pass: KeeperPass) => void; onError?: (err: unknown) => void } = {},
): StatisticsKeeper {
  const o = { ...KEEPER_DEFAULTS, ...opts };
  let running: Promise<KeeperPass> | null = null;
  let stopped = false;

  const pass = async (): Promise<KeeperPass> => {
    const t0 = performance.now();
    const analyzed: string[] = [];
    const vacuumed: string[] = [];
    for (const a of await readTableActivity(db)) {
      if (stopped) break;
      const rows = Math.max(a.relTuples, a.liveRows);
      const needsVacuum = a.deadRows > o.vacuumBase + o.vacuumScale * rows || a.insertedSinceVacuum > o.insertVacuumBase + o.insertVacuumScale * rows;
      const needsAnalyze = a.modifiedSinceAnalyze > o.analyzeBase + o.analyzeScale * rows;
      if (!needsVacuum && !needsAnalyze) continue;
      const verb = needsVacuum && needsAnalyze ? 'vacuum (analyze)' : needsVacuum ? 'vacuum' : 'analyze';
      await maintain(db, verb, a.table);
      if (needsAnalyze) analyzed.push(a.table);
      if (needsVacuum) vacuumed.push(a.table);
    }
    const result = { analyzed, vacuumed, ms: performance.now() - t0 };
    if (analyzed.length || vacuumed.length) o.onPass?.(result);
    return result;
  };

  const runOnce = () => {
    running ??= pass().finally(() => {
      running = null;
    });
    return running;
  };

  const timer = setInterval(() => {
    runOnce().catch((err: unknown) => o.onError?.(err));
  }, o.intervalMs);
  timer.unref();

  return {
    runOnce,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running?.catch(() => {});
    },
  };
}

/** The keeper on PGlite; nothing on PostgreSQL, whose autovacuum does this (a no-op stop). */
export async function startStatisticsKeeperFor(
  db: Db,
  opts: Parameters<typeof startStatisticsKeeper>[1] = {},
): Promise<StatisticsKeeper | null> {
  return (await engineOf(db)) === 'pglite' ? startStatisticsKeeper(db, opts) : null;
}
