import { z } from 'zod';
import { maskMobile } from '../../../contracts/cn-ids.js';

export interface NotificationMessage {
  channel: 'sms';
  /** The full number: only the sender sees it, and must not log it. */
  to: string;
  body: string;
}

/** Delivers one message (an SMS gateway, …); throws when it was not delivered, and the job retries. */
export interface NotificationSender {
  send(msg: NotificationMessage): Promise<void>;
}

/**
 * The default sender: writes a log line saying a message would have gone out, with the masked number
 * and the body's length, never the number or the text (the body can name a student).
 */
export function createLogSender(log: (line: Record<string, unknown>) => void = (line) => console.info(JSON.stringify(line))): NotificationSender {
  return {
    async send(msg) {
      log({ msg: 'notification (log sender): not delivered, logged only', channel: msg.channel, to: maskMobile(msg.to), bodyLength: [...msg.body].length });
    },
  };
}

const SENDERS = { log: () => createLogSender() } satisfies Record<string, () => NotificationSender>;
export type SenderName = keyof typeof SENDERS;
const SENDER_NAMES = Object.keys(SENDERS) as [SenderName, ...SenderName[]];

/**
 * The sender the deployment configures with NOTIFICATION_SENDER (default 'log'). A gateway is added
 * to SENDERS under its own name; an unknown name stops the start with a readable error.
 */
export function configuredNotificationSender(env: NodeJS.ProcessEnv = process.env): NotificationSender {
  const parsed = z.enum(SENDER_NAMES).default('log').safeParse(env.NOTIFICATION_SENDER || undefined);
  if (!parsed.success) throw new Error(`Invalid configuration:\n  NOTIFICATION_SENDER: one of ${SENDER_NAMES.join(', ')}`);
  return SENDERS[parsed.data]();
}
