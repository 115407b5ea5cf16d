import type { Permission } from './permissions.js';

export const ROLE_KEYS = [
  'system_admin',
  'security_admin',
  'auditor',
  'org_admin',
  'caseworker',
  'reviewer',
  'finance_officer',
  'fund_auditor',
  'jobs_officer',
  'enterprise_hr',
] as const;
export type RoleKey = (typeof ROLE_KEYS)[number];

const HOUSEHOLD_WORK: Permission[] = [
  'household.read',
  'household.create',
  'household.update',
  'household.check',
  'household.visit',
  'household.import',
  'household.export',
  'household.transfer',
  'household.verify',
  'campaign.read',
  'campaign.reach',
  'application.read',
  'application.submit',
  'application.import',
  'application.follow_up',
];

/**
 * The built-in roles. The three separated administrators (三员) hold no business permissions and
 * none of them can read what another one does: system admin runs orgs and accounts, security admin
 * grants roles and unlocks accounts, auditor reads the audit log (docs/decisions/003-roles.md).
 */
export const ROLES: Record<RoleKey, { permissions: Permission[]; separated: boolean }> = {
  system_admin: {
    separated: true,
    permissions: [
      'org.read',
      'org.create',
      'org.update',
      'org.move',
      'org.deactivate',
      'user.read',
      'user.create',
      'user.update',
      'user.disable',
      'user.reset_password',
    ],
  },
  security_admin: {
    separated: true,
    permissions: ['org.read', 'user.read', 'user.disable', 'user.unlock', 'role.assign', 'role.assign_any'],
  },
  auditor: { separated: true, permissions: ['org.read', 'user.read', 'audit.read'] },
  org_admin: {
    separated: false,
    permissions: [
      'org.read',
      'org.create',
      'org.update',
      'org.move',
      'org.deactivate',
      'user.read',
      'user.create',
      'user.update',
      'user.disable',
      'user.unlock',
      'user.reset_password',
      'role.assign',
      ...HOUSEHOLD_WORK,
      'household.review',
      'household.reveal',
      'campaign.manage',
      'application.verify',
      'application.approve',
      'application.notice',
      'application.reveal',
      'fund.read',
      'job.read',
      'job.post',
      'job.publish',
      'job.match',
      'seeker.reveal',
      'policy.publish',
      'consultation.answer',
    ],
  },
  caseworker: { separated: false, permissions: ['org.read', ...HOUSEHOLD_WORK] },
  reviewer: {
    separated: false,
    permissions: [
      'org.read',
      'household.read',
      'household.review',
      'household.reveal',
      'household.export',
      'campaign.read',
      'application.read',
      'application.verify',
      'application.approve',
      'application.notice',
      'application.reveal',
    ],
  },
  finance_officer: {
    separated: false,
    permissions: ['org.read', 'household.read', 'campaign.read', 'application.read', 'fund.read', 'fund.post', 'payment.create', 'payment.approve'],
  },
  /**
   * 经审人员 (the union's fund review committee): reads every fund, statement, batch, in-kind issue and
   * the reconciliation of its subtree, to prove raised = paid + balance, and moves no money.
   */
  fund_auditor: { separated: false, permissions: ['org.read', 'campaign.read', 'fund.read'] },
  /** Reveals a seeker's number to phone them about a referral (seeker.reveal), as reviewers do households'. */
  jobs_officer: { separated: false, permissions: ['org.read', 'job.read', 'job.post', 'job.publish', 'job.match', 'seeker.reveal', 'policy.publish', 'consultation.answer'] },
  /** An enterprise's HR contact: its own enterprise's postings only (users.enterprise_id). */
  enterprise_hr: { separated: false, permissions: ['job.read', 'job.post'] },
};

export function isRoleKey(value: string): value is RoleKey {
  return (ROLE_KEYS as readonly string[]).includes(value);
}

export function permissionsOf(roleKeys: readonly string[]): Set<Permission> {
  const set = new Set<Permission>();
  for (const key of roleKeys) if (isRoleKey(key)) for (const p of ROLES[key].permissions) set.add(p);
  return set;
}
