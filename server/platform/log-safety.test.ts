import { describe, expect, it } from 'vitest';
import { loggedPath, maskPersonalNumbers, safeError, safeLogValue } from './log-safety.js';

describe('maskPersonalNumbers', () => {
  it('masks mobiles, ID numbers and cards however grouped', () => {
    for (const value of ['13903711234', '139 0371 1234', '139-0371-1234', '+86 13903711234', '41080319780115123X', '410803 19780115 123x', '410803197801151', '6217000011112222333', '6217 0000 1111 2222 333', '6217-0000-1111-2222'])
      expect(maskPersonalNumbers(`号码 ${value}。`), value).toMatch(/^号码 \+?\[redacted\]。$/);
  });

  it('leaves uuids, hashes, dates, times, amounts and short numbers alone', () => {
    for (const value of ['e4d435bb-6bea-4e90-8d21-29f52fa02ef3', '12345678-1234-4234-8234-123456789012', 'f41080319780115123aa', '2026-03-02T09:00:00+08:00', '2026-03-02 09:00', '2149136.00', 'job 42 of 1000', '1795965058452'.slice(0, 10)])
      expect(maskPersonalNumbers(value), value).toBe(value);
  });
});

describe('safeError', () => {
  it('keeps an allow-list: no drizzle params, no PostgreSQL detail, quoted values replaced', () => {
    const cause = Object.assign(new Error('duplicate key value violates unique constraint "households_id_hash_key"'), { code: '23505', detail: 'Key (name)=(甄士隐) already exists.', constraint: 'households_id_hash_key' });
    const err = Object.assign(new Error('Failed query: insert into "households" ("name") values ($1)\nparams: 甄士隐,13903711234'), { params: ['甄士隐', '13903711234'], cause });
    const safe = JSON.stringify(safeError(err));
    expect(safe).not.toMatch(/甄士隐|13903711234|Key \(/);
    expect(safe).toContain('households_id_hash_key');
    expect(safe).toContain('"code":"23505"');
    expect(safeError(new Error('invalid input syntax for type uuid: "甄士隐"')).message).toBe('invalid input syntax for type uuid: "[redacted]"');
  });
});

describe('safeLogValue and loggedPath', () => {
  it('masks strings anywhere in a logged object and reduces nested errors', () => {
    const value = safeLogValue({ a: ['tel 13903711234'], b: { c: new Error('card 6217000011112222333') }, n: 13903711234 }) as Record<string, unknown>;
    expect(value.a).toEqual(['tel [redacted]']);
    expect(JSON.stringify(value.b)).not.toContain('6217000011112222333');
    expect(value.n).toBe(13903711234); // numbers are not strings a person typed; ids and times are numbers too
  });

  it('drops the query string and masks digit runs in the path', () => {
    expect(loggedPath('/api/households?q=%E7%94%84')).toBe('/api/households');
    expect(loggedPath('/api/households/41080319780115123X/reveal')).toBe('/api/households/[redacted]/reveal');
    expect(loggedPath('/api/households/e4d435bb-6bea-4e90-8d21-29f52fa02ef3')).toBe('/api/households/e4d435bb-6bea-4e90-8d21-29f52fa02ef3');
  });
});
