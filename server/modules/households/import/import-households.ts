import { MessageChannel } from 'node:worker_threads';
import { eq, sql } from 'drizzle-orm';
import { bulkInsert } from '../../../db/bulk-insert.js';
import { engineOf } from '../../../db/maintenance.js';
import type { Tx } from '../../../db/client.js';
import { householdEvents, householdIdClaims, householdImports, householdMembers, households } from '../../../db/schema/index.js';
import { audit } from '../../../platform/audit.js';
import { authorize } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { addYears, chinaDate } from '../../../platform/dates.js';
import { conflict } from '../../../platform/errors.js';
import { INTERRUPTED_REASON, JobFailure } from '../../../platform/jobs/job-runner.js';
import { removeStagedHouseholds } from './remove-staged-households.js';
import type { PiiKeys } from '../../../platform/secrets.js';
import { startWorker, WorkerMessages } from '../../../platform/worker-thread.js';
import { getOrgInScope, type OrgRow } from '../../orgs/orgs.queries.js';
import { isUniqueViolation } from '../household-id-claims.js';
import { formatCaseNo } from '../household-record.js';
import { IMPORT_REASONS as R } from './import-reasons.js';
import { findArchiveDuplicates } from './import-archive-duplicates.js';
import type { ImportError } from './parse-household-workbook.js';
import { PREPARATION_LIMITS, type IdInFile, type PreparationMessage, type PreparedHousehold } from './prepare-household-import.js';

export type ImportPhase = 'validating' | 'writing' | 'removing';
export interface ImportProgress {
  phase: ImportPhase;
  rowsRead: number;
  totalHouseholds?: number;
  written?: number;
}

export interface ImportResult {
  ok: boolean;
  households: number;
  members: number;
  rowsRead: number;
  errors: ImportError[];
}

/** Checks permission and org before any work; returns the org the households will belong to. */
export async function authorizeImport(ctx: Ctx, orgId: string, asArchived: boolean): Promise<OrgRow> {
  const actor = await authorize(ctx, 'household.import');
  if (asArchived) await authorize(ctx, 'household.review');
  const org = await getOrgInScope(ctx.db, actor, orgId);
  if (!org.active) throw conflict('org_inactive', 'the org is deactivated', { field: 'orgId' });
  return org;
}

/** Households per writing transaction: short enough that other requests wait well under a second on the embedded engine. */
export const STAGED_BATCH = 500;
const CHECKPOINT_EVERY = 10_000;
const ANALYZE_EVERY = 25_000;

/** Raised by the final step when the job was taken over by another instance meanwhile. */
export class ImportNoLongerHeld extends Error {}

/**
 * Imports a filled-in template: every row validated and duplicates in the file found by the
 * preparing threads, then the households are written in short transactions as part of this import
 * (`import_id`), invisible until one last transaction marks the import succeeded — or, for a file
 * taken "as archived", until a second person approves it. Any failure removes what was written, so
 * the import is all-or-nothing while other requests keep being answered between its batches
 * (docs/decisions/009-job-runner.md). A person already in an open household makes the claims' primary
 * key refuse the batch; only then is the archive searched for the report.
 */
