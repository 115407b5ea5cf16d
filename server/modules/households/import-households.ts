import { MessageChannel } from 'node:worker_threads';
import { eq, sql } from 'drizzle-orm';
import { bulkInsert } from '../../db/bulk-insert.js';
import type { Tx } from '../../db/client.js';
import { householdEvents, householdIdClaims, householdMembers, households, orgs } from '../../db/schema/index.js';
import { audit } from '../../platform/audit.js';
import { authorize } from '../../platform/authz.js';
import type { Ctx } from '../../platform/context.js';
import { addYears, chinaDate } from '../../platform/dates.js';
import { conflict } from '../../platform/errors.js';
import type { PiiKeys } from '../../platform/secrets.js';
import { startWorker, WorkerMessages } from '../../platform/worker-thread.js';
import { getOrgInScope, type OrgRow } from '../orgs/orgs.queries.js';
import { isUniqueViolation } from './household-id-claims.js';
import { formatCaseNo } from './household-record.js';
import { IMPORT_REASONS as R } from './import-reasons.js';
import { findArchiveDuplicates } from './import-archive-duplicates.js';
import type { ImportError } from './parse-household-workbook.js';
import { PREPARATION_LIMITS, type IdInFile, type PreparationMessage, type PreparedHousehold } from './prepare-household-import.js';

export type ImportPhase = 'validating' | 'checking_archive' | 'writing';
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

/**
 * Imports a filled-in template: every row validated, duplicates in the file and against the archive
 * found, then either everything is written in one transaction or nothing is (the errors come back).
 * `asArchived` files households straight into the archive (taking over paper records); otherwise
 * they enter the workflow as applications. Reading, validating, encrypting and hashing run in a
 * worker thread that hands over batches while this thread writes the previous one.
 */
export async function importHouseholds({
  ctx,
  org,
  buffer,
  filename,
  asArchived,
  onProgress = () => {},
}: {
  ctx: Ctx;
  org: OrgRow;
  buffer: Buffer;
  filename: string;
  asArchived: boolean;
  onProgress?: (p: ImportProgress) => void;
}): Promise<ImportResult> {
  const { messages, stop } = startPreparation(buffer, ctx.secrets);
  try {
    let m = await messages.next();
    while (m.type === 'progress') {
      onProgress({ phase: 'validating', rowsRead: m.rowsRead });
      m = await messages.next();
    }
    if (m.type === 'invalid') return await failed(ctx, m.rowsRead, m.errors, m.ids);
    if (m.type !== 'valid') throw new Error(`unexpected preparation message ${m.type}`);
    const { rowsRead, households: total, members } = m;
    onProgress({ phase: 'checking_archive', rowsRead, totalHouseholds: total });
    const ids: IdInFile[] = [];
    try {
      await ctx.db.transaction(async (tx) => {
        const stamp = writeStamp(ctx, org, asArchived);
        let written = 0;
        for (let next = await messages.next(); next.type === 'batch'; next = await messages.next()) {
          ids.push(...next.ids);
          await writeBatch(tx, ctx, stamp, next.households);
          written += next.households.length;
          onProgress({ phase: 'writing', rowsRead, totalHouseholds: total, written });
        }
        await audit(tx, ctx, 'household.import', {
          objectType: 'org',
          objectId: org.id,
          orgId: org.id,
          orgPath: org.path,
          details: { filename, households: total, members, asArchived },
        });
      });
    } catch (err) {
      // A clean file is written straight away: the claims' primary key refuses anyone already in an
      // open household, the transaction rolls back, and only then is the archive searched for the report.
      if (!isUniqueViolation(err)) throw err;
      for (let next = await messages.next(); next.type === 'batch'; next = await messages.next()) ids.push(...next.ids);
      return await failed(ctx, rowsRead, [], ids);
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

async function failed(ctx: Ctx, rowsRead: number, errors: ImportError[], ids: IdInFile[]): Promise<ImportResult> {
  // The report names people already in the archive too, so a file is fixed in one round.
  errors.push(...(await findArchiveDuplicates(ctx, ids)));
  if (errors.length === 0) errors.push({ sheet: '户主信息', row: 0, column: '', value: '', reason: R.required });
  errors.sort((a, b) => a.sheet.localeCompare(b.sheet) || a.row - b.row);
  return { ok: false, households: 0, members: 0, rowsRead, errors };
}

/** The columns every household of one import shares. */
function writeStamp(ctx: Ctx, org: OrgRow, asArchived: boolean) {
  const now = ctx.clock.now();
  const today = chinaDate(now);
  const status = asArchived ? 'archived' : 'applied';
  return {
    year: today.slice(0, 4),
    status,
    now,
    columns: { orgId: org.id, status, createdBy: ctx.actor!.userId, submittedBy: ctx.actor!.userId, createdAt: now, updatedAt: now },
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
