import type { JobHandler } from '../../platform/jobs/job-runner.js';
import type { Services } from '../../platform/context.js';
import { applicationImportJobHandlers } from './import/application-import-job-handlers.js';
import { lumpSumJobHandlers } from './lump-sum/lump-sum-jobs.js';
import { configuredNotificationSender } from '../notifications/notification-sender.js';
import { notificationJobHandlers } from '../notifications/notification-jobs.js';
import { worklistJobHandlers } from './reach/worklist-jobs.js';

/** Every background job of the campaigns module (worklist builds, notification sends, lump-sum batches, imports). */
export function campaignJobHandlers(services: Services): JobHandler[] {
  return [...lumpSumJobHandlers(services), ...worklistJobHandlers(services), ...notificationJobHandlers(services, configuredNotificationSender()), ...applicationImportJobHandlers(services)];
}
