// Response shapes of the server routes the web app uses (the server's presenters).
import type { OrgType } from '../../contracts/orgs.js';
import type { Permission } from '../../contracts/permissions.js';

export type { OrgType, Permission };

export interface Me {
  userId: string;
  username: string;
  displayName: string;
  orgId: string;
  orgName: string;
  orgNameEn: string;
  orgCode: string;
  roles: string[];
  permissions: string[];
  mustChangePassword: boolean;
  csrfToken: string;
  idleTimeoutSeconds: number;
}

export interface SignInResult {
  csrfToken: string;
  mustChangePassword: boolean;
  idleTimeoutSeconds: number;
}

export interface Org {
  id: string;
  parentId: string | null;
  code: string;
  name: string;
  nameEn: string;
  type: OrgType;
  regionCode: string | null;
  depth: number;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface OrgTreeResponse {
  rootId: string;
  items: Org[];
}

export interface OrgStats {
  orgId: string;
  orgs: number;
  activeOrgs: number;
  users: number;
  activeUsers: number;
}

export interface RoleDef {
  key: string;
  separated: boolean;
  permissions: string[];
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  orgId: string;
  orgName: string;
  roles: string[];
  active: boolean;
  locked: boolean;
  lockedUntil: string | null;
  mustChangePassword: boolean;
  createdAt: string;
}

export type AuditOutcome = 'success' | 'denied' | 'failure';

export interface AuditEntry {
  id: number | string;
  at: string;
  actorUserId: string | null;
  actorUsername: string | null;
  actorOrgId: string | null;
  orgId: string | null;
  orgPath: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  outcome: AuditOutcome;
  requestId: string | null;
  ip: string | null;
  details: unknown;
}
