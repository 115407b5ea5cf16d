import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CreateHouseholdInput, HardshipCategory, HardshipCause, HOUSEHOLD_STATUSES, SchoolStage } from '../../../contracts/households.js';
import { listQuery } from '../../../contracts/pagination.js';
import { text } from '../../../contracts/text.js';
import { audit } from '../../platform/audit.js';
import { authorize } from '../../platform/authz.js';
import type { Ctx } from '../../platform/context.js';
import { addDays, chinaDate } from '../../platform/dates.js';
import { contentDisposition, IdParams, noStore, typed } from '../../platform/http.js';
import { getOrgInScope } from '../orgs/orgs.queries.js';
import { createHousehold } from './create-household.js';
import { countHouseholds, getHouseholdInScope, listHouseholds, loadHouseholdParts, type HouseholdFilter, type HouseholdSort } from './households.queries.js';
import { presentHouseholdDetail, presentHouseholdListItem } from './households.presenter.js';
import type { StepName } from './households.policy.js';
import { lookupHousehold } from './lookup-household.js';
import { addHouseholdAid } from './record-household-aid.js';
import { recordObjection, resolveObjection } from './record-objection.js';
import { revealHouseholdPii } from './reveal-household-pii.js';
import { runHouseholdStep } from './run-household-step.js';
import { decideTransfer, listIncomingTransfers, requestTransfer } from './transfer-household.js';
import { updateHousehold } from './update-household.js';
import { exportHouseholds } from './export-households.js';
import { buildHouseholdTemplate } from './households-template.js';
import { buildImportErrorReport, getHouseholdImport, startHouseholdImport } from './household-import-jobs.js';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const IMPORT_BODY_LIMIT = 40 * 1024 * 1024;

function sendXlsx(reply: { header(k: string, v: string): unknown }, filename: string) {
  reply.header('Content-Type', XLSX_MIME);
  reply.header('Content-Disposition', contentDisposition(filename));
  reply.header('Cache-Control', 'no-store');
}

const ImportQuery = z.strictObject({
  orgId: z.uuid(),
  asArchived: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  filename: z.string().trim().max(200).default('households.xlsx'),
});

export const HouseholdListQuery = listQuery(['createdAt', 'updatedAt', 'caseNo', 'name', 'status', 'nextVerificationDue'], 'createdAt').extend({
  order: z.enum(['asc', 'desc']).default('desc'),
  orgId: z.uuid().optional(),
  status: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(',') : undefined))
    .pipe(z.array(z.enum(HOUSEHOLD_STATUSES)).optional()),
  category: HardshipCategory.schema.optional(),
  cause: HardshipCause.schema.optional(),
  schoolStage: SchoolStage.schema.optional(),
  dueWithinDays: z.coerce.number().int().min(0).max(366).optional(),
  q: text().min(1).max(50).optional(),
});
/** The list's filters without paging and sorting: GET /api/households/count. */
export const HouseholdCountQuery = HouseholdListQuery.omit({ page: true, pageSize: true, sort: true, order: true });
type HouseholdCountQuery = z.infer<typeof HouseholdCountQuery>;

/** Turns list query parameters into the scoped filter, checking a named org is in scope (404 otherwise). */
export async function householdFilterFrom(req: { ctx: Ctx }, q: HouseholdCountQuery): Promise<HouseholdFilter> {
  const actor = req.ctx.actor!;
  const under = q.orgId ? await getOrgInScope(req.ctx.db, actor, q.orgId) : undefined;
  return {
    underOrgPath: under?.path,
    status: q.status,
    category: q.category,
    cause: q.cause,
    schoolStage: q.schoolStage,
    dueBy: q.dueWithinDays !== undefined ? addDays(chinaDate(req.ctx.clock.now()), q.dueWithinDays) : undefined,
    q: q.q,
  };
}

const STEP_ROUTES: Array<[path: string, step: StepName]> = [
  ['check', 'check'],
  ['visit', 'visit'],
  ['start-notice', 'start_notice'],
  ['approve', 'approve'],
  ['return', 'return'],
  ['resubmit', 'resubmit'],
  ['reject', 'reject'],
  ['verify', 'verify'],
  ['lift', 'lift'],
  ['follow-up', 'follow_up'],
  ['reopen', 'reopen'],
  ['close', 'close'],
];

const StepBody = z.record(z.string(), z.unknown()).optional();
const ObjectionParams = z.strictObject({ id: z.uuid(), objectionId: z.uuid() });

