import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobsOfficerAtRoot, makeEnterprise } from '../../test-support/enterprise-fixtures.js';
import { samplePosting } from '../../test-support/job-posting-fixtures.js';
import { sampleFaq, sampleHotlineCall, samplePolicyArticle, samplePublicQuestion } from '../../test-support/policy-fixtures.js';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app.js';

/** Texts that pass a length check and show as nothing, or as noise, to a reader. */
const WORDLESS = ['\u200b\u200b\u200b\u200b\u200b', '\u2060\u2060\u2060\u2060\u2060', '？？？？？', '……………', '🔥🔥🔥🔥🔥', '-----'];

let t: TestApp;
let officer: Session;
let enterpriseId: string;

beforeAll(async () => {
  t = await createTestApp();
  officer = await jobsOfficerAtRoot(t);
  enterpriseId = await makeEnterprise(t, 'D');
});
afterAll(() => t.close());

const fieldsOf = (res: { json(): { error: { details: { issues: Array<{ field: string }> } } } }) => res.json().error.details.issues.map((i) => i.field);

describe('a title, question or answer without a letter or digit is refused (400 naming the field)', () => {
  it('job postings: the title and the description', async () => {
    for (const wordless of WORDLESS) {
      const title = await officer.post('/api/job-postings', samplePosting(t, enterpriseId, { title: wordless }));
      expect(title.statusCode, JSON.stringify(wordless)).toBe(400);
      expect(fieldsOf(title)).toEqual(['body.title']);
      const description = await officer.post('/api/job-postings', samplePosting(t, enterpriseId, { description: wordless }));
      expect(fieldsOf(description)).toEqual(['body.description']);
    }
    // Words of any script, digits, and emoji beside words are fine.
    for (const title of ['🔥急招电焊工', 'CAD 制图员', '12351 热线坐席']) expect((await officer.post('/api/job-postings', samplePosting(t, enterpriseId, { title }))).statusCode).toBe(201);
  });

  it('policy articles: the title, the issuing body and the text', async () => {
    for (const field of ['title', 'source', 'body']) {
      const res = await officer.post('/api/policies', { ...samplePolicyArticle(t, 'A'), [field]: WORDLESS[0] });
      expect(res.statusCode).toBe(400);
      expect(fieldsOf(res)).toEqual([`body.${field}`]);
    }
  });

  it('consultations: the public question, a hotline call, an answer and an FAQ entry', async () => {
    const ask = await t.app.inject({ method: 'POST', url: '/api/public/consultations', payload: { ...samplePublicQuestion(t, 'B'), question: WORDLESS[0] } });
    expect(ask.statusCode).toBe(400);
    expect(fieldsOf(ask)).toEqual(['body.question']);
    const call = await officer.post('/api/consultations', { ...sampleHotlineCall(t, 'B'), answer: '？？' });
    expect(fieldsOf(call)).toEqual(['body.answer']);
    const open = await officer.post('/api/consultations', sampleHotlineCall(t, 'B'));
    expect(open.statusCode, open.body).toBe(201);
    expect(fieldsOf(await officer.post(`/api/consultations/${open.json().id}/answer`, { answer: WORDLESS[0] }))).toEqual(['body.answer']);
    expect(fieldsOf(await officer.post('/api/faq', { ...sampleFaq(t, 'A'), question: WORDLESS[2] }))).toEqual(['body.question']);
  });
});
