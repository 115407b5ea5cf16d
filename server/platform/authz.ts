import { sql, type SQL, type AnyColumn } from 'drizzle-orm';
import type { Permission } from '../../contracts/permissions.js';
import { orgs } from '../db/schema/index.js';
import { audit } from './audit.js';
import type { Actor, Ctx } from './context.js';
import { AppError, forbidden } from './errors.js';

export function requireActor(ctx: Ctx): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED', 'sign in required');
  return ctx.actor;
}

/**
 * The first step of every verb. A missing permission is refused with 403 and logged (outside any
 * transaction, so the denial is kept even though nothing else is written).
 */
export async function authorize(ctx: Ctx, permission: Permission): Promise<Actor> {
  const actor = requireActor(ctx);
  if (!actor.permissions.has(permission)) {
    const err = forbidden(permission);
    await logDenial(ctx, err);
    throw err;
  }
  return actor;
}

const loggedDenials = new WeakSet<object>();

/**
 * Writes `authz.deny` for a refusal, once. `authorize` calls it before any transaction; the HTTP
 * error handler calls it for every other FORBIDDEN that reaches it (a rule decided inside a verb's
 * transaction, such as maker ≠ checker or a role beyond the granter's), after the rollback — so no
 * verb has to remember to log its own refusals.
 */
export async function logDenial(ctx: Ctx | undefined, err: unknown): Promise<void> {
  if (!ctx || !(err instanceof AppError) || err.code !== 'FORBIDDEN' || loggedDenials.has(err)) return;
  loggedDenials.add(err);
  await audit(ctx.db, ctx, 'authz.deny', { outcome: 'denied', details: err.details });
}

export function hasPermission(ctx: Ctx, permission: Permission): boolean {
  return !!ctx.actor?.permissions.has(permission);
}

/** True when an org path lies inside the actor's subtree (the actor's own org included). */
export function pathInScope(actor: Actor, orgPath: string): boolean {
  return orgPath.startsWith(actor.orgPath);
}

/**
 * The one subtree filter. `orgIdColumn` holds an org id; the condition keeps rows whose org lies in
 * the actor's subtree. Every list, count, export and get in every module goes through this or
 * `orgPathInSubtree` (docs/decisions/002-org-scope.md).
 */
export function inActorSubtree(actor: Actor, orgIdColumn: AnyColumn | SQL): SQL {
  return sql`${orgIdColumn} in (select ${orgs.id} from ${orgs} where ${orgs.path} like ${likePrefix(actor.orgPath)})`;
}

export function orgPathInSubtree(actor: Actor, pathColumn: AnyColumn | SQL): SQL {
  return sql`${pathColumn} like ${likePrefix(actor.orgPath)}`;
}

export function likePrefix(path: string): string {
  if (!/^(\/\d+)+\/$/.test(path)) throw new AppError('INTERNAL', 'malformed org path');
  return path + '%';
}
