import { eq } from 'drizzle-orm';
import type { ImportError } from '../../../../contracts/households.js';
import type { Tx } from '../../../db/client.js';
import { applicationImports } from '../../../db/schema/index.js';
import { audit } from '../../../platform/audit.js';
import type { Actor, Ctx } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';
import { uniqueViolationToConflict } from '../../../platform/unique-violation.js';
import { startWorker, WorkerMessages } from '../../../platform/worker-thread.js';
import type { SheetReading } from '../../households/import/parse-household-workbook.js';
import { importErrorMasker } from '../../households/import/import-error-masking.js';
import { insertApplication } from '../applications/create-application.js';
import type { IneligibilityReason } from '../rules/evaluate-rules.js';
import { APPLICATION_COLUMNS, APPLICATION_SHEET, headerOf } from './application-import-columns.js';
import { APPLICATION_IMPORT_REASONS as R } from './application-import-reasons.js';
import { checkRows, displayValue, resolveRows, type PreparedApplicationRow } from './prepare-application-rows.js';

export interface ApplicationImportProgress {
  phase: 'validating' | 'writing';
  rowsRead: number;
  total?: number;
  written?: number;
}

export type ApplicationImportResult = { ok: true; rowsRead: number; imported: number } | { ok: false; rowsRead: number; errors: ImportError[] };

const { maskErrors } = importErrorMasker(APPLICATION_COLUMNS);
/** The sheet is read in a thread of its own, with a young generation like the archive import's. */
const READER_LIMITS = { maxYoungGenerationSizeMb: 192 };

/** Raised inside the writing transaction to undo it: some row failed, so nothing is kept. */
class RowsFailed extends Error {}
/** Raised by the final step when the job was taken over by another instance meanwhile. */
export class ApplicationImportNoLongerHeld extends Error {}

/**
 * Imports a filled-in application template all or nothing: every cell is converted and every row
 * checked against the API's contract, filed rows' case numbers and students looked up, then every
 * row that passed goes through insertApplication (the rules check and propose each) in one
 * transaction; a refused row becomes a line of the report and the others are still tried. Any
 * error, in any phase, and the transaction is rolled back: nothing is written and the report names
 * every bad cell, so a file is fixed in one round. On the embedded engine the transaction holds the
 * database while it runs, so a file is capped (APPLICATION_IMPORT_MAX_ROWS).
 */
