import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_PER_HOUSEHOLD } from '../../../../contracts/households.js';
import { DEFAULT_WEB_DIST } from '../../../app.js';
import { auditLog, householdAttachments } from '../../../db/schema/index.js';
import { sampleHousehold } from '../../../test-support/household-fixtures.js';
import { TINY_PNG } from '../../../test-support/resource-fixtures.js';
import { createTestApp, type Session, type TestApp } from '../../../test-support/test-app.js';
import { buildHouseholdTemplate } from '../import/households-template.js';
import { cleanFileName } from '../../../platform/attachments.js';

let t: TestApp;
let caseworker: Session; // caseworker at E: files and attaches
let reviewer: Session; // reviewer at B: reads and downloads, cannot upload or delete
let staffC: Session; // org admin at C: another subtree
let finance: Session; // finance officer at A: reads households, cannot reveal
let household: string; // of E
let other: string; // another household of E

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const HTML = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);

/** A ZIP holding empty files with these names (stored, no compression). */
function makeZip(names: string[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const name of names) {
    const n = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, n);
    centrals.push(central, n);
    offset += 30 + n.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(names.length, 8);
  eocd.writeUInt16LE(names.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

function upload(s: Session, id: string, body: Buffer, query: Record<string, string> = { kind: 'other', fileName: 'scan.png' }, contentType = 'application/octet-stream') {
  return s.request({ method: 'POST', url: `/api/households/${id}/attachments?${new URLSearchParams(query)}`, headers: { 'content-type': contentType }, payload: body });
}
const del = (s: Session, id: string, attachmentId: string, payload: unknown = { reason: '上传错了文件' }) =>
  s.request({ method: 'DELETE', url: `/api/households/${id}/attachments/${attachmentId}`, payload: payload as object });
const content = (s: Session, id: string, attachmentId: string, reason?: string) =>
  s.get(`/api/households/${id}/attachments/${attachmentId}/content${reason === undefined ? '' : `?${new URLSearchParams({ reason })}`}`);
const list = async (s: Session, id: string) => (await s.get(`/api/households/${id}/attachments`)).json().items as Array<Record<string, unknown>>;

/** Every stored file (not temporaries) under the data directory's attachments folder. */
function storedFiles(): string[] {
  const root = path.join(t.dataDir, 'attachments');
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && !d.parentPath.includes('.tmp'))
    .map((d) => path.join(d.parentPath, d.name));
}
const rowCount = async () => (await t.database.db.select().from(householdAttachments)).length;
const fields = (res: { json(): { error: { details: { issues?: Array<{ field: string }> } } } }) => res.json().error.details.issues?.map((i) => i.field);

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('att-caseworker', 'E', ['caseworker']);
  await t.createUser('att-reviewer', 'B', ['reviewer']);
  await t.createUser('att-admin-c', 'C', ['org_admin']);
  await t.createUser('att-finance', 'A', ['finance_officer']);
  [caseworker, reviewer, staffC, finance] = await Promise.all(['att-caseworker', 'att-reviewer', 'att-admin-c', 'att-finance'].map((u) => t.signIn(u)));
  household = (await caseworker.post('/api/households', sampleHousehold(t.orgs.E.id))).json().id;
  other = (await caseworker.post('/api/households', sampleHousehold(t.orgs.E.id))).json().id;
});
afterAll(() => t.close());

