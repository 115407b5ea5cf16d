import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { RecordContactInput, WorklistReason } from '../../../../contracts/campaigns.js';
import { authorize } from '../../../platform/authz.js';
import { IdParams, noStore, sendXlsx, typed } from '../../../platform/http.js';
import { getOrgInScope } from '../../orgs/orgs.queries.js';
import { getCampaignInScope } from '../campaigns.queries.js';
import { exportReach } from './export-reach.js';
import { recordContact } from './record-contact.js';
import { reachReport } from './reach-report.js';
import { presentContact, presentWorklistEntry } from './reach.presenter.js';
import { listContacts, listWorklist } from './reach.queries.js';
import { startWorklistBuild } from './worklist-jobs.js';

const yesNo = z.enum(['yes', 'no']).transform((v) => v === 'yes');
const paging = {
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};
const WorklistQuery = z.strictObject({ ...paging, orgId: z.uuid().optional(), reached: yesNo.optional(), applied: yesNo.optional(), reason: WorklistReason.schema.optional() });
const NotAppliedQuery = z.strictObject({ ...paging, orgId: z.uuid().optional() });
const OrgQuery = z.strictObject({ orgId: z.uuid().optional() });
// Loose on purpose: any key that cannot be an entry simply finds none (an empty list, as outside the scope).
const StudentParams = z.strictObject({ id: z.uuid(), studentIdHash: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a worklist entry key') });

/** Reach (宣传发动, 通知到人) and the "no one left out" report (应助尽助) of a campaign. */
export function registerReachRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const tags = ['campaigns'];
  const byId = { resource: 'campaign' };

  app.post('/api/campaigns/:id/worklist/build', { schema: { tags, summary: 'Build the worklist of eligible students from the archive, for the actor’s scope (a background job)', params: IdParams }, config: byId }, async (req, reply) => {
    reply.status(202);
    return startWorklistBuild({ ctx: req.ctx, campaignId: req.params.id });
  });

  app.get('/api/campaigns/:id/worklist', { schema: { tags, summary: 'The worklist (masked), with each student’s last contact and whether they applied', params: IdParams, querystring: WorklistQuery }, config: byId }, async (req, reply) => {
    const actor = await authorize(req.ctx, 'campaign.reach');
    const campaign = await getCampaignInScope(req.ctx.db, actor, req.params.id);
    const { page, pageSize, orgId, reached, applied, reason } = req.query;
    const under = orgId ? await getOrgInScope(req.ctx.db, actor, orgId) : undefined;
    const { items, total } = await listWorklist(req.ctx.db, actor, campaign.id, { underOrgPath: under?.path, reached, applied, reason }, { page, pageSize });
    noStore(reply);
    return { items: items.map(presentWorklistEntry), total, page, pageSize, worklistBuiltAt: campaign.worklistBuiltAt?.toISOString() ?? null };
  });

  app.get('/api/campaigns/:id/worklist/:studentIdHash/contacts', { schema: { tags, summary: 'The contacts recorded with one worklist student’s family', params: StudentParams }, config: byId }, async (req, reply) => {
    const actor = await authorize(req.ctx, 'campaign.reach');
    const campaign = await getCampaignInScope(req.ctx.db, actor, req.params.id);
    noStore(reply);
    return { items: (await listContacts(req.ctx.db, actor, campaign.id, req.params.studentIdHash)).map(presentContact) };
  });

  app.post('/api/campaigns/:id/contacts', { schema: { tags, summary: 'Record a contact with a worklist student’s family (an SMS goes out through the outbox)', params: IdParams, body: RecordContactInput }, config: byId }, async (req, reply) => {
    reply.status(201);
    return recordContact({ ctx: req.ctx, campaignId: req.params.id, input: req.body });
  });

  app.get('/api/campaigns/:id/reach-report', { schema: { tags, summary: 'No one left out (应助尽助): eligible, reached and applied per org; ?orgId= drills into an org', params: IdParams, querystring: OrgQuery }, config: byId }, async (req) =>
    reachReport({ ctx: req.ctx, campaignId: req.params.id, orgId: req.query.orgId }),
  );

  app.get('/api/campaigns/:id/reach-report/not-applied', { schema: { tags, summary: 'Eligible students without an application (masked)', params: IdParams, querystring: NotAppliedQuery }, config: byId }, async (req, reply) => {
    const actor = await authorize(req.ctx, 'campaign.reach');
    const campaign = await getCampaignInScope(req.ctx.db, actor, req.params.id);
    const { page, pageSize, orgId } = req.query;
    const under = orgId ? await getOrgInScope(req.ctx.db, actor, orgId) : undefined;
    const { items, total } = await listWorklist(req.ctx.db, actor, campaign.id, { underOrgPath: under?.path, applied: false }, { page, pageSize });
    noStore(reply);
    return { items: items.map(presentWorklistEntry), total, page, pageSize };
  });

  app.get('/api/campaigns/:id/reach-report/export', { schema: { tags, summary: 'The no-one-left-out report and the not-applied list as .xlsx (masked; audited)', params: IdParams, querystring: OrgQuery }, config: byId }, async (req, reply) => {
    const { stream, filename } = await exportReach({ ctx: req.ctx, campaignId: req.params.id, orgId: req.query.orgId });
    sendXlsx(reply, filename);
    return reply.send(stream);
  });
}
