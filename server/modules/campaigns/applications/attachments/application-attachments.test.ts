import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { APPLICATION_ATTACHMENT_MAX } from '../../../../../contracts/campaigns.js';
import { applicationAttachments, applicationEvents } from '../../../../db/schema/index.js';
import { makeCampaign } from '../../../../test-support/campaign-fixtures.js';
import { auditRows } from '../../../../test-support/db-probes.js';
import { uniqueIdNumber } from '../../../../test-support/household-fixtures.js';
import { TINY_PNG } from '../../../../test-support/resource-fixtures.js';
import { createTestApp, type Session, type TestApp } from '../../../../test-support/test-app.js';

let t: TestApp;
let maker: Session; // caseworker at E: makes applications and attaches documents
let reviewer: Session; // reviewer at B: reads and downloads, cannot upload or delete
let staffC: Session; // org admin at C: another subtree
let jobsOfficer: Session; // at A: no application permissions at all
let campaignId: string;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const HTML = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');

const clears = Object.fromEntries(['household', 'aid_received', 'schooling', 'school_fees', 'wish'].map((k) => [k, { checked: true, note: '已核实' }]));

async function draft(s: Session = maker, orgName = 'E'): Promise<string> {
  const res = await s.post('/api/applications', {
    campaignId,
    orgId: t.orgs[orgName].id,
    unfiled: { name: '赵建军', idNumber: uniqueIdNumber(1976), householdSize: 4, incomePerHeadMonthlyFen: 90000, regionCode: '410803', hardship: '妻子突发重病，家庭临时困难' },
    student: { name: '赵晓雪', idNumber: uniqueIdNumber(2007) },
    schoolName: '河南理工大学',
    schoolStage: 'undergraduate',
    admissionYear: 2026,
    fiveClears: clears,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

function upload(s: Session, id: string, body: Buffer, query: Record<string, string> = { kind: 'admission_notice', fileName: '录取通知书.png' }, contentType = 'application/octet-stream') {
  return s.request({ method: 'POST', url: `/api/applications/${id}/attachments?${new URLSearchParams(query)}`, headers: { 'content-type': contentType }, payload: body });
}
const del = (s: Session, id: string, attachmentId: string, payload: unknown = { reason: '上传错了文件' }) =>
  s.request({ method: 'DELETE', url: `/api/applications/${id}/attachments/${attachmentId}`, payload: payload as object });
const content = (s: Session, id: string, attachmentId: string) => s.get(`/api/applications/${id}/attachments/${attachmentId}/content`);
const list = async (s: Session, id: string) => (await s.get(`/api/applications/${id}/attachments`)).json().items as Array<Record<string, unknown>>;

function storedFiles(): string[] {
  const root = path.join(t.dataDir, 'attachments');
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && !d.parentPath.includes('.tmp'))
    .map((d) => path.join(d.parentPath, d.name));
}
const events = async (id: string) =>
  t.database.db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, id)).orderBy(asc(applicationEvents.id));

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('doc-admin-a', 'A', ['org_admin']);
  await t.createUser('doc-maker', 'E', ['caseworker']);
  await t.createUser('doc-reviewer', 'B', ['reviewer']);
  await t.createUser('doc-admin-c', 'C', ['org_admin']);
  await t.createUser('doc-jobs', 'A', ['jobs_officer']);
  const admin = await t.signIn('doc-admin-a');
  [maker, reviewer, staffC, jobsOfficer] = await Promise.all(['doc-maker', 'doc-reviewer', 'doc-admin-c', 'doc-jobs'].map((u) => t.signIn(u)));
  campaignId = (await makeCampaign(t, admin, { orgName: 'A', participants: ['B', 'C'] })).campaignId;
});
afterAll(() => t.close());

