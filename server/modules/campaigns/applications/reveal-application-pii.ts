import { z } from 'zod';
import { text } from '../../../../contracts/text.js';
import { audit } from '../../../platform/audit.js';
import { authorize } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import { decryptPii } from '../../../platform/pii-crypto.js';
import { getApplicationInScope } from './applications.queries.js';

export const RevealApplicationInput = z.strictObject({
  field: z.enum(['studentIdNumber', 'applicantIdNumber', 'applicantPhone']),
  reason: text({ multiline: true }).min(2).max(200),
});

/** Shows one protected number of an application in full, with the reason in the audit log. */
export async function revealApplicationPii({ ctx, id, input }: { ctx: Ctx; id: string; input: unknown }) {
  const actor = await authorize(ctx, 'application.reveal');
  const { field, reason } = RevealApplicationInput.parse(input);
  const a = await getApplicationInScope(ctx.db, actor, id);
  const stored = { studentIdNumber: a.studentIdEnc, applicantIdNumber: a.applicantIdEnc, applicantPhone: a.applicantPhoneEnc }[field];
  if (!stored) throw notFound(field);
  await audit(ctx.db, ctx, 'application.reveal', { objectType: 'application', objectId: a.id, orgId: a.orgId, orgPath: a.orgPath, details: { field, reason } });
  return { field, value: decryptPii(ctx.secrets, stored) };
}
