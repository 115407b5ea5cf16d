import { and, asc, eq, sql } from 'drizzle-orm';
import { campaignGrants, funds, orgs, paymentBatches, paymentLines } from '../../../db/schema/index.js';
import { audit } from '../../../platform/audit.js';
import { likePrefix, pathInScope } from '../../../platform/authz.js';
import type { Actor, Services } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';
import { stillHoldsJob, type JobRow } from '../../../platform/jobs/job-queries.js';
import { JobFailure, type JobHandler, type JobIo } from '../../../platform/jobs/job-runner.js';
import { grantConfirmed } from '../../campaigns/lump-sum/write-lump-sum-grants.js';
import { loadActiveActor } from '../../users/load-actor.js';
import { fundAccounts } from '../funds.queries.js';
import { payPaymentLine } from './pay-payment-line.js';

export const PAYMENT_BUILD_JOB = 'payment_build';
export const PAYMENT_EXECUTE_JOB = 'payment_execute';
/** Builds and executions run one at a time: a build must not pick a grant another batch is paying. */
export const PAYMENT_JOBS_KEY = 'payments';
/** Lines paid per transaction while executing. */
const EXECUTE_CHUNK = 50;

const batchIdOf = (job: JobRow) => String(job.payload.batchId);
const LOST_RIGHTS = (who: string) => `${who}的账号已停用或已无发放权限，任务未执行`;

async function actorFor(db: Services['db'], job: JobRow, orgPath: string, who: string): Promise<Actor> {
  const actor = await loadActiveActor(db, job.createdBy);
  if (!actor?.permissions.has('payment.create') || !pathInScope(actor, orgPath)) throw new JobFailure(LOST_RIGHTS(who));
  return actor;
}

