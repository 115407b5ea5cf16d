import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { maskMobile } from '../../../contracts/cn-ids.js';
import type { Tx } from '../../db/client.js';
import { backgroundJobs, notifications } from '../../db/schema/index.js';
import type { Ctx } from '../../platform/context.js';
import { enqueueJob } from '../../platform/jobs/job-queries.js';
import { encryptPii } from '../../platform/pii-crypto.js';

export const NOTIFICATION_SEND_JOB = 'notification_send';
/** One sender job at a time: it sends every queued message, whoever queued it. */
export const NOTIFICATION_SEND_KEY = 'notification_send';

/**
 * Writes an SMS into the outbox inside the caller's transaction (sent only if that commits) and makes
 * sure a send job is queued. The caller kicks the job runner after the commit.
 */
export async function queueSms(tx: Tx, ctx: Ctx, msg: { orgId: string; phone: string; body: string; sourceType: string; sourceId: string }): Promise<string> {
  const id = crypto.randomUUID();
  const now = ctx.clock.now();
  await tx.insert(notifications).values({
    id,
    channel: 'sms',
    orgId: msg.orgId,
    recipientEnc: encryptPii(ctx.secrets, msg.phone),
    recipientMasked: maskMobile(msg.phone),
    body: msg.body,
    status: 'queued',
    sourceType: msg.sourceType,
    sourceId: msg.sourceId,
    createdBy: ctx.actor?.userId ?? null,
    createdAt: now,
  });
  await ensureSendJobQueued(tx, { orgId: msg.orgId, createdBy: ctx.actor!.userId, createdAt: now });
  return id;
}

/** A queued send job takes every message queued before it runs: a second one would find nothing to do. */
export async function ensureSendJobQueued(tx: Tx, job: { orgId: string; createdBy: string; createdAt: Date }) {
  const [waiting] = await tx
    .select({ id: backgroundJobs.id })
    .from(backgroundJobs)
    .where(and(eq(backgroundJobs.kind, NOTIFICATION_SEND_JOB), eq(backgroundJobs.state, 'queued')))
    .limit(1);
  if (waiting) return;
  await enqueueJob(tx, { kind: NOTIFICATION_SEND_JOB, orgId: job.orgId, createdBy: job.createdBy, createdAt: job.createdAt, concurrencyKey: NOTIFICATION_SEND_KEY });
}
