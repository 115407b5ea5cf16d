import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  APPLICATION_STATUSES,
  ApplicationObjectionInput,
  BulkStepInput,
  CreateApplicationInput,
  ResolveApplicationObjectionInput,
  StartCampaignNoticeInput,
  StepInput,
  UpdateApplicationInput,
  type ApplicationStep,
} from '../../../../contracts/campaigns.js';
import { SchoolStage } from '../../../../contracts/households.js';
import { text } from '../../../../contracts/text.js';
import { audit } from '../../../platform/audit.js';
import { authorize } from '../../../platform/authz.js';
import type { FileStore } from '../../../platform/file-store.js';
import { IdParams, noStore, typed } from '../../../platform/http.js';
import { getOrgInScope } from '../../orgs/orgs.queries.js';
import { getCampaignInScope } from '../campaigns.queries.js';
import { presentApplicationDetail, presentApplicationListItem } from './applications.presenter.js';
import { APPLICATION_SORTS, getApplicationInScope, listApplications, loadApplicationParts } from './applications.queries.js';
import { registerApplicationAttachmentRoutes } from './attachments/application-attachments.routes.js';
import { bulkApplicationStep } from './bulk-application-step.js';
import { createApplication } from './create-application.js';
import { recordApplicationObjection, releaseFromNotice, resolveApplicationObjection, startCampaignNotice } from './notice.js';
import { publicNotice } from './public-notice.js';
import { revealApplicationPii, RevealApplicationInput } from './reveal-application-pii.js';
import { runApplicationStep } from './run-application-step.js';
import { updateApplication } from './update-application.js';

export const ApplicationListQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  sort: z.enum(APPLICATION_SORTS).default('createdAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
  campaignId: z.uuid().optional(),
  orgId: z.uuid().optional(),
  status: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(',') : undefined))
    .pipe(z.array(z.enum(APPLICATION_STATUSES)).optional()),
  schoolStage: SchoolStage.schema.optional(),
  filed: z.enum(['true', 'false']).optional().transform((v) => (v === undefined ? undefined : v === 'true')),
  q: text().min(1).max(50).optional(),
});

const STEP_ROUTES: Array<{ path: string; step: ApplicationStep; summary: string; body?: z.ZodType }> = [
  { path: 'submit', step: 'submit', summary: 'Submit a draft (the grassroots union; the five clears must all be checked)' },
  { path: 'verify', step: 'verify', summary: 'Verify a submitted application (maker ≠ checker)', body: StepInput },
  { path: 'approve-district', step: 'approve_district', summary: 'Approve at the county/district federation (maker ≠ checker)', body: StepInput },
  { path: 'approve-city', step: 'approve_city', summary: 'Approve at the city federation: fixes the amount, within the org’s budget', body: StepInput },
  { path: 'return', step: 'return', summary: 'Return to the previous step with a reason', body: StepInput },
  { path: 'reject', step: 'reject', summary: 'Reject with a reason (不予资助)', body: StepInput },
  { path: 'withdraw', step: 'withdraw', summary: 'Withdraw a draft or submitted application', body: StepInput },
];

const ObjectionParams = z.strictObject({ id: z.uuid(), objectionId: z.uuid() });

