import { eq } from 'drizzle-orm';
import { CreateUserInput } from '../../../contracts/users.js';
import { userRoles, users } from '../../db/schema/index.js';
import { audit } from '../../platform/audit.js';
import { authorize } from '../../platform/authz.js';
import type { Ctx } from '../../platform/context.js';
import { conflict } from '../../platform/errors.js';
import { generateOneTimePassword, hashPassword } from '../../platform/passwords.js';
import { getOrgInScope } from '../orgs/orgs.queries.js';
import { assertMayGrant } from './users.policy.js';
import { getUserInScope } from './users.queries.js';
import { presentUser } from './users.presenter.js';

/** Creates a staff account with a one-time password, returned once and never stored in clear. */
export async function createUser({ ctx, input }: { ctx: Ctx; input: CreateUserInput }) {
  const actor = await authorize(ctx, 'user.create');
  const data = CreateUserInput.parse(input);
  if (data.roles.length > 0) await authorize(ctx, 'role.assign');
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  return ctx.db.transaction(async (tx) => {
    const org = await getOrgInScope(tx, actor, data.orgId);
    if (!org.active) throw conflict('org_inactive', 'the org is deactivated', { field: 'orgId' });
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.username, data.username));
    if (taken) throw conflict('username_taken', `username ${data.username} is already used`, { field: 'username' });
    assertMayGrant(actor, '', data.roles, []);
    const [user] = await tx
      .insert(users)
      .values({ orgId: org.id, username: data.username, displayName: data.displayName, passwordHash, mustChangePassword: true })
      .returning();
    if (data.roles.length > 0)
      await tx.insert(userRoles).values(data.roles.map((roleKey) => ({ userId: user.id, roleKey, grantedBy: actor.userId })));
    await audit(tx, ctx, 'user.create', {
      objectType: 'user',
      objectId: user.id,
      orgId: org.id,
      orgPath: org.path,
      details: { username: user.username, roles: data.roles },
    });
    return { user: presentUser(await getUserInScope(tx, actor, user.id), ctx.clock.now()), oneTimePassword };
  });
}
