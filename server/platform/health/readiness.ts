import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { bundledMigrationCount, type Db } from '../../db/client.js';

export type CheckResult = 'ok' | string;

export interface Readiness {
  ready: boolean;
  draining: boolean;
  checks: { database: CheckResult; migrations: CheckResult; dataDir: CheckResult };
}

/** A database that does not answer within this long is as good as down, for a load balancer. */
const CHECK_TIMEOUT_MS = 3000;

function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

const failure = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 200);

/**
 * What /readyz reports: the database answers, every migration this build carries is applied, and
 * the data directory (attachments, job inputs) takes a write. An instance that is stopping is not
 * ready, so that a balancer sends nothing more its way.
 */
export async function checkReadiness(o: { db: Db; dataDir?: string; draining: boolean }): Promise<Readiness> {
  const [database, migrations, dataDir] = await Promise.all([
    within(CHECK_TIMEOUT_MS, o.db.execute(sql`select 1`)).then(() => 'ok', failure),
    within(CHECK_TIMEOUT_MS, appliedMigrations(o.db)).then((applied) => {
      const bundled = bundledMigrationCount();
      return applied >= bundled ? 'ok' : `${applied} of ${bundled} migrations applied`;
    }, failure),
    o.dataDir ? within(CHECK_TIMEOUT_MS, probeWritable(o.dataDir)).then(() => 'ok', failure) : Promise.resolve('ok'),
  ]);
  const checks = { database, migrations, dataDir };
  return { ready: !o.draining && Object.values(checks).every((c) => c === 'ok'), draining: o.draining, checks };
}

async function appliedMigrations(db: Db): Promise<number> {
  const result = await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
  const rows = (result as unknown as { rows: Array<{ n: number }> }).rows;
  return rows[0].n;
}

async function probeWritable(dataDir: string): Promise<void> {
  const probe = path.join(dataDir, `.readyz-${process.pid}-${crypto.randomBytes(4).toString('hex')}`);
  await fs.writeFile(probe, 'ok');
  await fs.rm(probe, { force: true });
}
