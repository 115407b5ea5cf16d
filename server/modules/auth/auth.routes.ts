import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { ChangePasswordInput } from '../../../contracts/users.js';
import { orgs, users } from '../../db/schema/index.js';
import { audit } from '../../platform/audit.js';
import { requireActor } from '../../platform/authz.js';
import { noStore, typed } from '../../platform/http.js';
import { changePassword } from './change-password.js';
import { csrfTokenFor, endSession, SESSION_ABSOLUTE_MS, SESSION_COOKIE, SESSION_IDLE_MS } from './sessions.js';
import { SignInInput, signIn } from './sign-in.js';

export function registerAuthRoutes(fastify: FastifyInstance, opts: { secureCookies: boolean; dengbaoMode: boolean; signInRateLimit: number }) {
  const app = typed(fastify);

  app.post(
    '/api/auth/sign-in',
    {
      schema: { tags: ['auth'], summary: 'Sign in: sets the session cookie, answers the CSRF token', body: SignInInput },
      config: { public: true, rateLimit: { max: opts.signInRateLimit, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const result = await signIn({ ctx: req.ctx, input: req.body, userAgent: req.headers['user-agent'] });
      reply.setCookie(SESSION_COOKIE, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: opts.secureCookies,
        maxAge: SESSION_ABSOLUTE_MS / 1000,
      });
      noStore(reply);
      return { csrfToken: result.csrfToken, mustChangePassword: result.mustChangePassword, idleTimeoutSeconds: SESSION_IDLE_MS / 1000 };
    },
  );

  app.post('/api/auth/sign-out', { schema: { tags: ['auth'], summary: 'Sign out (ends the session)' } }, async (req, reply) => {
    const actor = requireActor(req.ctx);
    await req.ctx.db.transaction(async (tx) => {
      await endSession(tx, req.ctx.clock, actor.sessionTokenHash!, 'sign_out');
      await audit(tx, req.ctx, 'auth.sign_out', { objectType: 'user', objectId: actor.userId });
    });
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.get('/api/auth/me', { schema: { tags: ['auth'], summary: 'The signed-in user, permissions and CSRF token' } }, async (req, reply) => {
    const actor = requireActor(req.ctx);
    const [row] = await req.ctx.db
      .select({ displayName: users.displayName, mustChangePassword: users.mustChangePassword, orgName: orgs.name, orgNameEn: orgs.nameEn, orgCode: orgs.code })
      .from(users)
      .innerJoin(orgs, eq(orgs.id, users.orgId))
      .where(eq(users.id, actor.userId));
    noStore(reply);
    return {
      userId: actor.userId,
      username: actor.username,
      displayName: row.displayName,
      orgId: actor.orgId,
      orgName: row.orgName,
      orgNameEn: row.orgNameEn,
      orgCode: row.orgCode,
      roles: actor.roles,
      permissions: [...actor.permissions].sort(),
      mustChangePassword: row.mustChangePassword,
      csrfToken: csrfTokenFor(req.ctx.secrets, actor.sessionTokenHash!),
      idleTimeoutSeconds: SESSION_IDLE_MS / 1000,
    };
  });

  app.post('/api/auth/password', { schema: { tags: ['auth'], summary: 'Change the own password', body: ChangePasswordInput } }, async (req) =>
    changePassword({ ctx: req.ctx, input: req.body, dengbaoMode: opts.dengbaoMode }),
  );
}
