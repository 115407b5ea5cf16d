import { PassThrough } from 'node:stream';
import { asc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { HardshipCategory, HardshipCause, EmploymentForm, Sex } from '../../../contracts/households.js';
import { households, orgs } from '../../db/schema/index.js';
import { audit } from '../../platform/audit.js';
import { authorize } from '../../platform/authz.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { householdWhere, type HouseholdFilter } from './households.queries.js';

export const EXPORT_LIMIT = 200_000;
const STATUS_LABELS: Record<string, string> = {
  applied: '待初审', checked: '待入户核查', visited: '待审核', in_notice: '公示中', archived: '已建档',
  returned: '已退回', rejected: '不予建档', lifted: '已解困脱困', closed: '已销档',
};

/**
 * Streams the filtered archive list as .xlsx with masked personal data only. Logged as a bulk
 * export of personal data (security.md).
 */
export async function exportHouseholds({ ctx, filter }: { ctx: Ctx; filter: HouseholdFilter }) {
  const actor = await authorize(ctx, 'household.export');
  const where = householdWhere(actor, filter);
  const rows = await ctx.db
    .select({
      caseNo: households.caseNo, orgName: orgs.name, status: households.status, name: households.name, sex: households.sex,
      idMasked: households.idMasked, phoneMasked: households.phoneMasked, employmentForm: households.employmentForm,
      employerName: households.employerName, category: households.category, mainCause: households.mainCause,
      householdSize: households.householdSize, nextVerificationDue: households.nextVerificationDue,
    })
    .from(households)
    .innerJoin(orgs, eq(orgs.id, households.orgId))
    .where(where)
    .orderBy(asc(households.caseNo))
    .limit(EXPORT_LIMIT + 1);
  if (rows.length > EXPORT_LIMIT)
    throw new AppError('LIMIT_EXCEEDED', `narrow the filter: at most ${EXPORT_LIMIT} households per export`, { reason: 'export_too_large' });
  await audit(ctx.db, ctx, 'household.export', { objectType: 'household', details: { count: rows.length, filter } });

  const stream = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: true });
  const ws = wb.addWorksheet('困难职工档案');
  ws.columns = [
    { header: '档案编号', key: 'caseNo', width: 18 }, { header: '所属组织', key: 'orgName', width: 24 }, { header: '状态', key: 'status', width: 10 },
    { header: '户主姓名', key: 'name', width: 10 }, { header: '性别', key: 'sex', width: 6 }, { header: '身份证号', key: 'idMasked', width: 22 },
    { header: '手机号', key: 'phoneMasked', width: 14 }, { header: '就业形式', key: 'employmentForm', width: 10 }, { header: '工作单位', key: 'employerName', width: 24 },
    { header: '困难类别', key: 'category', width: 10 }, { header: '主要致困原因', key: 'mainCause', width: 18 }, { header: '家庭人口', key: 'householdSize', width: 8 },
    { header: '下次复核日期', key: 'nextVerificationDue', width: 14 },
  ];
  ws.getRow(1).font = { bold: true };
  void (async () => {
    for (const r of rows)
      ws.addRow({
        ...r,
        status: STATUS_LABELS[r.status] ?? r.status,
        sex: Sex.labels[r.sex as 'M']?.[0] ?? r.sex,
        employmentForm: EmploymentForm.labels[r.employmentForm as 'worker']?.[0] ?? r.employmentForm,
        category: HardshipCategory.labels[r.category as 'deep']?.[0] ?? r.category,
        mainCause: HardshipCause.labels[r.mainCause as 'other']?.[0] ?? r.mainCause,
      }).commit();
    ws.commit();
    await wb.commit();
  })().catch((err) => stream.destroy(err));
  return { stream, count: rows.length };
}