export async function importApplications({
  ctx,
  actor,
  target,
  importId,
  buffer,
  filename,
  onProgress = () => {},
  giveWay = async () => {},
  stillHeld = async () => true,
}: {
  ctx: Ctx;
  actor: Actor;
  target: { campaignId: string; orgId: string; orgPath: string };
  importId: string;
  buffer: Buffer;
  filename: string;
  onProgress?: (p: ApplicationImportProgress) => void;
  giveWay?: () => Promise<void>;
  stillHeld?: (tx: Tx) => Promise<boolean>;
}): Promise<ApplicationImportResult> {
  const reading = await readInWorker(buffer);
  if ('refused' in reading) return { ok: false, rowsRead: 0, errors: [{ sheet: '', row: 0, column: '', value: '', reason: reading.refused }] };
  const rowsRead = reading.rows.length;
  onProgress({ phase: 'validating', rowsRead });
  const errors = [...reading.errors];
  const checked = checkRows(reading.rows, errors);
  const prepared = await resolveRows(ctx.db, actor, ctx.secrets, target, checked, errors);
  if (rowsRead === 0 && errors.length === 0) errors.push({ sheet: APPLICATION_SHEET, row: 0, column: '', value: '', reason: R.noRows });

  await giveWay();
  onProgress({ phase: 'writing', rowsRead, total: prepared.length, written: 0 });
  const importCtx = { ...ctx, actor };
  try {
    await ctx.db.transaction(async (tx) => {
      let written = 0;
      for (const p of prepared) {
        try {
          await insertApplication(tx, importCtx, p.input, { importId });
        } catch (err) {
          // A refused row is reported and the next one tried: anything written stays uncommitted, since
          // one refused row fails the whole file. A row lost to a racing request (the one-per-student
          // index) ends the transaction on PostgreSQL, so the report stops at it.
          if (err instanceof AppError) errors.push(...rowErrors(p, err));
          else {
            const conflict = uniqueViolationToConflict(err);
            if (!conflict) throw err;
            errors.push(...rowErrors(p, conflict));
            throw new RowsFailed();
          }
        }
        written += 1;
        if (written % 25 === 0) {
          onProgress({ phase: 'writing', rowsRead, total: prepared.length, written });
          // A turn of the event loop: on the embedded engine the transaction holds the database, but
          // what needs no query (the web app's files, the health check) is still answered.
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
      if (errors.length > 0) throw new RowsFailed();
      if (!(await stillHeld(tx))) throw new ApplicationImportNoLongerHeld();
      await tx
        .update(applicationImports)
        .set({ status: 'succeeded', totalRows: rowsRead, importedApplications: prepared.length, errorCount: 0, finishedAt: ctx.clock.now() })
        .where(eq(applicationImports.id, importId));
      await audit(tx, importCtx, 'application.import', {
        objectType: 'application_import',
        objectId: importId,
        orgId: target.orgId,
        orgPath: target.orgPath,
        details: { campaignId: target.campaignId, filename, applications: prepared.length },
      });
    });
  } catch (err) {
    if (!(err instanceof RowsFailed)) throw err;
  }
  if (errors.length > 0) {
    errors.sort((a, b) => a.row - b.row || columnIndex(a.column) - columnIndex(b.column));
    return { ok: false, rowsRead, errors: maskErrors(errors) };
  }
  return { ok: true, rowsRead, imported: prepared.length };
}

async function readInWorker(buffer: Buffer): Promise<SheetReading> {
  const file = new Uint8Array(buffer);
  const messages = new WorkerMessages<SheetReading>(startWorker(new URL('./application-import-worker.ts', import.meta.url), file, READER_LIMITS, [file.buffer]));
  try {
    return await messages.next();
  } finally {
    await messages.stop();
  }
}

const columnIndex = (header: string) => APPLICATION_COLUMNS.findIndex((c) => c.header === header);

/** Where each reason the rules give shows in the report. */
const RULE_COLUMN: Record<IneligibilityReason, (filed: boolean) => string> = {
  household_status: () => 'caseNo',
  category: () => 'caseNo',
  unfiled_not_allowed: () => 'caseNo',
  income_over_threshold: (filed) => (filed ? 'caseNo' : 'unfiled.incomePerHeadMonthlyFen'),
  stage_not_covered: () => 'schoolStage',
  government_aided: () => 'governmentAided',
  military_academy: () => 'schoolKind',
  free_normal: () => 'schoolKind',
};

const ISSUE_COLUMN: Record<string, string> = { 'body.householdId': 'caseNo', 'body.memberId': 'student.idNumber', 'body.amountReason': 'amountReason' };

/** What insertApplication refused, as lines of the report naming the cell and the reason. */
function rowErrors({ row, obj, input }: PreparedApplicationRow, err: AppError): ImportError[] {
  const line = (field: string, reason: string): ImportError => ({ sheet: APPLICATION_SHEET, row, column: headerOf(field), value: displayValue(obj, field), reason });
  const reason = err.details.reason;
  const filed = input.householdId !== undefined;
  if (reason === 'not_eligible') return (err.details.reasons as IneligibilityReason[]).map((r) => line(RULE_COLUMN[r](filed), R.notEligible[r]));
  if (reason === 'student_already_applied') return [line('student.idNumber', R.alreadyApplied)];
  if (err.code === 'NOT_FOUND') return [line('caseNo', R.unknownCaseNo)];
  const issues = (err.details.issues as Array<{ field: string; message: string }> | undefined) ?? [];
  if (issues.length)
    return issues.map((i) => {
      const field = ISSUE_COLUMN[i.field] ?? '';
      if (field === 'amountReason') return line(field, R.amountReason);
      if (field === 'caseNo') return line(field, R.notUnderOrg);
      return line(field, R.invalid(i.message));
    });
  return [{ sheet: APPLICATION_SHEET, row, column: '', value: '', reason: R.invalid(err.message) }];
}
