import { and, asc, eq, lt, sql } from 'drizzle-orm';
import { maskMobile } from '../../../contracts/cn-ids.js';
import type { Db } from '../../db/client.js';
import { notifications } from '../../db/schema/index.js';
import type { Clock } from '../../platform/clock.js';
import { decryptPii } from '../../platform/pii-crypto.js';
import type { PiiKeys } from '../../platform/secrets.js';
import type { NotificationSender } from './notification-sender.js';

/** A message is tried this many times, then marked failed with its last error. */
export const MAX_SEND_ATTEMPTS = 3;
const BATCH = 50;

export interface SendOptions {
  db: Db;
  clock: Clock;
  secrets: PiiKeys;
  sender: NotificationSender;
  /** Between batches: let waiting requests go first (the job runner's giveWay). */
  giveWay?: () => Promise<void>;
  signal?: AbortSignal;
  /** Pause before retry pass n (n × this); the job uses seconds, tests none. */
  retryDelayMs?: number;
  onProgress?: (p: { sent: number; failed: number; retrying: number }) => void;
}

/**
 * Sends every queued message in passes: each pass tries each queued message once, in batches; a
 * message that failed waits for the next pass, and after MAX_SEND_ATTEMPTS it is marked failed.
 * Returns when nothing is left to try (or the signal stops it between messages).
 */
export async function sendQueuedNotifications(o: SendOptions): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (let pass = 1; pass <= MAX_SEND_ATTEMPTS; pass++) {
    let retrying = 0;
    let after: { createdAt: Date; id: string } | null = null;
    for (;;) {
      const batch: Array<typeof notifications.$inferSelect> = await o.db
        .select()
        .from(notifications)
        .where(
          and(
            eq(notifications.status, 'queued'),
            lt(notifications.attempts, MAX_SEND_ATTEMPTS),
            after ? sql`(${notifications.createdAt}, ${notifications.id}) > (${after.createdAt.toISOString()}::timestamptz, ${after.id}::uuid)` : undefined,
          ),
        )
        .orderBy(asc(notifications.createdAt), asc(notifications.id))
        .limit(BATCH);
      if (batch.length === 0) break;
      for (const n of batch) {
        if (o.signal?.aborted) return { sent, failed };
        const attempts = n.attempts + 1;
        try {
          await o.sender.send({ channel: 'sms', to: decryptPii(o.secrets, n.recipientEnc), body: n.body });
          await o.db.update(notifications).set({ status: 'sent', attempts, lastError: null, sentAt: o.clock.now() }).where(eq(notifications.id, n.id));
          sent++;
        } catch (err) {
          const givenUp = attempts >= MAX_SEND_ATTEMPTS;
          await o.db
            .update(notifications)
            .set({ status: givenUp ? 'failed' : 'queued', attempts, lastError: describeError(err) })
            .where(eq(notifications.id, n.id));
          if (givenUp) failed++;
          else retrying++;
        }
      }
      const last = batch[batch.length - 1];
      after = { createdAt: last.createdAt, id: last.id };
      o.onProgress?.({ sent, failed, retrying });
      await o.giveWay?.();
    }
    if (retrying === 0) break;
    if (pass < MAX_SEND_ATTEMPTS) await pause((o.retryDelayMs ?? 0) * pass, o.signal);
  }
  return { sent, failed };
}

/** The sender's error, short, with any mobile number in it masked (a gateway may echo the number). */
function describeError(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.replace(/1[3-9]\d{9}/g, (m) => maskMobile(m)).slice(0, 300) || 'send failed';
}

function pause(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0 || signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
