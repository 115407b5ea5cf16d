import { and, eq, inArray } from 'drizzle-orm';
import { paymentLines } from '../../../db/schema/index.js';
import { audit } from '../../../platform/audit.js';
import { authorize } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { chinaDate } from '../../../platform/dates.js';
import { AppError, conflict, validation } from '../../../platform/errors.js';
import { fenToYuanText, sheetYuanToFen } from '../../../platform/money.js';
import { assertXlsxWithinBounds } from '../../../platform/xlsx-bounds.js';
import { readXlsxSheets, XlsxFormatError } from '../../../platform/xlsx-reader.js';
import { BANK_SHEET } from './export-bank-file.js';
import { getPaymentBatchInScope } from './payments.queries.js';
import { returnPaymentLine } from './return-payment-line.js';

const SUCCESS = new Set(['成功', '已成功', 'success', 'paid', 'ok']);
const FAILURE = new Set(['失败', '退回', '已退回', 'failed', 'failure', 'returned']);
/** A result file holds at most this many lines (a batch of a whole city is under it). */
export const BANK_RESULT_MAX_ROWS = 20_000;

interface ResultLine {
  row: number;
  ref: string;
  ok: boolean;
  reason: string;
  /** The amount the file gives for the line, when its 金额（元） column is there and filled in. */
  amountFen: number | null;
}

function readResults(buffer: Buffer) {
  let sheets;
  try {
    sheets = readXlsxSheets(buffer);
  } catch (err) {
    if (err instanceof XlsxFormatError) throw validation([{ field: 'body', message: '文件不是可读取的 .xlsx 工作簿' }]);
    throw err;
  }
  const rows = sheets.get(BANK_SHEET) ?? [...sheets.values()][0] ?? [];
  const header = rows[0];
  const col = (name: string) => [...(header?.cells.entries() ?? [])].find(([, c]) => c.text.trim() === name)?.[0];
  const [refCol, resultCol, reasonCol, amountCol] = [col('付款参考号'), col('处理结果'), col('失败原因'), col('金额（元）')];
  if (!refCol || !resultCol) throw validation([{ field: 'body', message: '结果文件须有“付款参考号”和“处理结果”两列（即下载的代发文件，由银行填写处理结果）' }]);
  const errors: Array<{ field: string; message: string }> = [];
  const lines: ResultLine[] = [];
  for (const r of rows.slice(1)) {
    const ref = r.cells.get(refCol)?.text.trim() ?? '';
    if (!ref) continue; // the totals row and blank rows
    const result = (r.cells.get(resultCol)?.text ?? '').trim().toLowerCase();
    const reason = reasonCol ? (r.cells.get(reasonCol)?.text ?? '').trim().slice(0, 200) : '';
    const amountText = amountCol ? (r.cells.get(amountCol)?.text ?? '').trim() : '';
    const amountFen = amountText ? sheetYuanToFen(amountText) : null;
    if (amountText && amountFen === null) errors.push({ field: `第${r.number}行.金额（元）`, message: `“${amountText}”不是金额` });
    else if (SUCCESS.has(result)) lines.push({ row: r.number, ref, ok: true, reason: '', amountFen });
    else if (FAILURE.has(result)) lines.push({ row: r.number, ref, ok: false, reason: reason || '银行未说明原因', amountFen });
    else errors.push({ field: `第${r.number}行.处理结果`, message: result ? `“${result}”不是“成功”或“失败”` : '未填写（成功/失败）' });
  }
  if (lines.length + errors.length > BANK_RESULT_MAX_ROWS) throw new AppError('LIMIT_EXCEEDED', `结果文件最多 ${BANK_RESULT_MAX_ROWS} 行`, { issues: [{ field: 'body', message: `more than ${BANK_RESULT_MAX_ROWS} rows` }] });
  return { lines, errors };
}

/**
 * Imports the bank's result file for an executed batch, all or nothing: every line named must be a
 * paid line of this batch not yet settled by an earlier result, named once. Succeeded lines are
 * confirmed; failed ones are returned (entry reversed, grant ready again: return-payment-line.ts).
 */
export async function importBankResults({ ctx, id, buffer }: { ctx: Ctx; id: string; buffer: Buffer }) {
  const actor = await authorize(ctx, 'payment.create');
  if (buffer.length === 0) throw validation([{ field: 'body', message: '请上传银行返回的结果文件（.xlsx）' }]);
  await getPaymentBatchInScope(ctx.db, actor, id);
  await assertXlsxWithinBounds(buffer);
  const { lines, errors } = readResults(buffer);
  return ctx.db.transaction(async (tx) => {
    const { batch, orgPath } = await getPaymentBatchInScope(tx, actor, id, { lock: true });
    if (batch.status !== 'executed') throw conflict('status', 'results are imported for an executed batch', { status: batch.status });
    const refs = lines.map((l) => l.ref);
    const found = refs.length ? await tx.select().from(paymentLines).where(and(eq(paymentLines.batchId, batch.id), inArray(paymentLines.paymentRef, refs))) : [];
    const byRef = new Map(found.map((l) => [l.paymentRef, l]));
    const seen = new Set<string>();
    for (const l of lines) {
      const line = byRef.get(l.ref);
      if (seen.has(l.ref)) errors.push({ field: `第${l.row}行.付款参考号`, message: `${l.ref} 在文件中重复出现` });
      else if (!line) errors.push({ field: `第${l.row}行.付款参考号`, message: `${l.ref} 不是本批次的付款参考号` });
      else if (line.status !== 'paid' || line.resultAt) errors.push({ field: `第${l.row}行.付款参考号`, message: `${l.ref} 已处理过（${line.status === 'failed' ? '已退回' : '已确认'}）` });
      // A line whose amount the file changed is not the line that was paid: the bank's answer cannot confirm it.
      else if (l.amountFen !== null && l.amountFen !== line.amountFen)
        errors.push({ field: `第${l.row}行.金额（元）`, message: `${l.ref} 的金额 ${fenToYuanText(l.amountFen)} 元与代发的 ${fenToYuanText(line.amountFen)} 元不符` });
      seen.add(l.ref);
    }
    if (errors.length) throw validation(errors.slice(0, 200));
    if (!lines.length) throw validation([{ field: 'body', message: '结果文件中没有可处理的行' }]);
    const on = chinaDate(ctx.clock.now());
    const succeeded = lines.filter((l) => l.ok).map((l) => l.ref);
    if (succeeded.length) await tx.update(paymentLines).set({ resultAt: ctx.clock.now() }).where(and(eq(paymentLines.batchId, batch.id), inArray(paymentLines.paymentRef, succeeded)));
    let returnedFen = 0;
    for (const l of lines.filter((x) => !x.ok)) {
      const line = byRef.get(l.ref)!;
      await returnPaymentLine(tx, ctx, { line, reason: l.reason, on });
      returnedFen += line.amountFen;
    }
    const failed = lines.length - succeeded.length;
    await audit(tx, ctx, 'payment_batch.import_results', { objectType: 'payment_batch', objectId: batch.id, orgId: batch.orgId, orgPath, details: { confirmed: succeeded.length, failed, returnedFen } });
    return { confirmed: succeeded.length, failed, returnedFen };
  });
}
