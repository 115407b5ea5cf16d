import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  AidEntryInput,
  CreateHouseholdInput,
  FollowUpInput,
  HardshipCategory,
  HardshipCause,
  HOUSEHOLD_IMPORT_STATUSES,
  HOUSEHOLD_STATUSES,
  ImportApproveInput,
  LookupInput,
  ObjectionInput,
  ReasonInput,
  ResolveObjectionInput,
  RevealInput,
  SchoolStage,
  StartNoticeInput,
  TransferInput,
  UpdateHouseholdInput,
  VisitInput,
} from '../../../contracts/households.js';
import { listQuery } from '../../../contracts/pagination.js';
import { text } from '../../../contracts/text.js';
import { audit } from '../../platform/audit.js';
import { authorize } from '../../platform/authz.js';
import type { Ctx } from '../../platform/context.js';
import { addDays, chinaDate } from '../../platform/dates.js';
import { IdParams, noStore, sendXlsx, typed, XLSX_MIME } from '../../platform/http.js';
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
import { buildHouseholdTemplate } from './import/households-template.js';
import { buildImportErrorReport, getHouseholdImport, startHouseholdImport } from './import/household-import-jobs.js';
import { decideHouseholdImport } from './import/decide-household-import.js';
import { listHouseholdImports, listImportHouseholds } from './import/list-household-imports.js';

export { XLSX_MIME } from '../../platform/http.js';
const IMPORT_BODY_LIMIT = 40 * 1024 * 1024;


const ImportListQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  status: z.enum(HOUSEHOLD_IMPORT_STATUSES).optional(),
});
const ImportHouseholdsQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

