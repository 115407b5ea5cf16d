import { describe, expect, it } from 'vitest';
import { CreateApplicationInput, UpdateApplicationInput } from '../../../../contracts/campaigns.js';
import { createBody, detailToForm, emptyClears, fenToYuanText, parseYuan, toFormPath, updateBody, type ApplicationFormValues } from './application-form.js';
import type { ApplicationDetail } from './applications.api.js';

const CAMPAIGN = '5b0c7a52-4a7e-4f34-9d1e-2f1c5a0e9b11';
const ORG = '0f6a1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b';
const base: ApplicationFormValues = {
  campaignId: CAMPAIGN,
  orgId: ORG,
  filed: false,
  unfiled: { name: ' 赵建军 ', idNumber: '41080319760301004x', phone: '13903910002', householdSize: 4, incomePerHeadMonthlyYuan: '900', regionCode: '410803', hardship: '妻子突发重病' },
  student: { name: '赵晓雪', idNumber: '410803200703010025' },
  schoolName: '河南理工大学',
  schoolStage: 'undergraduate',
  schoolKind: 'regular',
  admissionYear: 2026,
  tuitionYuan: '5,200',
  otherFeesYuan: '1200.5',
  nationalAid: ['loan'],
  governmentAided: false,
  fiveClears: { ...emptyClears(), household: { checked: true, note: ' 已入户 ' } },
  homeVisit: { visitDate: null, visitors: '', findings: '' },
};

describe('application form', () => {
  it('parses 元 on its digits: separators, full-width digits, two decimals at most', () => {
    expect(parseYuan('1,800.50')).toBe(180050);
    expect(parseYuan('０.２９')).toBe(29);
    expect(parseYuan('')).toBeNull();
    expect(parseYuan('1.234')).toBeUndefined();
    expect(parseYuan('-5')).toBeUndefined();
    expect(parseYuan('1000000001')).toBeUndefined();
    expect(fenToYuanText(180050)).toBe('1800.50');
    expect(fenToYuanText(500000)).toBe('5000');
  });

  it('an unfiled applicant becomes a body the contract takes, trimmed, amounts in fen, ID upper-cased, no home visit', () => {
    const body = createBody(base);
    expect(body).toMatchObject({ unfiled: { name: '赵建军', idNumber: '41080319760301004X', incomePerHeadMonthlyFen: 90000 }, tuitionFen: 520000, otherFeesFen: 120050, homeVisit: null });
    expect(body.fiveClears?.household).toEqual({ checked: true, note: '已入户' });
    expect(body.fiveClears?.wish).toEqual({ checked: false, note: null });
    const parsed = CreateApplicationInput.safeParse(body);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });

  it('a filed household sends the household and the member only', () => {
    const body = createBody({ ...base, filed: true, householdId: ORG, memberId: CAMPAIGN, homeVisit: { visitDate: '2026-06-10', visitors: '李四', findings: '属实' } });
    expect(body).not.toHaveProperty('unfiled');
    expect(body).not.toHaveProperty('student');
    expect(body.homeVisit).toEqual({ visitDate: '2026-06-10', visitors: '李四', findings: '属实' });
    expect(CreateApplicationInput.safeParse(body).success).toBe(true);
  });

  it('a correction sends another amount only with its reason, and goes back to the proposal from an amount asked before', () => {
    const saved = { version: 3, proposedAmountFen: 500000, amountFen: 500000 };
    expect(updateBody({ ...base, amountYuan: '5000' }, saved)).not.toHaveProperty('amountFen');
    expect(updateBody({ ...base, amountYuan: '4800', amountReason: ' 扣除已获资助 ' }, saved)).toMatchObject({ amountFen: 480000, amountReason: '扣除已获资助', version: 3 });
    expect(updateBody({ ...base, amountYuan: '5000' }, { ...saved, amountFen: 480000 })).toMatchObject({ amountFen: 500000, amountReason: null });
    expect(UpdateApplicationInput.safeParse(updateBody({ ...base, amountYuan: '4800', amountReason: '理由' }, saved)).success).toBe(true);
  });

  it('a saved draft comes back into the form as it was', () => {
    const detail = { ...createBody({ ...base, filed: true, householdId: ORG, memberId: CAMPAIGN }), id: 'a', filed: true, householdId: ORG, memberId: CAMPAIGN, tuitionFen: 520000, otherFeesFen: 0, amountFen: 480000, amountReason: '理由', major: null, wish: null, homeVisit: null } as unknown as ApplicationDetail;
    const v = detailToForm(detail);
    expect(v).toMatchObject({ tuitionYuan: '5200', otherFeesYuan: '0', amountYuan: '4800', amountReason: '理由', fiveClears: { household: { checked: true, note: '已入户' } } });
  });

  it('finds where the server’s field sits in the form', () => {
    expect(toFormPath('body.unfiled.incomePerHeadMonthlyFen', false)).toEqual(['unfiled', 'incomePerHeadMonthlyYuan']);
    expect(toFormPath('body.fiveClears.school_fees.note', true)).toEqual(['fiveClears', 'school_fees', 'note']);
    expect(toFormPath('body.amountReason', true)).toEqual(['amountReason']);
    expect(toFormPath('student', true)).toEqual(['memberId']);
    expect(toFormPath('student', false)).toEqual(['student', 'idNumber']);
  });
});
