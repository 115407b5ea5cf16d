import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { policyArticles } from '../../../db/schema/index.js';
import { auditRows } from '../../../test-support/db-probes.js';
import { samplePolicyArticle } from '../../../test-support/policy-fixtures.js';
import { TINY_PNG } from '../../../test-support/resource-fixtures.js';
import { createTestApp, type Session, type TestApp } from '../../../test-support/test-app.js';
import { zipOf } from '../../../test-support/xlsx-bombs.js';

let t: TestApp;
let cityEditor: Session; // jobs_officer at A
let editorB: Session; // jobs_officer at B
let editorC: Session; // jobs_officer at C: another subtree
let caseworkerB: Session; // no policy.publish

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const entry = (name: string, text: string) => {
  const raw = Buffer.from(text);
  return { name, deflated: zlib.deflateRawSync(raw), crc: zlib.crc32(raw) >>> 0, size: raw.length };
};
const DOCX = zipOf([entry('[Content_Types].xml', '<Types/>'), entry('_rels/.rels', '<Relationships/>'), entry('word/document.xml', '<w:document/>')]);

const article = (orgName: string, extra: Record<string, unknown> = {}) => ({
  orgId: t.orgs[orgName].id,
  title: '关于做好2026年职工技能提升补贴申领工作的通知',
  category: 'employment',
  source: '焦作市人力资源和社会保障局',
  docNo: '焦人社〔2026〕12号',
  effectiveOn: '2026-03-01',
  summary: '取得职业资格证书的参保职工可申领技能提升补贴。',
  body: '一、补贴对象\n依法参加失业保险累计缴费满1年的企业职工。\n二、补贴标准\n初级工1000元、中级工1500元、高级工2000元。',
  ...extra,
});

async function create(s: Session, body: Record<string, unknown>) {
  const res = await s.post('/api/policies', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}
async function published(s: Session, body: Record<string, unknown>) {
  const id = await create(s, body);
  const res = await s.post(`/api/policies/${id}/publish`, {});
  expect(res.statusCode, res.body).toBe(200);
  return id;
}
const pub = (url: string) => t.app.inject({ method: 'GET', url });
const publicList = async (query = '') => (await pub(`/api/public/policies${query}`)).json() as { items: Array<{ id: string; title: string }>; total: number };
const upload = (s: Session, id: string, body: Buffer, fileName: string) =>
  s.request({ method: 'POST', url: `/api/policies/${id}/attachments?fileName=${encodeURIComponent(fileName)}`, headers: { 'content-type': 'application/octet-stream' }, payload: body });

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('pol-a', 'A', ['jobs_officer']);
  await t.createUser('pol-b', 'B', ['jobs_officer']);
  await t.createUser('pol-c', 'C', ['jobs_officer']);
  await t.createUser('pol-case-b', 'B', ['caseworker']);
  [cityEditor, editorB, editorC, caseworkerB] = await Promise.all(['pol-a', 'pol-b', 'pol-c', 'pol-case-b'].map((u) => t.signIn(u)));
});
afterAll(() => t.close());

