import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { APPLICATION_STATUSES } from '../../../../contracts/campaigns.js';
import { chinaDate } from '../../../platform/dates.js';
import { IdParams, sendXlsx, typed, XLSX_MIME } from '../../../platform/http.js';
import { campaignDashboard } from './campaign-dashboard.js';
import { exportApplications } from './export-applications.js';
import { exportNotice } from './export-notice.js';


const DashboardQuery = z.strictObject({ orgId: z.uuid().optional() });
const ApplicationExportQuery = z.strictObject({
  campaignId: z.uuid().optional(),
  orgId: z.uuid().optional(),
  status: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(',') : undefined))
    .pipe(z.array(z.enum(APPLICATION_STATUSES)).optional()),
});


/** The campaign dashboard (活动看板) and the exports of its lists. */
export function registerCampaignDashboardRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const byCampaign = { resource: 'campaign' };

  app.get(
    '/api/campaigns/:id/dashboard',
    { schema: { tags: ['campaigns'], summary: 'Campaign figures in the viewer’s subtree: by status, by org (drill down with orgId), by stage, budgets, reach', params: IdParams, querystring: DashboardQuery }, config: byCampaign },
    async (req) => campaignDashboard({ ctx: req.ctx, id: req.params.id, orgId: req.query.orgId }),
  );

  app.get(
    '/api/applications/export',
    { schema: { tags: ['applications'], summary: 'Export applications (campaign, statuses, org subtree) as Excel (masked, audited)', querystring: ApplicationExportQuery, produces: [XLSX_MIME] } },
    async (req, reply) => {
      const { stream } = await exportApplications({ ctx: req.ctx, filter: req.query });
      sendXlsx(reply, `助学申请_${chinaDate(req.ctx.clock.now())}.xlsx`);
      return reply.send(stream);
    },
  );

  app.get(
    '/api/campaigns/:id/notice/export',
    { schema: { tags: ['campaigns'], summary: 'The public notice list as Excel, masked as on the public page', params: IdParams, produces: [XLSX_MIME] }, config: byCampaign },
    async (req, reply) => {
      const { buffer, campaignName } = await exportNotice({ ctx: req.ctx, id: req.params.id });
      sendXlsx(reply, `${campaignName}_公示名单.xlsx`);
      return reply.send(buffer);
    },
  );
}
