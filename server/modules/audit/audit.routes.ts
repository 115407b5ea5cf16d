import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { listQuery } from '../../../contracts/pagination.js';
import { text } from '../../../contracts/text.js';
import { authorize } from '../../platform/authz.js';
import { typed } from '../../platform/http.js';
import { getOrgInScope } from '../orgs/orgs.queries.js';
import { searchAudit } from './audit.queries.js';

const AuditQuery = listQuery(['at'], 'at')
  .extend({
    actor: text().max(64).optional(),
    orgId: z.uuid().optional(),
    action: z.string().trim().regex(/^[a-z_]+(\.[a-z_]*)?$/, 'entity.verb, or entity. for all verbs').optional(),
    objectType: text().max(40).optional(),
    objectId: text().max(64).optional(),
    outcome: z.enum(['success', 'denied', 'failure']).optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
  })
  .extend({ order: z.enum(['asc', 'desc']).default('desc') });

export function registerAuditRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  app.get('/api/audit', { schema: { tags: ['audit'], summary: 'Search the audit log', querystring: AuditQuery } }, async (req) => {
    const actor = await authorize(req.ctx, 'audit.read');
    const { page, pageSize, order, orgId, from, to, sort: _sort, ...filter } = req.query;
    const under = orgId ? await getOrgInScope(req.ctx.db, actor, orgId) : undefined;
    const { items, total } = await searchAudit(
      req.ctx.db,
      actor,
      { ...filter, underOrgPath: under?.path, from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined },
      { page, pageSize, order },
    );
    return {
      items: items.map(({ actorOrgPath, ...e }) => {
        // Staff of a higher org act on this subtree too: show their name, not ids from outside the scope.
        const actorInScope = !!actorOrgPath && actorOrgPath.startsWith(actor.orgPath);
        return { ...e, actorUserId: actorInScope ? e.actorUserId : null, actorOrgId: actorInScope ? e.actorOrgId : null, at: e.at.toISOString() };
      }),
      total,
      page,
      pageSize,
    };
  });
}
