import { eq } from 'drizzle-orm';
import { CreateHrAccountInput } from '../../../../contracts/enterprises.js';
import { orgs, userRoles, users } from '../../../db/schema/index.js';
import { audit } from '../../../platform/audit.js';
import { authorize } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { conflict } from '../../../platform/errors.js';
import { generateOneTimePassword, hashPassword } from '../../../platform/passwords.js';
import { getEnterpriseInScope } from './enterprises.queries.js';
import { presentHrAccount } from './enterprises.presenter.js';

/**
 * 创建招聘账号: an account for the enterprise's HR contact, a user of the enterprise's org holding
 * `enterprise_hr` and scoped to the enterprise (users.enterprise_id). As for every account, the
 * password is a one-time one, returned once and never stored in clear: the contact must change it
 * at the first sign-in.
 */
export async function createHrAccount({ ctx, enterpriseId, input }: { ctx: Ctx; enterpriseId: string; input: unknown }) {
  const actor = await authorize(ctx, 'job.publish');
  const data = CreateHrAccountInput.parse(input);
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  return ctx.db.transaction(async (tx) => {
    const { enterprise: e, orgPath } = await getEnterpriseInScope(tx, actor, enterpriseId, { forUpdate: true });
    if (e.status !== 'active') throw conflict('enterprise_inactive', 'the enterprise is deactivated');
    const [org] = await tx.select({ active: orgs.active }).from(orgs).where(eq(orgs.id, e.orgId));
    if (!org.active) throw conflict('org_inactive', 'the enterprise’s org is deactivated');
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.username, data.username));
    if (taken) throw conflict('username_taken', `username ${data.username} is already used`, { field: 'username' });
    const [user] = await tx
      .insert(users)
      .values({ orgId: e.orgId, username: data.username, displayName: data.displayName, passwordHash, mustChangePassword: true, enterpriseId: e.id })
      .returning();
    await tx.insert(userRoles).values({ userId: user.id, roleKey: 'enterprise_hr', grantedBy: actor.userId });
    await audit(tx, ctx, 'user.create', { objectType: 'user', objectId: user.id, orgId: e.orgId, orgPath, details: { username: user.username, roles: ['enterprise_hr'], enterpriseId: e.id } });
    return { account: presentHrAccount(user), oneTimePassword };
  });
}
