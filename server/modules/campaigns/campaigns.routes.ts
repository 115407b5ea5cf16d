import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CampaignStatus, CreateCampaignInput, CreateProgramInput, PreviewRulesInput, SetCampaignStatusInput, UpdateCampaignInput, UpdateRulesInput } from '../../../contracts/campaigns.js';
import { asc, eq } from 'drizzle-orm';
import { campaignRuleVersions } from '../../db/schema/index.js';
import { authorize } from '../../platform/authz.js';
import { IdParams, typed } from '../../platform/http.js';
import type { FileStore } from '../../platform/file-store.js';
import { registerApplicationRoutes } from './applications/applications.routes.js';
import { getCampaignInScope, listCampaigns, listParticipants, listPrograms } from './campaigns.queries.js';
import { presentCampaign, presentProgram } from './campaigns.presenter.js';
import { createCampaign } from './create-campaign.js';
import { createProgram } from './create-program.js';
import { registerCampaignDashboardRoutes } from './dashboard/dashboard.routes.js';
import { registerFollowUpRoutes } from './follow-up/follow-up.routes.js';
import { registerApplicationImportRoutes } from './import/application-import.routes.js';
import { registerLumpSumRoutes } from './lump-sum/lump-sum.routes.js';
import { registerReachRoutes } from './reach/reach.routes.js';
import { previewCampaignRules } from './rules/preview-rules.js';
import { updateCampaignRules } from './update-campaign-rules.js';
import { setCampaignStatus, updateCampaign } from './update-campaign.js';

const CampaignListQuery = z.strictObject({
  programId: z.uuid().optional(),
  status: CampaignStatus.schema.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

/** Programs and campaigns (rules, window, participants, status, preview), then each capability's routes. */
export function registerCampaignRoutes(fastify: FastifyInstance, files: FileStore) {
  const app = typed(fastify);
  const tags = ['campaigns'];
  const byId = { resource: 'campaign' };

  app.get('/api/programs', { schema: { tags, summary: 'Aid programs of the actor’s line (帮扶项目)' } }, async (req) => {
    const actor = await authorize(req.ctx, 'campaign.read');
    return { items: (await listPrograms(req.ctx.db, actor)).map(presentProgram) };
  });

  app.post('/api/programs', { schema: { tags, summary: 'Create an aid program', body: CreateProgramInput } }, async (req, reply) => {
    reply.status(201);
    return presentProgram(await createProgram({ ctx: req.ctx, input: req.body }));
  });

  app.get('/api/campaigns', { schema: { tags, summary: 'Campaigns the actor organises or takes part in', querystring: CampaignListQuery } }, async (req) => {
    const actor = await authorize(req.ctx, 'campaign.read');
    return { items: (await listCampaigns(req.ctx.db, actor, req.query)).map((c) => presentCampaign(actor, c)) };
  });

  app.post('/api/campaigns', { schema: { tags, summary: 'Create a campaign (in preparation) with its rules and participants', body: CreateCampaignInput } }, async (req, reply) => {
    const row = await createCampaign({ ctx: req.ctx, input: req.body });
    reply.status(201);
    return { id: row.id };
  });

  app.get('/api/campaigns/:id', { schema: { tags, summary: 'One campaign with its rules, step actors and participants', params: IdParams }, config: byId }, async (req) => {
    const actor = await authorize(req.ctx, 'campaign.read');
    const c = await getCampaignInScope(req.ctx.db, actor, req.params.id);
    return presentCampaign(actor, c, await listParticipants(req.ctx.db, c.id));
  });

  app.patch('/api/campaigns/:id', { schema: { tags, summary: 'Change the name, window, notice days, step actors or participants', params: IdParams, body: UpdateCampaignInput }, config: byId }, async (req) =>
    updateCampaign({ ctx: req.ctx, id: req.params.id, input: req.body }),
  );

  app.put('/api/campaigns/:id/rules', { schema: { tags, summary: 'Save a new version of the rules (never moves an approved amount)', params: IdParams, body: UpdateRulesInput }, config: byId }, async (req) =>
    updateCampaignRules({ ctx: req.ctx, id: req.params.id, input: req.body }),
  );

  app.get('/api/campaigns/:id/rule-versions', { schema: { tags, summary: 'Every saved version of the rules', params: IdParams }, config: byId }, async (req) => {
    const actor = await authorize(req.ctx, 'campaign.read');
    const c = await getCampaignInScope(req.ctx.db, actor, req.params.id);
    const rows = await req.ctx.db.select().from(campaignRuleVersions).where(eq(campaignRuleVersions.campaignId, c.id)).orderBy(asc(campaignRuleVersions.version));
    return { items: rows.map((r) => ({ version: r.version, rules: r.rules, changedBy: r.changedBy, changedAt: r.changedAt.toISOString() })) };
  });

  app.post('/api/campaigns/:id/status', { schema: { tags, summary: 'Open, close or reopen the campaign', params: IdParams, body: SetCampaignStatusInput }, config: byId }, async (req) =>
    setCampaignStatus({ ctx: req.ctx, id: req.params.id, input: req.body }),
  );

  app.post('/api/campaigns/:id/preview', { schema: { tags, summary: 'Who qualifies under these rules (or the saved ones): by org, by stage, and why not', params: IdParams, body: PreviewRulesInput }, config: byId }, async (req) =>
    previewCampaignRules({ ctx: req.ctx, id: req.params.id, input: req.body }),
  );

  registerApplicationRoutes(fastify, files);
  registerReachRoutes(fastify);
  registerLumpSumRoutes(fastify);
  registerFollowUpRoutes(fastify);
  registerCampaignDashboardRoutes(fastify);
  registerApplicationImportRoutes(fastify);
}
