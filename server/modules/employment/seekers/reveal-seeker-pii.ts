import { RevealSeekerInput } from '../../../../contracts/seekers.js';
import { audit } from '../../../platform/audit.js';
import { authorize } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import { decryptPii } from '../../../platform/pii-crypto.js';
import { getSeekerInScope } from './seekers.queries.js';

/**
 * 查看完整号码: a seeker's full ID number or phone, for a holder of seeker.reveal with a reason,
 * audited (who, what, when, why) like a household's. Every other answer carries the masks only.
 */
export async function revealSeekerPii({ ctx, id, input }: { ctx: Ctx; id: string; input: unknown }) {
  const actor = await authorize(ctx, 'seeker.reveal');
  const data = RevealSeekerInput.parse(input);
  const seeker = await getSeekerInScope(ctx.db, actor, id);
  const stored = data.field === 'idNumber' ? seeker.idEnc : seeker.phoneEnc;
  if (!stored) throw notFound(data.field);
  const value = decryptPii(ctx.secrets, stored);
  await audit(ctx.db, ctx, 'job_seeker.reveal', {
    objectType: 'job_seeker',
    objectId: seeker.id,
    orgId: seeker.orgId,
    orgPath: seeker.orgPath,
    details: { field: data.field, reason: data.reason },
  });
  return { field: data.field, value };
}
