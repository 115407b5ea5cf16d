import { CreateHouseholdInput } from '../../../contracts/households.js';
import { householdMembers, households } from '../../db/schema/index.js';
import { audit } from '../../platform/audit.js';
import { authorize } from '../../platform/authz.js';
import type { Actor, Ctx } from '../../platform/context.js';
import { chinaDate } from '../../platform/dates.js';
import { conflict } from '../../platform/errors.js';
import { getOrgInScope } from '../orgs/orgs.queries.js';
import { appendHouseholdEvent } from './household-events.js';
import { auditingDuplicateHits } from './duplicate-hits.js';
import { claimIdNumbers } from './household-id-claims.js';
import { protectIdNumber } from './household-pii.js';
import { assertDistinctIds, householdColumns, memberClaims, memberRows, workerIdColumns } from './household-record.js';
import { nextCaseNo } from './households.queries.js';

/** Files a household application (申请建档) at an org in the actor's subtree. */
export async function createHousehold({ ctx, input }: { ctx: Ctx; input: CreateHouseholdInput }) {
  const actor = await authorize(ctx, 'household.create');
  const data = CreateHouseholdInput.parse(input);
  assertDistinctIds(data.idNumber, data.members.map((m) => m.idNumber));
  return auditingDuplicateHits(ctx, 'filing', () => fileHousehold(ctx, actor, data));
}

async function fileHousehold(ctx: Ctx, actor: Actor, data: CreateHouseholdInput) {
  return ctx.db.transaction(async (tx) => {
    const org = await getOrgInScope(tx, actor, data.orgId);
    if (!org.active) throw conflict('org_inactive', 'the org is deactivated', { field: 'orgId' });
    const now = ctx.clock.now();
    const worker = protectIdNumber(ctx.secrets, data.idNumber);
    const [household] = await tx
      .insert(households)
      .values({
        ...householdColumns(ctx.secrets, data),
        name: data.name,
        caseNo: await nextCaseNo(tx, chinaDate(now).slice(0, 4)),
        orgId: org.id,
        status: 'applied',
        ...workerIdColumns(worker),
        createdBy: actor.userId,
        submittedBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const members = memberRows(ctx.secrets, household.id, data.members);
    await claimIdNumbers(tx, household.id, [{ hash: worker.hash, role: 'worker', field: 'idNumber' }, ...memberClaims(members)]);
    if (members.length) await tx.insert(householdMembers).values(members);
    await appendHouseholdEvent(tx, ctx, household.id, 'apply', { toStatus: 'applied' });
    await audit(tx, ctx, 'household.create', { objectType: 'household', objectId: household.id, orgId: org.id, orgPath: org.path, details: { caseNo: household.caseNo } });
    return { id: household.id, caseNo: household.caseNo, status: household.status };
  });
}
