import type { RoleKey } from '../../../contracts/roles.js';

/** Demo mode only (DEMO=1, the default of `npm start`); listed in the README. Never created by `npm run serve`. */
export const DEMO_PASSWORD = 'Demo-Jiaozuo-2021';

export const DEMO_ACCOUNTS: Array<{ username: string; displayName: string; orgCode: string; roles: RoleKey[] }> = [
  { username: 'city.admin', displayName: '市总工会管理员', orgCode: 'JZ', roles: ['org_admin'] },
  { username: 'city.reviewer', displayName: '市帮扶中心审核员', orgCode: 'JZ', roles: ['reviewer'] },
  { username: 'zz.admin', displayName: '中站区总工会管理员', orgCode: 'JZ-ZZ', roles: ['org_admin'] },
  { username: 'zz.reviewer', displayName: '中站区帮扶中心审核员', orgCode: 'JZ-ZZ', roles: ['reviewer'] },
  { username: 'zz.caseworker', displayName: '中站区帮扶专干', orgCode: 'JZ-ZZ', roles: ['caseworker'] },
  { username: 'fc.caseworker', displayName: '府城街道帮扶专干', orgCode: 'JZ-ZZ-FC', roles: ['caseworker'] },
  { username: 'zg2.caseworker', displayName: '赵固二矿工会干事', orgCode: 'JZ-JM-ZG2', roles: ['caseworker'] },
  { username: 'zg2.reviewer', displayName: '赵固二矿工会主席', orgCode: 'JZ-JM-ZG2', roles: ['reviewer'] },
  { username: 'jm.reviewer', displayName: '焦煤集团工会审核员', orgCode: 'JZ-JM', roles: ['reviewer'] },
  { username: 'finance', displayName: '市总工会财务', orgCode: 'JZ', roles: ['finance_officer'] },
  // The second finance officer: approves the payment batches `finance` builds (maker ≠ checker).
  { username: 'finance.checker', displayName: '市总工会财务复核', orgCode: 'JZ', roles: ['finance_officer'] },
  // The fund review committee (经审): reads funds, statements and the reconciliation, moves no money.
  { username: 'fund.auditor', displayName: '市总工会经审办', orgCode: 'JZ', roles: ['fund_auditor'] },
  { username: 'jobs', displayName: '市总工会就业专员', orgCode: 'JZ', roles: ['jobs_officer'] },
  // An enterprise's HR contact (焦煤集团's first mine company on the job board): posts its own jobs only.
  { username: 'hr.demo', displayName: '企业招聘专员', orgCode: 'JZ-JM', roles: ['enterprise_hr'] },
  { username: 'sysadmin', displayName: '系统管理员', orgCode: 'JZ', roles: ['system_admin'] },
  { username: 'secadmin', displayName: '安全管理员', orgCode: 'JZ', roles: ['security_admin'] },
  { username: 'auditor', displayName: '安全审计员', orgCode: 'JZ', roles: ['auditor'] },
];
