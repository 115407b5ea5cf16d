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
    await audit(ctx.db, ctx, 'authz.deny', { outcome: 'denied', details: { permission } });
    throw forbidden(permission);
  }
  return actor;
}

/**
 * For a refusal decided inside a verb's transaction (a role beyond the granter's): the transaction
 * has rolled back, so the denial is logged here, as `authorize` logs a missing permission, then rethrown.
 */
export async function logDenial(ctx: Ctx, err: unknown): Promise<never> {
  if (err instanceof AppError && err.code === 'FORBIDDEN') await audit(ctx.db, ctx, 'authz.deny', { outcome: 'denied', details: err.details });
  throw err;
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

function likePrefix(path: string): string {
  if (!/^(\/\d+)+\/$/.test(path)) throw new AppError('INTERNAL', 'malformed org path');
  return path + '%';
}
