/**
 * Import benchmark (issue: 100,000 households with 250,000 members in at most 60 s on embedded PGlite).
 * Prints the import's time and throughput and, measured in the same run on a fresh database of the
 * same kind, the throughput of a bare insert of the same number of household and member rows
 * (no spreadsheet, no validation, no dedupe, no history), and the ratio of the two.
 *
 *   npm run bench:import -- 100000        (default 100000 households)
 *   DATABASE_URL=postgres://… npm run bench:import -- 100000   (against PostgreSQL)
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeCnId } from '../contracts/cn-ids.js';
import { permissionsOf } from '../contracts/roles.js';
import { bulkInsert } from '../server/db/bulk-insert.js';
import { openDatabase, type Database } from '../server/db/client.js';
import { householdMembers, households, users } from '../server/db/schema/index.js';
import { systemClock } from '../server/platform/clock.js';
import type { Ctx } from '../server/platform/context.js';
import { deriveSecrets } from '../server/platform/secrets.js';
import { insertOrg } from '../server/modules/orgs/create-org.js';
import { importHouseholds } from '../server/modules/households/import-households.js';
import { householdColumns, memberRows } from '../server/modules/households/household-record.js';
import { protectIdNumber } from '../server/modules/households/household-pii.js';
import { writeHouseholdWorkbook } from './household-workbook-stream.js';

const N = Number(process.argv[2] ?? 100_000);
const secrets = deriveSecrets(crypto.randomBytes(32));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'uh-bench-import-'));

async function freshDatabase(name: string): Promise<Database> {
  if (process.env.DATABASE_URL) {
    const pg = (await import('pg')).default;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    const db = `uh_bench_${name}_${process.pid}`;
    await admin.query(`drop database if exists ${db} with (force)`);
    await admin.query(`create database ${db}`);
    await admin.end();
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${db}`;
    return openDatabase({ databaseUrl: url.toString() });
  }
  return openDatabase({ dataDir: path.join(tmp, name) });
}

async function setup(database: Database) {
  const org = await insertOrg(database.db, null, { code: 'BENCH', name: '基准测试组织', type: 'city_federation' });
  const [user] = await database.db.insert(users).values({ orgId: org.id, username: 'bench', displayName: 'bench', passwordHash: 'x' }).returning();
  const ctx: Ctx = {
    db: database.db,
    clock: systemClock,
    secrets,
    requestId: 'bench',
    actor: { userId: user.id, username: 'bench', orgId: org.id, orgPath: org.path, roles: ['org_admin'], permissions: permissionsOf(['org_admin']) },
  };
  return { org, ctx };
}

const fmt = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mib = () => `${Math.round(process.memoryUsage().rss / 1048576)} MiB`;

async function main() {
  console.log(`engine: ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite (file-backed)'}; households: ${N}`);
  const file = path.join(tmp, 'households.xlsx');
  let t0 = Date.now();
  const { members } = await writeHouseholdWorkbook(file, N);
  const buffer = fs.readFileSync(file);
  console.log(`file: ${N} households + ${members} members, ${(buffer.length / 1048576).toFixed(1)} MiB, written in ${fmt(Date.now() - t0)}`);

  // Baseline: a bare insert of the same number of rows with the same columns, in one transaction,
  // through the fastest path the platform has (one unnest per 5,000 rows).
  const base = await freshDatabase('baseline');
  const { org: baseOrg } = await setup(base);
  const rows = Array.from({ length: N }, (_, i) => {
    const id = crypto.randomUUID();
    const worker = protectIdNumber(secrets, makeCnId('410803', '19800101', String(i % 1000).padStart(3, '0')));
    const input = { name: '职工' + i, idNumber: '', employmentForm: 'worker', health: 'healthy', disabilityType: 'none', singleParent: false, monthlyIncomeFen: 180000, otherAnnualIncomeFen: 0, category: 'relative', mainCause: 'serious_illness', secondaryCauses: [], phone: '13900000000', bankCard: '6222000000000000000', members: Array.from({ length: i % 2 ? 3 : 2 }, (_, r) => ({ relation: 'child', name: `成员${i}-${r}`, idNumber: makeCnId('410803', '20100101', String(r).padStart(3, '0')), health: 'healthy', monthlyIncomeFen: 0 })) } as never;
    return {
      household: { ...householdColumns(secrets, input), id, name: '职工' + i, caseNo: `B${i}`, orgId: baseOrg.id, status: 'applied', idEnc: worker.enc, idHash: crypto.randomUUID(), idMasked: worker.masked, sex: worker.sex, birthDate: worker.birthDate },
      members: memberRows(secrets, id, (input as { members: never[] }).members),
    };
  });
  t0 = Date.now();
  await base.db.transaction(async (tx) => {
    await bulkInsert(tx, households, rows.map((r) => r.household));
    await bulkInsert(tx, householdMembers, rows.flatMap((r) => r.members));
  });
  const baselineMs = Date.now() - t0;
  const baselineRows = N + rows.reduce((n, r) => n + r.members.length, 0);
  await base.close();
  console.log(`baseline bare insert: ${baselineRows} rows in ${fmt(baselineMs)} = ${Math.round(baselineRows / (baselineMs / 1000))} rows/s`);

  // The import, end to end: read and validate the workbook, check the archive, write everything.
  const database = await freshDatabase('import');
  const { org, ctx } = await setup(database);
  const phases: Record<string, number> = {};
  t0 = Date.now();
  const result = await importHouseholds({
    ctx,
    org,
    buffer,
    filename: 'bench.xlsx',
    asArchived: true,
    onProgress: (p) => {
      phases[p.phase] ??= Date.now() - t0;
    },
  });
  const importMs = Date.now() - t0;
  await database.close();
  if (!result.ok) {
    console.log('import failed:', result.errors.slice(0, 5));
    process.exit(1);
  }
  const importRows = result.households + result.members;
  console.log(`import: ${result.households} households + ${result.members} members in ${fmt(importMs)} = ${Math.round(importRows / (importMs / 1000))} rows/s (validation done at ${fmt(phases.checking_archive ?? 0)}, writing from ${fmt(phases.writing ?? 0)}); peak rss ${mib()}`);
  console.log(`ratio import/baseline time: ${(importMs / baselineMs).toFixed(2)}x; target ≤ 60 s for 100,000 households: ${N >= 100_000 ? (importMs <= 60_000 ? 'met' : 'NOT met') : 'n/a at this size'}`);
  fs.rmSync(tmp, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
