import type { FastifyDynamicSwaggerOptions, SwaggerTransform } from '@fastify/swagger';
import type { FastifySchema, RouteOptions } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { HTTP_STATUS, type ErrorCode } from './errors.js';

/**
 * The OpenAPI document (`/api/docs/json`) is derived from the routes as they are registered, so a
 * route added later gets all of this without doing anything:
 *
 * - `operationId` from method and URL (`POST /api/households/:id/start-notice` →
 *   `postHouseholdsByIdStartNotice`); `summary` from the route's `schema.summary`, else a
 *   generated one (give a real one);
 * - `security`: none for `config.public` routes, the session cookie for reads, the cookie and the
 *   X-CSRF-Token header for writes (server/app.ts enforces exactly this);
 * - the error answers `{ error: { code, message, details, requestId } }` that can apply to it
 *   (see `errorStatuses`);
 * - a raw-body route (`config.rawBody`: the content types it takes) documents a binary body.
 *
 * Linted with Redocly's recommended rules in server/openapi.test.ts.
 */

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The route takes its body as raw bytes of these content types (an upload), not JSON: the
     * document shows a binary body and the bad-input test leaves it to the route's own tests.
     */
    rawBody?: readonly string[];
  }
}


/**
 * Raw-body routes registered without `config.rawBody` (code that is being moved; remove an entry
 * once its route declares the config itself).
 */
const RAW_BODY_WITHOUT_CONFIG: Record<string, readonly string[]> = {};

export const SECURITY_SCHEME_SESSION = 'sessionCookie';
export const SECURITY_SCHEME_CSRF = 'csrfHeader';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The content types a route takes as a raw body, or undefined for a JSON (or no) body. */
export function rawBodyTypes(method: string, url: string, config: { rawBody?: readonly string[] } | undefined): readonly string[] | undefined {
  return config?.rawBody ?? RAW_BODY_WITHOUT_CONFIG[`${method} ${url}`];
}

/** `POST /api/households/:id/objections/:objectionId/resolve` → `postHouseholdsByIdObjectionsByObjectionIdResolve`. */
export function operationIdFor(method: string, url: string): string {
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  const words = url
    .replace(/^\/api(?=\/|$)/, '')
    .split('/')
    .filter(Boolean)
    .map((segment) => (segment.startsWith(':') ? `By${cap(segment.slice(1))}` : segment.split(/[^A-Za-z0-9]+/).filter(Boolean).map(cap).join('')));
  return method.toLowerCase() + words.join('');
}

/** A readable fallback for a route without `schema.summary`: `Update orgs {id}`, `Post to orgs {id} move`. */
export function generatedSummary(method: string, url: string): string {
  const verb: Record<string, string> = { GET: 'Read', POST: 'Post to', PUT: 'Replace', PATCH: 'Update', DELETE: 'Delete' };
  const words = url
    .replace(/^\/api(?=\/|$)/, '')
    .split('/')
    .filter(Boolean)
    .map((segment) => (segment.startsWith(':') ? `{${segment.slice(1)}}` : segment.replace(/-/g, ' ')));
  return `${verb[method] ?? method} ${words.join(' ') || 'API root'}`;
}

interface RouteFacts {
  method: string;
  isPublic: boolean;
  hasParams: boolean;
  hasQuery: boolean;
  hasJsonBody: boolean;
  rawBody: boolean;
  rateLimited: boolean;
}

/**
 * Which error answers can apply to a route, from what it declares (over-approximating rather than
 * missing one: every code comes from the one mapper in platform/http-errors.ts).
 */
export function errorStatuses(r: RouteFacts): number[] {
  const unsafe = UNSAFE_METHODS.has(r.method);
  const takesInput = r.hasParams || r.hasQuery || r.hasJsonBody || r.rawBody;
  const statuses = new Set<number>();
  if (takesInput || unsafe) statuses.add(400); // a schema refusal; a route without a body refuses one
  if (!r.isPublic || unsafe) statuses.add(401); // no session; a public write (sign-in) checks credentials
  if (!r.isPublic) statuses.add(403); // missing permission, CSRF header, one-time password not changed
  if (!r.isPublic && takesInput) statuses.add(404); // a named record or org outside the actor's subtree is missing
  if (!r.isPublic && unsafe) {
    statuses.add(409); // duplicates, stale versions, a step not possible in the current status
    statuses.add(422); // a rule of the domain not met (notice still running, limits)
  }
  if (r.hasJsonBody || r.rawBody) statuses.add(413); // body over the limit
  if (r.rateLimited || !r.isPublic) statuses.add(429); // rate limits; LIMIT_EXCEEDED from a verb (lockout, export size)
  return [...statuses].sort();
}

const ERROR_CODES = Object.keys(HTTP_STATUS) as ErrorCode[];
const STATUS_TEXT: Record<number, string> = {
  400: 'Invalid request: the fields are named in `details.issues`',
  401: 'Not signed in (or the sign-in failed)',
  403: 'Not allowed: a missing permission (`details.permission`), the X-CSRF-Token header, or another `details.reason`',
  404: 'Not found, or outside the actor’s org subtree',
  409: 'Conflict with the current state (`details.reason`)',
  413: 'Request body too large (`details.maxBytes`)',
  422: 'A rule of the domain is not met (`details.reason`)',
  429: 'Too many requests or over a limit (`details.reason`)',
};
const codesFor = (status: number) => ERROR_CODES.filter((c) => HTTP_STATUS[c] === status || (status === 413 && c === 'LIMIT_EXCEEDED'));

