import { buildApp, DEFAULT_WEB_DIST } from './app.js';
import { DataDirLockedError, openDatabase } from './db/client.js';
import { startStatisticsKeeperFor } from './db/maintenance.js';
import { loadDemoData } from './modules/demo/load-demo-data.js';
import { serveBackupRequestsFor } from './platform/backup/backup-socket.js';
import { fileOffsetClock, systemClock, type Clock } from './platform/clock.js';
import { readBuildInfo } from './platform/build-info.js';
import { loadConfig } from './platform/config.js';
import { assertSecretKeyMatches, SecretKeyMismatchError } from './platform/key-check.js';
import { deriveSecrets, loadMasterSecret } from './platform/secrets.js';

async function main() {
  const config = loadConfig();
  const build = readBuildInfo();
  console.log(`UnionHub ${build.version} (commit ${build.commit}${build.builtAt ? `, built ${build.builtAt}` : ', from source'}) on Node.js ${process.version}, NODE_ENV=${process.env.NODE_ENV ?? 'development'}`);
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir });
  const secrets = deriveSecrets(loadMasterSecret({ secretKeyHex: config.SECRET_KEY, dataDir: config.dataDir }));
  try {
    await assertSecretKeyMatches(database.db, secrets);
  } catch (err) {
    await database.close();
    throw err;
  }
  const clock: Clock = config.DEMO_CLOCK_FILE ? fileOffsetClock(config.DEMO_CLOCK_FILE) : systemClock;
  if (config.DEMO) {
    const loaded = await loadDemoData({ db: database.db, clock: systemClock, secrets });
    if (loaded) console.log(`Demo data loaded: ${loaded.orgs} orgs, ${loaded.users} demo accounts, ${loaded.households} households (see README).`);
  }
  const app = await buildApp({
    db: database.db,
    clock,
    secrets,
    secureCookies: config.SECURE_COOKIES,
    dengbaoMode: config.DENGBAO_MODE,
    webDistDir: DEFAULT_WEB_DIST,
    dataDir: config.dataDir,
    logger: { level: config.LOG_LEVEL },
    trustProxy: config.TRUST_PROXY,
    metricsToken: config.METRICS_TOKEN,
    // The embedded database is this process's alone: a job found running at start was cut short.
    exclusiveDatabase: database.kind === 'pglite',
  });
  // PGlite has no autovacuum: keep the planner's statistics current (none on PostgreSQL).
  const keeper = await startStatisticsKeeperFor(database.db, {
    onPass: (pass) => app.log.info({ ...pass, ms: Math.round(pass.ms) }, 'statistics keeper: analyzed'),
    onError: (err) => app.log.warn({ err }, 'statistics keeper failed'),
  });
  app.addHook('onClose', async () => keeper?.stop());
  // `npm run backup` asks the running server for a snapshot of the embedded database (decision 018).
  const backups = await serveBackupRequestsFor(database, config.dataDir, app.log);
  app.addHook('onClose', async () => backups?.close());
  let closing = false;
  // SIGTERM (systemd stop, a rolling restart): /readyz says 503 so the balancer sends nothing new, the
  // listening socket closes, requests in flight finish, running jobs stop at a safe point and go back
  // to the queue for another instance. Past the deadline the process exits anyway.
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.lifecycle.draining = true;
    app.log.info({ signal, deadlineMs: config.SHUTDOWN_TIMEOUT_MS }, 'stopping: finishing requests in flight');
    setTimeout(() => {
      app.log.error({ deadlineMs: config.SHUTDOWN_TIMEOUT_MS }, 'stopping: deadline passed, exiting with work unfinished');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS).unref();
    await app.close();
    await database.close();
    app.log.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.PORT, host: config.HOST });
  console.log(`UnionHub is serving http://localhost:${config.PORT} (${database.kind}${config.DEMO ? ', demo data' : ''})`);
}

main().catch((err) => {
  if (err instanceof DataDirLockedError || err instanceof SecretKeyMismatchError || (err instanceof Error && err.message.startsWith('Invalid configuration'))) {
    console.error(err.message);
  } else {
    console.error(err);
  }
  process.exit(1);
});
