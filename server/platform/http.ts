import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

export type App = FastifyInstance & { withTypeProvider<T>(): FastifyInstance };
export const typed = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();

export const IdParams = z.strictObject({ id: z.uuid() });

/** Responses carrying personal data must not be cached anywhere (security.md). */
export function noStore(reply: FastifyReply) {
  reply.header('Cache-Control', 'no-store');
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** On the short allow-list of routes reachable without a session (tested by the route walker). */
    public?: boolean;
    /** What `:id` names, so the route walker can try ids from other subtrees. */
    resource?: string;
  }
}
