import { eq } from 'drizzle-orm';
import { RegisterSeekerInput } from '../../../../contracts/seekers.js';
import type { DbOrTx } from '../../../db/client.js';
import { jobSeekers, orgs } from '../../../db/schema/index.js';
import { audit } from '../../../platform/audit.js';
import { authorize, pathInScope } from '../../../platform/authz.js';
import type { Actor, Ctx } from '../../../platform/context.js';
import { AppError, conflict } from '../../../platform/errors.js';
import { findDriverError } from '../../../platform/unique-violation.js';
import { protectIdNumber, protectPhone } from '../../households/household-pii.js';
import { getOrgInScope } from '../../orgs/orgs.queries.js';
import { personFromApplication, personFromHousehold, type SourcePerson } from './seeker-sources.js';

/**
 * 求职登记: registers a job seeker at an org of the actor's subtree, by hand or from an archived
 * household (its worker or a member) or a student a campaign aided; from a record the name, ID number
 * and schooling are taken from it and the seeker is of a hardship family. One seeker per person: a
 * second registration is a 409 naming body.idNumber, also when two arrive at once (the unique index).
 */
export async function registerSeeker({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const actor = await authorize(ctx, 'job.match');
  const data = RegisterSeekerInput.parse(input);
  let idHash = '';
  try {
    return await ctx.db.transaction(async (tx) => {
      const source = await sourcePerson(tx, ctx, actor, data);
      const org = await getOrgInScope(tx, actor, data.orgId ?? source?.orgId ?? actor.orgId);
      if (!org.active) throw conflict('org_inactive', 'the org is deactivated', { field: 'orgId' });
      const id = protectIdNumber(ctx.secrets, source?.idNumber ?? data.idNumber!);
      idHash = id.hash;
      await assertNotRegistered(tx, actor, id.hash);
      const phone = protectPhone(ctx.secrets, data.phone);
      const now = ctx.clock.now();
      const [row] = await tx
        .insert(jobSeekers)
        .values({
          orgId: org.id,
          name: source?.name ?? data.name!,
          idEnc: id.enc,
          idHash: id.hash,
          idMasked: id.masked,
          phoneEnc: phone.phoneEnc,
          phoneMasked: phone.phoneMasked,
          education: data.education ?? source?.education ?? 'none',
          major: data.major ?? source?.major ?? null,
          graduationYear: data.graduationYear ?? source?.graduationYear ?? null,
          skills: data.skills ?? null,
          wishedCategory: data.wishedCategory,
          wishedRegion: data.wishedRegion,
          wishedSalaryFen: data.wishedSalaryFen ?? null,
          hardship: source ? true : (data.hardship ?? false),
          householdId: source?.householdId ?? null,
          applicationId: source?.applicationId ?? null,
          status: 'seeking',
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      await audit(tx, ctx, 'job_seeker.register', {
        objectType: 'job_seeker',
        objectId: row.id,
        orgId: org.id,
        orgPath: org.path,
        details: { source: data.applicationId ? 'application' : data.householdId ? 'household' : 'manual', householdId: row.householdId, applicationId: row.applicationId, hardship: row.hardship },
      });
      return { id: row.id, status: row.status };
    });
  } catch (err) {
    // Two registrations of one person at once: both passed the check, the index let one in.
    if (findDriverError(err, '23505')?.constraint === 'job_seekers_id_hash_key') throw await registeredConflict(ctx.db, actor, idHash);
    throw err;
  }
}

async function sourcePerson(tx: DbOrTx, ctx: Ctx, actor: Actor, data: RegisterSeekerInput): Promise<SourcePerson | null> {
  if (data.applicationId) return personFromApplication(tx, ctx, actor, data.applicationId);
  if (data.householdId) return personFromHousehold(tx, ctx, actor, data.householdId, data.memberId);
  return null;
}

async function assertNotRegistered(tx: DbOrTx, actor: Actor, idHash: string) {
  const [held] = await tx.select({ id: jobSeekers.id }).from(jobSeekers).where(eq(jobSeekers.idHash, idHash));
  if (held) throw await registeredConflict(tx, actor, idHash);
}

/** 409 naming body.idNumber, with the seeker's id when the actor may open it and its org's name. */
export async function registeredConflict(db: DbOrTx, actor: Actor, idHash: string): Promise<AppError> {
  const [held] = await db.select({ id: jobSeekers.id, orgName: orgs.name, orgPath: orgs.path }).from(jobSeekers).innerJoin(orgs, eq(orgs.id, jobSeekers.orgId)).where(eq(jobSeekers.idHash, idHash));
  return conflict('seeker_registered', `this person is already registered as a job seeker${held ? ` at ${held.orgName}` : ''}`, {
    field: 'body.idNumber',
    ...(held ? { holdingOrg: { name: held.orgName }, seekerId: pathInScope(actor, held.orgPath) ? held.id : null } : {}),
  });
}
