import type { TestApp } from './test-app.js';

/**
 * How the route walker makes one record of each resource kind inside a fixture org. A module whose
 * routes declare `config: { resource: 'x' }` adds a maker for 'x' here.
 */
export const RESOURCE_MAKERS: Record<string, (t: TestApp, orgName: string) => Promise<string>> = {
  org: async (t, orgName) => t.orgs[orgName].id,
  user: async (t, orgName) => t.createUser(`walk-${orgName.toLowerCase()}-${Math.random().toString(36).slice(2, 8)}`, orgName, ['caseworker']),
};

/**
 * A valid body for every route that takes one, aimed at `target` where the body names an org. The
 * walker fails when a route with a body has no entry, so every new route gets scope-tested.
 */
export const SAMPLE_BODIES: Record<string, (t: TestApp, target: string) => unknown> = {
  'POST /api/auth/sign-in': () => ({ username: 'nobody', password: 'irrelevant-password' }),
  'POST /api/auth/password': () => ({ currentPassword: 'wrong-current-pw', newPassword: 'a-new-password-long' }),
  'POST /api/orgs': (t, target) => ({ parentId: t.orgs[target].id, code: `W-${target}-${Math.random().toString(36).slice(2, 7)}`.toUpperCase(), name: `新组织${Math.random()}`, type: 'grassroots_union' }),
  'PATCH /api/orgs/:id': () => ({ nameEn: 'Renamed by walker' }),
  'POST /api/orgs/:id/move': (t) => ({ newParentId: t.orgs.E.id }),
  'POST /api/users': (t, target) => ({ orgId: t.orgs[target].id, username: `nu${Math.random().toString(36).slice(2, 8)}`, displayName: '新用户', roles: [] }),
  'PATCH /api/users/:id': () => ({ displayName: '改名' }),
  'PUT /api/users/:id/roles': () => ({ roles: ['caseworker'] }),
};

/** Routes without `:id` whose body names the target org: out of scope they must answer 404. */
export const BODY_SCOPED_ROUTES = new Set(['POST /api/orgs', 'POST /api/users']);

/** Reachable without a session. Anything else public fails the walker. */
export const PUBLIC_ALLOW_LIST = new Set(['GET /api/health', 'POST /api/auth/sign-in']);
