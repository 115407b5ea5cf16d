import type { Tx } from '../../db/client.js';
import type { Secrets } from '../../platform/secrets.js';
import type { OrgRow } from '../orgs/orgs.queries.js';
import type { DemoUser } from './demo-actors.js';
import { loadDemoConsultations } from './load-demo-consultations.js';
import { loadDemoPolicies } from './load-demo-policies.js';
import { loadDemoSeekers } from './load-demo-seekers.js';

/**
 * The employment services beside the job board, all through the module's verbs as the demo accounts:
 * policy articles, the last weeks' questions with their answers and FAQ entries, job seekers with
 * their referrals and placements.
 */
export async function loadDemoEmploymentServices(tx: Tx, c: { secrets: Secrets; now: Date; byCode: Map<string, OrgRow>; accounts: Map<string, DemoUser>; campaign2021Id: string }) {
  const jobs = c.accounts.get('jobs')!;
  const zzAdmin = c.accounts.get('zz.admin')!;
  const base = { secrets: c.secrets, now: c.now, byCode: c.byCode };
  const policies = await loadDemoPolicies(tx, { ...base, authors: { jobs, 'zz.admin': zzAdmin } });
  const consultations = await loadDemoConsultations(tx, { ...base, jobs, zzAdmin });
  const seekers = await loadDemoSeekers(tx, { ...base, jobs, zzAdmin, campaign2021Id: c.campaign2021Id });
  return { policies, consultations, seekers };
}
