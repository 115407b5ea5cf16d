import type { Services } from '../../platform/context.js';
import type { JobHandler } from '../../platform/jobs/job-runner.js';
import { ensureSendJobQueued, NOTIFICATION_SEND_JOB } from './queue-notification.js';
import type { NotificationSender } from './notification-sender.js';
import { sendQueuedNotifications } from './send-notifications.js';

const RETRY_DELAY_MS = 5_000;

/** The outbox's job: sends what is queued through the configured sender. */
export function notificationJobHandlers(services: Services, sender: NotificationSender, opts: { retryDelayMs?: number } = {}): JobHandler[] {
  return [
    {
      kind: NOTIFICATION_SEND_JOB,
      async run(job, io) {
        const result = await sendQueuedNotifications({
          ...services,
          sender,
          giveWay: io.giveWay,
          signal: io.signal,
          retryDelayMs: opts.retryDelayMs ?? RETRY_DELAY_MS,
          onProgress: (p) => io.progress(p),
        });
        io.progress({ ...result, retrying: 0 });
        // Stopped part-way (the instance is shutting down): what is left goes with the next start.
        if (io.signal.aborted) await services.db.transaction((tx) => ensureSendJobQueued(tx, { orgId: job.orgId, createdBy: job.createdBy, createdAt: services.clock.now() }));
      },
      // Messages a stopped instance left queued are sent by a new job (the outbox never strands them).
      async recover(job) {
        await services.db.transaction((tx) => ensureSendJobQueued(tx, { orgId: job.orgId, createdBy: job.createdBy, createdAt: services.clock.now() }));
      },
    },
  ];
}
