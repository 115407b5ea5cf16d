import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../test-support/test-app.js';
import { uniqueViolationToConflict } from './unique-violation.js';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('race-admin', 'B', ['org_admin']);
  admin = await t.signIn('race-admin');
});
afterAll(() => t.close());

const tenAtOnce = (send: (i: number) => ReturnType<Session['post']>) => Promise.all(Array.from({ length: 10 }, (_, i) => send(i)));

function expectOneCreatedRestConflict(answers: Awaited<ReturnType<typeof tenAtOnce>>, field: string) {
  expect(answers.map((r) => r.statusCode).sort()).toEqual([201, ...Array(9).fill(409)]);
  for (const res of answers.filter((r) => r.statusCode === 409)) {
    expect(res.json().error.code).toBe('CONFLICT');
    expect(res.json().error.details.field).toBe(field);
  }
}

describe('simultaneous creations of the same unique value', () => {
  it('ten POST /api/users with one username: one 201, nine 409 naming username', async () => {
    const answers = await tenAtOnce((i) => admin.post('/api/users', { orgId: t.orgs.D.id, username: 'same-name', displayName: `同名${i}` }));
    expectOneCreatedRestConflict(answers, 'username');
  });

  it('ten POST /api/orgs with one code: one 201, nine 409 naming code', async () => {
    const answers = await tenAtOnce((i) => admin.post('/api/orgs', { parentId: t.orgs.D.id, code: 'SAME-CODE', name: `同码${i}`, type: 'aid_station' }));
    expectOneCreatedRestConflict(answers, 'code');
  });
});

describe('uniqueViolationToConflict', () => {
  const wrapped = (constraint: string) => ({ message: 'Failed query', cause: { code: '23505', constraint, detail: 'Key (x)=(y) already exists.' } });

  it('names the field of a known index, also when the driver error is wrapped', () => {
    expect(uniqueViolationToConflict(wrapped('users_username_key'))?.details).toEqual({ reason: 'username_taken', field: 'username' });
    expect(uniqueViolationToConflict({ code: '23505', constraint: 'orgs_code_key' })?.details).toMatchObject({ field: 'code' });
  });

  it('answers a generic conflict without a field for an unknown index, and nothing for other errors', () => {
    const generic = uniqueViolationToConflict(wrapped('some_future_key'));
    expect(generic?.code).toBe('CONFLICT');
    expect(generic?.details).toEqual({ reason: 'duplicate' });
    expect(uniqueViolationToConflict({ cause: { code: '23503' } })).toBeNull();
    expect(uniqueViolationToConflict(new Error('boom'))).toBeNull();
    expect(uniqueViolationToConflict(null)).toBeNull();
  });
});
