// 活动看板。英文目录 dashboard.en.ts 必须有相同的键。
const dashboard = {
  title: '活动看板',
} as const;

export default dashboard;
