import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { ContactMethod, ContactOutcome, WorklistReason } from '../../../../contracts/campaigns.js';
import { SchoolStage } from '../../../../contracts/households.js';
import { audit } from '../../../platform/audit.js';
import { authorize } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';
import { getOrgInScope } from '../../orgs/orgs.queries.js';
import { getCampaignInScope } from '../campaigns.queries.js';
import { reachReport } from './reach-report.js';
import { allWorklistEntries } from './reach.queries.js';

export const REACH_EXPORT_LIMIT = 200_000;

const label = <K extends string>(labels: Record<K, [string, string]>, key: string | null) => (key ? (labels[key as K]?.[0] ?? key) : '');

/**
 * The "no one left out" workbook: the level's counts, then every eligible student without an
 * application (masked ID and phone only). Logged as a bulk export of personal data.
 */
export async function exportReach({ ctx, campaignId, orgId }: { ctx: Ctx; campaignId: string; orgId?: string }) {
  const actor = await authorize(ctx, 'campaign.reach');
  const campaign = await getCampaignInScope(ctx.db, actor, campaignId);
  const under = orgId ? await getOrgInScope(ctx.db, actor, orgId) : undefined;
  const report = await reachReport({ ctx, campaignId: campaign.id, orgId });
  const rows = await allWorklistEntries(ctx.db, actor, campaign.id, { underOrgPath: under?.path, applied: false }, REACH_EXPORT_LIMIT + 1);
  if (rows.length > REACH_EXPORT_LIMIT)
    throw new AppError('LIMIT_EXCEEDED', `narrow the org: at most ${REACH_EXPORT_LIMIT} students per export`, { reason: 'export_too_large' });
  await audit(ctx.db, ctx, 'campaign.export_reach', {
    objectType: 'campaign',
    objectId: campaign.id,
    orgId: under?.id ?? actor.orgId,
    orgPath: under?.path ?? actor.orgPath,
    details: { count: rows.length, orgId: under?.id ?? null },
  });

  const stream = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: true });
  const summary = wb.addWorksheet('应助尽助汇总');
  summary.columns = [
    { header: '组织', key: 'orgName', width: 28 }, { header: '应助学生', key: 'eligible', width: 10 }, { header: '已通知到', key: 'reached', width: 10 },
    { header: '未通知到', key: 'notReached', width: 10 }, { header: '已申请', key: 'applied', width: 10 }, { header: '未申请', key: 'notApplied', width: 10 },
  ];
  summary.getRow(1).font = { bold: true };
  const list = wb.addWorksheet('未申请名单');
  list.columns = [
    { header: '所属组织', key: 'orgName', width: 24 }, { header: '学生姓名', key: 'studentName', width: 10 }, { header: '身份证号', key: 'studentIdMasked', width: 22 },
    { header: '学段', key: 'schoolStage', width: 8 }, { header: '列入原因', key: 'reason', width: 14 }, { header: '户主', key: 'householdName', width: 10 },
    { header: '档案编号', key: 'caseNo', width: 18 }, { header: '联系电话', key: 'phoneMasked', width: 14 }, { header: '是否已通知到', key: 'reached', width: 12 },
    { header: '最近联系', key: 'lastContact', width: 30 },
  ];
  list.getRow(1).font = { bold: true };
  void (async () => {
    for (const r of report.rows) summary.addRow({ ...r, orgName: r.direct ? `${r.orgName}（本级）` : r.orgName }).commit();
    summary.addRow({ orgName: '合计', ...report.totals }).commit();
    summary.commit();
    for (const r of rows) {
      const c = r.lastContact;
      list
        .addRow({
          orgName: r.orgName,
          studentName: r.entry.studentName,
          studentIdMasked: r.entry.studentIdMasked,
          schoolStage: label(SchoolStage.labels, r.entry.schoolStage),
          reason: label(WorklistReason.labels, r.entry.reason),
          householdName: r.householdName,
          caseNo: r.caseNo,
          phoneMasked: r.phoneMasked ?? '',
          reached: r.reached ? '是' : '否',
          lastContact: c ? `${c.contactedOn} ${label(ContactMethod.labels, c.method)} ${label(ContactOutcome.labels, c.outcome)}` : '',
        })
        .commit();
    }
    list.commit();
    await wb.commit();
  })().catch((err) => stream.destroy(err));
  return { stream, count: rows.length, filename: `${campaign.name}-应助尽助.xlsx` };
}
