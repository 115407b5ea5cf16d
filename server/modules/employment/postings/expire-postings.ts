import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { audit } from '../../../platform/audit.js';
import type { Services } from '../../../platform/context.js';
import { chinaDate } from '../../../platform/dates.js';

/** Postings expired per transaction, so a day when thousands lapse never holds the embedded engine long. */
const EXPIRE_CHUNK = 500;
/** How often the sweep runs (the board hides a lapsed posting at once anyway: its reads check valid_until). */
export const EXPIRY_SWEEP_EVERY_MS = 10 * 60_000;

/**
 * Moves published postings past their last day (valid_until before today, China date) to expired,
 * each with its audit row (no actor: the platform did it). Safe to run on several instances at once.
 */
export async function expireLapsedPostings(services: Services): Promise<number> {
  const { db, clock } = services;
  const ctx = { ...services, actor: null, requestId: 'sweep:job_postings' };
  let expired = 0;
  for (;;) {
    const now = clock.now();
    const today = chinaDate(now);
    const done = await db.transaction(async (tx) => {
      const at = now.toISOString();
      const rows = (await tx.execute(sql`
        update job_postings p set status = 'expired', closed_at = ${at}::timestamptz, updated_at = ${at}::timestamptz, version = p.version + 1
        from orgs o
        where o.id = p.org_id and p.id in (
          select id from job_postings where status = 'published' and valid_until < ${today}
          order by valid_until, id limit ${EXPIRE_CHUNK} for update skip locked)
        returning p.id, p.org_id, o.path, p.valid_until::text as valid_until`)) as unknown as { rows: Array<{ id: string; org_id: string; path: string; valid_until: string }> };
      for (const r of rows.rows) await audit(tx, ctx, 'job_posting.expire', { objectType: 'job_posting', objectId: r.id, orgId: r.org_id, orgPath: r.path, details: { validUntil: r.valid_until } });
      return rows.rows.length;
    });
    expired += done;
    if (done < EXPIRE_CHUNK) return expired;
  }
}

/** Runs the sweep when the app is ready and every EXPIRY_SWEEP_EVERY_MS after, until it closes. */
export function registerPostingExpiry(app: FastifyInstance, services: Services) {
  let timer: NodeJS.Timeout | undefined;
  const sweep = () => expireLapsedPostings(services).catch((err: unknown) => app.log.warn({ err }, 'job posting expiry sweep failed'));
  app.addHook('onReady', async () => {
    void sweep();
    timer = setInterval(() => void sweep(), EXPIRY_SWEEP_EVERY_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => clearInterval(timer));
}
