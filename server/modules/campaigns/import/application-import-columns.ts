import { FiveClear, SchoolKind } from '../../../../contracts/campaigns.js';
import { makeCnId } from '../../../../contracts/cn-ids.js';
import { SchoolStage } from '../../../../contracts/households.js';
import type { ExcelColumn } from '../../households/import/households-excel-columns.js';

export const APPLICATION_SHEET = '申请名单';
export const GUIDE_SHEET = '填写说明';
export const CODES_SHEET = '代码表';

/** The template's example rows: left in a file, they are reported, never imported. */
export const EXAMPLE_FILED_STUDENT_ID = makeCnId('410803', '20070315', '001');
export const EXAMPLE_UNFILED_STUDENT_ID = makeCnId('410803', '20080620', '002');
export const EXAMPLE_STUDENT_IDS = new Set([EXAMPLE_FILED_STUDENT_ID, EXAMPLE_UNFILED_STUDENT_ID]);

const code = (codes: { keys: readonly string[]; labels: Record<string, [string, string]> }): ExcelColumn['type'] => ({ kind: 'code', codes });
const yesno: ExcelColumn['type'] = { kind: 'yesno' };
const text: ExcelColumn['type'] = { kind: 'text' };

/** The applicant columns of an unfiled household (临时困难): left empty when the row names a case no. */
export const UNFILED_COLUMNS: ExcelColumn[] = [
  { header: '申请人姓名', field: 'unfiled.name', type: text, example: '赵建军' },
  { header: '申请人身份证号', field: 'unfiled.idNumber', type: { kind: 'id' }, example: makeCnId('410803', '19760412', '003'), width: 22 },
  { header: '申请人手机号', field: 'unfiled.phone', type: { kind: 'mobile' }, example: '13903910002', width: 14 },
  { header: '工作单位', field: 'unfiled.employerName', type: text, example: '焦作市某纺织厂', width: 18 },
  { header: '家庭人口', field: 'unfiled.householdSize', type: { kind: 'int' }, example: '4' },
  { header: '家庭月人均收入(元)', field: 'unfiled.incomePerHeadMonthlyFen', type: { kind: 'yuan' }, example: '900' },
  { header: '所在地区划代码', field: 'unfiled.regionCode', type: text, example: '410803' },
  { header: '困难情况', field: 'unfiled.hardship', type: text, example: '妻子突发重病，家庭临时困难', width: 28 },
];

/**
 * One row per student. A filed household is named by its case no (档案编号) and the student by the
 * member's ID number; an unfiled household gives the applicant's data and the student's name.
 * Headers are what union offices type; fields are the API's (CreateApplicationInput).
 */
export const APPLICATION_COLUMNS: ExcelColumn[] = [
  { header: '档案编号', field: 'caseNo', type: text, example: 'HH202600000001', width: 18 },
  { header: '学生姓名', field: 'student.name', type: text, example: '王小明' },
  { header: '学生身份证号', field: 'student.idNumber', required: true, type: { kind: 'id' }, example: EXAMPLE_FILED_STUDENT_ID, width: 22 },
  ...UNFILED_COLUMNS,
  { header: '学校名称', field: 'schoolName', required: true, type: text, example: '河南理工大学', width: 20 },
  { header: '就学阶段', field: 'schoolStage', required: true, type: code(SchoolStage), example: '本科' },
  { header: '学校类别', field: 'schoolKind', type: code(SchoolKind), example: '普通学校' },
  { header: '入学年份', field: 'admissionYear', required: true, type: { kind: 'int' }, example: '2026' },
  { header: '专业', field: 'major', type: text, example: '机械工程' },
  { header: '学费(元)', field: 'tuitionFen', type: { kind: 'yuan' }, example: '5200' },
  { header: '其他费用(元)', field: 'otherFeesFen', type: { kind: 'yuan' }, example: '1200' },
  { header: '已获国家资助', field: 'nationalAid', type: text, example: '助学贷款', width: 18 },
  { header: '已获政府同类资助', field: 'governmentAided', type: yesno, example: '否' },
  ...FiveClear.keys.map((k): ExcelColumn => ({ header: FiveClear.labels[k][0], field: `fiveClears.${k}`, type: yesno, example: '是' })),
  { header: '助学愿望', field: 'wish', type: text, example: '希望顺利完成学业', width: 20 },
  { header: '申请金额(元)', field: 'amountFen', type: { kind: 'yuan' }, example: '' },
  { header: '金额调整原因', field: 'amountReason', type: text, example: '', width: 20 },
];

export const headerOf = (field: string) => APPLICATION_COLUMNS.find((c) => c.field === field)?.header ?? field;
