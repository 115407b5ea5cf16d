import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { analyzeAfterBulkWrite } from '../../db/maintenance.js';
import { orgs, userRoles, users } from '../../db/schema/index.js';
import type { Clock } from '../../platform/clock.js';
import type { Secrets } from '../../platform/secrets.js';
import { hashPassword } from '../../platform/passwords.js';
import { insertOrg } from '../orgs/create-org.js';
import type { OrgRow } from '../orgs/orgs.queries.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.js';
import { flattenOrgTree, JIAOZUO_ORG_TREE } from './jiaozuo-org-tree.js';
import type { DemoUser } from './demo-actors.js';
import { loadDemoCampaigns } from './load-demo-campaigns.js';
import { loadDemoEmployment } from './load-demo-employment.js';
import { loadDemoEmploymentServices } from './load-demo-employment-services.js';
import { loadDemoFunds } from './load-demo-funds.js';
import { loadDemoHouseholds } from './load-demo-households.js';

/** Loads the Jiaozuo demo tree, demo accounts, households and campaigns into an empty database; does nothing otherwise. */
const DEMO_LOAD_LOCK = 7_310_003;

export async function loadDemoData({ db, clock, secrets }: { db: Db; clock: Clock; secrets: Secrets }) {
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(orgs);
  if (n > 0) return null;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const loaded = await db.transaction(async (tx) => {
    // Instances starting together with DEMO=1 on one PostgreSQL: the first loads, the others wait and find it loaded.
    await tx.execute(sql`select pg_advisory_xact_lock(${DEMO_LOAD_LOCK})`);
    const [{ n: loadedMeanwhile }] = await tx.select({ n: sql<number>`count(*)::int` }).from(orgs);
    if (loadedMeanwhile > 0) return null;
    const byCode = new Map<string, OrgRow>();
    for (const { node, parentCode } of flattenOrgTree(JIAOZUO_ORG_TREE)) {
      const parent = parentCode ? byCode.get(parentCode)! : null;
      const org = await insertOrg(tx, parent, { ...node, regionCode: node.regionCode ?? null });
      byCode.set(node.code, org);
    }
    const accounts = new Map<string, DemoUser>();
    for (const account of DEMO_ACCOUNTS) {
      const org = byCode.get(account.orgCode)!;
      const [user] = await tx.insert(users).values({ orgId: org.id, username: account.username, displayName: account.displayName, passwordHash }).returning();
      await tx.insert(userRoles).values(account.roles.map((roleKey) => ({ userId: user.id, roleKey })));
      accounts.set(account.username, { id: user.id, username: user.username, orgId: org.id, orgPath: org.path, roles: account.roles });
    }
    const householdCount = await loadDemoHouseholds(tx, { clock, secrets }, byCode, accounts.get('fc.caseworker')!.id);
    const campaignsLoaded = await loadDemoCampaigns(tx, { clock, secrets, passwordHash }, byCode, accounts);
    const funds = await loadDemoFunds(tx, { secrets, now: clock.now() }, byCode, accounts, { campaign2021Id: campaignsLoaded.campaign2021.id, currentYear: campaignsLoaded.campaignCurrent.year });
    const employment = await loadDemoEmployment(tx, { byCode, jobs: accounts.get('jobs')!, hr: accounts.get('hr.demo')!, now: clock.now() });
    const employmentServices = await loadDemoEmploymentServices(tx, { secrets, now: clock.now(), byCode, accounts, campaign2021Id: campaignsLoaded.campaign2021.id });
    return { orgs: byCode.size, users: DEMO_ACCOUNTS.length, households: householdCount, ...campaignsLoaded, funds, employment, employmentServices };
  });
  if (!loaded) return null;
  // Statistics for the planner (and, on PGlite, the visibility map) before the first list is asked for.
  await analyzeAfterBulkWrite(db, DEMO_TABLES);
  return loaded;
}

/** The tables the demo load writes. */
export const DEMO_TABLES = [
  'orgs',
  'users',
  'user_roles',
  'households',
  'household_members',
  'household_id_claims',
  'household_events',
  'household_aid',
  'campaigns',
  'campaign_orgs',
  'campaign_applications',
  'application_events',
  'campaign_grants',
  'aid_follow_ups',
  'funds',
  'ledger_accounts',
  'ledger_account_months',
  'journal_entries',
  'journal_postings',
  'fund_incomes',
  'donation_drives',
  'donations',
  'payment_batches',
  'payment_lines',
  'in_kind_issues',
  'enterprises',
  'job_postings',
  'policy_articles',
  'consultations',
  'faq_entries',
  'job_seekers',
  'job_referrals',
] as const;
