/** Every permission key the platform checks. Roles (contracts/roles.ts) are sets of these. */
export const PERMISSIONS = [
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
  'role.assign_any',
  'audit.read',
  'household.read',
  'household.create',
  'household.update',
  'household.check',
  'household.visit',
  'household.review',
  'household.reveal',
  'household.import',
  'household.export',
  'household.transfer',
  'household.verify',
  'application.submit',
  'application.approve',
  'fund.read',
  'fund.post',
  'payment.create',
  'payment.approve',
  'job.read',
  'job.publish',
  'policy.publish',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}
