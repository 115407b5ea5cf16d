import { describe, expect, it } from 'vitest';
import { makeCnId } from '../../../contracts/cn-ids.js';
import { detailToForm, hasChanges, updateBody, type HouseholdFormValues } from './household-form.js';
import type { HouseholdDetail, HouseholdMember } from './households.api.js';

const member = (id: string, name: string, extra: Partial<HouseholdMember> = {}): HouseholdMember => ({
  id,
  relation: 'child',
  name,
  idNumberMasked: '410803********1234',
  sex: 'F',
  age: 15,
  health: 'healthy',
  medicalInsurance: null,
  monthlyIncomeFen: 0,
  status: 'studying',
  schoolOrEmployer: '焦作一中',
  schoolStage: 'senior',
  enrolmentYear: 2024,
  ...extra,
});

const saved = {
  id: 'h1',
  orgId: 'o1',
  name: '王建国',
  ethnicity: null,
  politicalStatus: null,
  employerName: '焦作市某机械厂',
  employmentForm: 'worker',
  workStatus: null,
  modelWorkerTitle: null,
  health: 'chronic',
  disabilityType: 'none',
  disabilityGrade: null,
  housing: null,
  hukouType: null,
  hukouRegion: null,
  maritalStatus: null,
  singleParent: false,
  medicalInsurance: null,
  bankName: null,
  bankBranch: null,
  monthlyIncomeFen: 180000,
  otherAnnualIncomeFen: 0,
  category: 'deep',
  mainCause: 'serious_illness',
  secondaryCauses: ['children_schooling'],
  priorityGroup: null,
  exitMeasures: null,
  members: [member('m1', '李秀英', { relation: 'spouse', age: 45, status: null, schoolOrEmployer: null, schoolStage: null, enrolmentYear: null }), member('m2', '王小明')],
} as unknown as HouseholdDetail;

const form = (): HouseholdFormValues => structuredClone(detailToForm(saved));

describe('the edit form sends only what changed', () => {
  it('sends nothing for an untouched household with members, and reports no change', () => {
    expect(updateBody(form(), form())).toEqual({});
    expect(hasChanges(form(), form())).toBe(false);
  });

  it('sends only a retyped phone: no members, no defaulted fields, no ID numbers to retype', () => {
    const v = { ...form(), phone: ' 13911112222 ' };
    expect(updateBody(v, form())).toEqual({ phone: '13911112222' });
    expect(hasChanges(v, form())).toBe(true);
  });

  it('sends a changed field and a cleared one', () => {
    const v = { ...form(), monthlyIncomeYuan: '1,650', employerName: '' };
    expect(updateBody(v, form())).toEqual({ monthlyIncomeFen: 165000, employerName: null });
  });

  it('sends the whole member list when a member changed, members on file by id without their ID numbers', () => {
    const v = form();
    v.members![1].monthlyIncomeYuan = '300';
    const body = updateBody(v, form());
    expect(Object.keys(body)).toEqual(['members']);
    expect(body.members!.map((m) => [m.id, m.idNumber, m.monthlyIncomeFen])).toEqual([
      ['m1', undefined, 0],
      ['m2', undefined, 30000],
    ]);
    expect(body.members![0]).not.toHaveProperty('idNumber');
  });

  it('sends a new member with its number, a retyped number of a member on file, and a removal', () => {
    const newborn = makeCnId('410803', '20240101', '123');
    const retyped = makeCnId('410803', '20100203', '456');
    const v = form();
    v.members = [{ ...v.members![1], idNumber: ` ${retyped} ` }, { relation: 'grandchild', name: '王小小', idNumber: newborn, health: 'healthy' }];
    const body = updateBody(v, form());
    expect(body.members!.map((m) => [m.id, m.idNumber])).toEqual([
      ['m2', retyped],
      [undefined, newborn],
    ]);
    expect(body.members![1]).not.toHaveProperty('id');
  });

  it('counts a new order of the same members as a change', () => {
    const v = form();
    v.members = [v.members![1], v.members![0]];
    expect(updateBody(v, form()).members!.map((m) => m.id)).toEqual(['m2', 'm1']);
  });
});
