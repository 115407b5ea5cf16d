import type { Db } from '../db/client.js';
import type { Permission } from '../../contracts/permissions.js';
import type { Clock } from './clock.js';
import type { JobRunner } from './jobs/job-runner.js';
import type { AppMetrics } from './metrics/app-metrics.js';
import type { Secrets } from './secrets.js';

export interface Actor {
  userId: string;
  username: string;
  orgId: string;
  /** Materialised path of the actor's org: the actor acts on orgs whose path starts with it. */
  orgPath: string;
  roles: string[];
  permissions: Set<Permission>;
  sessionTokenHash?: string;
  /** Signed in with a one-time password: only changing it is allowed until then. */
  mustChangePassword?: boolean;
  /** An enterprise's HR account acts for that enterprise only (users.enterprise_id; enterprise-scope.ts). */
  enterpriseId?: string | null;
}

/** Everything a verb needs: the database, who acts, and request facts for the audit log. */
export interface Ctx {
  db: Db;
  clock: Clock;
  secrets: Secrets;
  actor: Actor | null;
  requestId: string;
  ip?: string;
  /** The background job runner: verbs that queue a job kick it after their transaction commits. */
  jobs?: JobRunner;
  /** The app's Prometheus metrics: verbs count security events (sign-in failures, lockouts). */
  metrics?: AppMetrics;
}

export interface Services {
  db: Db;
  clock: Clock;
  secrets: Secrets;
}
