// 申请导入。英文目录 applicationImport.en.ts 必须有相同的键。
const applicationImport = {
  title: '导入申请',
} as const;

export default applicationImport;
