import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hasLoneSurrogate, LONE_SURROGATE_MESSAGE } from '../../contracts/text.js';

export type App = FastifyInstance & { withTypeProvider<T>(): FastifyInstance };
export const typed = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();

export const IdParams = z.strictObject({ id: z.uuid() });
/** A route that takes no query parameters: any sent are refused (400), not ignored. */
export const NoQuery = z.strictObject({});

/** Responses carrying personal data must not be cached anywhere (security.md). */
export function noStore(reply: FastifyReply) {
  reply.header('Cache-Control', 'no-store');
}

/**
 * Text PostgreSQL cannot store as sent: U+0000 (text refuses it) and a lone UTF-16 surrogate
 * (`"\ud800"` in JSON: jsonb refuses it, text turns it into U+FFFD). Either would fail with a 500
 * or be stored changed. Returns the first field holding one ('body.name', 'querystring.q') with
 * what is wrong, or null. Keys are checked too. Walks without recursion, so a deeply nested body
 * cannot overflow the stack. Field schemas refuse more (contracts/text.ts); this is the net under
 * every route, schema or not.
 */
export function fieldWithBadText(value: unknown, field: string): { field: string; message: string } | null {
  type Node = { value: unknown; key: string; parent: Node | null };
  const pathOf = (node: Node) => {
    const keys: string[] = [];
    for (let n: Node | null = node; n; n = n.parent) keys.push(n.key);
    return keys.reverse().join('.');
  };
  const problem = (s: string) => (s.includes('\u0000') ? NUL_MESSAGE : hasLoneSurrogate(s) ? LONE_SURROGATE_MESSAGE : null);
  const pending: Node[] = [{ value, key: field, parent: null }];
  while (pending.length > 0) {
    const node = pending.pop()!;
    const message = problem(node.key) ?? (typeof node.value === 'string' ? problem(node.value) : null);
    if (message) return { field: pathOf(node), message };
    if (!node.value || typeof node.value !== 'object') continue;
    const proto = Object.getPrototypeOf(node.value);
    // Arrays and plain records (parsed JSON, query strings); not buffers or streams.
    if (Array.isArray(node.value) || proto === null || Object.getPrototypeOf(proto) === null)
      for (const [key, item] of Object.entries(node.value)) pending.push({ value: item, key, parent: node });
  }
  return null;
}

const NUL_MESSAGE = 'must not contain the NUL character (U+0000)';

/**
 * A route that declares no body takes none: the fields of a JSON body sent anyway (each an
 * "unknown field", as a strict body schema would name them), or null. An empty object is accepted
 * (clients send `{}`); raw bodies (buffers) are the route's own business.
 */
export function unexpectedBodyIssues(body: unknown): Array<{ field: string; message: string }> | null {
  if (body === undefined || body === null || body === '' || Buffer.isBuffer(body)) return null;
  if (typeof body === 'object' && !Array.isArray(body)) {
    const keys = Object.keys(body);
    return keys.length ? keys.map((key) => ({ field: `body.${key}`, message: 'unknown field' })) : null;
  }
  return [{ field: 'body', message: 'this route takes no body' }];
}

/**
 * An API route that declares no query string takes none: each parameter sent anyway is an
 * "unknown field", as the strict query schemas of the other routes name them, or null.
 */
export function unexpectedQueryIssues(query: unknown): Array<{ field: string; message: string }> | null {
  const keys = query && typeof query === 'object' ? Object.keys(query) : [];
  return keys.length ? keys.map((key) => ({ field: `querystring.${key}`, message: 'unknown field' })) : null;
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

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Headers of an .xlsx download (personal or money data: never cached). */
export function sendXlsx(reply: { header(k: string, v: string): unknown }, filename: string) {
  reply.header('Content-Type', XLSX_MIME);
  reply.header('Content-Disposition', contentDisposition(filename));
  reply.header('Cache-Control', 'no-store');
}
