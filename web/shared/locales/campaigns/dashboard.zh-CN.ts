// 活动看板。英文目录 dashboard.en.ts 必须有相同的键。
const dashboard = {
  title: '活动看板',
  description: '本单位及下级单位在本活动中的申请、核定、发放和通知到人情况；点击单位查看其下级。',
  cards: {
    students: '申请学生',
    approved: '核定资助',
    ready: '待发放',
    paid: '已发放',
    wan: '万元',
    unit: '人',
    asked: '申请金额 {{amount}}',
    people: '{{count}} 人',
    inKind: '实物：{{items}}',
  },
  reach: {
    title: '通知到人',
    eligible: '应通知',
    reached: '已通知到',
    applied: '已申请',
    builtAt: '名单生成于 {{time}}',
  },
  byStatus: {
    title: '按状态',
    status: '状态',
    count: '人数',
    asked: '申请金额（万元）',
    approved: '核定金额（万元）',
  },
  byOrg: {
    title: '按单位',
    org: '单位',
    students: '申请人数',
    approved: '核定人数',
    approvedAmount: '核定金额（万元）',
    paid: '已发放人数',
    budget: '预算使用',
    own: '{{name}}（本级）',
    drill: '查看下级',
  },
  budgets: {
    title: '预算使用',
    usedOf: '已核定 {{used}} / 预算 {{budget}}',
    none: '查看范围内没有参与单位',
  },
  byStage: {
    title: '按学段',
    stage: '学段',
    students: '申请人数',
    approved: '核定人数',
    approvedAmount: '核定金额（万元）',
  },
  total: '合计',
  exportApplications: '导出申请名单',
  exportNotice: '导出公示名单',
  empty: '暂无申请',
} as const;

export default dashboard;