describe('policy articles', () => {
  it('writes a draft (not public), publishes it onto the public list with its time, each step audited', async () => {
    const id = await create(editorB, article('E'));
    const draft = (await editorB.get(`/api/policies/${id}`)).json();
    expect(draft).toMatchObject({ status: 'draft', publishedAt: null, version: 1, orgName: '组织E', docNo: '焦人社〔2026〕12号' });
    expect((await publicList()).items.map((a) => a.id)).not.toContain(id);
    expect((await pub(`/api/public/policies/${id}`)).statusCode).toBe(404);

    t.clock.advance(60_000);
    const res = await editorB.post(`/api/policies/${id}/publish`, {});
    expect(res.json()).toMatchObject({ status: 'published', publishedAt: t.clock.now().toISOString(), version: 2 });
    const page = (await pub(`/api/public/policies/${id}`)).json();
    expect(page).toMatchObject({ id, title: article('E').title, body: article('E').body, category: 'employment', orgName: '组织E', attachments: [] });
    expect(page).not.toHaveProperty('orgId');
    expect(page).not.toHaveProperty('version');

    expect(await auditRows(t, 'policy.create', id)).toMatchObject([{ actorUsername: 'pol-b', orgId: t.orgs.E.id, details: { category: 'employment' } }]);
    expect(await auditRows(t, 'policy.publish', id)).toMatchObject([{ actorUsername: 'pol-b', details: { from: 'draft' } }]);
    const again = await editorB.post(`/api/policies/${id}/publish`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details).toMatchObject({ reason: 'status', status: 'published' });
  });

  it('finds an article by its document number (文号), whole or in part, and follows a corrected one', async () => {
    const created = await editorB.post('/api/policies', { ...samplePolicyArticle(t, 'B'), title: '关于失业保险稳岗返还的通知', docNo: '豫人社〔2026〕31号' });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json();
    expect((await editorB.post(`/api/policies/${id}/publish`)).statusCode).toBe(200);
    const found = async (q: string) => (await publicList(`?q=${encodeURIComponent(q)}`)).items.map((a) => a.id);
    expect(await found('豫人社〔2026〕31号')).toEqual([id]);
    expect(await found('豫人社')).toEqual([id]);
    expect(await found('稳岗 31号')).toEqual([id]);
    const version = (await editorB.get(`/api/policies/${id}`)).json().version;
    expect((await editorB.patch(`/api/policies/${id}`, { docNo: '豫人社〔2026〕32号', version })).statusCode).toBe(200);
    expect(await found('31号')).not.toContain(id);
    expect(await found('32号')).toEqual([id]);
  });

  it('edits with the version read: a stale version is a 409; the search terms follow the new text', async () => {
    const id = await published(editorB, article('D', { title: '困难职工子女助学政策解读' }));
    expect((await publicList('?q=%E5%85%BB%E8%80%81')).items.map((a) => a.id)).not.toContain(id); // 养老
    const res = await editorB.patch(`/api/policies/${id}`, { summary: '养老保险补缴办法一并说明。', version: 2 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ id, version: 3 });
    expect((await publicList('?q=%E5%85%BB%E8%80%81')).items.map((a) => a.id)).toContain(id);
    const stale = await editorB.patch(`/api/policies/${id}`, { title: '改名', version: 2 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details).toMatchObject({ reason: 'stale', version: 3 });
    expect((await editorB.get(`/api/policies/${id}`)).json()).toMatchObject({ title: '困难职工子女助学政策解读', summary: '养老保险补缴办法一并说明。', docNo: '焦人社〔2026〕12号' });
    // Clearing an optional field.
    expect((await editorB.patch(`/api/policies/${id}`, { docNo: null, version: 3 })).statusCode).toBe(200);
    expect((await editorB.get(`/api/policies/${id}`)).json().docNo).toBeNull();
    expect(await auditRows(t, 'policy.update', id)).toMatchObject([{ details: { changed: ['summary'], status: 'published' } }, { details: { changed: ['docNo'] } }]);
  });

  it('of two edits on the same version, one wins and the other is a 409 (row lock)', async () => {
    const id = await create(editorB, article('E'));
    const results = await Promise.all([editorB.patch(`/api/policies/${id}`, { title: '第一人改的标题', version: 1 }), cityEditor.patch(`/api/policies/${id}`, { title: '第二人改的标题', version: 1 })]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const [row] = await t.database.db.select().from(policyArticles).where(eq(policyArticles.id, id));
    expect(row.version).toBe(2);
  });

  it('withdraws a published article with a reason: off the public list and page, attachments too; it can be put back', async () => {
    const id = await published(editorB, article('B', { title: '关于调整失业保险金标准的通知' }));
    const file = (await upload(editorB, id, PDF, '标准表.pdf')).json().id as string;
    expect((await pub(`/api/public/policies/${id}/attachments/${file}/content`)).statusCode).toBe(200);
    const noReason = await editorB.post(`/api/policies/${id}/withdraw`, {});
    expect(noReason.statusCode).toBe(400);
    const res = await editorB.post(`/api/policies/${id}/withdraw`, { reason: '标准有误，待重新发布' });
    expect(res.json()).toMatchObject({ status: 'withdrawn' });
    expect((await publicList()).items.map((a) => a.id)).not.toContain(id);
    expect((await pub(`/api/public/policies/${id}`)).statusCode).toBe(404);
    expect((await pub(`/api/public/policies/${id}/attachments/${file}/content`)).statusCode).toBe(404);
    expect(await auditRows(t, 'policy.withdraw', id)).toMatchObject([{ details: { reason: '标准有误，待重新发布' } }]);
    expect((await editorB.post(`/api/policies/${id}/withdraw`, { reason: '再撤一次' })).statusCode).toBe(409);
    expect((await editorB.post(`/api/policies/${id}/publish`, {})).json()).toMatchObject({ status: 'published' });
    expect((await publicList()).items.map((a) => a.id)).toContain(id);
  });

  it('answers 404 for an article of another subtree on every route, as for one that does not exist', async () => {
    const id = await create(editorB, article('D'));
    const file = (await upload(editorB, id, PDF, 'a.pdf')).json().id as string;
    for (const res of [
      await editorC.get(`/api/policies/${id}`),
      await editorC.patch(`/api/policies/${id}`, { title: '越权修改', version: 1 }),
      await editorC.post(`/api/policies/${id}/publish`, {}),
      await editorC.post(`/api/policies/${id}/withdraw`, { reason: '越权撤回' }),
      await editorC.get(`/api/policies/${id}/attachments`),
      await editorC.get(`/api/policies/${id}/attachments/${file}/content`),
      await upload(editorC, id, PDF, 'b.pdf'),
      await editorC.request({ method: 'DELETE', url: `/api/policies/${id}/attachments/${file}`, payload: { reason: '越权删除' } }),
    ]) {
      expect(res.statusCode, res.body).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
    expect((await editorC.post('/api/policies', article('B'))).statusCode).toBe(404);
    expect((await editorC.get(`/api/policies?orgId=${t.orgs.B.id}`)).statusCode).toBe(404);
    expect((await editorC.get('/api/policies')).json().items.map((a: { id: string }) => a.id)).not.toContain(id);
    // The city sees it.
    expect((await cityEditor.get(`/api/policies/${id}`)).statusCode).toBe(200);
    expect((await editorB.get(`/api/policies/${id}`)).json()).toMatchObject({ status: 'draft', version: 1 });
  });

  it('refuses a missing permission with 403 naming policy.publish', async () => {
    const id = await create(editorB, article('B'));
    for (const res of [
      await caseworkerB.get('/api/policies'),
      await caseworkerB.post('/api/policies', article('B')),
      await caseworkerB.get(`/api/policies/${id}`),
      await caseworkerB.patch(`/api/policies/${id}`, { title: '无权修改', version: 1 }),
      await caseworkerB.post(`/api/policies/${id}/publish`, {}),
      await upload(caseworkerB, id, PDF, 'x.pdf'),
    ]) {
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().error.details.permission).toBe('policy.publish');
    }
    expect((await editorB.get(`/api/policies/${id}`)).json().status).toBe('draft');
  });

  it('lists for staff by words, category, status and org subtree', async () => {
    const id = await create(editorB, article('E', { title: '工伤保险待遇调整说明', category: 'social_insurance' }));
    const ids = async (q: string) => ((await editorB.get(`/api/policies${q}`)).json().items as Array<{ id: string }>).map((a) => a.id);
    expect(await ids('?q=%E5%B7%A5%E4%BC%A4')).toContain(id); // 工伤
    expect(await ids('?category=social_insurance&status=draft')).toContain(id);
    expect(await ids('?status=published')).not.toContain(id);
    expect(await ids(`?orgId=${t.orgs.D.id}`)).not.toContain(id);
    expect(await ids(`?orgId=${t.orgs.E.id}`)).toContain(id);
    const line = (await editorB.get(`/api/policies?q=%E5%B7%A5%E4%BC%A4`)).json().items[0];
    expect(line).not.toHaveProperty('body');
  });
});

describe('the public policy list', () => {
  it('finds a two-character word inside a longer one, filters by category, newest first, published only', async () => {
    const welder = await published(cityEditor, article('A', { title: '电焊工等紧缺工种培训补贴目录', category: 'employment', summary: null, body: '紧缺工种目录见附件。' }));
    t.clock.advance(60_000);
    const aid = await published(cityEditor, article('C', { title: '金秋助学实施办法', category: 'student_aid', summary: null, body: '对考入高校的困难职工子女给予一次性资助。' }));
    const draft = await create(cityEditor, article('A', { title: '电焊工安全规程（草稿）' }));
    const ids = async (q: string) => (await publicList(q)).items.map((a) => a.id);

    expect(await ids(`?q=${encodeURIComponent('焊工')}`)).toEqual([welder]);
    expect(await ids(`?q=${encodeURIComponent('子女')}`)).toEqual(expect.arrayContaining([aid]));
    expect(await ids(`?q=${encodeURIComponent('子女')}`)).not.toContain(welder);
    expect(await ids(`?q=${encodeURIComponent('高校 资助')}`)).toEqual([aid]);
    expect(await ids(`?q=${encodeURIComponent('焊工 资助')}`)).toEqual([]);
    expect(await ids(`?q=${encodeURIComponent('人力资源')}`)).toEqual(expect.arrayContaining([welder, aid])); // the source is searched
    expect(await ids('?category=student_aid')).toEqual([aid]);
    const all = await publicList();
    expect(all.items.map((a) => a.id)).not.toContain(draft);
    expect(all.items.indexOf(all.items.find((a) => a.id === aid)!)).toBeLessThan(all.items.findIndex((a) => a.id === welder));
    expect(all.items[0]).not.toHaveProperty('body');
    expect(all.total).toBe(all.items.length);
  });

  it('refuses bad filters with 400 naming them', async () => {
    for (const [url, field] of [
      ['/api/public/policies?category=tax', 'querystring.category'],
      ['/api/public/policies?page=0', 'querystring.page'],
      ['/api/public/policies?q=%00', 'querystring.q'],
      [`/api/public/policies?q=${'字'.repeat(51)}`, 'querystring.q'],
      ['/api/public/policies/not-a-uuid', 'params.id'],
    ]) {
      const res = await pub(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.details.issues.map((i: { field: string }) => i.field)).toContain(field);
    }
  });
});

describe('policy attachments', () => {
  it('takes PDF, images and Word by their content; anyone downloads those of a published article, only staff a draft’s', async () => {
    const id = await create(editorB, article('E'));
    const pdf = await upload(editorB, id, PDF, '补贴申领表.pdf');
    expect(pdf.statusCode, pdf.body).toBe(201);
    expect(pdf.json()).toMatchObject({ fileName: '补贴申领表.pdf', mimeType: 'application/pdf', uploadedByName: 'pol-b' });
    t.clock.advance(1000);
    const docx = await upload(editorB, id, DOCX, '申请表.docx');
    expect(docx.json()).toMatchObject({ mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    t.clock.advance(1000);
    const png = await upload(editorB, id, TINY_PNG, '流程图.png');
    expect(png.json().mimeType).toBe('image/png');
    const html = await upload(editorB, id, Buffer.from('<html><script>alert(1)</script></html>'), '通知.pdf');
    expect(html.statusCode).toBe(400);
    expect(html.json().error.details.reason).toBe('file_type');

    const url = `/api/public/policies/${id}/attachments/${pdf.json().id}/content`;
    expect((await pub(url)).statusCode).toBe(404); // a draft's
    const staff = await editorB.get(`/api/policies/${id}/attachments/${pdf.json().id}/content`);
    expect(staff.statusCode).toBe(200);
    expect(staff.rawPayload.equals(PDF)).toBe(true);

    await editorB.post(`/api/policies/${id}/publish`, {});
    const res = await pub(url);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(PDF)).toBe(true);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('补贴申领表.pdf'));
    const page = (await pub(`/api/public/policies/${id}`)).json();
    expect(page.attachments.map((a: { fileName: string }) => a.fileName)).toEqual(['补贴申领表.pdf', '申请表.docx', '流程图.png']);
    expect(page.attachments[0]).not.toHaveProperty('sha256');
    expect(page.attachments[0]).not.toHaveProperty('uploadedByName');
    // An attachment id of another article is not found through this one.
    const other = await published(editorB, article('E'));
    expect((await pub(`/api/public/policies/${other}/attachments/${pdf.json().id}/content`)).statusCode).toBe(404);
    expect(await auditRows(t, 'policy.upload_attachment', id)).toHaveLength(3);
  });

  it('deletes an attachment with a reason: kept and marked, off the public page, audited', async () => {
    const id = await published(editorB, article('B'));
    const a = (await upload(editorB, id, PDF, '旧版.pdf')).json().id as string;
    const del = (payload: object) => editorB.request({ method: 'DELETE', url: `/api/policies/${id}/attachments/${a}`, payload });
    expect((await del({})).statusCode).toBe(400);
    const res = await del({ reason: '已发布新版' });
    expect(res.json()).toEqual({ id: a, deleted: true });
    expect((await pub(`/api/public/policies/${id}`)).json().attachments).toEqual([]);
    expect((await pub(`/api/public/policies/${id}/attachments/${a}/content`)).statusCode).toBe(404);
    expect((await editorB.get(`/api/policies/${id}/attachments`)).json().items).toEqual([]);
    expect((await del({ reason: '再删一次' })).statusCode).toBe(404);
    expect(await auditRows(t, 'policy.delete_attachment', id)).toMatchObject([{ details: { attachmentId: a, reason: '已发布新版' } }]);
  });
});
