import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { backgroundJobs, notifications } from '../../db/schema/index.js';
import type { Ctx } from '../../platform/context.js';
import type { JobIo } from '../../platform/jobs/job-runner.js';
import type { JobRow } from '../../platform/jobs/job-queries.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { configuredNotificationSender, createLogSender, type NotificationMessage, type NotificationSender } from './notification-sender.js';
import { notificationJobHandlers } from './notification-jobs.js';
import { NOTIFICATION_SEND_JOB, queueSms } from './queue-notification.js';
import { MAX_SEND_ATTEMPTS, sendQueuedNotifications } from './send-notifications.js';

let t: TestApp;
let ctx: Ctx;

/** Keeps what it was asked to send; fails the numbers it is told to, as many times as told (Infinity: always). */
class RecordingSender implements NotificationSender {
  sent: NotificationMessage[] = [];
  failures = new Map<string, number>();
  async send(msg: NotificationMessage) {
    const left = this.failures.get(msg.to) ?? 0;
    if (left > 0) {
      this.failures.set(msg.to, left - 1);
      throw new Error(`gateway refused ${msg.to}: busy`);
    }
    this.sent.push(msg);
  }
}

beforeAll(async () => {
  t = await createTestApp();
  const userId = await t.createUser('cw-e', 'E', ['caseworker']);
  ctx = { db: t.database.db, clock: t.clock, secrets: t.secrets, actor: { userId, username: 'cw-e', orgId: t.orgs.E.id, orgPath: t.orgs.E.path, roles: ['caseworker'], permissions: new Set() }, requestId: 'test' };
});
afterAll(() => t.close());
// No request is made in this file, so the app (and its job runner, which would send with the log
// sender) never starts: the tests drive sending themselves.
beforeEach(async () => {
  await t.database.db.delete(notifications);
  await t.database.db.delete(backgroundJobs).where(eq(backgroundJobs.kind, NOTIFICATION_SEND_JOB));
});

async function queue(phone: string, body = '金秋助学开始受理') {
  return t.database.db.transaction((tx) => queueSms(tx, ctx, { orgId: t.orgs.E.id, phone, body, sourceType: 'test', sourceId: 'x' }));
}
const row = async (id: string) => (await t.database.db.select().from(notifications).where(eq(notifications.id, id)))[0];
const send = (sender: NotificationSender) => sendQueuedNotifications({ db: t.database.db, clock: t.clock, secrets: t.secrets, sender });

describe('the notification outbox', () => {
  it('queues an SMS with the number encrypted and one send job, however many are queued', async () => {
    await queue('13803910001');
    await queue('13803910002');
    const jobs = await t.database.db.select().from(backgroundJobs).where(eq(backgroundJobs.kind, NOTIFICATION_SEND_JOB));
    expect(jobs.map((j) => [j.state, j.concurrencyKey])).toEqual([['queued', 'notification_send']]);
    const rows = await t.database.db.select().from(notifications);
    expect(rows.map((r) => r.recipientMasked).sort()).toEqual(['138****0001', '138****0002']);
    for (const r of rows) expect(r.recipientEnc).not.toMatch(/1380391000/);
  });

  it('sends every queued message, in batches, through the injected sender, and marks each sent', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 120; i++) ids.push(await queue(`1390391${String(i).padStart(4, '0')}`, `第${i}条`));
    const sender = new RecordingSender();
    expect(await send(sender)).toEqual({ sent: 120, failed: 0 });
    expect(sender.sent).toHaveLength(120);
    expect(new Set(sender.sent.map((m) => m.to)).size).toBe(120);
    expect(sender.sent.find((m) => m.to === '13903910007')).toEqual({ channel: 'sms', to: '13903910007', body: '第7条' });
    expect(await row(ids[119])).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect((await row(ids[119])).sentAt).not.toBeNull();
    expect(await send(sender)).toEqual({ sent: 0, failed: 0 });
  });

  it('retries a failed message up to three attempts, then marks it failed with the error (number masked)', async () => {
    const flaky = await queue('13803910003');
    const dead = await queue('13803910004');
    const fine = await queue('13803910005');
    const sender = new RecordingSender();
    sender.failures.set('13803910003', 2);
    sender.failures.set('13803910004', Infinity);
    expect(await send(sender)).toEqual({ sent: 2, failed: 1 });
    expect(await row(flaky)).toMatchObject({ status: 'sent', attempts: 3 });
    expect(await row(fine)).toMatchObject({ status: 'sent', attempts: 1 });
    const failed = await row(dead);
    expect(failed).toMatchObject({ status: 'failed', attempts: MAX_SEND_ATTEMPTS, lastError: 'gateway refused 138****0004: busy' });
    expect(sender.sent.map((m) => m.to).sort()).toEqual(['13803910003', '13803910005']);
  });

  it('runs as the notification_send job with the sender it was given', async () => {
    const id = await queue('13803910006');
    const sender = new RecordingSender();
    const [handler] = notificationJobHandlers({ db: t.database.db, clock: t.clock, secrets: t.secrets }, sender, { retryDelayMs: 0 });
    const progress: Array<Record<string, unknown>> = [];
    const io = { progress: (p: Record<string, unknown>) => progress.push(p), signal: new AbortController().signal, instanceId: 'test', giveWay: async () => {}, input: async () => null } satisfies JobIo;
    const [job] = await t.database.db.select().from(backgroundJobs).where(eq(backgroundJobs.kind, NOTIFICATION_SEND_JOB));
    await handler.run(job as JobRow, io);
    expect(sender.sent.map((m) => m.to)).toEqual(['13803910006']);
    expect(await row(id)).toMatchObject({ status: 'sent' });
    expect(progress.at(-1)).toEqual({ sent: 1, failed: 0, retrying: 0 });
  });

  it('logs with the log sender only the channel, the masked number and the body’s length', async () => {
    const lines: Array<Record<string, unknown>> = [];
    await createLogSender((l) => lines.push(l)).send({ channel: 'sms', to: '13803910007', body: '张小明同学：金秋助学开始受理' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ channel: 'sms', to: '138****0007', bodyLength: 14 });
    expect(JSON.stringify(lines)).not.toMatch(/13803910007|张小明/);
  });

  it('takes the sender from configuration: log by default, an unknown name stops the start', () => {
    expect(configuredNotificationSender({})).toBeTruthy();
    expect(configuredNotificationSender({ NOTIFICATION_SENDER: 'log' })).toBeTruthy();
    expect(() => configuredNotificationSender({ NOTIFICATION_SENDER: 'carrier-pigeon' })).toThrow(/NOTIFICATION_SENDER: one of log/);
  });
});
