import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { auditLog } from '../../db/schema/index.js';
import { sampleHousehold, uniqueIdNumber } from '../../test-support/household-fixtures.js';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app.js';
import { recordHouseholdAid } from './record-household-aid.js';

let t: TestApp;
let maker: Session; // caseworker at E (a grassroots union)
let checker: Session; // another caseworker at E
let reviewerB: Session; // reviewer at B, the level above E
let reviewerE: Session; // reviewer at E itself
let staffC: Session; // org admin at C
let noReveal: Session; // caseworker at B: reads but cannot reveal

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('maker', 'E', ['caseworker']);
  await t.createUser('checker', 'E', ['caseworker']);
  await t.createUser('reviewer-b', 'B', ['reviewer']);
  await t.createUser('reviewer-e', 'E', ['reviewer']);
  await t.createUser('admin-c', 'C', ['org_admin']);
  await t.createUser('casework-b', 'B', ['caseworker']);
  await signInAll();
});

async function signInAll() {
  [maker, checker, reviewerB, reviewerE, staffC, noReveal] = await Promise.all(
    ['maker', 'checker', 'reviewer-b', 'reviewer-e', 'admin-c', 'casework-b'].map((u) => t.signIn(u)),
  );
}

/** Moves the clock by whole days; sessions idle that long have ended, so everyone signs in again. */
async function laterByDays(days: number) {
  t.clock.advance(days * 24 * 3600_000);
  await signInAll();
}
afterAll(() => t.close());

const visit = { visitDate: '2026-03-02', visitors: '张敏、刘强', findings: '家中一人重病，收入微薄，情况属实', consentSigned: true };

