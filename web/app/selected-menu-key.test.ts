import { describe, expect, it } from 'vitest';
import { selectedMenuKey } from './selected-menu-key.js';

const ENTRIES = ['/', '/households', '/households/import-approvals', '/funds', '/payment-batches', '/donation-drives'];

describe('the side menu entry a page highlights', () => {
  it('is the longest entry the path lies under', () => {
    expect(selectedMenuKey('/households/import-approvals', ENTRIES)).toBe('/households/import-approvals');
    expect(selectedMenuKey('/households/123', ENTRIES)).toBe('/households');
    expect(selectedMenuKey('/funds/abc', ENTRIES)).toBe('/funds');
    expect(selectedMenuKey('/fundsx', ENTRIES)).toBe('/');
    expect(selectedMenuKey('/', ENTRIES)).toBe('/');
  });

  it('is 募捐 on a donation receipt, routed outside /donation-drives', () => {
    expect(selectedMenuKey('/donations/6b9c2432-4694-4731-8985-efc10bd5284d/receipt', ENTRIES)).toBe('/donation-drives');
    // Not for a user whose menu has no 募捐.
    expect(selectedMenuKey('/donations/x/receipt', ['/', '/funds'])).toBe('/');
  });
});
