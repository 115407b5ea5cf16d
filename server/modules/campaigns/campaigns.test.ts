import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows } from '../../test-support/db-probes.js';
import { goldenAutumnRules, makeCampaign } from '../../test-support/campaign-fixtures.js';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app.js';

let t: TestApp;
let cityAdmin: Session;
let districtAdmin: Session;
let caseworkerE: Session;
let caseworkerG: Session;

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('admin-a', 'A', ['org_admin']);
  await t.createUser('admin-b', 'B', ['org_admin']);
  await t.createUser('cw-e', 'E', ['caseworker']);
  await t.createUser('cw-g', 'G', ['caseworker']);
  cityAdmin = await t.signIn('admin-a');
  districtAdmin = await t.signIn('admin-b');
  caseworkerE = await t.signIn('cw-e');
  caseworkerG = await t.signIn('cw-g');
});
afterAll(() => t.close());

describe('campaigns', () => {
  it('creates a campaign with rules and participants, seen by the participants below and not by others', async () => {
    const { campaignId } = await makeCampaign(t, cityAdmin, { orgName: 'A', participants: ['B'] });
    const seen = await caseworkerE.get(`/api/campaigns/${campaignId}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().participants.map((p: { orgName: string }) => p.orgName)).toEqual(['组织B']);
    expect(seen.json().status).toBe('open');
    expect((await caseworkerG.get(`/api/campaigns/${campaignId}`)).statusCode).toBe(404);
    expect((await caseworkerG.get('/api/campaigns')).json().items.map((c: { id: string }) => c.id)).not.toContain(campaignId);
    expect((await auditRows(t, 'campaign.create', campaignId)).length).toBe(1);
  });

  it('lets only the organiser’s subtree change the rules, versioned', async () => {
    const { campaignId } = await makeCampaign(t, cityAdmin, { orgName: 'A', participants: ['B'] });
    const before = (await cityAdmin.get(`/api/campaigns/${campaignId}`)).json();
    expect((await districtAdmin.put(`/api/campaigns/${campaignId}/rules`, { rules: goldenAutumnRules(), version: before.version })).statusCode).toBe(404);
    const saved = await cityAdmin.put(`/api/campaigns/${campaignId}/rules`, { rules: goldenAutumnRules({ allowUnfiled: false }), version: before.version });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().rulesVersion).toBe(2);
    const stale = await cityAdmin.put(`/api/campaigns/${campaignId}/rules`, { rules: goldenAutumnRules(), version: before.version });
    expect(stale.statusCode).toBe(409);
    const versions = (await cityAdmin.get(`/api/campaigns/${campaignId}/rule-versions`)).json().items;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(versions[1].rules.allowUnfiled).toBe(false);
  });

  it('refuses rules that do not hold together, naming the field', async () => {
    const { campaignId } = await makeCampaign(t, cityAdmin, { orgName: 'A' });
    const c = (await cityAdmin.get(`/api/campaigns/${campaignId}`)).json();
    const rules = goldenAutumnRules();
    rules.amounts = rules.amounts.filter((a) => a.stage !== 'senior');
    const res = await cityAdmin.put(`/api/campaigns/${campaignId}/rules`, { rules, version: c.version });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues[0].field).toBe('body.rules.amounts');
  });

  it('refuses a participant outside the organiser’s subtree', async () => {
    const program = await districtAdmin.post('/api/programs', { code: 'B-ONLY', name: '区助学', kind: 'per_student' });
    const res = await districtAdmin.post('/api/campaigns', {
      programId: program.json().id, orgId: t.orgs.B.id, name: '区助学2026', year: 2026, applyFrom: '2026-01-01', applyTo: '2026-12-31',
      rules: goldenAutumnRules(), participants: [{ orgId: t.orgs.G.id, budgetFen: 100 }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues[0].field).toBe('body.participants.0.orgId');
  });
});
