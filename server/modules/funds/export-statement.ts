import ExcelJS from 'exceljs';
import { EntryKind } from '../../../contracts/funds.js';
import { audit } from '../../platform/audit.js';
import { authorize } from '../../platform/authz.js';
import type { Ctx } from '../../platform/context.js';
import { fenToYuanCell } from '../../platform/money.js';
import { fundStatement } from './fund-statement.js';
import { fundAccounts, getFundInScope } from './funds.queries.js';

/** Statements longer than this are cut with a note: the page pages through any length. */
export const STATEMENT_EXPORT_MAX_ROWS = 100_000;

/** A fund's statement for a period as .xlsx: opening balance, every movement with the balance after it, totals, closing balance. */
export async function exportStatement({ ctx, fundId, from, to }: { ctx: Ctx; fundId: string; from: string; to: string }) {
  const actor = await authorize(ctx, 'fund.read');
  const { fund, orgName, orgPath } = await getFundInScope(ctx.db, actor, fundId);
  const accounts = await fundAccounts(ctx.db, fund.id);
  const st = await fundStatement(ctx.db, accounts.fund_balance, { from, to, pageSize: STATEMENT_EXPORT_MAX_ROWS });

  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('资金明细');
  ws.mergeCells('A1:F1');
  ws.getCell('A1').value = `${orgName} ${fund.name} 资金明细（${from} 至 ${to}）`;
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.addRow(['期初余额（元）', fenToYuanCell(st.openingFen)]);
  ws.addRow(['日期', '类别', '摘要', '收入（元）', '支出（元）', '余额（元）']).font = { bold: true };
  for (const r of st.items)
    ws.addRow([r.occurredOn, EntryKind.labels[r.kind as keyof typeof EntryKind.labels]?.[0] ?? r.kind, r.memo, r.amountFen > 0 ? fenToYuanCell(r.amountFen) : null, r.amountFen < 0 ? fenToYuanCell(-r.amountFen) : null, fenToYuanCell(r.balanceAfterFen)]);
  if (st.nextCursor) ws.addRow([`（明细超过 ${STATEMENT_EXPORT_MAX_ROWS} 行，请缩短期间后分次导出）`]);
  ws.addRow(['本期合计', '', `${st.rowCount} 笔`, fenToYuanCell(st.inFen), fenToYuanCell(st.outFen), '']).font = { bold: true };
  ws.addRow(['期末余额（元）', fenToYuanCell(st.closingFen)]).font = { bold: true };
  for (const c of [2, 4, 5, 6]) ws.getColumn(c).numFmt = '#,##0.00';
  [12, 10, 48, 16, 16, 16].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  await audit(ctx.db, ctx, 'fund.export_statement', { objectType: 'fund', objectId: fund.id, orgId: fund.orgId, orgPath, details: { from, to, rows: st.items.length } });
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), fileName: `${fund.name}_资金明细_${from}_${to}.xlsx` };
}
