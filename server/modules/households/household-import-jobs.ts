import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { householdImports, orgs } from '../../db/schema/index.js';
import { authorize, pathInScope } from '../../platform/authz.js';
import type { Ctx } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { authorizeImport, importHouseholds, type ImportProgress } from './import-households.js';

const MAX_STORED_ERRORS = 10_000;
const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Live progress of imports running in this process; the outcome is kept in household_imports. */
const live = new Map<string, ImportProgress>();

/**
 * Starts an import in the background and answers at once with its id; the page polls the job for
 * progress and, when it fails, downloads the error report.
 */
export async function startHouseholdImport({ ctx, orgId, asArchived, filename, buffer }: { ctx: Ctx; orgId: string; asArchived: boolean; filename: string; buffer: Buffer }) {
  const org = await authorizeImport(ctx, orgId, asArchived);
  if (buffer.length === 0 || !buffer.subarray(0, 4).equals(XLSX_MAGIC))
    throw new AppError('VALIDATION', 'the file is not an .xlsx workbook', { issues: [{ field: 'file', message: 'not an .xlsx workbook' }] });
  const [job] = await ctx.db
    .insert(householdImports)
    .values({ orgId: org.id, filename: filename.slice(0, 200), status: 'validating', createdBy: ctx.actor!.userId, createdAt: ctx.clock.now() })
    .returning();
  live.set(job.id, { phase: 'validating', rowsRead: 0 });
  const finish = (values: Partial<typeof householdImports.$inferInsert>) =>
    ctx.db.update(householdImports).set({ ...values, finishedAt: ctx.clock.now() }).where(eq(householdImports.id, job.id));
  const run = importHouseholds({ ctx, org, buffer, filename, asArchived, onProgress: (p) => live.set(job.id, p) })
    .then((r) =>
      finish({
        status: r.ok ? 'succeeded' : 'failed',
        totalRows: r.rowsRead,
        processedRows: r.rowsRead,
        importedHouseholds: r.households,
        importedMembers: r.members,
        errorCount: r.errors.length,
        errors: r.errors.slice(0, MAX_STORED_ERRORS),
      }),
    )
    .catch((err: unknown) => finish({ status: 'failed', message: err instanceof AppError ? err.message : 'the import stopped on an unexpected error; nothing was written' }))
    .finally(() => live.delete(job.id));
  pending.add(run);
  void run.finally(() => pending.delete(run));
  return { id: job.id, status: job.status };
}

const pending = new Set<Promise<unknown>>();
/** For tests and shutdown: resolves when every running import has finished. */
export const importsSettled = () => Promise.all([...pending]);

export async function getHouseholdImport({ ctx, id }: { ctx: Ctx; id: string }) {
  const actor = await authorize(ctx, 'household.import');
  const [row] = await ctx.db
    .select({ job: householdImports, orgPath: orgs.path, orgName: orgs.name })
    .from(householdImports)
    .innerJoin(orgs, eq(orgs.id, householdImports.orgId))
    .where(eq(householdImports.id, id));
  if (!row || !pathInScope(actor, row.orgPath)) throw notFound('import');
  const { errors, ...job } = row.job;
  return {
    ...job,
    orgName: row.orgName,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
    progress: live.get(id) ?? null,
    errorsPreview: errors.slice(0, 50),
  };
}

/** The error report: one line per bad cell (sheet, row, column, value, reason), in Chinese. */
export async function buildImportErrorReport({ ctx, id }: { ctx: Ctx; id: string }): Promise<Buffer> {
  const actor = await authorize(ctx, 'household.import');
  const [row] = await ctx.db
    .select({ errors: householdImports.errors, errorCount: householdImports.errorCount, orgPath: orgs.path })
    .from(householdImports)
    .innerJoin(orgs, eq(orgs.id, householdImports.orgId))
    .where(eq(householdImports.id, id));
  if (!row || !pathInScope(actor, row.orgPath)) throw notFound('import');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('错误报告');
  ws.columns = [
    { header: '工作表', key: 'sheet', width: 12 },
    { header: '行号', key: 'row', width: 8 },
    { header: '列', key: 'column', width: 18 },
    { header: '填写内容', key: 'value', width: 24 },
    { header: '错误原因', key: 'reason', width: 60 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const e of row.errors) ws.addRow(e);
  if (row.errorCount > row.errors.length) ws.addRow({ reason: `另有 ${row.errorCount - row.errors.length} 处错误未列出，请先修正以上错误后重新导入` });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
