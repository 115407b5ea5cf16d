// 助学申请：列表、填报、审批、公示、打印。英文目录 applications.en.ts 必须有相同的键。
const applications = {
  title: '助学申请',
} as const;

export default applications;
