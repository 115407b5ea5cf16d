import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CreateHrAccountInput, EnterpriseListQuery, RegisterEnterpriseInput, UpdateEnterpriseInput } from '../../../../contracts/enterprises.js';
import { authorize } from '../../../platform/authz.js';
import { IdParams, noStore, sendXlsx, typed, XLSX_MIME } from '../../../platform/http.js';
import { getOrgInScope } from '../../orgs/orgs.queries.js';
import { createHrAccount } from './create-hr-account.js';
import { getEnterpriseInScope, listEnterprises, listHrAccounts } from './enterprises.queries.js';
import { presentEnterprise, presentHrAccount } from './enterprises.presenter.js';
import { buildEnterpriseTemplate } from './import/enterprise-sheet-template.js';
import { importEnterprises } from './import/import-enterprises.js';
import { registerEnterprise } from './register-enterprise.js';
import { setEnterpriseStatus } from './set-enterprise-status.js';
import { updateEnterprise } from './update-enterprise.js';

/** A sheet of 2,000 enterprises is well under 1 MB; the bounds check then looks at what it inflates to. */
const IMPORT_BODY_LIMIT = 4 * 1024 * 1024;
const ImportQuery = z.strictObject({ orgId: z.uuid() });

/** 用人单位: enterprises of the job board, their HR accounts, and their import from Excel. */
export function registerEnterpriseRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const tags = ['employment'];
  const enterprise = { resource: 'enterprise' };

  app.get('/api/enterprises', { schema: { tags, summary: 'Enterprises of the actor’s subtree (an HR account: its own), by name or code, industry, size, pledge, status or org', querystring: EnterpriseListQuery } }, async (req) => {
    const actor = await authorize(req.ctx, 'job.read');
    const { page, pageSize, sort, order, orgId, ...filter } = req.query;
    const under = orgId ? await getOrgInScope(req.ctx.db, actor, orgId) : null;
    const { items, total } = await listEnterprises(req.ctx.db, actor, { ...filter, underPath: under?.path }, { page, pageSize, sort, order });
    return { items: items.map(presentEnterprise), total, page, pageSize };
  });

  app.post('/api/enterprises', { schema: { tags, summary: '登记用人单位: an enterprise of an org in the actor’s subtree; its unified social credit code is check-verified and registered once', body: RegisterEnterpriseInput } }, async (req, reply) => {
    reply.status(201);
    return registerEnterprise({ ctx: req.ctx, input: req.body });
  });

  app.get('/api/enterprises/:id', { schema: { tags, summary: 'One enterprise', params: IdParams }, config: enterprise }, async (req) => {
    const actor = await authorize(req.ctx, 'job.read');
    return presentEnterprise(await getEnterpriseInScope(req.ctx.db, actor, req.params.id));
  });

  app.patch('/api/enterprises/:id', { schema: { tags, summary: 'Correct an enterprise (with the version read); an HR account its own, but not its code', params: IdParams, body: UpdateEnterpriseInput }, config: enterprise }, async (req) =>
    updateEnterprise({ ctx: req.ctx, id: req.params.id, input: req.body }),
  );

  app.post('/api/enterprises/:id/deactivate', { schema: { tags, summary: '停用: the enterprise stays on file but posts nothing new', params: IdParams }, config: enterprise }, async (req) =>
    setEnterpriseStatus({ ctx: req.ctx, id: req.params.id, status: 'inactive' }),
  );

  app.post('/api/enterprises/:id/activate', { schema: { tags, summary: '启用: a deactivated enterprise again', params: IdParams }, config: enterprise }, async (req) =>
    setEnterpriseStatus({ ctx: req.ctx, id: req.params.id, status: 'active' }),
  );

  app.get('/api/enterprises/:id/hr-accounts', { schema: { tags, summary: 'The enterprise’s HR accounts (招聘账号)', params: IdParams }, config: enterprise }, async (req) => {
    const actor = await authorize(req.ctx, 'job.publish');
    const { enterprise: e } = await getEnterpriseInScope(req.ctx.db, actor, req.params.id);
    return { items: (await listHrAccounts(req.ctx.db, e.id)).map(presentHrAccount) };
  });

  app.post('/api/enterprises/:id/hr-accounts', { schema: { tags, summary: '创建招聘账号: an account for the enterprise’s HR contact, scoped to the enterprise, with a one-time password shown once', params: IdParams, body: CreateHrAccountInput }, config: enterprise }, async (req, reply) => {
    reply.status(201);
    noStore(reply);
    return createHrAccount({ ctx: req.ctx, enterpriseId: req.params.id, input: req.body });
  });

  app.get('/api/enterprise-imports/template.xlsx', { schema: { tags, summary: 'The Excel template of an enterprise import (用人单位名单)', produces: [XLSX_MIME] } }, async (req, reply) => {
    await authorize(req.ctx, 'job.publish');
    sendXlsx(reply, '用人单位导入模板.xlsx');
    return reply.send(await buildEnterpriseTemplate());
  });

  // The workbook is the raw request body; its parser lives in this route's own context.
  void fastify.register(async (raw) => {
    raw.removeAllContentTypeParsers();
    raw.addContentTypeParser(XLSX_MIME, { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT }, (_req, body, done) => done(null, body));
    typed(raw).post(
      '/api/enterprise-imports',
      {
        schema: { tags, summary: 'Import enterprises of an org from the template (the .xlsx file is the raw body), all or nothing: every cell in error is reported and then nothing is written', querystring: ImportQuery },
        bodyLimit: IMPORT_BODY_LIMIT,
        config: { rawBody: [XLSX_MIME] },
      },
      async (req, reply) => {
        const result = await importEnterprises({ ctx: req.ctx, orgId: req.query.orgId, buffer: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0) });
        reply.status(result.ok ? 201 : 200);
        return result;
      },
    );
  });
}
