import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AllocateInput, CreateFundInput, RecordIncomeInput, StatementQuery } from '../../../contracts/funds.js';
import { authorize } from '../../platform/authz.js';
import { IdParams, noStore, sendXlsx, typed } from '../../platform/http.js';
import { IdempotencyHeaders } from '../../platform/idempotency.js';
import { getOrgInScope } from '../orgs/orgs.queries.js';
import { allocateFunds } from './allocate-funds.js';
import { statementPeriod } from './booking-dates.js';
import { createFund } from './create-fund.js';
import { exportStatement } from './export-statement.js';
import { fundStatement } from './fund-statement.js';
import { fundAccounts, getFundInScope, listFundAllocations, listFunds } from './funds.queries.js';
import { presentFund } from './funds.presenter.js';
import { recordIncome } from './record-income.js';
import { reconcileFunds } from './reconcile-funds.js';

const FundListQuery = z.strictObject({ orgId: z.uuid().optional() });
const StatementExportQuery = StatementQuery.pick({ from: true, to: true });

/** Funds (资金), their statements, income, allocations between orgs, and the reconciliation page. */
export function registerFundRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const tags = ['funds'];
  const fund = { resource: 'fund' };

  app.get('/api/funds', { schema: { tags, summary: 'The funds of the actor’s subtree (or an org’s in it), with raised, allocated, paid and balance', querystring: FundListQuery } }, async (req) => {
    const actor = await authorize(req.ctx, 'fund.read');
    const org = req.query.orgId ? await getOrgInScope(req.ctx.db, actor, req.query.orgId) : null;
    return { items: (await listFunds(req.ctx.db, actor, { orgPath: org?.path })).map(presentFund) };
  });

  app.post('/api/funds', { schema: { tags, summary: 'Open a fund at an org of the actor’s subtree', body: CreateFundInput } }, async (req, reply) => {
    reply.status(201);
    return createFund({ ctx: req.ctx, input: req.body });
  });

  app.get('/api/funds/:id', { schema: { tags, summary: 'One fund with its figures', params: IdParams }, config: fund }, async (req) => {
    const actor = await authorize(req.ctx, 'fund.read');
    return presentFund(await getFundInScope(req.ctx.db, actor, req.params.id));
  });

  app.get('/api/funds/:id/statement', { schema: { tags, summary: 'A fund’s statement for a period: opening, movements with the balance after each (keyset pages), totals, closing', params: IdParams, querystring: StatementQuery }, config: fund }, async (req, reply) => {
    const actor = await authorize(req.ctx, 'fund.read');
    const { fund: f } = await getFundInScope(req.ctx.db, actor, req.params.id);
    const period = statementPeriod(req.ctx, req.query);
    const accounts = await fundAccounts(req.ctx.db, f.id);
    noStore(reply);
    return fundStatement(req.ctx.db, accounts.fund_balance, { ...period, after: req.query.after, pageSize: req.query.pageSize });
  });

  app.get('/api/funds/:id/statement.xlsx', { schema: { tags, summary: 'A fund’s statement for a period as .xlsx (audited)', params: IdParams, querystring: StatementExportQuery }, config: fund }, async (req, reply) => {
    const { buffer, fileName } = await exportStatement({ ctx: req.ctx, fundId: req.params.id, ...statementPeriod(req.ctx, req.query) });
    sendXlsx(reply, fileName);
    return reply.send(buffer);
  });

  app.post('/api/funds/:id/incomes', { schema: { tags, summary: 'Book income into a fund: dues budget, an enterprise’s contribution, or an allocation from outside the platform', params: IdParams, body: RecordIncomeInput, headers: IdempotencyHeaders }, config: { ...fund, idempotent: true } }, async (req, reply) => {
    reply.status(201);
    return recordIncome({ ctx: req.ctx, fundId: req.params.id, input: req.body });
  });

  app.post('/api/funds/:id/allocations', { schema: { tags, summary: '上级拨款: move money to a fund of an org below this fund’s org', params: IdParams, body: AllocateInput, headers: IdempotencyHeaders }, config: { ...fund, idempotent: true } }, async (req, reply) => {
    reply.status(201);
    return allocateFunds({ ctx: req.ctx, fundId: req.params.id, input: req.body });
  });

  app.get('/api/funds/:id/allocations', { schema: { tags, summary: 'Allocations out of and into a fund', params: IdParams }, config: fund }, async (req) => {
    const actor = await authorize(req.ctx, 'fund.read');
    const { fund: f } = await getFundInScope(req.ctx.db, actor, req.params.id);
    return { items: await listFundAllocations(req.ctx.db, actor, f.id) };
  });

  app.get('/api/ledger/reconcile', { schema: { tags, summary: 'Recompute every balance from the journal now and compare (the subtree’s funds, and the whole journal’s check)' } }, async (req, reply) => {
    noStore(reply);
    return reconcileFunds(req.ctx);
  });
}
