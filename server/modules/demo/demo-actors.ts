import { permissionsOf } from '../../../contracts/roles.js';
import type { Db, Tx } from '../../db/client.js';
import type { Actor, Ctx } from '../../platform/context.js';
import type { Secrets } from '../../platform/secrets.js';

/** A demo account as the loader knows it: enough to act as it, or to name it in a history. */
export interface DemoUser {
  id: string;
  username: string;
  orgId: string;
  orgPath: string;
  roles: string[];
}

export function demoActor(u: DemoUser): Actor {
  return { userId: u.id, username: u.username, orgId: u.orgId, orgPath: u.orgPath, roles: u.roles, permissions: permissionsOf(u.roles) };
}

/**
 * A context in which the real verbs run as a demo account at a given moment, inside the demo load's
 * transaction (a verb's own transaction becomes a savepoint of it).
 */
export function demoCtx(tx: Tx, secrets: Secrets, user: DemoUser, at: Date): Ctx {
  return { db: tx as unknown as Db, clock: { now: () => new Date(at) }, secrets, actor: demoActor(user), requestId: 'demo-load' };
}

/** A moment in China Standard Time. */
export const chinaTime = (date: string, time = '09:00') => new Date(`${date}T${time}:00+08:00`);
