/**
 * A server process for the crash test (import-crash.test.ts): opens the database named by its
 * arguments, starts an import of N households as the given user, and prints a line for each
 * progress poll, so the parent can kill -9 it in the middle of writing.
 *
 *   tsx import-crash-child.ts <dataDir|postgres-url> <secretHex> <userId> <orgId> <workbook.xlsx>
 */
import fs from 'node:fs';
import { buildApp } from '../app.js';
import { openDatabase } from '../db/client.js';
import { createSession, csrfTokenFor } from '../modules/auth/sessions.js';
import { systemClock } from '../platform/clock.js';
import { deriveSecrets } from '../platform/secrets.js';

const [where, secretHex, userId, orgId, workbook] = process.argv.slice(2);
const postgres = where.startsWith('postgres');
const database = await openDatabase(postgres ? { databaseUrl: where } : { dataDir: where });
const secrets = deriveSecrets(Buffer.from(secretHex, 'hex'));
const app = await buildApp({ db: database.db, clock: systemClock, secrets, dataDir: postgres ? undefined : where, exclusiveDatabase: !postgres, jobs: { heartbeatMs: 200 } });
const { token, tokenHash } = await createSession(database.db, systemClock, userId, {});
const headers = { cookie: `uh_session=${token}`, 'x-csrf-token': csrfTokenFor(secrets, tokenHash) };
const res = await app.inject({
  method: 'POST',
  url: `/api/household-imports?orgId=${orgId}&filename=crash.xlsx`,
  headers: { ...headers, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  payload: fs.readFileSync(workbook),
});
if (res.statusCode !== 202) throw new Error(res.body);
const { id } = res.json();
for (;;) {
  const imp = (await app.inject({ method: 'GET', url: `/api/household-imports/${id}`, headers })).json();
  console.log(JSON.stringify({ id, status: imp.status, written: imp.progress?.written ?? 0 }));
  await new Promise((r) => setTimeout(r, 100));
}