const ImportQuery = z.strictObject({
  orgId: z.uuid(),
  asArchived: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  filename: text().max(200).default('households.xlsx'),
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

/**
 * The workflow steps, each with the body it takes (the verb parses it again). Check, approve and
 * resubmit take none: the route declares no body and any field sent is refused (server/app.ts).
 */
const STEP_ROUTES: Array<{ path: string; step: StepName; summary: string; body?: z.ZodType }> = [
  { path: 'check', step: 'check', summary: 'Pass the grassroots check (初审)' },
  { path: 'visit', step: 'visit', summary: 'Record the home visit (入户核查)', body: VisitInput },
  { path: 'start-notice', step: 'start_notice', summary: 'Start the public notice (公示)', body: StartNoticeInput },
  { path: 'approve', step: 'approve', summary: 'Approve and archive after the notice (建档)' },
  { path: 'return', step: 'return', summary: 'Return for correction (退回)', body: ReasonInput },
  { path: 'resubmit', step: 'resubmit', summary: 'Resubmit a returned household' },
  { path: 'reject', step: 'reject', summary: 'Reject the application (不予建档)', body: ReasonInput },
  { path: 'verify', step: 'verify', summary: 'Record the yearly re-verification visit (复核)', body: VisitInput },
  { path: 'lift', step: 'lift', summary: 'Lift the household out of hardship (解困脱困)', body: ReasonInput },
  { path: 'follow-up', step: 'follow_up', summary: 'Record a follow-up contact after lifting (跟踪回访)', body: FollowUpInput },
  { path: 'reopen', step: 'reopen', summary: 'Reopen a lifted household (返困)', body: ReasonInput },
  { path: 'close', step: 'close', summary: 'Close the record (销档)', body: ReasonInput },
];

const ObjectionParams = z.strictObject({ id: z.uuid(), objectionId: z.uuid() });

export function registerHouseholdRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const tags = ['households'];
  const byId = { resource: 'household' };

  app.get('/api/households', { schema: { tags, summary: 'List households (masked)', querystring: HouseholdListQuery } }, async (req, reply) => {
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

  app.post('/api/households/lookup', { schema: { tags, summary: 'Find households by a full ID number (no number in the URL)', body: LookupInput } }, async (req, reply) => {
    noStore(reply);
    return lookupHousehold({ ctx: req.ctx, input: req.body });
  });

  app.get('/api/households/:id', { schema: { tags, summary: 'One household with members, history and aid (masked)', params: IdParams }, config: byId }, async (req, reply) => {
    const actor = await authorize(req.ctx, 'household.read');
    const h = await getHouseholdInScope(req.ctx.db, actor, req.params.id);
    const parts = await loadHouseholdParts(req.ctx.db, h.id);
    await audit(req.ctx.db, req.ctx, 'household.view', { objectType: 'household', objectId: h.id, orgId: h.orgId, orgPath: h.orgPath });
    noStore(reply);
    return presentHouseholdDetail(h, parts, chinaDate(req.ctx.clock.now()));
  });

  app.post('/api/households', { schema: { tags, summary: 'File a household application', body: CreateHouseholdInput } }, async (req, reply) => {
    reply.status(201);
    return createHousehold({ ctx: req.ctx, input: req.body });
  });

  app.patch('/api/households/:id', { schema: { tags, summary: 'Correct a household (only the fields sent change)', params: IdParams, body: UpdateHouseholdInput }, config: byId }, async (req) =>
    updateHousehold({ ctx: req.ctx, id: req.params.id, input: req.body }),
  );

  for (const { path, step, summary, body } of STEP_ROUTES)
    app.post(`/api/households/:id/${path}`, { schema: { tags, summary, params: IdParams, ...(body ? { body } : {}) }, config: byId }, async (req) =>
      runHouseholdStep({ ctx: req.ctx, id: req.params.id, step, input: req.body ?? {} }),
    );

  app.post('/api/households/:id/objections', { schema: { tags, summary: 'Record an objection raised during the public notice', params: IdParams, body: ObjectionInput }, config: byId }, async (req, reply) => {
    reply.status(201);
    return recordObjection({ ctx: req.ctx, id: req.params.id, input: req.body });
  });

  app.post('/api/households/:id/objections/:objectionId/resolve', { schema: { tags, summary: 'Resolve an objection (upheld returns the household)', params: ObjectionParams, body: ResolveObjectionInput }, config: byId }, async (req) =>
    resolveObjection({ ctx: req.ctx, id: req.params.id, objectionId: req.params.objectionId, input: req.body }),
  );

  app.post('/api/households/:id/transfer', { schema: { tags, summary: 'Offer the household to another union (转移)', params: IdParams, body: TransferInput }, config: byId }, async (req, reply) => {
    reply.status(201);
    return requestTransfer({ ctx: req.ctx, id: req.params.id, input: req.body });
  });

  app.post('/api/households/:id/reveal', { schema: { tags, summary: 'Show one protected number in full (audited with the reason)', params: IdParams, body: RevealInput }, config: byId }, async (req, reply) => {
    noStore(reply);
    return revealHouseholdPii({ ctx: req.ctx, id: req.params.id, input: req.body });
  });

  app.post('/api/households/:id/aid', { schema: { tags, summary: 'Add an entry to the aid ledger (帮扶台账)', params: IdParams, body: AidEntryInput }, config: byId }, async (req, reply) => {
    reply.status(201);
    return addHouseholdAid({ ctx: req.ctx, id: req.params.id, input: req.body });
  });

  app.get('/api/households/import-template', { schema: { tags, summary: 'The Excel import template', produces: [XLSX_MIME] } }, async (req, reply) => {
    await authorize(req.ctx, 'household.import');
    sendXlsx(reply, '困难职工档案导入模板.xlsx');
    return reply.send(await buildHouseholdTemplate());
  });

  app.get('/api/households/export', { schema: { tags, summary: 'Export the filtered households as Excel (masked, audited)', querystring: HouseholdListQuery, produces: [XLSX_MIME] } }, async (req, reply) => {
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
    typed(raw).post('/api/household-imports', { schema: { tags, summary: 'Queue an Excel import of households (the .xlsx file is the raw body)', querystring: ImportQuery }, bodyLimit: IMPORT_BODY_LIMIT, config: { rawBody: [XLSX_MIME] } }, async (req, reply) => {
      const buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      reply.status(202);
      return startHouseholdImport({ ctx: req.ctx, orgId: req.query.orgId, asArchived: req.query.asArchived, filename: req.query.filename, buffer });
    });
  });

  app.get('/api/household-imports', { schema: { tags, summary: 'Imports in the actor\'s subtree (e.g. archive imports awaiting a second person)', querystring: ImportListQuery } }, async (req) =>
    listHouseholdImports({ ctx: req.ctx, query: req.query }),
  );

  const importById = { resource: 'household_import' };
  app.get('/api/household-imports/:id', { schema: { tags, summary: 'An import: place in the queue, progress and outcome', params: IdParams }, config: importById }, async (req) =>
    getHouseholdImport({ ctx: req.ctx, id: req.params.id }),
  );
  app.get('/api/household-imports/:id/errors', { schema: { tags, summary: 'The error report of a failed import (Excel)', params: IdParams, produces: [XLSX_MIME] }, config: importById }, async (req, reply) => {
    const report = await buildImportErrorReport({ ctx: req.ctx, id: req.params.id });
    sendXlsx(reply, '导入错误报告.xlsx');
    return reply.send(report);
  });
  app.get('/api/household-imports/:id/households', { schema: { tags, summary: 'The households an archive import wrote, for the second person to check (masked)', params: IdParams, querystring: ImportHouseholdsQuery }, config: importById }, async (req, reply) => {
    noStore(reply);
    return listImportHouseholds({ ctx: req.ctx, id: req.params.id, ...req.query });
  });
  app.post('/api/household-imports/:id/approve', { schema: { tags, summary: 'Approve an archive import (a reviewer other than the importer)', params: IdParams, body: ImportApproveInput }, config: importById }, async (req) =>
    decideHouseholdImport({ ctx: req.ctx, id: req.params.id, approve: true, reason: req.body.reason }),
  );
  app.post('/api/household-imports/:id/reject', { schema: { tags, summary: 'Reject an archive import; what it wrote is removed', params: IdParams, body: ReasonInput }, config: importById }, async (req) =>
    decideHouseholdImport({ ctx: req.ctx, id: req.params.id, approve: false, reason: req.body.reason }),
  );

  app.get('/api/household-transfers/incoming', { schema: { tags, summary: 'Transfers offered to the actor\'s subtree' } }, async (req) => listIncomingTransfers({ ctx: req.ctx }));

  const transferById = { resource: 'household_transfer' };
  app.post('/api/household-transfers/:id/accept', { schema: { tags, summary: 'Accept a transfer offered to the actor\'s subtree', params: IdParams }, config: transferById }, async (req) =>
    decideTransfer({ ctx: req.ctx, transferId: req.params.id, accept: true }),
  );
  app.post('/api/household-transfers/:id/decline', { schema: { tags, summary: 'Decline a transfer offered to the actor\'s subtree', params: IdParams }, config: transferById }, async (req) =>
    decideTransfer({ ctx: req.ctx, transferId: req.params.id, accept: false }),
  );
}
