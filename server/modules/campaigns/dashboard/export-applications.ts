import { PassThrough } from 'node:stream';
import { fenToYuanCell } from '../../../platform/money.js';
import { asc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { APPLICATION_STATUS_LABELS } from '../../../../contracts/campaign-dashboard.js';
import type { ApplicationStatus } from '../../../../contracts/campaigns.js';
import { SchoolStage } from '../../../../contracts/households.js';
import { campaignApplications, campaigns, orgs } from '../../../db/schema/index.js';
import { audit } from '../../../platform/audit.js';
import { authorize } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { chinaDate } from '../../../platform/dates.js';
import { AppError } from '../../../platform/errors.js';
import { getOrgInScope } from '../../orgs/orgs.queries.js';
import { getCampaignInScope } from '../campaigns.queries.js';
import { applicationWhere } from '../applications/applications.queries.js';

export const APPLICATION_EXPORT_LIMIT = 100_000;

/** Fen as yuan for a spreadsheet cell (shown with two decimals); exact for any amount a campaign holds. */
export const stageLabel = (stage: string) => SchoolStage.labels[stage as keyof typeof SchoolStage.labels]?.[0] ?? stage;

/**
 * The applications of a filter (campaign, statuses, an org's subtree) as .xlsx, inside the actor's
 * subtree, with masked ID numbers and phones only. Logged as a bulk export of personal data.
 */
export async function exportApplications({ ctx, filter }: { ctx: Ctx; filter: { campaignId?: string; status?: ApplicationStatus[]; orgId?: string } }) {
  const actor = await authorize(ctx, 'application.read');
  if (filter.campaignId) await getCampaignInScope(ctx.db, actor, filter.campaignId);
  const under = filter.orgId ? await getOrgInScope(ctx.db, actor, filter.orgId) : undefined;
  const a = campaignApplications;
  const rows = await ctx.db
    .select({
      applicationNo: a.applicationNo, campaignName: campaigns.name, orgName: orgs.name, status: a.status, filed: a.filed,
      applicantName: a.applicantName, applicantIdMasked: a.applicantIdMasked, applicantPhoneMasked: a.applicantPhoneMasked,
      studentName: a.studentName, studentIdMasked: a.studentIdMasked, schoolName: a.schoolName, schoolStage: a.schoolStage,
      admissionYear: a.admissionYear, major: a.major, tuitionFen: a.tuitionFen, proposedAmountFen: a.proposedAmountFen, amountFen: a.amountFen,
      amountReason: a.amountReason, approvedAmountFen: a.approvedAmountFen, inKindItems: a.inKindItems, submittedAt: a.submittedAt, paidAt: a.paidAt,
    })
    .from(a)
    .innerJoin(orgs, eq(orgs.id, a.orgId))
    .innerJoin(campaigns, eq(campaigns.id, a.campaignId))
    .where(applicationWhere(actor, { campaignId: filter.campaignId, status: filter.status, underOrgPath: under?.path }))
    .orderBy(asc(orgs.path), asc(a.applicationNo))
    .limit(APPLICATION_EXPORT_LIMIT + 1);
  if (rows.length > APPLICATION_EXPORT_LIMIT)
    throw new AppError('LIMIT_EXCEEDED', `narrow the filter: at most ${APPLICATION_EXPORT_LIMIT} applications per export`, { reason: 'export_too_large' });
  await audit(ctx.db, ctx, 'application.export', {
    objectType: 'application',
    ...(under ? { orgId: under.id, orgPath: under.path } : {}),
    details: { count: rows.length, filter },
  });

  const stream = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: true });
  const ws = wb.addWorksheet('助学申请');
  const money = { numFmt: '#,##0.00' };
  ws.columns = [
    { header: '申请编号', key: 'applicationNo', width: 16 }, { header: '活动', key: 'campaignName', width: 20 }, { header: '申请单位', key: 'orgName', width: 24 },
    { header: '状态', key: 'status', width: 10 }, { header: '建档', key: 'filed', width: 6 }, { header: '申请人', key: 'applicantName', width: 10 },
    { header: '申请人身份证号', key: 'applicantIdMasked', width: 22 }, { header: '联系电话', key: 'applicantPhoneMasked', width: 14 },
    { header: '学生姓名', key: 'studentName', width: 10 }, { header: '学生身份证号', key: 'studentIdMasked', width: 22 }, { header: '学校', key: 'schoolName', width: 24 },
    { header: '学段', key: 'schoolStage', width: 8 }, { header: '入学年份', key: 'admissionYear', width: 9 }, { header: '专业', key: 'major', width: 16 },
    { header: '学费（元）', key: 'tuition', width: 12, style: money }, { header: '标准金额（元）', key: 'proposed', width: 14, style: money },
    { header: '申请金额（元）', key: 'amount', width: 14, style: money }, { header: '金额调整原因', key: 'amountReason', width: 24 },
    { header: '核定金额（元）', key: 'approved', width: 14, style: money }, { header: '实物', key: 'inKind', width: 14 },
    { header: '提交日期', key: 'submittedOn', width: 12 }, { header: '发放日期', key: 'paidOn', width: 12 },
  ];
  ws.getRow(1).font = { bold: true };
  const day = (d: Date | null) => (d ? chinaDate(d) : null);
  void (async () => {
    for (const r of rows)
      ws.addRow({
        applicationNo: r.applicationNo, campaignName: r.campaignName, orgName: r.orgName,
        status: APPLICATION_STATUS_LABELS[r.status as ApplicationStatus] ?? r.status, filed: r.filed ? '是' : '否',
        applicantName: r.applicantName, applicantIdMasked: r.applicantIdMasked, applicantPhoneMasked: r.applicantPhoneMasked,
        studentName: r.studentName, studentIdMasked: r.studentIdMasked, schoolName: r.schoolName, schoolStage: stageLabel(r.schoolStage),
        admissionYear: r.admissionYear, major: r.major, tuition: fenToYuanCell(r.tuitionFen), proposed: fenToYuanCell(r.proposedAmountFen),
        amount: fenToYuanCell(r.amountFen), amountReason: r.amountReason, approved: fenToYuanCell(r.approvedAmountFen),
        inKind: r.inKindItems.map((i) => `${i.item}×${i.quantity}`).join('、') || null, submittedOn: day(r.submittedAt), paidOn: day(r.paidAt),
      }).commit();
    ws.commit();
    await wb.commit();
  })().catch((err) => stream.destroy(err));
  return { stream, count: rows.length };
}
