import type { IdProblem } from '../../../../contracts/cn-ids.js';

/**
 * Reasons written into the import error report. The report is a document handed to union office
 * staff, so it is in Chinese (the catalogue of the web covers the screens).
 */
export const IMPORT_REASONS = {
  required: '必填项为空',
  idAsNumber: '身份证号被存成了数字，后几位可能已丢失，请将单元格设为文本格式后重新填写',
  id: {
    length: '身份证号应为18位',
    format: '身份证号含有非法字符',
    region: '身份证号前两位不是有效的省级行政区划代码',
    birth_date: '身份证号中的出生日期不存在',
    check_digit: '身份证号校验码错误',
  } satisfies Record<IdProblem, string>,
  mobile: '不是有效的手机号码（11位，以13-19开头）',
  card: '银行卡号应为12-19位数字',
  yuan: '金额格式错误，应为不超过两位小数的元金额，如 1800 或 1800.50',
  int: '应为整数',
  yesno: '应填写“是”或“否”',
  code: '不在下拉列表（代码表）中',
  notXlsx: '文件不是有效的 .xlsx 工作簿',
  missingSheet: '缺少“户主信息”工作表，请使用导入模板',
  missingColumn: '缺少必填列，请使用导入模板',
  noSuchWorker: '在“户主信息”中找不到该户主身份证号',
  tooManyMembers: '一户家庭成员不能超过20人',
  exampleRow: '这是模板中的示例行，请删除后再导入',
  duplicateInFile: (where: string) => `文件内重复：与${where}的身份证号相同`,
  // No org names: a workbook would otherwise tell where each of thousands of people is on file.
  onFile: '在全市档案中已有记录',
  invalid: (message: string) => `内容不符合要求：${message}`,
};

export type { ImportError } from '../../../../contracts/households.js';
