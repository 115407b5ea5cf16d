import ExcelJS from 'exceljs';
import { authorize } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { getCampaignInScope } from '../campaigns.queries.js';
import { publicNotice } from '../applications/public-notice.js';
import { fenToYuanCell } from '../../../platform/money.js';
import { stageLabel } from './export-applications.js';

/**
 * The public notice list (公示名单) as .xlsx for posting and printing: exactly what the public page
 * shows (names 张*涛, IDs 4108**********12), for a campaign the actor may see.
 */
export async function exportNotice({ ctx, id }: { ctx: Ctx; id: string }) {
  const actor = await authorize(ctx, 'campaign.read');
  const campaign = await getCampaignInScope(ctx.db, actor, id);
  const notice = await publicNotice(ctx.db, campaign.id);

  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('公示名单');
  ws.mergeCells('A1:H1');
  ws.getCell('A1').value = `${notice.campaign.name}拟资助学生名单公示`;
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A1').alignment = { horizontal: 'center' };
  const header = ws.addRow(['序号', '姓名', '身份证号', '申请单位', '学校', '学段', '资助金额（元）', '公示期']);
  header.font = { bold: true };
  notice.lines.forEach((l, i) =>
    ws.addRow([i + 1, l.studentName, l.studentId, l.orgName, l.schoolName, stageLabel(l.schoolStage), fenToYuanCell(l.amountFen), l.noticeStartsOn && l.noticeEndsOn ? `${l.noticeStartsOn} 至 ${l.noticeEndsOn}` : '']),
  );
  ws.addRow(['合计', `${notice.total} 人`, '', '', '', '', fenToYuanCell(notice.totalAmountFen), '']).font = { bold: true };
  ws.getColumn(7).numFmt = '#,##0.00';
  [6, 10, 22, 26, 26, 8, 16, 26].forEach((width, i) => (ws.getColumn(i + 1).width = width));
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), campaignName: notice.campaign.name, count: notice.total };
}
