import type { IneligibilityReason } from '../rules/evaluate-rules.js';

/**
 * Reasons the application import's error report gives, in Chinese (a document handed to union
 * office staff). Cell conversion reasons (ID numbers, amounts, drop-downs) are the archive import's.
 */
export const APPLICATION_IMPORT_REASONS = {
  missingSheet: '缺少“申请名单”工作表，请使用本活动的导入模板',
  tooManyRows: (max: number) => `一次最多导入 ${max.toLocaleString('en-US')} 名学生，请分成几个文件导入`,
  noRows: '文件中没有申请数据',
  exampleRow: '这是模板中的示例行，请删除后再导入',
  requiredUnfiled: '未建档家庭的申请必须填写此项',
  filedNoApplicant: '已填写档案编号的，申请人信息以档案为准，此列请留空',
  unknownCaseNo: '档案编号不存在，或不在本单位的管辖范围内',
  notUnderOrg: '该户档案不属于导入的单位',
  notMember: '该户档案中没有这个身份证号的家庭成员',
  nameMismatch: '学生姓名与档案中该成员的姓名不一致',
  duplicateInFile: (row: number) => `文件内重复：与第${row}行的学生身份证号相同`,
  nationalAid: (allowed: string) => `应填写：${allowed}（多项用顿号或逗号分隔）`,
  alreadyApplied: '该学生在本活动中已有申请（一名学生每个活动只能申请一次）',
  amountReason: '申请金额与按规则测算的金额不同，须填写金额调整原因',
  invalid: (message: string) => `内容不符合要求：${message}`,
  notEligible: {
    household_status: '该户档案状态不在本活动受理范围内（需已建档）',
    category: '该户困难类别不在本活动受理范围内',
    unfiled_not_allowed: '本活动只受理已建档困难职工家庭，请填写档案编号',
    income_over_threshold: '家庭月人均收入超过本活动标准',
    stage_not_covered: '该就学阶段不在本活动资助范围内',
    government_aided: '已获政府同类资助的，不再重复资助',
    military_academy: '军事院校学生不在本活动资助范围内',
    free_normal: '公费师范生不在本活动资助范围内',
  } satisfies Record<IneligibilityReason, string>,
};
