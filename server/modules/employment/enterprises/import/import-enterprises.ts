import type { EnterpriseImportError, EnterpriseImportResult } from '../../../../../contracts/enterprises.js';
import { bulkInsert } from '../../../../db/bulk-insert.js';
import { enterprises } from '../../../../db/schema/index.js';
import { audit } from '../../../../platform/audit.js';
import { authorize } from '../../../../platform/authz.js';
import type { Ctx } from '../../../../platform/context.js';
import { conflict } from '../../../../platform/errors.js';
import { importErrorReportXlsx } from '../../../../platform/import-error-report.js';
import { startWorker, WorkerMessages } from '../../../../platform/worker-thread.js';
import { assertXlsxWithinBounds } from '../../../../platform/xlsx-bounds.js';
import { getOrgInScope } from '../../../orgs/orgs.queries.js';
import { usccsOnFile } from '../enterprises.queries.js';
import { ENTERPRISE_COLUMNS, ENTERPRISE_SHEET, ENTERPRISE_SHEET_REASONS, type ParsedEnterpriseSheet } from './enterprise-sheet.js';

/** A sheet of 2,000 short rows: this heap is plenty, and a surprise stays in the worker. */
const SHEET_WORKER_LIMITS = { maxOldGenerationSizeMb: 256 };
/** Errors returned in the JSON answer; the Excel report holds them all. */
const ERRORS_SHOWN = 500;

async function readInWorker(buffer: Buffer): Promise<ParsedEnterpriseSheet> {
  const file = new Uint8Array(buffer);
  const messages = new WorkerMessages<ParsedEnterpriseSheet>(startWorker(new URL('./enterprise-sheet-worker.ts', import.meta.url), { buffer: file }, SHEET_WORKER_LIMITS, [file.buffer]));
  try {
    return await messages.next();
  } finally {
    await messages.stop();
  }
}

/**
 * Permission and org first (404 outside the actor's subtree), then the upload bounds, then every cell
 * read in a worker thread, then the codes already on file (in any org: a code is registered once).
 */
async function checkWorkbook(ctx: Ctx, orgId: string, buffer: Buffer) {
  const actor = await authorize(ctx, 'job.publish');
  const org = await getOrgInScope(ctx.db, actor, orgId);
  if (!org.active) throw conflict('org_inactive', 'the org is deactivated', { field: 'orgId' });
  await assertXlsxWithinBounds(buffer);
  const sheet = await readInWorker(buffer);
  const onFile = await usccsOnFile(ctx.db, sheet.rows.map((r) => r.input.uscc));
  const errors: EnterpriseImportError[] = [...sheet.errors];
  const uscc = ENTERPRISE_COLUMNS.find((c) => c.field === 'uscc')!.header;
  for (const r of sheet.rows) if (onFile.has(r.input.uscc)) errors.push({ sheet: ENTERPRISE_SHEET, row: r.row, column: uscc, value: r.input.uscc, reason: ENTERPRISE_SHEET_REASONS.onFile });
  errors.sort((a, b) => a.row - b.row);
  return { actor, org, sheet, errors };
}

/**
 * 导入用人单位: a workbook of the template, all or nothing. Any cell in error (a wrong check character,
 * a code repeated in the file or already registered, a label outside the code list …) and nothing is
 * written: the answer lists the errors (`ok: false`) with the Chinese error report (.xlsx, base64) that holds them all.
 * At most 2,000 rows, so it runs within the request (measured in the tests).
 */
export async function importEnterprises({ ctx, orgId, buffer }: { ctx: Ctx; orgId: string; buffer: Buffer }): Promise<EnterpriseImportResult> {
  const { actor, org, sheet, errors } = await checkWorkbook(ctx, orgId, buffer);
  if (errors.length) {
    const report = await importErrorReportXlsx(errors, errors.length);
    return { ok: false, rows: sheet.rowsRead, imported: 0, errorCount: errors.length, errors: errors.slice(0, ERRORS_SHOWN), reportXlsx: report.toString('base64') };
  }
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    // A code registered meanwhile makes the unique index refuse the whole batch (a 409 naming uscc).
    await bulkInsert(
      tx,
      enterprises,
      sheet.rows.map(({ input: e }) => ({ orgId: org.id, name: e.name, uscc: e.uscc, industry: e.industry, size: e.size, address: e.address ?? null, regionCode: e.regionCode, contactName: e.contactName, contactPhone: e.contactPhone, priorityPledge: e.priorityPledge, createdBy: actor.userId, createdAt: now, updatedAt: now })),
    );
    await audit(tx, ctx, 'enterprise.import', { objectType: 'org', objectId: org.id, orgId: org.id, orgPath: org.path, details: { count: sheet.rows.length, bytes: buffer.length } });
  });
  return { ok: true, rows: sheet.rowsRead, imported: sheet.rows.length, errorCount: 0, errors: [] };
}
