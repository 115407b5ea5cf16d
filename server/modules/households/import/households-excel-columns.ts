import {
  DisabilityType,
  EmploymentForm,
  HardshipCategory,
  HardshipCause,
  HealthStatus,
  Housing,
  HukouType,
  MaritalStatus,
  MedicalInsurance,
  MemberStatus,
  PoliticalStatus,
  Relation,
  SchoolStage,
  WorkStatus,
} from '../../../../contracts/households.js';

type CodeSet = { keys: readonly string[]; labels: Record<string, [string, string]> };

export type ColumnKind =
  | { kind: 'text' }
  | { kind: 'id' }
  | { kind: 'mobile' }
  | { kind: 'card' }
  | { kind: 'yuan' }
  | { kind: 'int' }
  | { kind: 'yesno' }
  | { kind: 'code'; codes: CodeSet };

export interface ExcelColumn {
  header: string;
  field: string;
  required?: boolean;
  type: ColumnKind;
  example: string;
  width?: number;
}

const code = (codes: CodeSet): ColumnKind => ({ kind: 'code', codes });

/** The 户主信息 sheet: one row per household. Headers are what union offices type; fields are the API's. */
export const HOUSEHOLD_COLUMNS: ExcelColumn[] = [
  { header: '户主姓名', field: 'name', required: true, type: { kind: 'text' }, example: '王建国' },
  { header: '身份证号', field: 'idNumber', required: true, type: { kind: 'id' }, example: '410803197805150016', width: 22 },
  { header: '手机号', field: 'phone', type: { kind: 'mobile' }, example: '13803910001', width: 14 },
  { header: '民族', field: 'ethnicity', type: { kind: 'text' }, example: '汉族' },
  { header: '政治面貌', field: 'politicalStatus', type: code(PoliticalStatus), example: '群众' },
  { header: '工作单位', field: 'employerName', type: { kind: 'text' }, example: '焦作市某机械厂', width: 20 },
  { header: '就业形式', field: 'employmentForm', required: true, type: code(EmploymentForm), example: '职工' },
  { header: '工作状态', field: 'workStatus', type: code(WorkStatus), example: '在岗' },
  { header: '劳模称号', field: 'modelWorkerTitle', type: { kind: 'text' }, example: '' },
  { header: '健康状况', field: 'health', type: code(HealthStatus), example: '慢性病' },
  { header: '残疾类别', field: 'disabilityType', type: code(DisabilityType), example: '无' },
  { header: '残疾等级', field: 'disabilityGrade', type: { kind: 'int' }, example: '' },
  { header: '住房情况', field: 'housing', type: code(Housing), example: '租房' },
  { header: '户口类型', field: 'hukouType', type: code(HukouType), example: '城镇' },
  { header: '户籍区划代码', field: 'hukouRegion', type: { kind: 'text' }, example: '410803' },
  { header: '婚姻状况', field: 'maritalStatus', type: code(MaritalStatus), example: '已婚' },
  { header: '单亲家庭', field: 'singleParent', type: { kind: 'yesno' }, example: '否' },
  { header: '医疗保险', field: 'medicalInsurance', type: code(MedicalInsurance), example: '职工医保' },
  { header: '开户银行', field: 'bankName', type: { kind: 'text' }, example: '中国工商银行' },
  { header: '开户网点', field: 'bankBranch', type: { kind: 'text' }, example: '焦作中站支行' },
  { header: '银行卡号', field: 'bankCard', type: { kind: 'card' }, example: '6222021234567890123', width: 22 },
  { header: '本人月收入(元)', field: 'monthlyIncomeFen', type: { kind: 'yuan' }, example: '1800' },
  { header: '其他年收入(元)', field: 'otherAnnualIncomeFen', type: { kind: 'yuan' }, example: '1200' },
  { header: '困难类别', field: 'category', required: true, type: code(HardshipCategory), example: '深度困难' },
  { header: '主要致困原因', field: 'mainCause', required: true, type: code(HardshipCause), example: '本人或家人患大病', width: 18 },
  { header: '次要致困原因1', field: 'secondaryCauses.0', type: code(HardshipCause), example: '子女教育费用负担重', width: 18 },
  { header: '次要致困原因2', field: 'secondaryCauses.1', type: code(HardshipCause), example: '' },
  { header: '次要致困原因3', field: 'secondaryCauses.2', type: code(HardshipCause), example: '' },
  { header: '重点群体', field: 'priorityGroup', type: { kind: 'text' }, example: '' },
  { header: '解困脱困措施', field: 'exitMeasures', type: { kind: 'text' }, example: '申请大病救助，推荐子女勤工俭学', width: 24 },
];

/** The 家庭成员 sheet: one row per member, linked to its household by the worker's ID number. */
export const MEMBER_COLUMNS: ExcelColumn[] = [
  { header: '户主身份证号', field: 'workerIdNumber', required: true, type: { kind: 'id' }, example: '410803197805150016', width: 22 },
  { header: '与户主关系', field: 'relation', required: true, type: code(Relation), example: '子女' },
  { header: '姓名', field: 'name', required: true, type: { kind: 'text' }, example: '王小明' },
  { header: '身份证号', field: 'idNumber', required: true, type: { kind: 'id' }, example: '410803200703150013', width: 22 },
  { header: '健康状况', field: 'health', type: code(HealthStatus), example: '健康' },
  { header: '医疗保险', field: 'medicalInsurance', type: code(MedicalInsurance), example: '城乡居民医保' },
  { header: '月收入(元)', field: 'monthlyIncomeFen', type: { kind: 'yuan' }, example: '0' },
  { header: '状态', field: 'status', type: code(MemberStatus), example: '在学' },
  { header: '学校或单位', field: 'schoolOrEmployer', type: { kind: 'text' }, example: '河南理工大学', width: 20 },
  { header: '就学阶段', field: 'schoolStage', type: code(SchoolStage), example: '本科' },
  { header: '入学年份', field: 'enrolmentYear', type: { kind: 'int' }, example: '2025' },
];

export const HOUSEHOLD_SHEET = '户主信息';
export const MEMBER_SHEET = '家庭成员';
export const CODES_SHEET = '代码表';
