import ExcelJS from 'exceljs';
import { NationalAid, SchoolKind, type CampaignRules } from '../../../../contracts/campaigns.js';
import { SchoolStage } from '../../../../contracts/households.js';
import { APPLICATION_COLUMNS, APPLICATION_SHEET, CODES_SHEET, EXAMPLE_UNFILED_STUDENT_ID, GUIDE_SHEET, UNFILED_COLUMNS } from './application-import-columns.js';
import { APPLICATION_IMPORT_MAX_ROWS } from './read-application-sheet.js';

/** Rows of the sheet that carry the drop-downs (the import takes at most APPLICATION_IMPORT_MAX_ROWS). */
const DROP_DOWN_ROWS = APPLICATION_IMPORT_MAX_ROWS + 1;

/** The template's two example rows: a student of a filed household, and one of a household not on file. */
function exampleRows(): Array<Record<string, string>> {
  const filed: Record<string, string> = {};
  const unfiled: Record<string, string> = {};
  const unfiledOnly = new Set(UNFILED_COLUMNS.map((c) => c.field));
  for (const c of APPLICATION_COLUMNS) {
    if (!unfiledOnly.has(c.field)) filed[c.field] = c.example;
    if (c.field !== 'caseNo') unfiled[c.field] = c.example;
  }
  Object.assign(unfiled, { 'student.name': '赵晓雪', 'student.idNumber': EXAMPLE_UNFILED_STUDENT_ID, schoolName: '焦作市第一中学', schoolStage: '高中', major: '', tuitionFen: '1800', otherFeesFen: '' });
  return [filed, unfiled];
}

const GUIDE = [
  '每行一名学生。已建档困难职工家庭：填写“档案编号”和学生（家庭成员）的身份证号，申请人信息以档案为准，申请人各列留空。',
  '未建档、临时困难的家庭：“档案编号”留空，填写申请人姓名、身份证号、家庭人口、家庭月人均收入、所在地区划代码、困难情况，以及学生姓名和身份证号。',
  '带 * 的列必须填写；身份证号、手机号请设为文本格式，避免后几位丢失。',
  '金额以元为单位，最多两位小数；“申请金额”留空即按活动规则测算，填写不同金额须写明“金额调整原因”。',
  '“已获国家资助”可填多项，用顿号分隔：' + NationalAid.keys.map((k) => NationalAid.labels[k][0]).join('、') + '。',
  '五清各列填“是”或“否”；全部为“是”的申请才能提交审核。',
  `一次最多导入 ${APPLICATION_IMPORT_MAX_ROWS} 名学生。文件中有任何一处错误，整个文件都不会导入，请按错误报告修正后重新导入。`,
  '请删除第 2、3 行的示例后再导入。',
];

/**
 * The application import template of a campaign: Chinese headers (required ones marked *), two
 * example rows, drop-downs for the school stages the campaign covers, the school kinds and 是/否,
 * and a sheet of instructions.
 */
export async function buildApplicationTemplate(rules: Pick<CampaignRules, 'stages'>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'UnionHub';
  const stages = SchoolStage.keys.filter((k) => rules.stages.length === 0 || rules.stages.includes(k));
  const lists: Array<{ title: string; labels: string[] }> = [
    { title: '就学阶段', labels: stages.map((k) => SchoolStage.labels[k][0]) },
    { title: '学校类别', labels: SchoolKind.keys.map((k) => SchoolKind.labels[k][0]) },
    { title: '是否', labels: ['是', '否'] },
  ];
  const rangeOf = (title: string) => {
    const i = lists.findIndex((l) => l.title === title);
    const letter = String.fromCharCode(65 + i);
    return `'${CODES_SHEET}'!$${letter}$2:$${letter}$${lists[i].labels.length + 1}`;
  };

  const ws = wb.addWorksheet(APPLICATION_SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 3 }] });
  ws.columns = APPLICATION_COLUMNS.map((c) => ({ header: c.required ? `${c.header}*` : c.header, key: c.field, width: c.width ?? Math.max(12, c.header.length * 2 + 4) }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F2' } };
  for (const example of exampleRows()) ws.addRow(APPLICATION_COLUMNS.map((c) => example[c.field] ?? ''));
  APPLICATION_COLUMNS.forEach((c, i) => {
    const column = ws.getColumn(i + 1);
    if (c.type.kind === 'id' || c.type.kind === 'mobile' || c.field === 'caseNo' || c.field === 'unfiled.regionCode') column.numFmt = '@';
    const list = c.field === 'schoolStage' ? '就学阶段' : c.field === 'schoolKind' ? '学校类别' : c.type.kind === 'yesno' ? '是否' : null;
    if (!list) return;
    for (let row = 2; row <= DROP_DOWN_ROWS; row++)
      ws.getCell(row, i + 1).dataValidation = { type: 'list', allowBlank: !c.required, formulae: [rangeOf(list)], showErrorMessage: true, errorTitle: c.header, error: '请从下拉列表中选择' };
  });

  const guide = wb.addWorksheet(GUIDE_SHEET);
  guide.getColumn(1).width = 110;
  guide.addRow(['填写说明']).font = { bold: true, size: 13 };
  GUIDE.forEach((line, i) => (guide.addRow([`${i + 1}. ${line}`]).alignment = { wrapText: true, vertical: 'top' }));

  const codes = wb.addWorksheet(CODES_SHEET, { state: 'hidden' });
  lists.forEach(({ title, labels }, i) => {
    codes.getCell(1, i + 1).value = title;
    labels.forEach((label, r) => (codes.getCell(r + 2, i + 1).value = label));
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
