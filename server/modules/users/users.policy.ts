import { ROLES, type RoleKey } from '../../../contracts/roles.js';
import type { Actor } from '../../platform/context.js';
import { AppError, conflict } from '../../platform/errors.js';

/**
 * Who may grant what. An org admin grants only business roles whose every permission it holds
 * itself; the three separated administrator roles (三员) need role.assign_any, so only a security
 * admin (who may grant any role) grants them. Nobody changes their own roles, and the separated
 * roles are never combined with each other or with business roles.
 */
export function assertMayGrant(actor: Actor, targetUserId: string, roles: RoleKey[], currentRoles: string[]) {
  if (targetUserId === actor.userId) throw conflict('own_roles', 'you cannot change your own roles');
  const changed = new Set([...roles.filter((r) => !currentRoles.includes(r)), ...currentRoles.filter((r) => !roles.includes(r as RoleKey))]);
  if (!actor.permissions.has('role.assign_any')) {
    for (const role of changed) {
      const def = ROLES[role as RoleKey];
      // An org admin holds every permission of system_admin, yet must not make one: separated roles need role.assign_any.
      const missing = !def ? [] : def.separated ? ['role.assign_any'] : def.permissions.filter((p) => !actor.permissions.has(p));
      if (missing.length > 0)
        throw new AppError('FORBIDDEN', `you cannot grant or remove ${role}: it needs permissions you lack`, {
          reason: 'role_exceeds_granter',
          role,
          missing,
        });
    }
  }
  const separated = roles.filter((r) => ROLES[r].separated);
  if (separated.length > 1 || (separated.length === 1 && roles.length > 1))
    throw conflict('separation_of_duties', 'system admin, security admin and auditor roles stand alone', { field: 'roles' });
}

/**
 * Who may act on an account (edit, move, disable, unlock, reset its password). Accounts of the three
 * separated administrators are managed by a security admin only, so a system admin cannot take over
 * the auditor by resetting a password; an org admin manages only accounts whose permissions it holds.
 */
export function assertMayManage(actor: Actor, target: { id: string; roles: string[] }) {
  if (actor.permissions.has('role.assign_any')) return;
  const targetRoles = target.roles.filter((r): r is RoleKey => r in ROLES);
  if (targetRoles.some((r) => ROLES[r].separated))
    throw new AppError('FORBIDDEN', 'accounts of separated administrators are managed by a security admin', { reason: 'separated_account' });
  const actorIsSeparatedAdmin = actor.roles.some((r) => r in ROLES && ROLES[r as RoleKey].separated);
  if (actorIsSeparatedAdmin) return;
  const missing = [...new Set(targetRoles.flatMap((r) => ROLES[r].permissions))].filter((p) => !actor.permissions.has(p));
  if (missing.length > 0)
    throw new AppError('FORBIDDEN', 'this account holds permissions you lack', { reason: 'account_exceeds_manager', missing });
}
