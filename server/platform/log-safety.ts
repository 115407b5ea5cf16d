/**
 * What the JSON logs (pino, through Fastify) may carry: request ids, the acting user's id, routes,
 * statuses, timings and errors — never an ID, phone or bank-card number or a name (decision 005).
 *
 * - Requests are logged by the app itself (server/app.ts), not by Fastify's automatic lines: one line
 *   when the session is known (so it carries `actorId`) and one when answered. A request is logged as
 *   its method, route pattern and path without the query string (a list's `q` holds names), with any
 *   long digit run in the path masked. Bodies, headers and cookies are never logged.
 * - Errors are logged by an allow-list of fields: drizzle's failed-query errors carry the query's
 *   parameters (`params`, and again in the message and the stack), PostgreSQL's `detail` quotes the
 *   failing row or key, and messages such as `invalid input syntax for type uuid: "…"` quote the value.
 * - As a net under all of it, every string of every log line has its runs of 11 to 19 digits (mobiles,
 *   ID numbers, bank cards, with spaces or dashes between digits) masked.
 */

/** Digits, optionally split by single spaces or dashes, ending in a digit or the ID's check letter X. */
const NUMBER_LIKE = /(?<![0-9A-Za-z])[0-9](?:[ -]?[0-9])*(?:[Xx])?(?![0-9A-Za-z])/g;
const MIN_DIGITS = 11; // a mobile number
const MAX_DIGITS = 19; // the longest bank card
export const REDACTED = '[redacted]';

/** Masks every run of 11–19 digits (a mobile, an ID number, a card, however grouped) in a text. */
export function maskPersonalNumbers(text: string): string {
  if (!/\d{3}/.test(text)) return text;
  return text.replace(NUMBER_LIKE, (token) => {
    const digits = token.replace(/[^0-9Xx]/g, '').length;
    return digits >= MIN_DIGITS && digits <= MAX_DIGITS ? REDACTED : token;
  });
}

/**
 * A quoted literal in an error message is kept only when it reads as an identifier (a constraint,
 * table or column name); anything else (a value from the input or a row) is replaced.
 */
function maskQuotedValues(message: string): string {
  return message.replace(/"((?:[^"\\]|\\.)*)"/g, (quoted, inner: string) => (/^[A-Za-z_][A-Za-z0-9_.$]*$/.test(inner) ? quoted : `"${REDACTED}"`));
}

/** The message of an error as it may be logged: drizzle's parameter list cut off, values masked. */
export function safeErrorMessage(message: string): string {
  const withoutParams = message.replace(/\nparams: [\s\S]*$/, '\nparams: [not logged]');
  return maskPersonalNumbers(maskQuotedValues(withoutParams));
}

/** Fields of an error (and of its causes) that hold no input values: PostgreSQL's code and names, Fastify's codes. */
const SAFE_ERROR_FIELDS = ['code', 'statusCode', 'constraint', 'table', 'column', 'schema', 'routine', 'severity', 'validationContext'] as const;

export interface SafeError {
  type: string;
  message: string;
  stack: string;
  cause?: SafeError;
  [field: string]: unknown;
}

/** The err serializer: an allow-list of fields; the stack keeps only its frames under the masked message. */
export function safeError(err: unknown, depth = 0): SafeError {
  if (!(err instanceof Error)) {
    const message = maskPersonalNumbers(maskQuotedValues(String(err)));
    return { type: typeof err, message, stack: message };
  }
  const type = err.constructor?.name || err.name || 'Error';
  const message = safeErrorMessage(err.message ?? '');
  const frames = (err.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  const out: SafeError = { type, message, stack: [`${type}: ${message}`, ...frames.map(maskPersonalNumbers)].join('\n') };
  for (const field of SAFE_ERROR_FIELDS) {
    const value = (err as unknown as Record<string, unknown>)[field];
    if (typeof value === 'string' || typeof value === 'number') out[field] = typeof value === 'string' ? maskPersonalNumbers(value) : value;
  }
  if (err.cause !== undefined && depth < 3) out.cause = safeError(err.cause, depth + 1);
  return out;
}

/**
 * The logged object with its strings masked and errors anywhere in it reduced by `safeError` (pino
 * serializes only the `err` key itself; an Error under another key would show its own fields).
 */
export function safeLogValue(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return maskPersonalNumbers(value);
  if (value instanceof Error) return safeError(value);
  if (!value || typeof value !== 'object') return value;
  if (seen.has(value) || depth > 6) return '[not logged]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => safeLogValue(item, depth + 1, seen));
  if (value instanceof Date) return value;
  const proto = Object.getPrototypeOf(value);
  // Only plain records are walked; anything else (a request, a buffer, a stream) is named, not dumped.
  if (proto !== null && proto !== Object.prototype) return `[${proto.constructor?.name ?? 'object'}]`;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = safeLogValue(item, depth + 1, seen);
  return out;
}

/** `/api/households?q=王建国` → `/api/households`; a long digit run in the path itself is masked. */
export function loggedPath(url: string): string {
  const path = url.split('?')[0].split('#')[0];
  return maskPersonalNumbers(path.length > 300 ? `${path.slice(0, 300)}…` : path);
}

interface LoggedRequest {
  method: string;
  url: string;
  ip?: string;
  routeOptions?: { url?: string };
}

/**
 * Fastify logger options (pino): the serializers above, and the net over every object logged.
 * `stream` takes the JSON lines instead of stdout (tests read them).
 */
export function safeLoggerOptions(opts: { level: string; stream?: { write(line: string): void } }) {
  return {
    level: opts.level,
    ...(opts.stream ? { stream: opts.stream } : {}),
    serializers: {
      req: (req: LoggedRequest) => ({ method: req.method, route: req.routeOptions?.url ?? null, path: loggedPath(req.url), remoteAddress: req.ip }),
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
      err: (err: unknown) => safeError(err),
    },
    formatters: {
      log: (object: Record<string, unknown>) => {
        // pino applies the `err` serializer after this; every other key is walked here.
        const out: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(object)) out[key] = key === 'err' || key === 'req' || key === 'res' ? value : safeLogValue(value);
        return out;
      },
    },
    hooks: {
      // The message strings ("job … failed", a caller's text) are masked too.
      logMethod(this: unknown, args: unknown[], method: (...a: unknown[]) => void) {
        method.apply(this, args.map((arg) => (typeof arg === 'string' ? maskPersonalNumbers(arg) : arg)));
      },
    },
  };
}