export function registerHouseholdRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const tags = ['households'];
  const byId = { resource: 'household' };

  app.get('/api/households', { schema: { tags, querystring: HouseholdListQuery } }, async (req, reply) => {
    const actor = await authorize(req.ctx, 'household.read');
    const { page, pageSize, sort, order } = req.query;
    const filter = await householdFilterFrom(req, req.query);
    const { items, hasMore } = await listHouseholds(req.ctx.db, actor, filter, { page, pageSize, sort: sort as HouseholdSort, order });
    noStore(reply);
    return { items: items.map(presentHouseholdListItem), hasMore, page, pageSize };
  });

  // The list's count, asked for separately (docs/decisions/006, "Counts on request").
  app.get('/api/households/count', { schema: { tags, summary: 'Count the listed households (exact up to 10,000)', querystring: HouseholdCountQuery } }, async (req, reply) => {
    const actor = await authorize(req.ctx, 'household.read');
    const counted = await countHouseholds(req.ctx.db, actor, await householdFilterFrom(req, req.query));
    noStore(reply);
    return counted;
  });

  app.post('/api/households/lookup', { schema: { tags, body: z.unknown() } }, async (req, reply) => {
    noStore(reply);
    return lookupHousehold({ ctx: req.ctx, input: req.body });
  });

  app.get('/api/households/:id', { schema: { tags, params: IdParams }, config: byId }, async (req, reply) => {
    const actor = await authorize(req.ctx, 'household.read');
    const h = await getHouseholdInScope(req.ctx.db, actor, req.params.id);
    const parts = await loadHouseholdParts(req.ctx.db, h.id);
    await audit(req.ctx.db, req.ctx, 'household.view', { objectType: 'household', objectId: h.id, orgId: h.orgId, orgPath: h.orgPath });
    noStore(reply);
    return presentHouseholdDetail(h, parts, chinaDate(req.ctx.clock.now()));
  });

  app.post('/api/households', { schema: { tags, body: CreateHouseholdInput } }, async (req, reply) => {
    reply.status(201);
    return createHousehold({ ctx: req.ctx, input: req.body });
  });

  app.patch('/api/households/:id', { schema: { tags, params: IdParams, body: z.record(z.string(), z.unknown()) }, config: byId }, async (req) =>
    updateHousehold({ ctx: req.ctx, id: req.params.id, input: req.body as never }),
  );

  for (const [path, step] of STEP_ROUTES)
    app.post(`/api/households/:id/${path}`, { schema: { tags, params: IdParams, body: StepBody }, config: byId }, async (req) =>
      runHouseholdStep({ ctx: req.ctx, id: req.params.id, step, input: req.body ?? {} }),
    );

  app.post('/api/households/:id/objections', { schema: { tags, params: IdParams, body: z.unknown() }, config: byId }, async (req, reply) => {
    reply.status(201);
    return recordObjection({ ctx: req.ctx, id: req.params.id, input: req.body });
  });

  app.post('/api/households/:id/objections/:objectionId/resolve', { schema: { tags, params: ObjectionParams, body: z.unknown() }, config: byId }, async (req) =>
    resolveObjection({ ctx: req.ctx, id: req.params.id, objectionId: req.params.objectionId, input: req.body }),
  );

  app.post('/api/households/:id/transfer', { schema: { tags, params: IdParams, body: z.unknown() }, config: byId }, async (req, reply) => {
    reply.status(201);
    return requestTransfer({ ctx: req.ctx, id: req.params.id, input: req.body });
  });

  app.post('/api/households/:id/reveal', { schema: { tags, params: IdParams, body: z.unknown() }, config: byId }, async (req, reply) => {
    noStore(reply);
    return revealHouseholdPii({ ctx: req.ctx, id: req.params.id, input: req.body });
  });

  app.post('/api/households/:id/aid', { schema: { tags, params: IdParams, body: z.unknown() }, config: byId }, async (req, reply) => {
    reply.status(201);
    return addHouseholdAid({ ctx: req.ctx, id: req.params.id, input: req.body });
  });

  app.get('/api/households/import-template', { schema: { tags } }, async (req, reply) => {
    await authorize(req.ctx, 'household.import');
    sendXlsx(reply, '困难职工档案导入模板.xlsx');
    return reply.send(await buildHouseholdTemplate());
  });

  app.get('/api/households/export', { schema: { tags, querystring: HouseholdListQuery } }, async (req, reply) => {
    await authorize(req.ctx, 'household.export');
    const { stream } = await exportHouseholds({ ctx: req.ctx, filter: await householdFilterFrom(req, req.query) });
    sendXlsx(reply, `困难职工档案_${chinaDate(req.ctx.clock.now())}.xlsx`);
    return reply.send(stream);
  });

  // The workbook is the raw request body (Content-Type: the .xlsx type), so no multipart parsing is needed. Its
  // parser lives in this route's own context: on any other route an .xlsx body is refused unread (415).
  void fastify.register(async (raw) => {
    raw.removeAllContentTypeParsers();
    raw.addContentTypeParser(XLSX_MIME, { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT }, (_req, body, done) => done(null, body));
    typed(raw).post('/api/household-imports', { schema: { tags, querystring: ImportQuery }, bodyLimit: IMPORT_BODY_LIMIT }, async (req, reply) => {
      const buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      reply.status(202);
      return startHouseholdImport({ ctx: req.ctx, orgId: req.query.orgId, asArchived: req.query.asArchived, filename: req.query.filename, buffer });
    });
  });

  const importById = { resource: 'household_import' };
  app.get('/api/household-imports/:id', { schema: { tags, params: IdParams }, config: importById }, async (req) =>
    getHouseholdImport({ ctx: req.ctx, id: req.params.id }),
  );
  app.get('/api/household-imports/:id/errors', { schema: { tags, params: IdParams }, config: importById }, async (req, reply) => {
    const report = await buildImportErrorReport({ ctx: req.ctx, id: req.params.id });
    sendXlsx(reply, '导入错误报告.xlsx');
    return reply.send(report);
  });

  app.get('/api/household-transfers/incoming', { schema: { tags } }, async (req) => listIncomingTransfers({ ctx: req.ctx }));

  const transferById = { resource: 'household_transfer' };
  app.post('/api/household-transfers/:id/accept', { schema: { tags, params: IdParams }, config: transferById }, async (req) =>
    decideTransfer({ ctx: req.ctx, transferId: req.params.id, accept: true }),
  );
  app.post('/api/household-transfers/:id/decline', { schema: { tags, params: IdParams }, config: transferById }, async (req) =>
    decideTransfer({ ctx: req.ctx, transferId: req.params.id, accept: false }),
  );
}