async function file(s: Session, orgName: string, overrides = {}) {
  const res = await s.post('/api/households', sampleHousehold(t.orgs[orgName].id, overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function archive(id: string) {
  expect((await checker.post(`/api/households/${id}/check`, {})).statusCode).toBe(200);
  expect((await checker.post(`/api/households/${id}/visit`, visit)).statusCode).toBe(200);
  expect((await reviewerB.post(`/api/households/${id}/start-notice`, { noticeDays: 5 })).statusCode).toBe(200);
  await laterByDays(6);
  const res = await reviewerB.post(`/api/households/${id}/approve`, {});
  expect(res.statusCode, res.body).toBe(200);
}

describe('filing workflow', () => {
  it('takes a household from application to the archive, with history and audit at every step', async () => {
    const id = await file(maker, 'E');
    expect((await checker.post(`/api/households/${id}/check`, {})).json().status).toBe('checked');
    expect((await checker.post(`/api/households/${id}/visit`, visit)).json().status).toBe('visited');
    expect((await reviewerB.post(`/api/households/${id}/start-notice`, { noticeDays: 7 })).json().status).toBe('in_notice');

    const early = await reviewerB.post(`/api/households/${id}/approve`, {});
    expect(early.statusCode).toBe(422);
    expect(early.json().error.details.reason).toBe('notice_running');

    const objection = await reviewerB.post(`/api/households/${id}/objections`, { content: '群众反映其另有住房', raisedBy: '匿名' });
    expect(objection.statusCode).toBe(201);
    await laterByDays(8);
    const blocked = await reviewerB.post(`/api/households/${id}/approve`, {});
    expect(blocked.json().error.details.reason).toBe('objection_open');
    const resolved = await reviewerB.post(`/api/households/${id}/objections/${objection.json().id}/resolve`, { resolution: '经入户核实，住房为租赁', upheld: false });
    expect(resolved.statusCode).toBe(200);

    const approved = await reviewerB.post(`/api/households/${id}/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().status).toBe('archived');

    const detail = (await maker.get(`/api/households/${id}`)).json();
    expect(detail.status).toBe('archived');
    expect(detail.history.map((e: { action: string }) => e.action)).toEqual([
      'apply', 'check', 'visit', 'start_notice', 'objection', 'objection_resolved', 'approve',
    ]);
    expect(detail.visits).toHaveLength(1);
    expect(detail.nextVerificationDue).toMatch(/^2027-/);
    const list = (await reviewerB.get('/api/households?status=archived')).json();
    expect(list.items.map((h: { id: string }) => h.id)).toContain(id);

    const actions = (await t.database.db.select().from(auditLog).where(eq(auditLog.objectId, id))).map((a) => a.action);
    for (const a of ['household.create', 'household.check', 'household.visit', 'household.start_notice', 'household.objection', 'household.resolve_objection', 'household.approve'])
      expect(actions).toContain(a);
  });

  it('refuses the maker as checker or approver (maker ≠ checker)', async () => {
    await t.createUser('both-e', 'E', ['caseworker', 'reviewer']);
    const both = await t.signIn('both-e');
    const id = await file(both, 'E');
    const res = await both.post(`/api/households/${id}/check`, {});
    expect(res.statusCode).toBe(403);
    expect(res.json().error.details.reason).toBe('maker_checker');
    // Refused inside the step's transaction, logged once by the error handler after the rollback.
    const denials = await t.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'authz.deny'), eq(auditLog.actorUsername, 'both-e')));
    expect(denials.map((d) => d.details.reason)).toEqual(['maker_checker']);
  });

  it('keeps review and approval for the level above the household', async () => {
    const id = await file(maker, 'E');
    await checker.post(`/api/households/${id}/check`, {});
    await checker.post(`/api/households/${id}/visit`, visit);
    const res = await reviewerE.post(`/api/households/${id}/start-notice`, { noticeDays: 7 });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.details.reason).toBe('level_above_required');
  });

  it('refuses a step the status does not allow and a step without its permission', async () => {
    const id = await file(maker, 'E');
    const wrongState = await checker.post(`/api/households/${id}/approve`, {});
    expect(wrongState.statusCode).toBe(403); // caseworkers lack household.review
    const early = await reviewerB.post(`/api/households/${id}/approve`, {});
    expect(early.statusCode).toBe(409);
    expect(early.json().error.details.reason).toBe('status');
  });

  it('returns with a reason, is corrected and resubmitted', async () => {
    const id = await file(maker, 'E');
    const noReason = await checker.post(`/api/households/${id}/return`, {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details.issues[0].field).toBe('body.reason');
    expect((await checker.post(`/api/households/${id}/return`, { reason: '缺少收入证明' })).json().status).toBe('returned');
    expect((await maker.patch(`/api/households/${id}`, { monthlyIncomeFen: 150000 })).statusCode).toBe(200);
    expect((await maker.post(`/api/households/${id}/resubmit`, {})).json().status).toBe('applied');
    const detail = (await maker.get(`/api/households/${id}`)).json();
    expect(detail.history.find((e: { action: string }) => e.action === 'return').reason).toBe('缺少收入证明');
    expect(detail.monthlyIncomeFen).toBe(150000);
  });

  it('corrects one field without touching the others or the members', async () => {
    const id = await file(maker, 'E');
    const before = (await maker.get(`/api/households/${id}`)).json();
    expect((await maker.patch(`/api/households/${id}`, { phone: '13911112222' })).statusCode).toBe(200);
    const after = (await maker.get(`/api/households/${id}`)).json();
    expect(after.phoneMasked).toBe('139****2222');
    expect(after.members).toHaveLength(before.members.length);
    expect(after.householdSize).toBe(before.householdSize);
    expect(after.health).toBe(before.health);
    expect(after.secondaryCauses).toEqual(before.secondaryCauses);
    expect(after.history.at(-1).details.changedFields).toEqual(['phone']);
  });

  it('corrects members named by id without their full ID numbers: kept numbers, new members, changed numbers, refusals', async () => {
    const id = await file(maker, 'E');
    const before = (await maker.get(`/api/households/${id}`)).json();
    const [spouse, child] = before.members as Array<{ id: string; name: string; idNumberMasked: string; relation: string; health: string; monthlyIncomeFen: number }>;
    const keep = (m: typeof spouse, extra = {}) => ({ id: m.id, relation: m.relation, name: m.name, health: m.health, monthlyIncomeFen: m.monthlyIncomeFen, ...extra });
    const newborn = uniqueIdNumber(2024);
    // The spouse's income changes, the child stays, a grandchild joins: no ID number retyped.
    const res = await maker.patch(`/api/households/${id}`, {
      members: [keep(spouse, { monthlyIncomeFen: 90000, name: '李秀英（更正）' }), keep(child), { relation: 'grandchild', name: '王小小', idNumber: newborn }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = (await maker.get(`/api/households/${id}`)).json();
    expect(after.members.map((m: { id: string }) => m.id).slice(0, 2)).toEqual([spouse.id, child.id]);
    expect(after.members.map((m: { idNumberMasked: string }) => m.idNumberMasked)).toEqual([spouse.idNumberMasked, child.idNumberMasked, newborn.slice(0, 6) + '********' + newborn.slice(14)]);
    expect(after.members[0]).toMatchObject({ monthlyIncomeFen: 90000, name: '李秀英（更正）' });
    expect(after.householdSize).toBe(4);
    // The kept numbers are still claimed: filing the spouse elsewhere is refused.
    const revealed = (await reviewerB.post(`/api/households/${id}/reveal`, { field: 'memberIdNumber', memberId: spouse.id, reason: '核对成员身份' })).json().value as string;
    const again = await maker.post('/api/households', sampleHousehold(t.orgs.E.id, { members: [{ relation: 'spouse', name: '李秀英', idNumber: revealed, health: 'healthy', monthlyIncomeFen: 0 }] }));
    expect(again.statusCode).toBe(409);

    // Dropping a member frees its number; a retyped number replaces the one on file.
    const childNew = uniqueIdNumber(2008);
    expect((await maker.patch(`/api/households/${id}`, { members: [keep(child, { idNumber: childNew })] })).statusCode).toBe(200);
    const last = (await maker.get(`/api/households/${id}`)).json();
    expect(last.members.map((m: { idNumberMasked: string }) => m.idNumberMasked)).toEqual([childNew.slice(0, 6) + '********' + childNew.slice(14)]);
    const free = await maker.post('/api/households', sampleHousehold(t.orgs.E.id, { members: [{ relation: 'spouse', name: '李秀英', idNumber: revealed, health: 'healthy', monthlyIncomeFen: 0 }] }));
    expect(free.statusCode, free.body).toBe(201);

    const other = (await maker.get(`/api/households/${await file(maker, 'E')}`)).json();
    const refusals: Array<[unknown, string]> = [
      [[{ relation: 'child', name: '新成员', health: 'healthy' }], 'body.members.0.idNumber'],
      [[keep(other.members[0])], 'members.0.id'],
      [[keep(child), keep(child)], 'members.1.id'],
      [[keep(child), { relation: 'child', name: '同一人', idNumber: childNew }], 'members.1.idNumber'],
    ];
    for (const [members, field] of refusals) {
      const bad = await maker.patch(`/api/households/${id}`, { members });
      expect(bad.statusCode, bad.body).toBe(400);
      expect(bad.json().error.details.issues.map((i: { field: string }) => i.field)).toContain(field);
    }
    expect((await maker.get(`/api/households/${id}`)).json().members).toEqual(last.members);
  });

  it('sends a household back when an objection is upheld', async () => {
    const id = await file(maker, 'E');
    await checker.post(`/api/households/${id}/check`, {});
    await checker.post(`/api/households/${id}/visit`, visit);
    await reviewerB.post(`/api/households/${id}/start-notice`, { noticeDays: 7 });
    const o = await reviewerB.post(`/api/households/${id}/objections`, { content: '其子女已参加工作，收入未申报' });
    // Upholding returns the household, so only a reviewer at a level above may (the return step's rule).
    const sameLevel = await reviewerE.post(`/api/households/${id}/objections/${o.json().id}/resolve`, { resolution: '属实', upheld: true });
    expect(sameLevel.statusCode).toBe(403);
    expect(sameLevel.json().error.details.reason).toBe('level_above_required');
    const res = await reviewerB.post(`/api/households/${id}/objections/${o.json().id}/resolve`, { resolution: '经核实属实，退回补充收入材料', upheld: true });
    expect(res.json().status).toBe('returned');
    const after = (await maker.get(`/api/households/${id}`)).json();
    expect(after.status).toBe('returned');
    expect(after.history.at(-1)).toMatchObject({ action: 'return', toStatus: 'returned', reason: '经核实属实，退回补充收入材料' });
  });

  it('computes the household income per head in whole fen', async () => {
    const id = await file(maker, 'E', {
      monthlyIncomeFen: 200001,
      otherAnnualIncomeFen: 100,
      members: [
        { relation: 'spouse', name: '赵丽', idNumber: uniqueIdNumber(1982), monthlyIncomeFen: 50000 },
        { relation: 'child', name: '赵小', idNumber: uniqueIdNumber(2012), monthlyIncomeFen: 0, schoolStage: 'junior' },
      ],
    });
    const d = (await maker.get(`/api/households/${id}`)).json();
    expect(d.annualIncomeFen).toBe((200001 + 50000) * 12 + 100);
    expect(d.householdSize).toBe(3);
    expect(d.incomePerHeadMonthlyFen).toBe(Math.floor(((200001 + 50000) * 12 + 100) / 12 / 3));
  });
});

describe('deduplication across the federation', () => {
  it('refuses a worker already in an open household anywhere, naming only the holding org', async () => {
    const idNumber = uniqueIdNumber(1975);
    await file(maker, 'E', { idNumber });
    const res = await staffC.post('/api/households', sampleHousehold(t.orgs.G.id, { idNumber }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details).toMatchObject({ reason: 'duplicate_id', field: 'idNumber', holdingOrg: { name: '组织E' } });
    expect(res.body).not.toContain('王建国');
  });

  it('refuses a person who is a member of another open household, in either role', async () => {
    const memberId = uniqueIdNumber(2005);
    await file(maker, 'E', { members: [{ relation: 'child', name: '孙小', idNumber: memberId, monthlyIncomeFen: 0 }] });
    const asWorker = await staffC.post('/api/households', sampleHousehold(t.orgs.F.id, { idNumber: memberId }));
    expect(asWorker.json().error.details.reason).toBe('duplicate_id');
    const asMember = await staffC.post('/api/households', sampleHousehold(t.orgs.F.id, { members: [{ relation: 'child', name: '孙小', idNumber: memberId, monthlyIncomeFen: 0 } as never] }));
    expect(asMember.json().error.details).toMatchObject({ reason: 'duplicate_id', field: 'members.0.idNumber' });
  });

  it('refuses the same person twice inside one filing', async () => {
    const idNumber = uniqueIdNumber(1970);
    const res = await maker.post('/api/households', sampleHousehold(t.orgs.E.id, { idNumber, members: [{ relation: 'spouse', name: '某', idNumber, monthlyIncomeFen: 0 } as never] }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues[0].field).toBe('members.0.idNumber');
  });

  it('frees the ID numbers of a rejected household', async () => {
    const idNumber = uniqueIdNumber(1969);
    const id = await file(maker, 'E', { idNumber });
    expect((await reviewerB.post(`/api/households/${id}/reject`, { reason: '收入超过标准' })).json().status).toBe('rejected');
    expect((await staffC.post('/api/households', sampleHousehold(t.orgs.G.id, { idNumber }))).statusCode).toBe(201);
  });

  it('lets one of two concurrent filings of the same person win', async () => {
    const idNumber = uniqueIdNumber(1968);
    const results = await Promise.all([
      maker.post('/api/households', sampleHousehold(t.orgs.E.id, { idNumber })),
      staffC.post('/api/households', sampleHousehold(t.orgs.G.id, { idNumber })),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
  });
});

describe('transfer between unions', () => {
  it('moves access to the receiving org once it accepts', async () => {
    const id = await file(maker, 'E');
    const req = await noReveal.post(`/api/households/${id}/transfer`, { toOrgId: t.orgs.F.id, reason: '职工调入F单位' });
    expect(req.statusCode, req.body).toBe(201);
    expect((await staffC.get(`/api/households/${id}`)).statusCode).toBe(404); // not theirs yet
    const incoming = (await staffC.get('/api/household-transfers/incoming')).json().items;
    expect(incoming.map((x: { householdId: string }) => x.householdId)).toContain(id);
    const accepted = await staffC.post(`/api/household-transfers/${req.json().transferId}/accept`, {});
    expect(accepted.statusCode, accepted.body).toBe(200);
    for (const s of [maker, checker, reviewerB, noReveal]) expect((await s.get(`/api/households/${id}`)).statusCode).toBe(404);
    expect((await staffC.get(`/api/households/${id}`)).json().orgId).toBe(t.orgs.F.id);
    expect((await maker.get('/api/households?pageSize=200')).json().items.map((h: { id: string }) => h.id)).not.toContain(id);
  });

  it('does not let the sending side accept its own request', async () => {
    const id = await file(maker, 'E');
    const req = await noReveal.post(`/api/households/${id}/transfer`, { toOrgId: t.orgs.G.id, reason: '调动' });
    const res = await noReveal.post(`/api/household-transfers/${req.json().transferId}/accept`, {});
    expect(res.statusCode).toBe(404);
  });
});

describe('personal data', () => {
  it('masks ID, phone and card in lists, and the detail holds no full number', async () => {
    const idNumber = uniqueIdNumber(1966);
    const id = await file(maker, 'E', { idNumber, phone: '13912345678', bankCard: '6222020000001234567' });
    const list = await maker.get('/api/households?pageSize=200');
    expect(list.headers['cache-control']).toBe('no-store');
    const detail = await maker.get(`/api/households/${id}`);
    for (const res of [list, detail]) {
      expect(res.body).not.toContain(idNumber);
      expect(res.body).not.toContain('13912345678');
      expect(res.body).not.toContain('6222020000001234567');
    }
    const d = detail.json();
    expect(d.idNumberMasked).toBe(`${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`);
    expect(d.phoneMasked).toBe('139****5678');
    expect(d.bankCardMasked).toBe('6222****4567');
  });

  it('reveals with the permission and a reason, and audits who, what and why', async () => {
    const idNumber = uniqueIdNumber(1965);
    const id = await file(maker, 'E', { idNumber });
    const denied = await noReveal.post(`/api/households/${id}/reveal`, { field: 'idNumber', reason: '核对' });
    expect(denied.statusCode).toBe(403);
    const noReason = await reviewerB.post(`/api/households/${id}/reveal`, { field: 'idNumber' });
    expect(noReason.statusCode).toBe(400);
    const ok = await reviewerB.post(`/api/households/${id}/reveal`, { field: 'idNumber', reason: '发放助学金核对身份' });
    expect(ok.json().value).toBe(idNumber);
    expect(ok.headers['cache-control']).toBe('no-store');
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'household.reveal'), eq(auditLog.objectId, id)));
    expect(entry.actorUsername).toBe('reviewer-b');
    expect(entry.details).toMatchObject({ field: 'idNumber', reason: '发放助学金核对身份' });
  });

  it('finds a household by a full ID number of the worker or a member, within scope only', async () => {
    const idNumber = uniqueIdNumber(1964);
    const childId = uniqueIdNumber(2010);
    const id = await file(maker, 'E', { idNumber, members: [{ relation: 'child', name: '钱小', idNumber: childId, monthlyIncomeFen: 0 }] });
    for (const n of [idNumber, childId.toLowerCase(), ` ${idNumber.slice(0, 9)} ${idNumber.slice(9)} `]) {
      const res = await maker.post('/api/households/lookup', { idNumber: n });
      expect(res.json().items.map((h: { id: string }) => h.id)).toEqual([id]);
    }
    expect((await staffC.post('/api/households/lookup', { idNumber })).json().items).toEqual([]);
    const bad = await maker.post('/api/households/lookup', { idNumber: idNumber.slice(0, 17) + (idNumber[17] === '1' ? '2' : '1') });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0].field).toBe('body.idNumber');
  });
});

describe('aid ledger and the archive life cycle', () => {
  it('appends aid through the stable interface, once per source reference, with totals by year', async () => {
    const id = await file(maker, 'E');
    await archive(id);
    const ctx = { db: t.database.db, clock: t.clock, secrets: t.secrets, actor: null, requestId: 'test' };
    await t.database.db.transaction(async (tx) => {
      await recordHouseholdAid(tx, ctx, { householdId: id, program: '金秋助学', aidType: 'cash', amountFen: 300000, aidedOn: '2025-09-06', sourceModule: 'programs', sourceRef: 'grant-1' });
      await recordHouseholdAid(tx, ctx, { householdId: id, program: '金秋助学', aidType: 'in_kind', amountFen: 0, item: '行李箱', aidedOn: '2025-09-06', sourceModule: 'programs', sourceRef: 'grant-1-item' });
    });
    await expect(
      t.database.db.transaction((tx) =>
        recordHouseholdAid(tx, ctx, { householdId: id, program: '金秋助学', aidType: 'cash', amountFen: 300000, aidedOn: '2025-09-06', sourceModule: 'programs', sourceRef: 'grant-1' }),
      ),
    ).rejects.toThrow(/already in the ledger/);
    const manual = await reviewerB.post(`/api/households/${id}/aid`, { program: '特别慰问金', aidType: 'cash', amountFen: 100000, aidedOn: '2026-02-01' });
    expect(manual.statusCode).toBe(403); // reviewers do not edit households
    expect((await checker.post(`/api/households/${id}/aid`, { program: '特别慰问金', aidType: 'cash', amountFen: 100000, aidedOn: '2026-02-01' })).statusCode).toBe(201);
    const ledger = (await maker.get(`/api/households/${id}`)).json().aidLedger;
    expect(ledger.totalFen).toBe(400000);
    expect(ledger.byYear).toEqual([
      { year: '2026', count: 1, amountFen: 100000 },
      { year: '2025', count: 2, amountFen: 300000 },
    ]);
  });

  it('lists households due for re-verification, verifies, lifts, follows up, reopens and closes', async () => {
    const id = await file(maker, 'E');
    await archive(id);
    const due = async () => (await maker.get('/api/households?dueWithinDays=30&pageSize=200')).json().items.map((h: { id: string }) => h.id);
    expect(await due()).not.toContain(id);
    await laterByDays(340);
    expect(await due()).toContain(id);
    expect((await checker.post(`/api/households/${id}/verify`, { ...visit, visitDate: '2027-02-01' })).statusCode).toBe(200);
    expect(await due()).not.toContain(id);
    expect((await reviewerB.post(`/api/households/${id}/lift`, { reason: '子女毕业就业，家庭收入提高' })).json().status).toBe('lifted');
    expect((await checker.post(`/api/households/${id}/follow-up`, { contactDate: '2027-03-01', method: '电话回访', notes: '生活稳定' })).statusCode).toBe(200);
    const reopened = await reviewerB.post(`/api/households/${id}/reopen`, { reason: '户主再次患病' });
    expect(reopened.json().status).toBe('archived');
    expect((await maker.get(`/api/households/${id}`)).json().relapsed).toBe(true);
    expect((await reviewerE.post(`/api/households/${id}/close`, { reason: '迁出本市' })).statusCode).toBe(403);
    expect((await reviewerB.post(`/api/households/${id}/close`, { reason: '迁出本市' })).json().status).toBe('closed');
    expect((await maker.patch(`/api/households/${id}`, { priorityGroup: 'x' })).statusCode).toBe(409);
  });

  it('filters the archive list by category, cause, school stage and org, and sorts and pages it', async () => {
    await file(noReveal, 'D', { category: 'accident', mainCause: 'accident', secondaryCauses: [] });
    await file(maker, 'E', { category: 'relative', mainCause: 'laid_off', secondaryCauses: ['natural_disaster'] });
    const byCat = (await noReveal.get('/api/households?category=accident&pageSize=200')).json();
    expect(byCat.items.length).toBeGreaterThan(0);
    expect(byCat.items.every((h: { category: string }) => h.category === 'accident')).toBe(true);
    const byCause = (await noReveal.get('/api/households/count?cause=natural_disaster')).json();
    expect(byCause.total).toBeGreaterThan(0);
    const byStage = (await noReveal.get('/api/households?schoolStage=undergraduate&pageSize=200')).json();
    expect(byStage.items.every((h: { memberSchoolStages: string[] }) => h.memberSchoolStages.includes('undergraduate'))).toBe(true);
    const underD = (await noReveal.get(`/api/households?orgId=${t.orgs.D.id}&pageSize=200`)).json();
    expect(underD.items.every((h: { orgId: string }) => h.orgId === t.orgs.D.id)).toBe(true);
    const page1 = (await noReveal.get('/api/households?pageSize=2&page=1&sort=caseNo&order=asc')).json();
    const page2 = (await noReveal.get('/api/households?pageSize=2&page=2&sort=caseNo&order=asc')).json();
    expect(page1.items).toHaveLength(2);
    expect(page1.items[1].caseNo < page2.items[0].caseNo).toBe(true);
    expect(page1.hasMore).toBe(true);
    expect(page1.total).toBeUndefined(); // counted on request only
    const bad = await noReveal.get('/api/households?status=flying');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0].field).toMatch(/^querystring\.status/);
  });
});

describe('the list count, on request', () => {
  it('counts what the list shows, with the same filters and scope, and follows writes at once', async () => {
    const count = async (s: Session, query = '') => (await s.get(`/api/households/count${query}`)).json() as { total: number; totalIsCapped: boolean };
    const all = async (s: Session, query = '') => (await s.get(`/api/households?pageSize=200${query ? '&' + query.slice(1) : ''}`)).json();
    const before = await count(noReveal);
    expect(before.totalIsCapped).toBe(false);
    expect(before.total).toBe((await all(noReveal)).items.length);
    expect((await count(maker)).total).toBe((await all(maker)).items.length); // E's subtree only
    const id = await file(maker, 'E', { category: 'accident', mainCause: 'accident', secondaryCauses: [] });
    expect((await count(noReveal)).total).toBe(before.total + 1);
    const accident = await count(noReveal, '?category=accident&status=applied');
    expect(accident.total).toBe((await all(noReveal, '?category=accident&status=applied')).items.length);
    expect((await checker.post(`/api/households/${id}/check`, {})).statusCode).toBe(200);
    expect((await count(noReveal, '?category=accident&status=applied')).total).toBe(accident.total - 1);
    const res = await noReveal.get('/api/households/count?page=2');
    expect(res.statusCode).toBe(400); // no paging on a count
  });

  it('pages say whether another page follows', async () => {
    const { total } = (await noReveal.get('/api/households/count')).json();
    const last = (await noReveal.get(`/api/households?pageSize=1&page=${total}`)).json();
    expect(last.items).toHaveLength(1);
    expect(last.hasMore).toBe(false);
    expect((await noReveal.get(`/api/households?pageSize=1&page=${total - 1}`)).json().hasMore).toBe(true);
  });
});