/** `{ error: { code, message, details, requestId } }`: every 4xx and 5xx answer (platform/http-errors.ts). */
export const API_ERROR_SCHEMA = {
  type: 'object',
  required: ['error'],
  additionalProperties: false,
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'details', 'requestId'],
      additionalProperties: false,
      properties: {
        code: { type: 'string', enum: ERROR_CODES },
        message: { type: 'string' },
        details: {
          type: 'object',
          additionalProperties: true,
          properties: {
            issues: {
              type: 'array',
              description: 'For VALIDATION: each refused field (`body.name`, `querystring.q`, `params.id`) with what is wrong',
              items: {
                type: 'object',
                required: ['field', 'message'],
                additionalProperties: false,
                properties: { field: { type: 'string' }, message: { type: 'string' } },
              },
            },
            reason: { type: 'string' },
          },
        },
        requestId: { type: 'string', description: 'Also in the X-Request-Id header; quote it when reporting a problem' },
      },
    },
  },
} as const;

// In the content form, so a route that `produces` a file still documents its errors as JSON.
const errorResponse = (status: number) => ({
  description: `${STATUS_TEXT[status]}. \`error.code\`: ${codesFor(status).join(' or ')}`,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } },
});

/** Without a declared success answer: some 2xx (201 and 202 too), JSON of any shape or the file produced. */
function successResponse(produces: readonly string[] | undefined) {
  const file = produces?.find((type) => type !== 'application/json');
  if (file) return { description: 'The file', content: { [file]: { schema: { type: 'string', format: 'binary' } } } };
  return { description: 'Success', content: { 'application/json': { schema: {} } } };
}

/** The `openapi` part of the @fastify/swagger options. */
export function openapiDocument(opts: { sessionCookie: string }): NonNullable<FastifyDynamicSwaggerOptions['openapi']> {
  return {
    info: {
      title: 'UnionHub API',
      description:
        '职工服务平台 API. Sign in with `POST /api/auth/sign-in`: the answer sets the session cookie and gives the `csrfToken`, ' +
        'which every POST, PUT, PATCH and DELETE sends back in the X-CSRF-Token header. Every error answers ' +
        '`{ error: { code, message, details, requestId } }`.',
      version: '0.1.0',
    },
    servers: [{ url: '/', description: 'This server' }],
    components: {
      schemas: { ApiError: structuredClone(API_ERROR_SCHEMA) as never },
      securitySchemes: {
        [SECURITY_SCHEME_SESSION]: { type: 'apiKey', in: 'cookie', name: opts.sessionCookie, description: 'The session, set by POST /api/auth/sign-in (HttpOnly)' },
        [SECURITY_SCHEME_CSRF]: {
          type: 'apiKey',
          in: 'header',
          name: 'X-CSRF-Token',
          description: 'The `csrfToken` answered by sign-in and GET /api/auth/me; required on every POST, PUT, PATCH and DELETE',
        },
      },
    },
  };
}

type DocSchema = FastifySchema & {
  summary?: string;
  operationId?: string;
  security?: Array<Record<string, string[]>>;
  consumes?: readonly string[];
  produces?: readonly string[];
  hide?: boolean;
  response?: Record<string, unknown>;
};

/** The @fastify/swagger `transform`: zod to JSON Schema, then everything above. */
export const openapiTransform: SwaggerTransform = (document) => {
  const { schema: converted, url } = jsonSchemaTransform(document as never);
  const route = document.route as RouteOptions;
  const schema = { ...((converted ?? {}) as DocSchema) };
  if (schema.hide) return { schema, url };
  const source = (document.schema ?? {}) as DocSchema;
  const methods = [document.route.method].flat().map(String);
  const method = methods.find((m) => m !== 'HEAD') ?? methods[0];
  const config = (route.config ?? {}) as { public?: boolean; rawBody?: readonly string[]; rateLimit?: unknown };
  const raw = rawBodyTypes(method, route.url, config);

  schema.operationId ??= operationIdFor(method, route.url);
  schema.summary ??= generatedSummary(method, route.url);
  schema.security ??= config.public ? [] : UNSAFE_METHODS.has(method) ? [{ [SECURITY_SCHEME_SESSION]: [], [SECURITY_SCHEME_CSRF]: [] }] : [{ [SECURITY_SCHEME_SESSION]: [] }];
  if (raw && !schema.body) {
    schema.body = { type: 'string', format: 'binary', description: `The file itself as the request body (${raw.join(', ')})` };
    schema.consumes = raw;
  }
  const statuses = errorStatuses({
    method,
    isPublic: !!config.public,
    hasParams: !!source.params || route.url.includes(':'),
    hasQuery: !!source.querystring,
    hasJsonBody: !!source.body,
    rawBody: !!raw,
    rateLimited: !!config.rateLimit,
  });
  schema.response = { ...(schema.response ?? {}) };
  if (!Object.keys(schema.response).some((status) => status.startsWith('2'))) schema.response['2XX'] = successResponse(schema.produces);
  for (const status of statuses) schema.response[String(status)] ??= errorResponse(status);
  return { schema, url };
};