/** The payment jobs: building a batch's lines from the grants ready for payment, and executing an approved batch. */
export function paymentJobHandlers(services: Services): JobHandler[] {
  const { db } = services;

  async function loadBatch(batchId: string) {
    const [row] = await db
      .select({ batch: paymentBatches, orgPath: orgs.path, fundOrgId: funds.orgId })
      .from(paymentBatches)
      .innerJoin(orgs, eq(orgs.id, paymentBatches.orgId))
      .innerJoin(funds, eq(funds.id, paymentBatches.fundId))
      .where(eq(paymentBatches.id, batchId));
    return row;
  }

  async function build(job: JobRow, io: JobIo) {
    const row = await loadBatch(batchIdOf(job));
    if (!row || row.batch.status !== 'building') return;
    const { batch } = row;
    try {
      await actorFor(db, job, row.orgPath, '生成批次的人');
      const refPrefix = `P${batch.id.slice(0, 8).toUpperCase()}-`;
      await db.transaction(async (tx) => {
        if (!(await stillHoldsJob(tx, job.id, io.instanceId))) throw new JobFailure('任务已被其他实例接管');
        // One statement: every ready grant of the subtree not already in a live line, numbered by org and readiness.
        await tx.execute(sql`
          insert into payment_lines (batch_id, line_no, grant_id, org_id, household_id, payee_name, bank_name, bank_card_enc, bank_card_masked, amount_fen, in_kind_items, status, payment_ref)
          select ${batch.id}, n, id, org_id, household_id, payee, bank_name, bank_card_enc, bank_card_masked, amount_fen, in_kind_items, 'pending', ${refPrefix} || lpad(n::text, 5, '0')
          from (
            select row_number() over (order by o.path, ${campaignGrants.readyAt}, ${campaignGrants.id}) as n, ${campaignGrants.id} as id, ${campaignGrants.orgId} as org_id,
              ${campaignGrants.householdId} as household_id, coalesce(h.name, ${campaignGrants.recipientName}) as payee, h.bank_name, h.bank_card_enc, h.bank_card_masked,
              ${campaignGrants.amountFen} as amount_fen, ${campaignGrants.inKindItems} as in_kind_items
            from ${campaignGrants} join orgs o on o.id = ${campaignGrants.orgId} left join households h on h.id = ${campaignGrants.householdId}
            where ${campaignGrants.status} = 'ready' and ${grantConfirmed()} and o.path like ${likePrefix(row.orgPath)}
              ${batch.campaignId ? sql`and ${campaignGrants.campaignId} = ${batch.campaignId}` : sql``}
              and not exists (select 1 from payment_lines l where l.grant_id = ${campaignGrants.id} and l.status in ('pending', 'paid'))
          ) ready`);
        const [sum] = await tx
          .select({ n: sql<number>`count(*)`.mapWith(Number), fen: sql<number>`coalesce(sum(${paymentLines.amountFen}), 0)`.mapWith(Number) })
          .from(paymentLines)
          .where(eq(paymentLines.batchId, batch.id));
        await tx.update(paymentBatches).set({ status: 'previewed', lineCount: sum.n, totalFen: sum.fen }).where(and(eq(paymentBatches.id, batch.id), eq(paymentBatches.status, 'building')));
        io.progress({ lines: sum.n, totalFen: sum.fen });
      });
    } catch (err) {
      await db.update(paymentBatches).set({ status: 'failed', note: err instanceof JobFailure ? err.message : '生成失败' }).where(and(eq(paymentBatches.id, batch.id), eq(paymentBatches.status, 'building')));
      throw err;
    }
  }

  /** Stops an execution that cannot go on: what was paid stays paid; the batch is approved again for the rest. */
  async function haltExecution(batchId: string, note: string) {
    await db.update(paymentBatches).set({ status: 'approved', note }).where(and(eq(paymentBatches.id, batchId), eq(paymentBatches.status, 'executing')));
  }

  async function execute(job: JobRow, io: JobIo) {
    const row = await loadBatch(batchIdOf(job));
    if (!row || row.batch.status !== 'executing') return;
    const { batch } = row;
    const paidOn = batch.paidOn!;
    let actor: Actor | null = null;
    let paid = 0;
    try {
      actor = await actorFor(db, job, row.orgPath, '执行发放的人');
      const ctx = { ...services, actor, requestId: `job:${job.id}` };
      const accounts = await fundAccounts(db, batch.fundId);
      for (;;) {
        if (io.signal.aborted) throw new JobFailure('服务停止，发放已暂停；已发放的笔数保留，余下的可再次执行');
        const done = await db.transaction(async (tx) => {
          if (!(await stillHoldsJob(tx, job.id, io.instanceId))) throw new JobFailure('任务已被其他实例接管');
          const lines = await tx.select().from(paymentLines).where(and(eq(paymentLines.batchId, batch.id), eq(paymentLines.status, 'pending'))).orderBy(asc(paymentLines.lineNo)).limit(EXECUTE_CHUNK);
          for (const line of lines) await payPaymentLine(tx, ctx, { line, fundOrgId: row.fundOrgId, accounts, paidOn, memo: `${batch.name}：${line.payeeName}（${line.paymentRef}）` });
          return lines.length;
        });
        paid += done;
        io.progress({ paid });
        if (done < EXECUTE_CHUNK) break;
        await io.giveWay();
      }
      await db.update(paymentBatches).set({ status: 'executed', executedAt: services.clock.now() }).where(and(eq(paymentBatches.id, batch.id), eq(paymentBatches.status, 'executing')));
    } catch (err) {
      const insufficient = err instanceof AppError && err.details.reason === 'insufficient_funds';
      const message = insufficient ? `资金余额不足：已发放 ${paid} 笔，其余未发放` : err instanceof JobFailure ? err.message : '发放中断';
      await haltExecution(batch.id, message);
      await audit(db, { ...services, actor, requestId: `job:${job.id}` }, 'payment_batch.execute', { objectType: 'payment_batch', objectId: batch.id, orgId: batch.orgId, orgPath: row.orgPath, outcome: 'failure', details: { jobId: job.id, paid, reason: message } });
      throw insufficient ? new JobFailure(message) : err;
    }
  }

  return [
    {
      kind: PAYMENT_BUILD_JOB,
      run: build,
      async recover(job) {
        await db.delete(paymentLines).where(eq(paymentLines.batchId, batchIdOf(job)));
        await db.update(paymentBatches).set({ status: 'failed' }).where(and(eq(paymentBatches.id, batchIdOf(job)), eq(paymentBatches.status, 'building')));
      },
      async cancelled(tx, job) {
        await tx.update(paymentBatches).set({ status: 'discarded', note: '生成任务在排队时被取消' }).where(and(eq(paymentBatches.id, batchIdOf(job)), eq(paymentBatches.status, 'building')));
      },
    },
    {
      kind: PAYMENT_EXECUTE_JOB,
      run: execute,
      async recover(job) {
        await haltExecution(batchIdOf(job), '发放任务中断：已发放的笔数保留，余下的可再次执行');
      },
      async cancelled(tx, job) {
        await tx.update(paymentBatches).set({ status: 'approved', note: '发放任务在排队时被取消' }).where(and(eq(paymentBatches.id, batchIdOf(job)), eq(paymentBatches.status, 'executing')));
      },
    },
  ];
}
