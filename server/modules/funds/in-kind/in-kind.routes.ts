import type { FastifyInstance } from 'fastify';
import { InKindIssueQuery } from '../../../../contracts/in-kind.js';
import { authorize } from '../../../platform/authz.js';
import { noStore, sendXlsx, typed, XLSX_MIME } from '../../../platform/http.js';
import { exportInKindIssues } from './export-in-kind-issues.js';
import { presentInKindIssue } from './in-kind.presenter.js';
import { inKindFilter, inKindTotals, listInKindIssues } from './in-kind.queries.js';

const ExportQuery = InKindIssueQuery.omit({ page: true, pageSize: true });

/** The in-kind register (实物发放登记): items handed out with grants, in pieces, as payment batches recorded them. */
export function registerInKindRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const tags = ['payments'];

  app.get('/api/in-kind-issues', { schema: { tags, summary: 'In-kind items issued in the actor’s subtree: a page of issues and the pieces by item', querystring: InKindIssueQuery } }, async (req, reply) => {
    const actor = await authorize(req.ctx, 'fund.read');
    const { page, pageSize, ...query } = req.query;
    const filter = await inKindFilter(req.ctx.db, actor, query);
    const [items, totals] = await Promise.all([listInKindIssues(req.ctx.db, actor, filter, { page, pageSize }), inKindTotals(req.ctx.db, actor, filter)]);
    noStore(reply);
    return { items: items.map(presentInKindIssue), total: totals.total, byItem: totals.byItem, page, pageSize };
  });

  app.get('/api/in-kind-issues.xlsx', { schema: { tags, summary: 'The in-kind register as .xlsx (audited: it names recipients)', querystring: ExportQuery, produces: [XLSX_MIME] } }, async (req, reply) => {
    const { buffer, fileName } = await exportInKindIssues({ ctx: req.ctx, query: req.query });
    sendXlsx(reply, fileName);
    return reply.send(buffer);
  });
}
