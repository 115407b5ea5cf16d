import { BulkStepInput } from '../../../../contracts/campaigns.js';
import { authorize, requireActor } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';
import { getApplicationInScope } from './applications.queries.js';
import { FORWARD } from './applications.policy.js';
import { applyApplicationStep } from './run-application-step.js';

/**
 * Approves (or verifies) selected applications, each in its own transaction with every check of a
 * single approval: a row that fails (maker ≠ checker, status, budget, scope) is reported and the others go on.
 */
export async function bulkApplicationStep({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const { step, ids } = BulkStepInput.parse(input);
  await authorize(ctx, FORWARD[step].permission);
  const actor = requireActor(ctx);
  const results: Array<{ id: string; ok: boolean; status?: string; error?: { code: string; message: string; reason?: unknown } }> = [];
  for (const id of [...new Set(ids)]) {
    try {
      const done = await ctx.db.transaction(async (tx) => applyApplicationStep(tx, ctx, await getApplicationInScope(tx, actor, id, { forUpdate: true }), step));
      results.push({ id, ok: true, status: done.status });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      results.push({ id, ok: false, error: { code: err.code, message: err.message, reason: err.details.reason } });
    }
  }
  return { step, succeeded: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length, results };
}
