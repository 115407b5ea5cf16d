import { and, eq, inArray, sql } from 'drizzle-orm';
import type { ImportError } from '../../../../../contracts/households.js';
import { MAX_VALID_DAYS, type PostingImportResult } from '../../../../../contracts/jobs.js';
import { bulkInsert } from '../../../../db/bulk-insert.js';
import type { DbOrTx } from '../../../../db/client.js';
import { enterprises, jobPostings, orgs } from '../../../../db/schema/index.js';
import { audit } from '../../../../platform/audit.js';
import { authorize } from '../../../../platform/authz.js';
import type { Actor, Ctx } from '../../../../platform/context.js';
import { addDays, chinaDate } from '../../../../platform/dates.js';
import { importErrorReportXlsx } from '../../../../platform/import-error-report.js';
import { startWorker, WorkerMessages } from '../../../../platform/worker-thread.js';
import { assertXlsxWithinBounds } from '../../../../platform/xlsx-bounds.js';
import { derivedColumns } from '../posting-record.js';
import { enterprisesInScope } from '../posting-scope.js';
import { POSTING_COLUMNS, POSTING_SHEET, POSTING_SHEET_REASONS, type ParsedPostingSheet } from './posting-sheet.js';

/** A sheet of 2,000 rows: this heap is plenty, and a surprise stays in the worker. */
const SHEET_WORKER_LIMITS = { maxOldGenerationSizeMb: 256 };
/** Errors returned in the JSON answer; the Excel report holds them all. */
const ERRORS_SHOWN = 500;
const LIVE = ['draft', 'submitted', 'returned', 'published'];

async function readInWorker(buffer: Buffer): Promise<ParsedPostingSheet> {
  const file = new Uint8Array(buffer);
  const messages = new WorkerMessages<ParsedPostingSheet>(startWorker(new URL('./posting-sheet-worker.ts', import.meta.url), { buffer: file }, SHEET_WORKER_LIMITS, [file.buffer]));
  try {
    return await messages.next();
  } finally {
    await messages.stop();
  }
}

/** The active enterprises of the actor's reach among these codes, by code, with their org's path. */
async function enterprisesByUscc(db: DbOrTx, actor: Actor, usccs: string[]) {
  if (!usccs.length) return new Map<string, { id: string; orgId: string; name: string; orgPath: string }>();
  const rows = await db
    .select({ id: enterprises.id, orgId: enterprises.orgId, name: enterprises.name, uscc: enterprises.uscc, orgPath: orgs.path })
    .from(enterprises)
    .innerJoin(orgs, eq(orgs.id, enterprises.orgId))
    .where(and(inArray(enterprises.uscc, [...new Set(usccs)]), eq(enterprises.status, 'active'), enterprisesInScope(actor)));
  return new Map(rows.map((r) => [r.uscc, r]));
}

async function liveDedupeKeys(db: DbOrTx, keys: string[]): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const rows = await db
    .select({ key: jobPostings.dedupeKey })
    .from(jobPostings)
    .where(and(inArray(jobPostings.dedupeKey, keys), sql`${jobPostings.status} in (${sql.join(LIVE.map((s) => sql`${s}`), sql`, `)})`));
  return new Set(rows.map((r) => r.key));
}

/**
 * 导入岗位: a list of the template, all or nothing. Every cell is checked first (in a worker), then
 * every enterprise code against the enterprises the actor may post for, the valid-until dates, and
 * duplicates in the file and among the live postings. Any error and nothing is written: the answer
 * lists them (`ok: false`) with the Chinese error report (.xlsx, base64). Otherwise every posting is
 * written as submitted, awaiting a jobs officer's review, in one transaction.
 */
export async function importPostings({ ctx, buffer }: { ctx: Ctx; buffer: Buffer }): Promise<PostingImportResult> {
  const actor = await authorize(ctx, 'job.post');
  await assertXlsxWithinBounds(buffer);
  const sheet = await readInWorker(buffer);
  const now = ctx.clock.now();
  const today = chinaDate(now);
  const last = addDays(today, MAX_VALID_DAYS);
  const byUscc = await enterprisesByUscc(ctx.db, actor, sheet.rows.map((r) => r.uscc));
  const errors: ImportError[] = [...sheet.errors];
  const column = (field: string) => POSTING_COLUMNS.find((c) => c.field === field)!.header;
  const cellError = (row: number, field: string, value: string, reason: string) => errors.push({ sheet: POSTING_SHEET, row, column: column(field), value, reason });
  const firstRowOf = new Map<string, number>();
  const ready: Array<{ row: number; values: typeof jobPostings.$inferInsert; orgPath: string }> = [];
  for (const { row, uscc, input } of sheet.rows) {
    const enterprise = byUscc.get(uscc);
    if (!enterprise) cellError(row, 'uscc', uscc, POSTING_SHEET_REASONS.enterpriseUnknown);
    if (input.validUntil < today) cellError(row, 'validUntil', input.validUntil, POSTING_SHEET_REASONS.validUntilPast(today));
    else if (input.validUntil > last) cellError(row, 'validUntil', input.validUntil, POSTING_SHEET_REASONS.validUntilFar(last));
    if (!enterprise) continue;
    const derived = derivedColumns({ ...input, enterpriseId: enterprise.id }, enterprise.name);
    const earlier = firstRowOf.get(derived.dedupeKey);
    if (earlier !== undefined) cellError(row, 'title', input.title, POSTING_SHEET_REASONS.duplicateInFile(earlier));
    else firstRowOf.set(derived.dedupeKey, row);
    ready.push({ row, orgPath: enterprise.orgPath, values: { ...input, ...derived, enterpriseId: enterprise.id, orgId: enterprise.orgId, status: 'submitted', submittedAt: now, createdBy: actor.userId, createdAt: now, updatedAt: now } });
  }
  const live = await liveDedupeKeys(ctx.db, ready.map((r) => r.values.dedupeKey));
  for (const r of ready) if (live.has(r.values.dedupeKey)) cellError(r.row, 'title', r.values.title, POSTING_SHEET_REASONS.duplicateLive);
  if (errors.length) {
    errors.sort((a, b) => a.row - b.row);
    const report = await importErrorReportXlsx(errors, errors.length);
    return { ok: false, rows: sheet.rowsRead, imported: 0, errorCount: errors.length, errors: errors.slice(0, ERRORS_SHOWN), reportXlsx: report.toString('base64') };
  }
  await ctx.db.transaction(async (tx) => {
    // A live duplicate written meanwhile makes the unique index refuse the whole list (a 409 naming the title).
    await bulkInsert(tx, jobPostings, ready.map((r) => r.values));
    await audit(tx, ctx, 'job_posting.import', { objectType: 'org', objectId: actor.orgId, details: { count: ready.length, enterprises: new Set(ready.map((r) => r.values.enterpriseId)).size, bytes: buffer.length } });
  });
  return { ok: true, rows: sheet.rowsRead, imported: ready.length, errorCount: 0, errors: [] };
}
