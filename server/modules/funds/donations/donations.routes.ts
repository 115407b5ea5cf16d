import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CreateDonationDriveInput, DonationListQuery, DriveStatus, RecordDonationBatchInput, RecordDonationInput, RefundDonationInput, ThanksQuery, UpdateDonationDriveInput } from '../../../../contracts/donations.js';
import { authorize } from '../../../platform/authz.js';
import { IdParams, noStore, sendXlsx, typed, XLSX_MIME } from '../../../platform/http.js';
import { IdempotencyHeaders } from '../../../platform/idempotency.js';
import { getOrgInScope } from '../../orgs/orgs.queries.js';
import { createDonationDrive } from './create-donation-drive.js';
import { buildDonationSheetTemplate } from './donation-sheet-template.js';
import { presentDonation, presentDrive, presentReceipt } from './donations.presenter.js';
import { driveFigures, figuresOf, getDonationInScope, getDriveInScope, listDriveDonations, listDrives } from './donations.queries.js';
import { publicDrive, publicThanks } from './public-drive.js';
import { readDonationSheet } from './read-donation-sheet.js';
import { recordDonation } from './record-donation.js';
import { recordDonationBatch } from './record-donation-batch.js';
import { refundDonation } from './refund-donation.js';
import { updateDonationDrive } from './update-donation-drive.js';

/** A sheet of 2,000 people is well under 100 KB; the bounds check then looks at what it inflates to. */
const SHEET_BODY_LIMIT = 4 * 1024 * 1024;

const DriveListQuery = z.strictObject({ orgId: z.uuid().optional(), status: DriveStatus.schema.optional() });

