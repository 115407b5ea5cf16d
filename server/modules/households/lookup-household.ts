import { and, eq, or, sql } from 'drizzle-orm';
import { LookupInput } from '../../../contracts/households.js';
import { householdMembers, households, orgs } from '../../db/schema/index.js';
import { audit } from '../../platform/audit.js';
import { authorize, inActorSubtree } from '../../platform/authz.js';
import type { Ctx } from '../../platform/context.js';
import { auditDuplicateHit } from './duplicate-hits.js';
import { idNumberHash } from './household-pii.js';
import { presentHouseholdListItem } from './households.presenter.js';
import { householdVisible } from './households.queries.js';

/**
 * Finds households by a full ID number (worker or member) through the keyed hash. A POST, so the
 * number never appears in a URL or an access log.
 */
export async function lookupHousehold({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const actor = await authorize(ctx, 'household.read');
  const { idNumber } = LookupInput.parse(input);
  const hash = idNumberHash(ctx.secrets, idNumber);
  const rows = await ctx.db
    .select({ household: households, orgName: orgs.name, orgPath: orgs.path })
    .from(households)
    .innerJoin(orgs, eq(orgs.id, households.orgId))
    .where(
      and(
        inActorSubtree(actor, households.orgId),
        householdVisible(),
        or(eq(households.idHash, hash), sql`${households.id} in (select ${householdMembers.householdId} from ${householdMembers} where ${householdMembers.idHash} = ${hash})`),
      ),
    );
  await audit(ctx.db, ctx, 'household.lookup', { objectType: 'household', details: { found: rows.length } });
  if (rows.length > 0) await auditDuplicateHit(ctx.db, ctx, 'lookup', { count: rows.length, holdingOrgIds: rows.map((r) => r.household.orgId) });
  return { items: rows.map((r) => presentHouseholdListItem({ ...r.household, orgName: r.orgName, orgPath: r.orgPath })) };
}
