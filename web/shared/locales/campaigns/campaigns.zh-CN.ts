// 金秋助学等帮扶项目的活动（campaign）：列表、创建、规则。英文目录 campaigns.en.ts 必须有相同的键。
const campaigns = {
  title: '帮扶活动',
  newCampaign: '新建活动',
} as const;

export default campaigns;
