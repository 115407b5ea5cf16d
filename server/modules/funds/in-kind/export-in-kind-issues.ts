import ExcelJS from 'exceljs';
import { InKindIssueStatus, type InKindIssueQuery } from '../../../../contracts/in-kind.js';
import { audit } from '../../../platform/audit.js';
import { authorize } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { chinaDate } from '../../../platform/dates.js';
import { allInKindIssues, inKindFilter, inKindTotals } from './in-kind.queries.js';

/** A register longer than this is cut with a note: narrow the period or the org. */
export const IN_KIND_EXPORT_MAX_ROWS = 50_000;

/** The in-kind register (实物发放登记) as .xlsx: every matching issue, then pieces by item. Audited: it names recipients. */
export async function exportInKindIssues({ ctx, query }: { ctx: Ctx; query: Omit<InKindIssueQuery, 'page' | 'pageSize'> }) {
  const actor = await authorize(ctx, 'fund.read');
  const filter = await inKindFilter(ctx.db, actor, query);
  const [rows, totals] = await Promise.all([allInKindIssues(ctx.db, actor, filter, IN_KIND_EXPORT_MAX_ROWS + 1), inKindTotals(ctx.db, actor, filter)]);

  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('实物发放登记');
  ws.addRow(['发放日期', '单位', '领取人', '物品', '数量', '状态', '发放批次', '付款参考号']).font = { bold: true };
  for (const r of rows.slice(0, IN_KIND_EXPORT_MAX_ROWS))
    ws.addRow([r.issue.issuedOn, r.orgName, r.issue.recipientName, r.issue.item, r.issue.quantity, InKindIssueStatus.labels[r.issue.status as keyof typeof InKindIssueStatus.labels]?.[0] ?? r.issue.status, r.batchName ?? '', r.paymentRef ?? '']);
  if (rows.length > IN_KIND_EXPORT_MAX_ROWS) ws.addRow([`（超过 ${IN_KIND_EXPORT_MAX_ROWS} 行，请缩短期间或选择单位后分次导出）`]);
  [12, 24, 12, 16, 8, 10, 36, 24].forEach((w, i) => (ws.getColumn(i + 1).width = w));

  const sum = wb.addWorksheet('按物品合计');
  sum.addRow(['物品', '已发放（件）', '已退回（件）']).font = { bold: true };
  for (const t of totals.byItem) sum.addRow([t.item, t.issued, t.returned]);
  [16, 14, 14].forEach((w, i) => (sum.getColumn(i + 1).width = w));

  await audit(ctx.db, ctx, 'in_kind.export', { objectType: 'in_kind_issue', details: { count: Math.min(rows.length, IN_KIND_EXPORT_MAX_ROWS), filter: { ...query, orgId: query.orgId ?? null } } });
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), fileName: `实物发放登记_${chinaDate(ctx.clock.now())}.xlsx` };
}
