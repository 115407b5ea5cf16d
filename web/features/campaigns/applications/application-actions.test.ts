import { describe, expect, it } from 'vitest';
import { DEFAULT_STEP_ACTORS, type ApplicationStatus } from '../../../../contracts/campaigns.js';
import { ROLES } from '../../../../contracts/roles.js';
import { availableActions, bulkStepsFor } from './application-actions.js';

const maker = 'u-maker';
const app = (status: ApplicationStatus, submittedBy: string | null = maker) => ({ status, createdBy: maker, submittedBy });
const user = (role: keyof typeof ROLES, orgType: string, userId = 'u-other') => ({ userId, permissions: ROLES[role].permissions, orgType });
const keys = (...args: Parameters<typeof availableActions>) => availableActions(...args).map((a) => a.key);

describe('which steps an application offers', () => {
  it('a draft: the caseworker submits, edits or withdraws it; a reviewer has nothing to do', () => {
    expect(keys(app('draft', null), user('caseworker', 'grassroots_union', maker), DEFAULT_STEP_ACTORS)).toEqual(['submit', 'edit', 'withdraw']);
    expect(keys(app('draft', null), user('reviewer', 'district_federation'), DEFAULT_STEP_ACTORS)).toEqual([]);
  });

  it('goes up the hierarchy: each approval is offered only to the org level the campaign names', () => {
    const district = user('reviewer', 'district_federation');
    const city = user('reviewer', 'city_federation');
    expect(keys(app('submitted'), district, DEFAULT_STEP_ACTORS)).toEqual(['verify', 'return', 'reject']);
    expect(keys(app('verified'), district, DEFAULT_STEP_ACTORS)).toEqual(['approve-district', 'return', 'reject']);
    expect(keys(app('verified'), city, DEFAULT_STEP_ACTORS)).toEqual([]);
    expect(keys(app('district_approved'), city, DEFAULT_STEP_ACTORS)).toEqual(['approve-city', 'return', 'reject']);
    expect(keys(app('district_approved'), district, DEFAULT_STEP_ACTORS)).toEqual([]);
    expect(keys(app('city_approved'), city, DEFAULT_STEP_ACTORS)).toEqual(['return', 'reject']);
    expect(keys(app('in_notice'), city, DEFAULT_STEP_ACTORS)).toEqual(['objection', 'reject']);
  });

  it('shows the approval blocked to whoever made or submitted the application (maker ≠ checker)', () => {
    const own = availableActions(app('submitted'), user('org_admin', 'district_federation', maker), DEFAULT_STEP_ACTORS);
    expect(own.find((a) => a.key === 'verify')).toMatchObject({ blockedBy: 'maker_checker', primary: true });
    expect(own.find((a) => a.key === 'return')?.blockedBy).toBeUndefined();
  });

  it('without the campaign or the org type, offers by permission alone (the server decides)', () => {
    expect(keys(app('district_approved'), { userId: 'x', permissions: ROLES.reviewer.permissions })).toEqual(['approve-city', 'return', 'reject']);
  });

  it('nothing once granted, rejected or withdrawn', () => {
    for (const s of ['ready', 'paid', 'followed_up', 'rejected', 'withdrawn'] as const) expect(keys(app(s), user('org_admin', 'city_federation'), DEFAULT_STEP_ACTORS)).toEqual([]);
  });

  it('bulk steps follow the permissions', () => {
    expect(bulkStepsFor(ROLES.caseworker.permissions).map((s) => s.step)).toEqual([]);
    expect(bulkStepsFor(ROLES.reviewer.permissions).map((s) => s.step)).toEqual(['verify', 'approve_district', 'approve_city']);
  });
});
