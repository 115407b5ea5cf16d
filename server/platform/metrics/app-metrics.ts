import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { poolStats, type Db } from '../../db/client.js';
import { countUnfinishedJobs } from './unfinished-jobs.js';

/**
 * The Prometheus metrics of one app instance, in a registry of its own (tests build many apps in one
 * process; prom-client's global registry would refuse the second set of names). Names start with
 * `unionhub_`; prom-client's process and Node.js metrics keep their usual names.
 */
export interface AppMetrics {
  registry: Registry;
  httpRequestDuration: Histogram<'method' | 'route' | 'status_code'>;
  /** By reason: unknown_user, disabled, locked (an attempt on a locked account), wrong_password. */
  signInFailures: Counter<'reason'>;
  /** Accounts locked after too many wrong passwords (sign-in or the current password of a change). */
  accountLockouts: Counter;
  jobDuration: Histogram<'kind' | 'outcome'>;
  /** The text served at GET /metrics. */
  scrape(): Promise<string>;
}

export function createAppMetrics(opts: { db: Db; jobKinds: () => string[]; onCollectError?: (err: unknown) => void }): AppMetrics {
  const registry = new Registry();
  const registers = [registry];

  const httpRequestDuration = new Histogram({
    name: 'unionhub_http_request_duration_seconds',
    help: 'Time to answer a request, by route pattern (never the raw URL), method and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers,
  });
  const signInFailures = new Counter({
    name: 'unionhub_sign_in_failures_total',
    help: 'Refused sign-ins by reason (unknown_user, disabled, locked, wrong_password)',
    labelNames: ['reason'] as const,
    registers,
  });
  const accountLockouts = new Counter({ name: 'unionhub_account_lockouts_total', help: 'Accounts locked after too many wrong passwords', registers });
  const jobDuration = new Histogram({
    name: 'unionhub_background_job_duration_seconds',
    help: 'Run time of background jobs that ended on this instance, by kind and outcome',
    labelNames: ['kind', 'outcome'] as const,
    buckets: [0.1, 0.5, 1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600],
    registers,
  });

  new Gauge({
    name: 'unionhub_background_jobs',
    help: 'Background jobs queued or running now, by kind and state (all instances sharing the database)',
    labelNames: ['kind', 'state'] as const,
    registers,
    async collect() {
      this.reset();
      for (const kind of opts.jobKinds()) for (const state of ['queued', 'running']) this.set({ kind, state }, 0);
      try {
        for (const row of await countUnfinishedJobs(opts.db)) this.set({ kind: row.kind, state: row.state }, row.n);
      } catch (err) {
        // A scrape still answers the process metrics when the database does not.
        this.reset();
        opts.onCollectError?.(err);
      }
    },
  });

  // PostgreSQL only: PGlite is one connection inside the process, so these are left out there.
  if (poolStats(opts.db)) {
    const poolGauge = (name: string, help: string, read: (s: NonNullable<ReturnType<typeof poolStats>>) => number) =>
      new Gauge({
        name,
        help,
        registers,
        collect() {
          const stats = poolStats(opts.db);
          if (stats) this.set(read(stats));
        },
      });
    poolGauge('unionhub_db_pool_connections', 'Connections the PostgreSQL pool holds open (idle or in use)', (s) => s.total);
    poolGauge('unionhub_db_pool_idle_connections', 'Open PostgreSQL connections not in use', (s) => s.idle);
    poolGauge('unionhub_db_pool_waiting_clients', 'Queries waiting for a PostgreSQL connection (the pool is at its maximum)', (s) => s.waiting);
    poolGauge('unionhub_db_pool_max_connections', 'The PostgreSQL pool’s maximum', (s) => s.max);
  }

  let processMetrics = false;
  return {
    registry,
    httpRequestDuration,
    signInFailures,
    accountLockouts,
    jobDuration,
    async scrape() {
      // Registered at the first scrape: prom-client's GC observer and event-loop monitor are never
      // released, and tests build hundreds of apps that are never scraped.
      if (!processMetrics) {
        collectDefaultMetrics({ register: registry });
        processMetrics = true;
      }
      return registry.metrics();
    },
  };
}
