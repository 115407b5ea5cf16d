import { describe, expect, it } from 'vitest';
import type { ApplicationEvent } from './applications.api.js';
import { amountChange, standingApprovals } from './approval-steps.js';
import { noticeDaysLeft } from './notice-dates.js';

let n = 0;
const ev = (action: string, fromStatus: string | null, toStatus: string | null, extra: Partial<ApplicationEvent> = {}): ApplicationEvent => ({
  id: ++n,
  at: `2026-07-0${Math.min(9, n)}T02:00:00.000Z`,
  actorName: `user${n}`,
  action,
  fromStatus,
  toStatus,
  reason: null,
  details: {},
  ...extra,
});
const who = (events: ApplicationEvent[]) => Object.fromEntries(standingApprovals(events).map((r) => [r.action, r.event?.actorName ?? null]));

describe('the approval form’s rows', () => {
  it('names who took each step of the current pass', () => {
    const events = [ev('create', null, 'draft'), ev('submit', 'draft', 'submitted'), ev('verify', 'submitted', 'verified'), ev('approve_district', 'verified', 'district_approved')];
    expect(who(events)).toEqual({ submit: 'user2', verify: 'user3', approve_district: 'user4', approve_city: null, start_notice: null });
  });

  it('a return undoes the steps after the status it goes back to; the second pass replaces them', () => {
    n = 0;
    const events = [
      ev('create', null, 'draft'),
      ev('submit', 'draft', 'submitted'),
      ev('verify', 'submitted', 'verified'),
      ev('return', 'verified', 'submitted', { reason: '学费需核对' }),
    ];
    expect(who(events)).toMatchObject({ submit: 'user2', verify: null });
    events.push(ev('return', 'submitted', 'draft'), ev('update', null, null), ev('submit', 'draft', 'submitted'));
    expect(who(events)).toMatchObject({ submit: 'user7', verify: null });
  });

  it('an objection upheld sends it back to the city: the city’s approval and the notice are blank again', () => {
    n = 0;
    const events = [ev('submit', 'draft', 'submitted'), ev('verify', 'submitted', 'verified'), ev('approve_district', 'verified', 'district_approved'), ev('approve_city', 'district_approved', 'city_approved'), ev('start_notice', 'city_approved', 'in_notice'), ev('objection', null, null), ev('resolve_objection', 'in_notice', 'district_approved')];
    expect(who(events)).toEqual({ submit: 'user1', verify: 'user2', approve_district: 'user3', approve_city: null, start_notice: null });
  });

  it('reads an amount changed at a step', () => {
    expect(amountChange(ev('approve_city', 'district_approved', 'city_approved', { details: { amountFen: 480000, previousAmountFen: 500000, amountReason: '扣除' } }))).toEqual({ amountFen: 480000, previousAmountFen: 500000, reason: '扣除' });
    expect(amountChange(ev('verify', 'submitted', 'verified'))).toBeNull();
  });

  it('counts the days of the notice left, the last day included', () => {
    expect(noticeDaysLeft('2026-09-05', '2026-09-01')).toBe(5);
    expect(noticeDaysLeft('2026-09-05', '2026-09-05')).toBe(1);
    expect(noticeDaysLeft('2026-09-05', '2026-09-06')).toBe(0);
    expect(noticeDaysLeft('2026-03-01', '2026-02-28')).toBe(2);
  });
});
