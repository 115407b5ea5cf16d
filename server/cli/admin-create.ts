/**
 * Creates an administrator account and prints its one-time password (the only way into a production
 * start, which has no default accounts). On an empty database it also creates the root org.
 *
 *   npm run admin:create -- --username admin --role system_admin [--org-code JZ --org-name 焦作市总工会]
 *
 * With the embedded database, stop the server first: the data directory is locked while it runs.
 */
import { parseArgs } from 'node:util';
import { eq, isNull } from 'drizzle-orm';
import { isRoleKey } from '../../contracts/roles.js';
import { Username } from '../../contracts/users.js';
import { DataDirLockedError, openDatabase } from '../db/client.js';
import { orgs, userRoles, users } from '../db/schema/index.js';
import { audit } from '../platform/audit.js';
import { systemClock } from '../platform/clock.js';
import { loadConfig } from '../platform/config.js';
import { assertSecretKeyMatches } from '../platform/key-check.js';
import { generateOneTimePassword, hashPassword } from '../platform/passwords.js';
import { deriveSecrets, loadMasterSecret } from '../platform/secrets.js';
import { insertOrg } from '../modules/orgs/create-org.js';

async function main() {
  const { values } = parseArgs({
    options: {
      username: { type: 'string', default: 'admin' },
      'display-name': { type: 'string', default: '系统管理员' },
      role: { type: 'string', default: 'system_admin' },
      'org-code': { type: 'string' },
      'org-name': { type: 'string' },
    },
  });
  const username = Username.safeParse(values.username);
  if (!username.success) throw new Error(`--username: ${username.error.issues[0].message}`);
  if (!isRoleKey(values.role!)) throw new Error(`--role: one of system_admin, security_admin, auditor, org_admin, …`);
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir });
  const secrets = deriveSecrets(loadMasterSecret({ secretKeyHex: config.SECRET_KEY, dataDir: config.dataDir }));
  try {
    await assertSecretKeyMatches(database.db, secrets);
    const db = database.db;
    let [root] = values['org-code'] ? await db.select().from(orgs).where(eq(orgs.code, values['org-code'].toUpperCase())) : await db.select().from(orgs).where(isNull(orgs.parentId));
    if (!root) {
      if (!values['org-code'] || !values['org-name']) throw new Error('the database has no org yet: pass --org-code and --org-name for the root (the city federation)');
      root = await insertOrg(db, null, { code: values['org-code'].toUpperCase(), name: values['org-name'], type: 'city_federation' });
      console.log(`Created the root org ${root.name} (${root.code}).`);
    }
    const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.username, username.data));
    if (taken) throw new Error(`the username ${username.data} is already used`);
    const oneTimePassword = generateOneTimePassword();
    const passwordHash = await hashPassword(oneTimePassword);
    await db.transaction(async (tx) => {
      const [user] = await tx.insert(users).values({ orgId: root.id, username: username.data, displayName: values['display-name']!, passwordHash, mustChangePassword: true }).returning();
      await tx.insert(userRoles).values({ userId: user.id, roleKey: values.role! });
      const ctx = { db, clock: systemClock, secrets, actor: null, requestId: 'cli:admin-create' };
      await audit(tx, ctx, 'user.create', { objectType: 'user', objectId: user.id, orgId: root.id, orgPath: root.path, details: { username: user.username, roles: [values.role], via: 'admin:create' } });
    });
    console.log(`Created ${values.role} ${username.data} at ${root.name}.`);
    console.log(`One-time password (shown once; it must be changed at first sign-in): ${oneTimePassword}`);
  } finally {
    await database.close();
  }
}

main().catch((err) => {
  console.error(err instanceof DataDirLockedError ? err.message : `admin:create failed: ${(err as Error).message}`);
  process.exit(1);
});
