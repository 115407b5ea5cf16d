import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { listQuery } from '../../../contracts/pagination.js';
import { ROLES, ROLE_KEYS } from '../../../contracts/roles.js';
import { CreateUserInput, RoleKeySchema, SetUserRolesInput, UpdateUserInput } from '../../../contracts/users.js';
import { text } from '../../../contracts/text.js';
import { authorize } from '../../platform/authz.js';
import { IdParams, noStore, typed } from '../../platform/http.js';
import { getOrgInScope } from '../orgs/orgs.queries.js';
import { createUser } from './create-user.js';
import { resetUserPassword } from './reset-user-password.js';
import { setUserActive } from './set-user-active.js';
import { setUserRoles } from './set-user-roles.js';
import { unlockUser } from './unlock-user.js';
import { updateUser } from './update-user.js';
import { getUserInScope, listUsers, type UserSort } from './users.queries.js';
import { presentUser } from './users.presenter.js';

const UserListQuery = listQuery(['username', 'displayName', 'createdAt'], 'username').extend({
  q: text().max(100).optional(),
  orgId: z.uuid().optional(),
  role: RoleKeySchema.optional(),
  active: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});

export function registerUserRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);

  app.get('/api/roles', { schema: { tags: ['users'], summary: 'The roles and their permissions' } }, async (req) => {
    await authorize(req.ctx, 'user.read');
    return { items: ROLE_KEYS.map((key) => ({ key, separated: ROLES[key].separated, permissions: ROLES[key].permissions })) };
  });

  app.get('/api/users', { schema: { tags: ['users'], summary: 'List staff accounts in the actor\'s subtree', querystring: UserListQuery } }, async (req) => {
    const actor = await authorize(req.ctx, 'user.read');
    const { page, pageSize, sort, order, orgId, ...filter } = req.query;
    const under = orgId ? await getOrgInScope(req.ctx.db, actor, orgId) : undefined;
    const { items, total } = await listUsers(req.ctx.db, actor, { ...filter, underOrgPath: under?.path }, { page, pageSize, sort: sort as UserSort, order });
    const now = req.ctx.clock.now();
    return { items: items.map((u) => presentUser(u, now)), total, page, pageSize };
  });

  app.get('/api/users/:id', { schema: { tags: ['users'], summary: 'One staff account', params: IdParams }, config: { resource: 'user' } }, async (req) => {
    const actor = await authorize(req.ctx, 'user.read');
    return presentUser(await getUserInScope(req.ctx.db, actor, req.params.id), req.ctx.clock.now());
  });

  app.post('/api/users', { schema: { tags: ['users'], summary: 'Create a staff account (answers a one-time password)', body: CreateUserInput } }, async (req, reply) => {
    noStore(reply);
    reply.status(201);
    return createUser({ ctx: req.ctx, input: req.body });
  });

  app.patch('/api/users/:id', { schema: { tags: ['users'], summary: 'Rename a staff account or move it to another org', params: IdParams, body: UpdateUserInput }, config: { resource: 'user' } }, async (req) =>
    updateUser({ ctx: req.ctx, id: req.params.id, input: req.body }),
  );

  app.put('/api/users/:id/roles', { schema: { tags: ['users'], summary: 'Set the roles of a staff account', params: IdParams, body: SetUserRolesInput }, config: { resource: 'user' } }, async (req) =>
    setUserRoles({ ctx: req.ctx, id: req.params.id, input: req.body }),
  );

  app.post('/api/users/:id/disable', { schema: { tags: ['users'], summary: 'Disable a staff account (ends its sessions)', params: IdParams }, config: { resource: 'user' } }, async (req) =>
    setUserActive({ ctx: req.ctx, id: req.params.id, active: false }),
  );

  app.post('/api/users/:id/enable', { schema: { tags: ['users'], summary: 'Enable a staff account', params: IdParams }, config: { resource: 'user' } }, async (req) =>
    setUserActive({ ctx: req.ctx, id: req.params.id, active: true }),
  );

  app.post('/api/users/:id/unlock', { schema: { tags: ['users'], summary: 'Unlock an account locked by failed sign-ins', params: IdParams }, config: { resource: 'user' } }, async (req) =>
    unlockUser({ ctx: req.ctx, id: req.params.id }),
  );

  app.post('/api/users/:id/reset-password', { schema: { tags: ['users'], summary: 'Reset a password (answers a one-time password)', params: IdParams }, config: { resource: 'user' } }, async (req, reply) => {
    noStore(reply);
    return resetUserPassword({ ctx: req.ctx, id: req.params.id });
  });
}
