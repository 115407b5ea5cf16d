import { makeUscc } from '../../contracts/cn-ids.js';
import type { Session, TestApp } from './test-app.js';

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
let seq = Math.floor(Math.random() * 31 ** 5);

/** A unified social credit code in the real format (法人 9, 企业 1, 焦作 410800, an organisation code), its check character right, new each call. */
export function uniqueUscc(): string {
  let n = seq++;
  let body = '';
  for (let i = 0; i < 7; i++) {
    body = USCC_ALPHABET[n % 31] + body;
    n = Math.floor(n / 31);
  }
  return makeUscc(`91410800MA${body}`);
}

/** The same code with one character changed (its check character now wrong). */
export function spoilUscc(code: string, at = 17): string {
  const replacement = code[at] === '0' ? '1' : '0';
  return code.slice(0, at) + replacement + code.slice(at + 1);
}

/** A valid registration body for an enterprise of the org (by fixture name). */
export function sampleEnterprise(t: TestApp, orgName: string, extra: Record<string, unknown> = {}) {
  return {
    orgId: t.orgs[orgName].id,
    name: `焦作市测试机械有限公司${Math.random().toString(36).slice(2, 6)}`,
    uscc: uniqueUscc(),
    industry: 'manufacturing',
    size: 'medium',
    address: '焦作市中站区工业路 18 号',
    regionCode: '410803',
    contactName: '李明',
    contactPhone: '0391-3561234',
    priorityPledge: true,
    ...extra,
  };
}

/** A jobs officer at the root A (job.* everywhere), one per app. */
const officers = new WeakMap<TestApp, Promise<Session>>();
export function jobsOfficerAtRoot(t: TestApp): Promise<Session> {
  if (!officers.has(t)) {
    const username = `jobs-${Math.random().toString(36).slice(2, 8)}`;
    officers.set(t, t.createUser(username, 'A', ['jobs_officer']).then(() => t.signIn(username)));
  }
  return officers.get(t)!;
}

/** Registers an enterprise of the org through the API as the root jobs officer; returns its id. */
export async function makeEnterprise(t: TestApp, orgName: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await (await jobsOfficerAtRoot(t)).post('/api/enterprises', sampleEnterprise(t, orgName, extra));
  if (res.statusCode !== 201) throw new Error(`enterprise fixture: ${res.body}`);
  return res.json().id;
}

/**
 * An HR account of the enterprise, signed in with its password changed (so it may act): the
 * session and the user's id.
 */
export async function hrSessionFor(t: TestApp, enterpriseId: string, username = `hr-${Math.random().toString(36).slice(2, 8)}`): Promise<{ session: Session; userId: string }> {
  const res = await (await jobsOfficerAtRoot(t)).post(`/api/enterprises/${enterpriseId}/hr-accounts`, { username, displayName: '招聘专员' });
  if (res.statusCode !== 201) throw new Error(`HR account fixture: ${res.body}`);
  const { account, oneTimePassword } = res.json();
  const first = await t.signIn(username, oneTimePassword);
  const changed = await first.post('/api/auth/password', { currentPassword: oneTimePassword, newPassword: 'hr-own-long-password-7' });
  if (changed.statusCode !== 200) throw new Error(`HR password change: ${changed.body}`);
  return { session: first, userId: account.id };
}