/** Donation drives (募捐活动), donations (捐款) with numbered receipts, refunds, and the public page. */
export function registerDonationRoutes(fastify: FastifyInstance) {
  const app = typed(fastify);
  const tags = ['donations'];
  const drive = { resource: 'donation_drive' };
  const donation = { resource: 'donation' };

  app.post('/api/donation-drives', { schema: { tags, summary: 'Open a donation drive of an org, feeding one of its funds', body: CreateDonationDriveInput } }, async (req, reply) => {
    reply.status(201);
    return createDonationDrive({ ctx: req.ctx, input: req.body });
  });

  app.get('/api/donation-drives', { schema: { tags, summary: 'The donation drives of the actor’s subtree (or an org’s in it), with what each has raised', querystring: DriveListQuery } }, async (req) => {
    const actor = await authorize(req.ctx, 'fund.read');
    const org = req.query.orgId ? await getOrgInScope(req.ctx.db, actor, req.query.orgId) : null;
    const rows = await listDrives(req.ctx.db, actor, { orgPath: org?.path, status: req.query.status });
    const figures = await driveFigures(req.ctx.db, rows.map((r) => r.drive.id));
    return { items: rows.map((r) => presentDrive(r, figures.get(r.drive.id)!)) };
  });

  app.get('/api/donation-drives/:id', { schema: { tags, summary: 'One drive: goal, dates, fund, and what it has raised (from the ledger)', params: IdParams }, config: drive }, async (req) => {
    const actor = await authorize(req.ctx, 'fund.read');
    const row = await getDriveInScope(req.ctx.db, actor, req.params.id);
    return presentDrive(row, await figuresOf(req.ctx.db, row.drive.id));
  });

  app.patch('/api/donation-drives/:id', { schema: { tags, summary: 'Edit a drive, or close it (no more donations) and open it again', params: IdParams, body: UpdateDonationDriveInput }, config: drive }, async (req) =>
    updateDonationDrive({ ctx: req.ctx, id: req.params.id, input: req.body }),
  );

  app.post(
    '/api/donation-drives/:id/donations',
    { schema: { tags, summary: 'Record one donation: it takes the org’s next receipt number and posts to the drive’s fund', params: IdParams, body: RecordDonationInput, headers: IdempotencyHeaders }, config: { ...drive, idempotent: true } },
    async (req, reply) => {
      reply.status(201);
      return recordDonation({ ctx: req.ctx, driveId: req.params.id, input: req.body });
    },
  );

  app.get(
    '/api/donation-drives/:id/donations',
    { schema: { tags, summary: 'A drive’s donations for staff (donors’ full names, and as the thank-you list shows them), the latest receipt first', params: IdParams, querystring: DonationListQuery }, config: drive },
    async (req, reply) => {
      const actor = await authorize(req.ctx, 'fund.read');
      const row = await getDriveInScope(req.ctx.db, actor, req.params.id);
      const { page, pageSize, q } = req.query;
      const { items, total } = await listDriveDonations(req.ctx.db, actor, row.drive.id, { q, page, pageSize });
      noStore(reply);
      return { items: items.map((r) => presentDonation(r.donation, { createdByName: r.createdByName })), total, page, pageSize };
    },
  );

  app.post(
    '/api/donation-drives/:id/donation-batches',
    {
      schema: { tags, summary: 'Record a collective donation (up to 2,000 people) in one transaction, all or nothing, one receipt each', params: IdParams, body: RecordDonationBatchInput, headers: IdempotencyHeaders },
      config: { ...drive, idempotent: true },
    },
    async (req, reply) => {
      reply.status(201);
      return recordDonationBatch({ ctx: req.ctx, driveId: req.params.id, input: req.body });
    },
  );

  app.get(
    '/api/donation-drives/:id/donation-batches/template.xlsx',
    { schema: { tags, summary: 'The Excel template of a collective donation (姓名, 部门或单位, 金额)', params: IdParams, produces: [XLSX_MIME] }, config: drive },
    async (req, reply) => {
      const actor = await authorize(req.ctx, 'fund.read');
      const row = await getDriveInScope(req.ctx.db, actor, req.params.id);
      sendXlsx(reply, `${row.drive.name}_集体捐款名单模板.xlsx`);
      return reply.send(await buildDonationSheetTemplate());
    },
  );

  // The workbook is the raw request body; its parser lives in this route's own context.
  void fastify.register(async (raw) => {
    raw.removeAllContentTypeParsers();
    raw.addContentTypeParser(XLSX_MIME, { parseAs: 'buffer', bodyLimit: SHEET_BODY_LIMIT }, (_req, body, done) => done(null, body));
    typed(raw).post(
      '/api/donation-drives/:id/donation-batches/parse-xlsx',
      {
        schema: { tags, summary: 'Read a collective-donation sheet (the .xlsx file is the raw body): its rows and every cell in error; nothing is written', params: IdParams },
        bodyLimit: SHEET_BODY_LIMIT,
        config: { ...drive, rawBody: [XLSX_MIME] },
      },
      async (req) => readDonationSheet({ ctx: req.ctx, driveId: req.params.id, buffer: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0) }),
    );
  });

  app.post(
    '/api/donations/:id/refund',
    { schema: { tags, summary: 'Refund a donation: its journal entry is reversed; the receipt stays, marked refunded', params: IdParams, body: RefundDonationInput, headers: IdempotencyHeaders }, config: { ...donation, idempotent: true } },
    async (req) => refundDonation({ ctx: req.ctx, id: req.params.id, input: req.body }),
  );

  app.get('/api/donations/:id/receipt', { schema: { tags, summary: 'What the printable donation receipt (捐赠收据) shows', params: IdParams }, config: donation }, async (req, reply) => {
    const actor = await authorize(req.ctx, 'fund.read');
    const row = await getDonationInScope(req.ctx.db, actor, req.params.id);
    const driveRow = await getDriveInScope(req.ctx.db, actor, row.donation.driveId!);
    noStore(reply);
    return presentReceipt(row, driveRow);
  });

  app.get('/api/public/donation-drives/:id', { schema: { tags, summary: 'A drive’s public page, without signing in: goal, raised, donor count, progress', params: IdParams }, config: { public: true } }, async (req) =>
    publicDrive(req.ctx.db, req.params.id),
  );

  app.get(
    '/api/public/donation-drives/:id/thanks',
    { schema: { tags, summary: 'A drive’s public thank-you list, without signing in (persons’ names masked, anonymous as 爱心人士)', params: IdParams, querystring: ThanksQuery }, config: { public: true } },
    async (req) => publicThanks(req.ctx.db, req.params.id, req.query),
  );
}