describe('application documents', () => {
  it('uploads, lists and downloads the same bytes with safe headers; each upload and download is audited and the upload is in the history', async () => {
    const id = await draft();
    const res = await upload(maker, id, TINY_PNG, { kind: 'admission_notice', fileName: '录取通知书 正面.png' });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ kind: 'admission_notice', fileName: '录取通知书 正面.png', mimeType: 'image/png', sizeBytes: TINY_PNG.length, uploadedByName: 'doc-maker' });
    expect(created).not.toHaveProperty('storageKey');
    t.clock.advance(60_000);
    const receipt = (await upload(maker, id, PDF, { kind: 'fee_receipt', fileName: 'C:\\scans\\学费收据.png' })).json();
    expect(receipt).toMatchObject({ mimeType: 'application/pdf', fileName: '学费收据.pdf' });

    expect((await list(reviewer, id)).map((a) => a.id)).toEqual([created.id, receipt.id]);
    const got = await content(reviewer, id, created.id);
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(TINY_PNG)).toBe(true);
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('录取通知书 正面.png')}`);
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.headers['cache-control']).toBe('no-store');
    expect(String(got.headers['content-security-policy'])).toContain('sandbox');

    const uploads = await auditRows(t, 'application.upload_attachment', id);
    expect(uploads.map((r) => (r.details as { attachmentId: string }).attachmentId)).toEqual([created.id, receipt.id]);
    expect(uploads[0]).toMatchObject({ actorUsername: 'doc-maker', orgId: t.orgs.E.id, details: { kind: 'admission_notice', mimeType: 'image/png' } });
    const [download] = await auditRows(t, 'application.download_attachment', id);
    expect(download).toMatchObject({ actorUsername: 'doc-reviewer', outcome: 'success', details: { attachmentId: created.id, kind: 'admission_notice' } });
    expect((await events(id)).filter((e) => e.action === 'attachment_add').map((e) => e.details)).toEqual([
      { attachmentId: created.id, kind: 'admission_notice', fileName: '录取通知书 正面.png' },
      { attachmentId: receipt.id, kind: 'fee_receipt', fileName: '学费收据.pdf' },
    ]);
    // The detail page shows the documents too.
    expect((await maker.get(`/api/applications/${id}`)).json().attachments.map((a: { id: string }) => a.id)).toEqual([created.id, receipt.id]);
  });

  it('refuses HTML by its content whatever it is called, and unknown kinds, writing nothing', async () => {
    const id = await draft();
    const files = storedFiles().length;
    const html = await upload(maker, id, HTML, { kind: 'hardship_proof', fileName: '困难证明.pdf' }, 'application/pdf');
    expect(html.statusCode).toBe(400);
    expect(html.json().error).toMatchObject({ code: 'VALIDATION', details: { reason: 'file_type' } });
    const kind = await upload(maker, id, TINY_PNG, { kind: 'id_proof', fileName: 'x.png' });
    expect(kind.statusCode).toBe(400);
    expect(kind.json().error.details.issues.map((i: { field: string }) => i.field)).toEqual(['querystring.kind']);
    const empty = await upload(maker, id, Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    expect(await list(maker, id)).toEqual([]);
    expect(storedFiles().length).toBe(files);
  });

  it('answers 404 for an application of another subtree on every route, as for one that does not exist', async () => {
    const id = await draft();
    const a = (await upload(maker, id, TINY_PNG)).json().id as string;
    for (const res of [await staffC.get(`/api/applications/${id}/attachments`), await content(staffC, id, a), await upload(staffC, id, TINY_PNG), await del(staffC, id, a)]) {
      expect(res.statusCode, res.body).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
    // An attachment id of another application, even in scope, is not found through this one.
    const other = await draft();
    expect((await content(maker, other, a)).statusCode).toBe(404);
    expect((await del(maker, other, a)).statusCode).toBe(404);
    expect(await list(maker, id)).toHaveLength(1);
  });

  it('refuses a missing permission with 403: uploading and deleting need application.submit, reading application.read', async () => {
    const id = await draft();
    const a = (await upload(maker, id, TINY_PNG)).json().id as string;
    const up = await upload(reviewer, id, TINY_PNG);
    expect(up.statusCode).toBe(403);
    expect(up.json().error.details.permission).toBe('application.submit');
    expect((await del(reviewer, id, a)).statusCode).toBe(403);
    for (const res of [await jobsOfficer.get(`/api/applications/${id}/attachments`), await content(jobsOfficer, id, a)]) {
      expect(res.statusCode).toBe(403);
      expect(res.json().error.details.permission).toBe('application.read');
    }
    expect(await list(maker, id)).toHaveLength(1);
  });

  it('deletes from a draft with a reason (kept, marked, in the history and the audit); once submitted documents are added but never removed', async () => {
    const id = await draft();
    const a = (await upload(maker, id, TINY_PNG)).json().id as string;
    const noReason = await del(maker, id, a, {});
    expect(noReason.statusCode).toBe(400);
    const res = await del(maker, id, a, { reason: '传成了别人的通知书' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ id: a, deleted: true });
    expect(await list(maker, id)).toEqual([]);
    expect((await content(maker, id, a)).statusCode).toBe(404);
    expect((await del(maker, id, a)).statusCode).toBe(404);
    const [row] = await t.database.db.select().from(applicationAttachments).where(eq(applicationAttachments.id, a));
    expect(row).toMatchObject({ deleteReason: '传成了别人的通知书' });
    expect(row.deletedAt).not.toBeNull();
    expect(fs.existsSync(path.join(t.dataDir, 'attachments', row.storageKey.slice(0, 2), row.storageKey))).toBe(true);
    expect((await events(id)).find((e) => e.action === 'attachment_delete')).toMatchObject({ reason: '传成了别人的通知书', details: { attachmentId: a } });
    expect(await auditRows(t, 'application.delete_attachment', id)).toMatchObject([{ actorUsername: 'doc-maker', details: { attachmentId: a, reason: '传成了别人的通知书' } }]);

    const kept = (await upload(maker, id, PDF, { kind: 'fee_receipt', fileName: '收据.pdf' })).json().id as string;
    expect((await maker.post(`/api/applications/${id}/submit`, {})).statusCode).toBe(200);
    const later = await upload(maker, id, TINY_PNG, { kind: 'home_visit_photo', fileName: '入户.png' });
    expect(later.statusCode, later.body).toBe(201);
    const refused = await del(maker, id, kept);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details).toMatchObject({ reason: 'status', status: 'submitted' });
    expect((await list(maker, id)).map((f) => f.id).sort()).toEqual([kept, later.json().id].sort());
  });

  it('takes no documents once an application has left the workflow (withdrawn), leaving no file behind', async () => {
    const id = await draft();
    expect((await maker.post(`/api/applications/${id}/withdraw`, { reason: '家长放弃申请' })).statusCode).toBe(200);
    const files = storedFiles().length;
    const res = await upload(maker, id, TINY_PNG);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details).toMatchObject({ reason: 'status', status: 'withdrawn' });
    expect(storedFiles().length).toBe(files);
  });

  it(`keeps at most ${APPLICATION_ATTACHMENT_MAX} documents an application, leaving no file behind when refused`, async () => {
    const id = await draft();
    const [uploader] = (await auditRows(t, 'application.create', id)).map((r) => r.actorUserId!);
    await t.database.db.insert(applicationAttachments).values(
      Array.from({ length: APPLICATION_ATTACHMENT_MAX }, () => ({
        applicationId: id,
        kind: 'other',
        fileName: 'x.png',
        mimeType: 'image/png',
        sizeBytes: 1,
        sha256: '0'.repeat(64),
        storageKey: crypto.randomBytes(16).toString('hex'),
        uploadedBy: uploader,
        uploadedAt: new Date(),
      })),
    );
    const files = storedFiles().length;
    const res = await upload(maker, id, TINY_PNG);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details).toMatchObject({ reason: 'attachment_limit', max: APPLICATION_ATTACHMENT_MAX });
    expect(storedFiles().length).toBe(files);
  });

  it('answers a lost file with 404 file_missing (no path) and a failed download in the audit; an altered file is a bare 500', async () => {
    const id = await draft();
    const a = (await upload(maker, id, PDF, { kind: 'hardship_proof', fileName: '困难证明.pdf' })).json().id as string;
    const [row] = await t.database.db.select().from(applicationAttachments).where(eq(applicationAttachments.id, a));
    const file = path.join(t.dataDir, 'attachments', row.storageKey.slice(0, 2), row.storageKey);
    const onDisk = fs.readFileSync(file);
    expect(onDisk.includes(PDF.subarray(0, 16))).toBe(false);
    onDisk[onDisk.length - 1] ^= 1;
    fs.writeFileSync(file, onDisk);
    const altered = await content(maker, id, a);
    expect(altered.statusCode).toBe(500);
    expect(altered.body).not.toContain(row.storageKey);
    fs.rmSync(file);
    const res = await content(maker, id, a);
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'NOT_FOUND', details: { reason: 'file_missing' } });
    expect(res.body).not.toContain(row.storageKey);
    expect(res.body).not.toContain(t.dataDir);
    const failed = (await auditRows(t, 'application.download_attachment', id)).filter((r) => r.outcome === 'failure');
    expect(failed.map((r) => r.details)).toEqual([{ attachmentId: a, kind: 'hardship_proof', problem: 'file_missing' }]);
    expect(await t.database.db.select().from(applicationAttachments).where(and(eq(applicationAttachments.applicationId, id)))).toHaveLength(1);
  });
});
