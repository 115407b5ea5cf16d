import { and, eq, ne, sql } from 'drizzle-orm';
import { UpdateSeekerInput } from '../../../../contracts/seekers.js';
import { jobSeekers } from '../../../db/schema/index.js';
import { audit } from '../../../platform/audit.js';
import { authorize } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { conflict, validation, type FieldIssue } from '../../../platform/errors.js';
import { findDriverError } from '../../../platform/unique-violation.js';
import { protectIdNumber, protectPhone } from '../../households/household-pii.js';
import { registeredConflict } from './register-seeker.js';
import { presentSeeker } from './seekers.presenter.js';
import { getSeekerInScope, type SeekerRow } from './seekers.queries.js';

/** The plain fields a correction compares with the record (the ID number and phone are handled apart). */
const PLAIN = ['name', 'education', 'major', 'graduationYear', 'skills', 'wishedCategory', 'wishedRegion', 'wishedSalaryFen', 'hardship'] as const;

/**
 * Corrects a seeker of the actor's subtree on the version the editor read (a stale one is a 409).
 * Only the fields sent change. A seeker registered from an archived household or an aided student
 * keeps the name and ID number of that record (they are corrected there, and the record is how the
 * placement finds the student's journey) and stays of a hardship family. The phone is re-encrypted
 * only when sent, never decrypted to compare. The audit names the fields changed, not their values.
 */
export async function updateSeeker({ ctx, id, input }: { ctx: Ctx; id: string; input: unknown }) {
  const actor = await authorize(ctx, 'job.match');
  const data = UpdateSeekerInput.parse(input);
  let idHash = '';
  try {
    return await ctx.db.transaction(async (tx) => {
      const seeker = await getSeekerInScope(tx, actor, id, { forUpdate: true });
      if (seeker.version !== data.version) throw conflict('stale', 'the seeker was changed by someone else; reload it', { version: seeker.version });
      assertEditable(seeker, data);
      const set: Partial<typeof jobSeekers.$inferInsert> = {};
      const changed: string[] = [];
      for (const field of PLAIN) {
        const value = data[field];
        if (value === undefined || value === seeker[field]) continue;
        (set as Record<string, unknown>)[field] = value;
        changed.push(field);
      }
      if (data.idNumber !== undefined) {
        const protectedId = protectIdNumber(ctx.secrets, data.idNumber);
        if (protectedId.hash !== seeker.idHash) {
          idHash = protectedId.hash;
          const [held] = await tx.select({ id: jobSeekers.id }).from(jobSeekers).where(and(eq(jobSeekers.idHash, protectedId.hash), ne(jobSeekers.id, seeker.id)));
          if (held) throw await registeredConflict(tx, actor, protectedId.hash);
          Object.assign(set, { idEnc: protectedId.enc, idHash: protectedId.hash, idMasked: protectedId.masked });
          changed.push('idNumber');
        }
      }
      if (data.phone !== undefined) {
        const phone = protectPhone(ctx.secrets, data.phone);
        if (phone.phoneEnc !== null || seeker.phoneEnc !== null) {
          Object.assign(set, { phoneEnc: phone.phoneEnc, phoneMasked: phone.phoneMasked });
          changed.push('phone');
        }
      }
      if (!changed.length) return presentSeeker(seeker);
      const [row] = await tx
        .update(jobSeekers)
        .set({ ...set, updatedAt: ctx.clock.now(), version: sql`${jobSeekers.version} + 1` })
        .where(eq(jobSeekers.id, seeker.id))
        .returning();
      await audit(tx, ctx, 'job_seeker.update', { objectType: 'job_seeker', objectId: seeker.id, orgId: seeker.orgId, orgPath: seeker.orgPath, details: { changed } });
      return presentSeeker({ ...row, orgName: seeker.orgName, orgPath: seeker.orgPath });
    });
  } catch (err) {
    // Two seekers corrected to one person at once: both passed the check, the index let one in.
    if (findDriverError(err, '23505')?.constraint === 'job_seekers_id_hash_key') throw await registeredConflict(ctx.db, actor, idHash);
    throw err;
  }
}

/** What a seeker registered from a record keeps: refused naming the field, as the registration does. */
function assertEditable(seeker: SeekerRow, data: UpdateSeekerInput) {
  if (!seeker.householdId && !seeker.applicationId) return;
  const issues: FieldIssue[] = [];
  if (data.name !== undefined) issues.push({ field: 'body.name', message: 'the name is taken from the record: correct it there' });
  if (data.idNumber !== undefined) issues.push({ field: 'body.idNumber', message: 'the ID number is taken from the record: correct it there' });
  if (data.hardship === false) issues.push({ field: 'body.hardship', message: 'a seeker from an archived household or an aided student is of a hardship family' });
  if (issues.length) throw validation(issues);
}
