import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api.js';
import { allocationTargets } from './allocation-targets.js';
import { identityHolds, subtreeTotals } from './fund-totals.js';
import type { FundDto } from './funds.api.js';
import { keySettledBy, newIdempotencyKey } from './idempotency-key.js';

describe('subtree totals', () => {
  it('nets out allocations between listed funds and keeps the identity', () => {
    const city = { raisedFen: 1_250_050, allocatedOutFen: 300_000, paidFen: 0, balanceFen: 950_050 };
    const district = { raisedFen: 300_000, allocatedOutFen: 100_000, paidFen: 50_000, balanceFen: 150_000 };
    const street = { raisedFen: 100_000, allocatedOutFen: 0, paidFen: 30_000, balanceFen: 70_000 };
    const totals = subtreeTotals([city, district, street]);
    expect(totals).toEqual({ raisedFen: 1_250_050, allocatedOutFen: 0, paidFen: 80_000, balanceFen: 1_170_050 });
    expect([city, district, street, totals].every(identityHolds)).toBe(true);
    expect(identityHolds({ ...street, paidFen: 29_999 })).toBe(false);
    expect(subtreeTotals([])).toEqual({ raisedFen: 0, allocatedOutFen: 0, paidFen: 0, balanceFen: 0 });
  });
});

describe('Idempotency-Key', () => {
  it('is new for each form and fits the server’s rule (8–128 printable characters)', () => {
    const a = newIdempotencyKey();
    expect(a).toMatch(/^[\x21-\x7e]{8,128}$/);
    expect(newIdempotencyKey()).not.toBe(a);
  });

  it('is replaced after a refusal the server kept, and kept when the money may have moved', () => {
    expect(keySettledBy(new ApiError(409, 'CONFLICT', 'not enough', { reason: 'insufficient_funds' }))).toBe(true);
    expect(keySettledBy(new ApiError(400, 'VALIDATION', 'bad', { issues: [{ field: 'body.toFundId', message: 'below' }] }))).toBe(true);
    expect(keySettledBy(new ApiError(409, 'CONFLICT', 'busy', { reason: 'idempotency_in_progress' }))).toBe(false);
    expect(keySettledBy(new ApiError(0, 'NETWORK', 'network error'))).toBe(false);
    expect(keySettledBy(new ApiError(503, 'INTERNAL', 'down'))).toBe(false);
    expect(keySettledBy(new Error('?'))).toBe(false);
  });
});

describe('allocation targets', () => {
  const fund = (id: string, orgId: string) => ({ id, orgId }) as FundDto;
  const all = [fund('a1', 'A'), fund('a2', 'A'), fund('b1', 'B'), fund('d1', 'D'), fund('c1', 'C')];
  it('offers the funds of the orgs below the giving fund’s org, not its own org’s', () => {
    expect(allocationTargets(all[0], all, new Set(['B', 'D', 'E'])).map((f) => f.id)).toEqual(['b1', 'd1']);
    expect(allocationTargets(all[2], all, new Set(['B', 'D', 'E'])).map((f) => f.id)).toEqual(['d1']);
  });
  it('offers every other org’s fund without the org tree (the server decides)', () => {
    expect(allocationTargets(all[2], all).map((f) => f.id)).toEqual(['a1', 'a2', 'd1', 'c1']);
  });
});
