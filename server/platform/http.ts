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

/**
 * PostgreSQL text cannot hold U+0000, so a NUL character in any input string would fail in the
 * database with a 500. Returns a field holding one ('body.name', 'querystring.q'), or null. Walks
 * without recursion, so a deeply nested body cannot overflow the stack.
 */
export function fieldWithNul(value: unknown, field: string): string | null {
  type Node = { value: unknown; key: string; parent: Node | null };
  const pathOf = (node: Node) => {
    const keys: string[] = [];
    for (let n: Node | null = node; n; n = n.parent) keys.push(n.key);
    return keys.reverse().join('.');
  };
  const pending: Node[] = [{ value, key: field, parent: null }];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.key.includes('\u0000') || (typeof node.value === 'string' && node.value.includes('\u0000'))) return pathOf(node);
    if (!node.value || typeof node.value !== 'object') continue;
    const proto = Object.getPrototypeOf(node.value);
    // Arrays and plain records (parsed JSON, query strings); not buffers or streams.
    if (Array.isArray(node.value) || proto === null || Object.getPrototypeOf(proto) === null)
      for (const [key, item] of Object.entries(node.value)) pending.push({ value: item, key, parent: node });
  }
  return null;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** On the short allow-list of routes reachable without a session (tested by the route walker). */
    public?: boolean;
    /** What `:id` names, so the route walker can try ids from other subtrees. */
    resource?: string;
  }
}

/** RFC 6266 / 5987: an ASCII fallback and the real (UTF-8) name. */
export function contentDisposition(fileName: string) {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
