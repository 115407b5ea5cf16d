import type { UserWithOrg } from './users.queries.js';

export function presentUser(row: UserWithOrg, now: Date) {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    orgId: row.orgId,
    orgName: row.orgName,
    roles: row.roles,
    active: row.active,
    locked: !!row.lockedUntil && row.lockedUntil > now,
    lockedUntil: row.lockedUntil && row.lockedUntil > now ? row.lockedUntil.toISOString() : null,
    mustChangePassword: row.mustChangePassword,
    createdAt: row.createdAt.toISOString(),
  };
}
