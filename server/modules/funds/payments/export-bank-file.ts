import ExcelJS from 'exceljs';
import { and, asc, eq } from 'drizzle-orm';
import { paymentLines } from '../../../db/schema/index.js';
import { audit } from '../../../platform/audit.js';
import { authorize } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { conflict } from '../../../platform/errors.js';
import { decryptPii } from '../../../platform/pii-crypto.js';
import { fenToYuanCell } from '../../../platform/money.js';
import { getPaymentBatchInScope } from './payments.queries.js';

/** The sheet the bank reads, and the columns its result file must keep (import-bank-results.ts). */
export const BANK_SHEET = '代发明细';
export const BANK_COLUMNS = ['序号', '收款人', '开户银行', '银行卡号', '金额（元）', '付款参考号', '用途', '处理结果', '失败原因'] as const;

/**
 * The bank payment file (代发文件) of an executed batch: payee, bank, card, amount and reference for
 * each paid line with a card. The card numbers are decrypted into this file only, and the export is
 * audited with how many it holds. Lines without a card are listed on a second sheet for payment in
 * person. The bank fills in 处理结果 (成功/失败) and 失败原因 and the file comes back as the result file.
 */
export async function exportBankFile({ ctx, id }: { ctx: Ctx; id: string }) {
  const actor = await authorize(ctx, 'payment.create');
  const { batch, orgPath } = await getPaymentBatchInScope(ctx.db, actor, id);
  if (batch.status !== 'executed') throw conflict('status', 'the bank file is made once the batch is executed', { status: batch.status });
  const lines = await ctx.db.select().from(paymentLines).where(and(eq(paymentLines.batchId, batch.id), eq(paymentLines.status, 'paid'))).orderBy(asc(paymentLines.lineNo));

  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(BANK_SHEET);
  ws.addRow([...BANK_COLUMNS]).font = { bold: true };
  const withCard = lines.filter((l) => l.bankCardEnc && l.amountFen > 0);
  for (const l of withCard)
    ws.addRow([l.lineNo, l.payeeName, l.bankName ?? '', decryptPii(ctx.secrets, l.bankCardEnc!), fenToYuanCell(l.amountFen), l.paymentRef, batch.name, '', '']);
  ws.addRow(['合计', `${withCard.length} 笔`, '', '', fenToYuanCell(withCard.reduce((s, l) => s + l.amountFen, 0)), '', '', '', '']).font = { bold: true };
  ws.getColumn(4).numFmt = '@';
  ws.getColumn(5).numFmt = '#,##0.00';
  [6, 10, 22, 24, 14, 18, 24, 10, 20].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const noCard = lines.filter((l) => !l.bankCardEnc && l.amountFen > 0);
  if (noCard.length) {
    const other = wb.addWorksheet('无银行卡（现场发放）');
    other.addRow(['序号', '收款人', '金额（元）', '付款参考号']).font = { bold: true };
    for (const l of noCard) other.addRow([l.lineNo, l.payeeName, fenToYuanCell(l.amountFen), l.paymentRef]);
  }
  await audit(ctx.db, ctx, 'payment_batch.export_bank_file', { objectType: 'payment_batch', objectId: batch.id, orgId: batch.orgId, orgPath, details: { cardsDecrypted: withCard.length, linesWithoutCard: noCard.length } });
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), fileName: `${batch.name}_银行代发文件.xlsx` };
}
