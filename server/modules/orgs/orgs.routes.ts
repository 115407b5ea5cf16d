import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CreateOrgInput, MoveOrgInput, OrgType, UpdateOrgInput } from '../../../contracts/orgs.js';
import { listQuery } from '../../../contracts/pagination.js';
import { text } from '../../../contracts/text.js';
import { authorize } from '../../platform/authz.js';
import { IdParams, typed } from '../../platform/http.js';
import { createOrg } from './create-org.js';
import { moveOrg } from './move-org.js';
import { getOrgInScope, listOrgs, listSubtree, type OrgSort } from './orgs.queries.js';
import { countOrgSubtree } from './count-org-subtree.js';
import { presentOrg } from './orgs.presenter.js';
import { setOrgActive } from './set-org-active.js';
import { updateOrg } from './update-org.js';

const OrgListQuery = listQuery(['path', 'name', 'code', 'type', 'depth', 'createdAt'], 'path').extend({
  q: text().max(100).optional(),
  type: OrgType.optional(),
  parentId: z.uuid().optional(),
  underId: z.uuid().optional(),
  active: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});

export function registerOrgRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);

  app.get('/api/orgs', { schema: { tags: ['orgs'], summary: 'List orgs in the actor\'s subtree', querystring: OrgListQuery } }, async (req) => {
    const actor = await authorize(req.ctx, 'org.read');
    const { page, pageSize, sort, order, underId, ...filter } = req.query;
    const under = underId ? await getOrgInScope(req.ctx.db, actor, underId) : undefined;
    const { items, total } = await listOrgs(req.ctx.db, actor, { ...filter, under }, { page, pageSize, sort: sort as OrgSort, order });
    return { items: items.map((o) => presentOrg(o, actor)), total, page, pageSize };
  });

  app.get('/api/orgs/tree', { schema: { tags: ['orgs'], summary: 'The org tree under the actor\'s org' } }, async (req) => {
    const actor = await authorize(req.ctx, 'org.read');
    const rows = await listSubtree(req.ctx.db, actor);
    return { rootId: actor.orgId, items: rows.map((o) => presentOrg(o, actor)) };
  });

  app.get('/api/orgs/:id', { schema: { tags: ['orgs'], summary: 'One org', params: IdParams }, config: { resource: 'org' } }, async (req) => {
    const actor = await authorize(req.ctx, 'org.read');
    return presentOrg(await getOrgInScope(req.ctx.db, actor, req.params.id), actor);
  });

  app.get('/api/orgs/:id/stats', { schema: { tags: ['orgs'], summary: 'Counts of an org\'s subtree', params: IdParams }, config: { resource: 'org' } }, async (req) =>
    countOrgSubtree({ ctx: req.ctx, id: req.params.id }),
  );

  app.post('/api/orgs', { schema: { tags: ['orgs'], summary: 'Create an org under a parent', body: CreateOrgInput } }, async (req, reply) => {
    reply.status(201);
    return createOrg({ ctx: req.ctx, input: req.body });
  });

  app.patch('/api/orgs/:id', { schema: { tags: ['orgs'], summary: 'Rename or retype an org', params: IdParams, body: UpdateOrgInput }, config: { resource: 'org' } }, async (req) =>
    updateOrg({ ctx: req.ctx, id: req.params.id, input: req.body }),
  );

  app.post('/api/orgs/:id/move', { schema: { tags: ['orgs'], summary: 'Move an org (and its subtree) under another parent', params: IdParams, body: MoveOrgInput }, config: { resource: 'org' } }, async (req) =>
    moveOrg({ ctx: req.ctx, id: req.params.id, input: req.body }),
  );

  app.post('/api/orgs/:id/deactivate', { schema: { tags: ['orgs'], summary: 'Deactivate an org', params: IdParams }, config: { resource: 'org' } }, async (req) =>
    setOrgActive({ ctx: req.ctx, id: req.params.id, active: false }),
  );

  app.post('/api/orgs/:id/activate', { schema: { tags: ['orgs'], summary: 'Reactivate an org', params: IdParams }, config: { resource: 'org' } }, async (req) =>
    setOrgActive({ ctx: req.ctx, id: req.params.id, active: true }),
  );
}
