import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { writeHouseholdWorkbook } from '../../../../bench/household-workbook-stream.js';
import { buildApp } from '../../../app.js';
import { openDatabase, type Database } from '../../../db/client.js';
import { backgroundJobs, householdImports, households, userRoles, users } from '../../../db/schema/index.js';
import { systemClock } from '../../../platform/clock.js';
import { INTERRUPTED_REASON } from '../../../platform/jobs/job-runner.js';
import { deriveSecrets } from '../../../platform/secrets.js';
import { createTestDatabase } from '../../../test-support/test-db.js';
import { insertOrg } from '../../orgs/create-org.js';
import { householdVisible } from '../households.queries.js';

/**
 * kill -9 in the middle of an import's writing: what it wrote is never visible, and the next start
 * (the embedded engine) or another instance (PostgreSQL, once the heartbeat is stale) marks the import
 * failed with a reason and removes what it wrote. The server is a real child process.
 */
const HOUSEHOLDS = 20_000;
const here = path.dirname(fileURLToPath(import.meta.url));
const child = path.join(here, '../../../test-support/import-crash-child.ts');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'uh-crash-'));
const master = crypto.randomBytes(32);
const postgres = !!process.env.TEST_DATABASE_URL;
let where: string; // data directory or database URL
let pgDatabase: (Database & { url?: string }) | null = null;
let userId: string;
let orgId: string;

async function open(): Promise<Database> {
  return postgres ? pgDatabase! : openDatabase({ dataDir: where });
}

beforeAll(async () => {
  if (postgres) {
    pgDatabase = await createTestDatabase();
    where = pgDatabase.url!;
  } else where = path.join(tmp, 'data');
  const database = await open();
  const org = await insertOrg(database.db, null, { code: 'CRASH', name: '断电测试', type: 'city_federation' });
  const [user] = await database.db.insert(users).values({ orgId: org.id, username: 'crash', displayName: 'crash', passwordHash: 'x' }).returning();
  await database.db.insert(userRoles).values({ userId: user.id, roleKey: 'caseworker' });
  if (!postgres) await database.close();
  userId = user.id;
  orgId = org.id;
  await writeHouseholdWorkbook(path.join(tmp, 'crash.xlsx'), HOUSEHOLDS);
}, 120_000);
afterAll(async () => {
  await pgDatabase?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Starts the server process and kills it (SIGKILL) once it has written part of the import. */
async function killWhileWriting(): Promise<{ importId: string; written: number }> {
  // node itself with tsx's loader (the tsx command would run the server in a grandchild that SIGKILL misses).
  const proc = spawn(process.execPath, ['--import', 'tsx', child, where, master.toString('hex'), userId, orgId, path.join(tmp, 'crash.xlsx')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = readline.createInterface({ input: proc.stdout! });
  const exited = new Promise((r) => proc.on('exit', r));
  try {
    for await (const line of lines) {
      const p = JSON.parse(line) as { id: string; status: string; written: number };
      if (p.status === "succeeded" || p.status === "failed") throw new Error(`the import ended (${p.status}) before it could be killed`);
      if (p.status === 'writing' && p.written >= 2000) {
        proc.kill('SIGKILL');
        await exited;
        return { importId: p.id, written: p.written };
      }
    }
    throw new Error('the server process ended without writing');
  } finally {
    proc.kill('SIGKILL');
  }
}

const countWhere = async (database: Database, cond: ReturnType<typeof sql>) =>
  (await database.db.select({ n: sql<number>`count(*)::int` }).from(households).where(cond))[0].n;

describe('an import cut short by kill -9', () => {
  it('leaves nothing visible, and the next start marks it failed and removes what it wrote', async () => {
    const { importId, written } = await killWhileWriting();
    expect(written).toBeGreaterThanOrEqual(2000);

    const database = await open();
    // Written but never visible.
    expect(await countWhere(database, sql`${households.importId} = ${importId}`)).toBeGreaterThanOrEqual(2000);
    expect(await countWhere(database, householdVisible())).toBe(0);

    if (postgres) await new Promise((r) => setTimeout(r, 1500)); // the dead instance's heartbeat goes stale
    const app = await buildApp({ db: database.db, clock: systemClock, secrets: deriveSecrets(master), dataDir: postgres ? undefined : where, exclusiveDatabase: !postgres, jobs: { staleAfterMs: 1000, pollMs: 50 } });
    await app.ready();
    await app.jobs.settled();
    const [imp] = await database.db.select().from(householdImports).where(eq(householdImports.id, importId));
    expect(imp).toMatchObject({ status: 'failed', message: INTERRUPTED_REASON });
    const jobs = await database.db.select({ kind: backgroundJobs.kind, state: backgroundJobs.state, error: backgroundJobs.error }).from(backgroundJobs);
    expect(jobs).toEqual(
      expect.arrayContaining([
        { kind: 'household_import', state: 'failed', error: INTERRUPTED_REASON },
        { kind: 'household_import_cleanup', state: 'succeeded', error: null },
      ]),
    );
    expect(await countWhere(database, sql`true`)).toBe(0);
    const left = (await database.db.execute(sql`select (select count(*) from household_members)::int + (select count(*) from household_id_claims)::int + (select count(*) from household_events)::int as n`)) as unknown as { rows: Array<{ n: number }> };
    expect(left.rows[0].n).toBe(0);
    // The uploaded workbook waited encrypted in the data directory; it is gone with the job.
    if (!postgres) expect(fs.readdirSync(path.join(where, 'job-inputs'), { recursive: true }).filter((f) => !String(f).startsWith('.tmp') && String(f).length > 2)).toEqual([]);
    await app.close();
    if (!postgres) await database.close();
  }, 240_000);
});