describe('household attachments', () => {
  it('uploads, lists and downloads the same bytes, with safe download headers', async () => {
    const res = await upload(caseworker, household, TINY_PNG, { kind: 'id_proof', fileName: '身份证 正面.png' });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ kind: 'id_proof', fileName: '身份证 正面.png', mimeType: 'image/png', sizeBytes: TINY_PNG.length, uploadedByName: 'att-caseworker' });
    expect(created).not.toHaveProperty('storageKey');

    t.clock.advance(60_000); // listed by upload time; the manual clock otherwise gives both the same
    const pdf = (await upload(caseworker, household, PDF, { kind: 'income_proof', fileName: '收入证明.pdf' })).json();
    expect(pdf.mimeType).toBe('application/pdf');

    const items = await list(reviewer, household);
    expect(items.map((i) => i.id)).toEqual([created.id, pdf.id]);

    const got = await content(reviewer, household, created.id, '核对身份证明');
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(TINY_PNG)).toBe(true);
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.headers['content-disposition']).toBe(`attachment; filename="___ __.png"; filename*=UTF-8''${encodeURIComponent('身份证 正面.png')}`);
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.headers['cache-control']).toBe('no-store');
    expect(String(got.headers['content-security-policy'])).toContain('sandbox');
    expect((await content(caseworker, household, pdf.id)).rawPayload.equals(PDF)).toBe(true);
  });

  it('accepts .xlsx and .docx by their parts, whatever the declared Content-Type', async () => {
    const xlsx = await upload(caseworker, household, await buildHouseholdTemplate(), { kind: 'other', fileName: '台账.xlsx' }, 'text/html');
    expect(xlsx.statusCode, xlsx.body).toBe(201);
    expect(xlsx.json().mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const docx = await upload(caseworker, household, makeZip(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']), { kind: 'other', fileName: '情况说明.docx' });
    expect(docx.statusCode, docx.body).toBe(201);
    expect(docx.json()).toMatchObject({ mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', fileName: '情况说明.docx' });
  });

  it('refuses HTML, SVG, executables, macro documents and bare ZIPs by content, writing nothing', async () => {
    const rows = await rowCount();
    const files = storedFiles().length;
    const cases: Array<[Buffer, string, string]> = [
      [HTML, '收入证明.pdf', 'application/pdf'],
      [HTML, 'photo.png', 'image/png'],
      [SVG, 'photo.svg', 'image/svg+xml'],
      [EXE, '病历.pdf', 'application/pdf'],
      [Buffer.concat([HTML, PDF]), 'mixed.pdf', 'application/pdf'],
      [makeZip(['[Content_Types].xml', 'word/document.xml', 'word/vbaProject.bin']), 'macro.docx', 'application/octet-stream'],
      [makeZip(['payload.exe']), 'archive.zip', 'application/zip'],
    ];
    for (const [body, fileName, type] of cases) {
      const res = await upload(caseworker, household, body, { kind: 'medical_record', fileName }, type);
      expect(res.statusCode, `${fileName}: ${res.body}`).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'VALIDATION', details: { reason: 'file_type' } });
      expect(fields(res)).toEqual(['body']);
    }
    expect(await rowCount()).toBe(rows);
    expect(storedFiles().length).toBe(files);
  });

  it('names the detected type in the stored name and cleans paths and control characters out of it', async () => {
    const res = await upload(caseworker, household, TINY_PNG, { kind: 'home_visit_photo', fileName: 'C:\\Users\\zhang\\scan.pdf' });
    expect(res.json().fileName).toBe('scan.png');
    expect(cleanFileName('../../etc/x\u202Efdp.png', 'png')).toBe('xfdp.png');
    expect(cleanFileName('a<b>:c|d?.JPEG', 'jpg')).toBe('a_b__c_d_.JPEG');
    expect(cleanFileName('...', 'pdf')).toBe('attachment.pdf');
    expect(cleanFileName('x'.repeat(500) + '.pdf', 'pdf')).toHaveLength(120);
  });

  it('refuses a file above the size limit with 413 naming the body, and writes nothing', async () => {
    const rows = await rowCount();
    const files = storedFiles().length;
    const big = Buffer.concat([TINY_PNG, Buffer.alloc(ATTACHMENT_MAX_BYTES + 1 - TINY_PNG.length)]);
    const res = await upload(caseworker, household, big);
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json().error.code).toBe('LIMIT_EXCEEDED');
    expect(res.json().error.message).toContain(String(ATTACHMENT_MAX_BYTES));
    expect(fields(res)).toEqual(['body']);
    expect(await rowCount()).toBe(rows);
    expect(storedFiles().length).toBe(files);
    // Exactly the limit is accepted.
    const atLimit = await upload(caseworker, other, Buffer.concat([TINY_PNG, Buffer.alloc(ATTACHMENT_MAX_BYTES - TINY_PNG.length)]));
    expect(atLimit.statusCode, atLimit.body).toBe(201);
  });

  it('answers 4xx naming the field for bad input, writing nothing', async () => {
    const rows = await rowCount();
    const files = storedFiles().length;
    const bad: Array<[() => Promise<{ statusCode: number; body: string; json(): never }>, string]> = [
      [() => upload(caseworker, household, TINY_PNG, { kind: 'selfie', fileName: 'a.png' }), 'querystring.kind'],
      [() => upload(caseworker, household, TINY_PNG, { kind: 'other' }), 'querystring.fileName'],
      [() => upload(caseworker, household, TINY_PNG, { kind: 'other', fileName: '   ' }), 'querystring.fileName'],
      [() => upload(caseworker, household, TINY_PNG, { kind: 'other', fileName: 'a.png', orgId: t.orgs.A.id }), 'querystring.orgId'],
      [() => upload(caseworker, household, Buffer.alloc(0)), 'body'],
      [() => upload(caseworker, 'not-a-uuid', TINY_PNG), 'params.id'],
      [() => caseworker.get(`/api/households/${household}/attachments/not-a-uuid/content`), 'params.attachmentId'],
      [() => del(caseworker, household, '00000000-0000-4000-8000-000000000000', {}), 'body.reason'],
    ];
    for (const [send, field] of bad) {
      const res = await send();
      expect(res.statusCode, res.body).toBe(400);
      expect(fields(res), res.body).toEqual([field]);
    }
    const noBody = await caseworker.request({ method: 'POST', url: `/api/households/${household}/attachments?kind=other&fileName=a.png` });
    expect(noBody.statusCode).toBe(400);
    expect(await rowCount()).toBe(rows);
    expect(storedFiles().length).toBe(files);
  });

  it('keeps every route inside the subtree: 404 for another subtree and for an attachment of another household', async () => {
    const a = (await upload(caseworker, household, TINY_PNG)).json().id as string;
    expect((await upload(staffC, household, TINY_PNG)).statusCode).toBe(404);
    expect((await staffC.get(`/api/households/${household}/attachments`)).statusCode).toBe(404);
    expect((await content(staffC, household, a)).statusCode).toBe(404);
    expect((await del(staffC, household, a)).statusCode).toBe(404);
    // The attachment is real and in scope, but belongs to another household than the URL names.
    const wrong = await content(caseworker, other, a);
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().error.message).toBe('attachment not found');
    expect((await del(caseworker, other, a)).statusCode).toBe(404);
    expect((await list(caseworker, household)).some((i) => i.id === a)).toBe(true);
  });

  it('needs household.update to upload and delete, household.read to list and download, and CSRF for writes', async () => {
    const a = (await upload(caseworker, household, TINY_PNG)).json().id as string;
    expect((await upload(reviewer, household, TINY_PNG)).statusCode).toBe(403);
    expect((await del(reviewer, household, a)).statusCode).toBe(403);
    expect((await content(reviewer, household, a)).statusCode).toBe(200);
    const noCsrf = await t.app.inject({ method: 'POST', url: `/api/households/${household}/attachments?kind=other&fileName=a.png`, headers: { cookie: caseworker.cookie, 'content-type': 'application/octet-stream' }, payload: TINY_PNG });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error.details.reason).toBe('csrf');
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/households/${household}/attachments/${a}/content` });
    expect(anonymous.statusCode).toBe(401);
  });

  it('soft-deletes with a reason: gone from the list and from downloads, kept in the table, history and audit', async () => {
    const a = (await upload(caseworker, household, PDF, { kind: 'medical_record', fileName: '病历.pdf' })).json().id as string;
    expect((await content(reviewer, household, a)).statusCode).toBe(200);
    const res = await del(caseworker, household, a, { reason: '重复上传' });
    expect(res.statusCode, res.body).toBe(200);
    expect((await list(caseworker, household)).some((i) => i.id === a)).toBe(false);
    expect((await content(caseworker, household, a)).statusCode).toBe(404);
    expect((await del(caseworker, household, a)).statusCode).toBe(404);
    const [row] = await t.database.db.select().from(householdAttachments).where(eq(householdAttachments.id, a));
    expect(row).toMatchObject({ deleteReason: '重复上传' });
    expect(row.deletedAt).toBeInstanceOf(Date);
    expect(row.deletedBy).toBeTruthy();

    const actions = (await t.database.db.select().from(auditLog).where(eq(auditLog.objectId, household)))
      .filter((r) => (r.details as { attachmentId?: string }).attachmentId === a)
      .map((r) => r.action);
    expect(actions).toEqual(['household.attachment_upload', 'household.attachment_download', 'household.attachment_delete']);
    const [deletion] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'household.attachment_delete'), eq(auditLog.objectId, household)));
    expect(deletion).toMatchObject({ actorUsername: 'att-caseworker', orgId: t.orgs.E.id, outcome: 'success', details: { attachmentId: a, kind: 'medical_record', reason: '重复上传' } });

    const history = (await caseworker.get(`/api/households/${household}`)).json().history as Array<{ action: string; reason: string | null; details: Record<string, unknown> }>;
    expect(history.filter((e) => e.details.attachmentId === a).map((e) => [e.action, e.reason])).toEqual([
      ['attachment_add', null],
      ['attachment_delete', '重复上传'],
    ]);
  });

  it('stores the file encrypted under the data directory, never under the web build', async () => {
    const a = (await upload(caseworker, household, PDF, { kind: 'income_proof', fileName: '工资条.pdf' })).json().id as string;
    const [row] = await t.database.db.select().from(householdAttachments).where(eq(householdAttachments.id, a));
    const file = path.join(t.dataDir, 'attachments', row.storageKey.slice(0, 2), row.storageKey);
    expect(fs.existsSync(file)).toBe(true);
    expect(path.relative(DEFAULT_WEB_DIST, file).startsWith('..')).toBe(true);
    expect(storedFiles().some((f) => f.startsWith(path.resolve(DEFAULT_WEB_DIST)))).toBe(false);
    const onDisk = fs.readFileSync(file);
    expect(onDisk.includes(PDF.subarray(0, 16))).toBe(false);
    expect(onDisk.subarray(0, 4).toString()).toBe('UHF1');
    expect(fs.readdirSync(path.join(t.dataDir, 'attachments', '.tmp'))).toEqual([]);
    // A file that was altered on disk is not served, and the answer says nothing about why or where.
    onDisk[onDisk.length - 1] ^= 1;
    fs.writeFileSync(file, onDisk);
    const altered = await content(caseworker, household, a);
    expect(altered.statusCode).toBe(500);
    expect(altered.json().error).toMatchObject({ code: 'INTERNAL', details: {} });
    expect(altered.json().error.message).toContain(altered.json().error.requestId);
    expect(altered.body).not.toMatch(/integrity|attachment|storage|UHF1/i);
    expect(altered.body).not.toContain(row.storageKey);
  });

  it('answers a missing file with 404 file_missing, no storage path or system error, and logs it in the audit', async () => {
    const a = (await upload(caseworker, household, PDF, { kind: 'income_proof', fileName: '工资条.pdf' })).json().id as string;
    const [row] = await t.database.db.select().from(householdAttachments).where(eq(householdAttachments.id, a));
    fs.rmSync(path.join(t.dataDir, 'attachments', row.storageKey.slice(0, 2), row.storageKey));
    const res = await content(caseworker, household, a);
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'NOT_FOUND', details: { reason: 'file_missing' } });
    expect(res.json().error.message).toContain('文件已丢失');
    expect(res.body).not.toContain(row.storageKey);
    expect(res.body).not.toContain(t.dataDir);
    expect(res.body).not.toMatch(/ENOENT|no such file/i);
    const [entry] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'household.attachment_download'), eq(auditLog.outcome, 'failure'), eq(auditLog.objectId, household)));
    expect(entry.details).toMatchObject({ attachmentId: a, problem: 'file_missing' });
  });

  it('lets only those who may reveal ID numbers download an ID scan, with a reason that is audited', async () => {
    const a = (await upload(caseworker, household, TINY_PNG, { kind: 'id_proof', fileName: '身份证.png' })).json().id as string;
    const downloads = async () =>
      (await t.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'household.attachment_download'), eq(auditLog.objectId, household)))).filter(
        (r) => (r.details as { attachmentId?: string }).attachmentId === a,
      );
    // The caseworker who uploaded it and the finance officer read households but may not reveal.
    for (const s of [caseworker, finance]) {
      const refused = await content(s, household, a, '核对身份');
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.details.permission).toBe('household.reveal');
    }
    const noReason = await content(reviewer, household, a);
    expect(noReason.statusCode).toBe(400);
    expect(fields(noReason)).toEqual(['querystring.reason']);
    for (const bad of [' ', 'x', '核对 410803198001011234', '回电 139 1234 5678', 'x'.repeat(201)]) {
      const res = await content(reviewer, household, a, bad);
      expect(res.statusCode, bad).toBe(400);
      expect(fields(res)).toEqual(['querystring.reason']);
    }
    expect(await downloads()).toEqual([]);
    const ok = await content(reviewer, household, a, '发放助学金前核对身份');
    expect(ok.statusCode).toBe(200);
    expect(ok.rawPayload.equals(TINY_PNG)).toBe(true);
    const [entry] = await downloads();
    expect(entry).toMatchObject({ actorUsername: 'att-reviewer', outcome: 'success', details: { kind: 'id_proof', reason: '发放助学金前核对身份' } });
    // Other kinds stay readable with household.read alone.
    const income = (await upload(caseworker, household, PDF, { kind: 'income_proof', fileName: '收入.pdf' })).json().id as string;
    expect((await content(finance, household, income)).statusCode).toBe(200);
  });

  it(`keeps at most ${ATTACHMENT_MAX_PER_HOUSEHOLD} attachments a household, leaving no file behind when refused`, async () => {
    const h = (await caseworker.post('/api/households', sampleHousehold(t.orgs.E.id))).json().id as string;
    for (let i = 0; i < ATTACHMENT_MAX_PER_HOUSEHOLD; i++) expect((await upload(caseworker, h, TINY_PNG)).statusCode).toBe(201);
    const files = storedFiles().length;
    const res = await upload(caseworker, h, TINY_PNG);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.reason).toBe('attachment_limit');
    expect(storedFiles().length).toBe(files);
  });
});
