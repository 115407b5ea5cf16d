import type { Widen } from '../widen.js';
import type zh from './dashboard.zh-CN.js';

const dashboard: Widen<typeof zh> = {
  title: 'Dashboard',
  description: 'Applications, approvals, payments and reach in this campaign for your org and the orgs under it; click an org to see the orgs under it.',
  cards: {
    students: 'Students applying',
    approved: 'Approved',
    ready: 'Awaiting payment',
    paid: 'Paid',
    wan: '× 10k yuan',
    unit: 'students',
    asked: '{{amount}} asked',
    people: '{{count}} students',
    inKind: 'In kind: {{items}}',
  },
  reach: {
    title: 'Reach',
    eligible: 'To notify',
    reached: 'Reached',
    applied: 'Applied',
    builtAt: 'List built {{time}}',
  },
  byStatus: {
    title: 'By status',
    status: 'Status',
    count: 'Students',
    asked: 'Asked (10k yuan)',
    approved: 'Approved (10k yuan)',
  },
  byOrg: {
    title: 'By org',
    org: 'Org',
    students: 'Applying',
    approved: 'Approved',
    approvedAmount: 'Approved (10k yuan)',
    paid: 'Paid',
    budget: 'Budget used',
    own: '{{name}} (own)',
    drill: 'Orgs under it',
  },
  budgets: {
    title: 'Budget used',
    usedOf: '{{used}} approved of {{budget}}',
    none: 'No participating org in your view',
  },
  byStage: {
    title: 'By school stage',
    stage: 'Stage',
    students: 'Applying',
    approved: 'Approved',
    approvedAmount: 'Approved (10k yuan)',
  },
  total: 'Total',
  exportApplications: 'Export applications',
  exportNotice: 'Export notice list',
  empty: 'No applications yet',
};

export default dashboard;