export function registerApplicationRoutes(fastify: FastifyInstance, files: FileStore) {
  const app = typed(fastify);
  const tags = ['applications'];
  const byId = { resource: 'application' };
  const byCampaign = { resource: 'campaign' };
  registerApplicationAttachmentRoutes(fastify, files);

  app.get('/api/applications', { schema: { tags, summary: 'List applications (masked), by campaign, status, org subtree, stage', querystring: ApplicationListQuery } }, async (req, reply) => {
    const actor = await authorize(req.ctx, 'application.read');
    const { page, pageSize, sort, order, orgId, ...filter } = req.query;
    if (filter.campaignId) await getCampaignInScope(req.ctx.db, actor, filter.campaignId);
    const under = orgId ? await getOrgInScope(req.ctx.db, actor, orgId) : undefined;
    const { items, total } = await listApplications(req.ctx.db, actor, { ...filter, underOrgPath: under?.path }, { page, pageSize, sort, order });
    noStore(reply);
    return { items: items.map(presentApplicationListItem), total, page, pageSize };
  });

  app.get('/api/applications/:id', { schema: { tags, summary: 'One application with its history, objections, documents, grant and follow-ups (masked)', params: IdParams }, config: byId }, async (req, reply) => {
    const actor = await authorize(req.ctx, 'application.read');
    const a = await getApplicationInScope(req.ctx.db, actor, req.params.id);
    const parts = await loadApplicationParts(req.ctx.db, a.id);
    await audit(req.ctx.db, req.ctx, 'application.view', { objectType: 'application', objectId: a.id, orgId: a.orgId, orgPath: a.orgPath });
    noStore(reply);
    return presentApplicationDetail(a, parts);
  });

  app.post('/api/applications', { schema: { tags, summary: 'Make an application (draft) for one student; the rules propose the amount', body: CreateApplicationInput } }, async (req, reply) => {
    reply.status(201);
    return createApplication({ ctx: req.ctx, input: req.body });
  });

  app.patch('/api/applications/:id', { schema: { tags, summary: 'Correct a draft (the rules propose the amount again)', params: IdParams, body: UpdateApplicationInput }, config: byId }, async (req) =>
    updateApplication({ ctx: req.ctx, id: req.params.id, input: req.body }),
  );

  for (const { path, step, summary, body } of STEP_ROUTES)
    app.post(`/api/applications/:id/${path}`, { schema: { tags, summary, params: IdParams, ...(body ? { body } : {}) }, config: byId }, async (req) =>
      runApplicationStep({ ctx: req.ctx, id: req.params.id, step, input: req.body ?? {} }),
    );

  app.post('/api/applications/bulk-step', { schema: { tags, summary: 'Verify or approve selected applications, each checked as if alone', body: BulkStepInput } }, async (req) =>
    bulkApplicationStep({ ctx: req.ctx, input: req.body }),
  );

  app.post('/api/applications/:id/reveal', { schema: { tags, summary: 'Show one protected number in full (audited with the reason)', params: IdParams, body: RevealApplicationInput }, config: byId }, async (req, reply) => {
    noStore(reply);
    return revealApplicationPii({ ctx: req.ctx, id: req.params.id, input: req.body });
  });

  app.post('/api/applications/:id/objections', { schema: { tags, summary: 'Record an objection raised during the public notice', params: IdParams, body: ApplicationObjectionInput }, config: byId }, async (req, reply) => {
    reply.status(201);
    return recordApplicationObjection({ ctx: req.ctx, id: req.params.id, input: req.body });
  });

  app.post('/api/applications/:id/objections/:objectionId/resolve', { schema: { tags, summary: 'Resolve an objection (upheld sends it back to the city)', params: ObjectionParams, body: ResolveApplicationObjectionInput }, config: byId }, async (req) =>
    resolveApplicationObjection({ ctx: req.ctx, id: req.params.id, objectionId: req.params.objectionId, input: req.body }),
  );

  app.post('/api/campaigns/:id/notice', { schema: { tags, summary: 'Publish city-approved applications for the public notice (公示)', params: IdParams, body: StartCampaignNoticeInput }, config: byCampaign }, async (req) =>
    startCampaignNotice({ ctx: req.ctx, id: req.params.id, input: req.body }),
  );

  app.post('/api/campaigns/:id/release-notice', { schema: { tags, summary: 'After the notice: applications without open objections become ready for payment', params: IdParams }, config: byCampaign }, async (req) =>
    releaseFromNotice({ ctx: req.ctx, id: req.params.id }),
  );

  app.get('/api/public/campaigns/:id/notice', { schema: { tags, summary: 'The public notice list (names and IDs masked), without signing in', params: IdParams }, config: { public: true } }, async (req) =>
    publicNotice(req.ctx.db, req.params.id),
  );
}
