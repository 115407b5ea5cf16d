import { describe, expect, it } from 'vitest';
import { paramsFrom, toSearch } from './list-params.js';

const C = '5b0c7a52-4a7e-4f34-9d1e-2f1c5a0e9b11';

describe('the list’s state in the address', () => {
  it('reads what it knows and drops the rest', () => {
    const p = paramsFrom(new URLSearchParams(`status=submitted,bogus,verified&filed=false&page=3&pageSize=7&sort=nope&campaignId=not-a-uuid&q=%20张`));
    expect(p).toMatchObject({ status: ['submitted', 'verified'], filed: false, page: 3, pageSize: 20, sort: 'createdAt', order: 'desc', campaignId: undefined, q: '张' });
  });

  it('round-trips, leaving defaults out', () => {
    const p = paramsFrom(new URLSearchParams(`campaignId=${C}&status=verified&sort=amountFen&order=asc`));
    expect(toSearch(p)).toBe(`?campaignId=${C}&status=verified&sort=amountFen&order=asc`);
    expect(toSearch({ ...p, status: undefined, sort: 'createdAt', order: 'desc' })).toBe(`?campaignId=${C}`);
  });

  it('in a campaign’s tab: the campaign is fixed, not repeated, and the page’s tab stays', () => {
    const current = new URLSearchParams('tab=applications&status=submitted');
    const p = paramsFrom(current, C);
    expect(p.campaignId).toBe(C);
    expect(toSearch({ ...p, page: 2 }, { current, keep: ['tab'], fixedCampaignId: C })).toBe('?tab=applications&status=submitted&page=2');
  });
});