export async function importHouseholds({
  ctx,
  org,
  importId,
  buffer,
  filename,
  asArchived,
  onProgress = () => {},
  signal,
  giveWay = async () => {},
  stillHeld = async () => true,
}: {
  ctx: Ctx;
  org: OrgRow;
  importId: string;
  buffer: Buffer;
  filename: string;
  asArchived: boolean;
  onProgress?: (p: ImportProgress) => void;
  signal?: AbortSignal;
  /** Awaited between transactions, so requests are answered while an import writes (JobIo.giveWay). */
  giveWay?: () => Promise<void>;
  /** Checked inside the final transaction: does this instance still hold the job? */
  stillHeld?: (tx: Tx) => Promise<boolean>;
}): Promise<ImportResult> {
  const { messages, stop } = startPreparation(buffer, ctx.secrets);
  try {
    let m = await messages.next();
    while (m.type === 'progress') {
      onProgress({ phase: 'validating', rowsRead: m.rowsRead });
      m = await messages.next();
    }
    if (m.type === 'invalid') return await failed(ctx, org, m.rowsRead, m.errors, m.ids);
    if (m.type !== 'valid') throw new Error(`unexpected preparation message ${m.type}`);
    const { rowsRead, households: total, members } = m;
    const stamp = writeStamp(ctx, org, importId, asArchived);
    await ctx.db.update(householdImports).set({ status: 'writing', stagedAt: stamp.now }).where(eq(householdImports.id, importId));
    onProgress({ phase: 'writing', rowsRead, totalHouseholds: total, written: 0 });
    const ids: IdInFile[] = [];
    const embedded = (await engineOf(ctx.db)) === 'pglite';
    let written = 0;
    try {
      for (let next = await messages.next(); next.type === 'batch'; next = await messages.next()) {
        ids.push(...next.ids);
        for (let i = 0; i < next.households.length; i += STAGED_BATCH) {
          await giveWay();
          if (signal?.aborted) throw new JobFailure(INTERRUPTED_REASON);
          const part = next.households.slice(i, i + STAGED_BATCH);
          await ctx.db.transaction((tx) => writeBatch(tx, ctx, stamp, part));
          written += part.length;
          if (embedded && written % CHECKPOINT_EVERY === 0) {
            // PGlite checkpoints inside its one backend: left to max_wal_size, one checkpoint near the
            // end of a 100,000-household import stalled every request for seconds; small ones cost little.
            await giveWay();
            await ctx.db.execute(sql`checkpoint`);
          }
          if (written % ANALYZE_EVERY === 0) await analyzeHouseholds(ctx, giveWay);
          onProgress({ phase: 'writing', rowsRead, totalHouseholds: total, written });
        }
      }
      // Statistics that already count these households, so the lists' plans hold the moment they appear
      // (with a table grown from nothing unanalyzed, each list request scanned it all: requests piled up).
      await analyzeHouseholds(ctx, giveWay);
      const committed = await ctx.db.transaction(async (tx) => {
        if (!(await stillHeld(tx))) return false;
        await tx
          .update(householdImports)
          .set({ status: asArchived ? 'awaiting_approval' : 'succeeded', totalRows: rowsRead, processedRows: rowsRead, importedHouseholds: total, importedMembers: members, finishedAt: ctx.clock.now() })
          .where(eq(householdImports.id, importId));
        await audit(tx, ctx, asArchived ? 'household.import_staged' : 'household.import', {
          objectType: 'household_import',
          objectId: importId,
          orgId: org.id,
          orgPath: org.path,
          details: { filename, households: total, members, asArchived },
        });
        return true;
      });
      if (!committed) throw new ImportNoLongerHeld();
    } catch (err) {
      onProgress({ phase: 'removing', rowsRead, totalHouseholds: total, written });
      await removeStagedHouseholds(ctx.db, importId, giveWay);
      if (!isUniqueViolation(err)) throw err;
      for (let next = await messages.next(); next.type === 'batch'; next = await messages.next()) ids.push(...next.ids);
      return await failed(ctx, org, rowsRead, [], ids);
    }
    return { ok: true, households: total, members, rowsRead, errors: [] };
  } finally {
    await stop();
  }
}

/**
 * Starts the two preparing threads: the member sheet's worker hands its rows straight to the
 * import's worker over a MessageChannel, and the import's worker reports here.
 */
