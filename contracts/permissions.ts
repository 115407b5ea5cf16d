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
  'campaign.read',
  'campaign.manage',
  'campaign.reach',
  'application.read',
  'application.submit',
  'application.verify',
  'application.approve',
  'application.notice',
  'application.import',
  'application.reveal',
  'application.follow_up',
  'fund.read',
  'fund.post',
  'payment.create',
  'payment.approve',
  'job.read',
  /** Enter and submit job postings (an enterprise's HR account: its own enterprise's only). */
  'job.post',
  /** Review postings and publish them on the board; register enterprises. */
  'job.publish',
  /** Register job seekers, match, refer and record placements. */
  'job.match',
  /** Show a job seeker's full ID number or phone, with a reason (audited); masked everywhere else. */
  'seeker.reveal',
  'policy.publish',
  /** Answer and close consultations routed to the actor's subtree; publish FAQ entries. */
  'consultation.answer',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}