function startPreparation(buffer: Buffer, secrets: PiiKeys) {
  const { port1: memberPort, port2: memberSheetPort } = new MessageChannel();
  const file = new Uint8Array(buffer);
  const memberWorker = startWorker(new URL('./member-sheet-worker.ts', import.meta.url), { buffer: file, port: memberSheetPort }, PREPARATION_LIMITS, [memberSheetPort]);
  const keys = { piiEncryptionKey: secrets.piiEncryptionKey, piiLookupKey: secrets.piiLookupKey };
  const worker = startWorker(new URL('./household-import-worker.ts', import.meta.url), { buffer: file, keys, memberPort }, PREPARATION_LIMITS, [memberPort]);
  // If the member sheet's worker fails, the import's worker would wait for its rows for ever.
  memberWorker.on('error', () => void worker.terminate());
  const messages = new WorkerMessages<PreparationMessage>(worker);
  return { messages, stop: () => Promise.all([messages.stop(), memberWorker.terminate()]) };
}

/**
 * A quick ANALYZE of the households table, the one the lists plan over (members and claims are only
 * reached by index lookups): a 9,000-row sample instead of 30,000, since each ANALYZE holds PGlite's
 * one connection (about 1.5 s per 350,000-row table at full size); the statistics keeper refines it later.
 */
async function analyzeHouseholds(ctx: Ctx, giveWay: () => Promise<void>) {
  await giveWay();
  await ctx.db.transaction(async (tx) => {
    await tx.execute(sql`set local default_statistics_target = 30`);
    await tx.execute(sql`analyze households`);
  });
}

async function failed(ctx: Ctx, org: OrgRow, rowsRead: number, errors: ImportError[], ids: IdInFile[]): Promise<ImportResult> {
  // The report names people already in the archive too, so a file is fixed in one round.
  errors.push(...(await findArchiveDuplicates(ctx, ids, { id: org.id, path: org.path })));
  if (errors.length === 0) errors.push({ sheet: '户主信息', row: 0, column: '', value: '', reason: R.required });
  errors.sort((a, b) => a.sheet.localeCompare(b.sheet) || a.row - b.row);
  return { ok: false, households: 0, members: 0, rowsRead, errors };
}

/** The columns every household of one import shares. */
function writeStamp(ctx: Ctx, org: OrgRow, importId: string, asArchived: boolean) {
  const now = ctx.clock.now();
  const today = chinaDate(now);
  const status = asArchived ? 'archived' : 'applied';
  return {
    year: today.slice(0, 4),
    status,
    now,
    columns: { orgId: org.id, importId, status, createdBy: ctx.actor!.userId, submittedBy: ctx.actor!.userId, createdAt: now, updatedAt: now },
    archived: asArchived ? { archivedAt: now, lastVerifiedOn: today, nextVerificationDue: addYears(today, 1) } : {},
  };
}

async function writeBatch(tx: Tx, ctx: Ctx, stamp: ReturnType<typeof writeStamp>, batch: PreparedHousehold[]) {
  const seqs = (await tx.execute(sql`select nextval('household_case_seq')::int as seq from generate_series(1, ${batch.length})`)) as unknown as { rows: Array<{ seq: number }> };
  // Assigned onto the prepared columns rather than spread into a new literal (~5x cheaper per row).
  const rows = batch.map((p, i) => Object.assign(p.columns, { caseNo: formatCaseNo(stamp.year, seqs.rows[i].seq) }, stamp.columns, stamp.archived));
  await bulkInsert(tx, households, rows);
  await bulkInsert(tx, householdMembers, batch.flatMap((p) => p.members));
  const claims = batch.flatMap((p) => [
    { idHash: p.columns.idHash, householdId: p.columns.id, role: 'worker' },
    ...p.members.map((m) => ({ idHash: m.idHash, householdId: p.columns.id, role: 'member' })),
  ]);
  await bulkInsert(tx, householdIdClaims, claims);
  const events = batch.map((p) => ({
    householdId: p.columns.id,
    at: stamp.now,
    actorUserId: ctx.actor!.userId,
    actorName: ctx.actor!.username,
    actorOrgId: ctx.actor!.orgId,
    action: 'import',
    toStatus: stamp.status,
    details: { row: p.row },
  }));
  await bulkInsert(tx, householdEvents, events);
}
