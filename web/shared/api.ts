// The one HTTP client of the web app.
// - Cookies travel same-origin only; the session cookie is HttpOnly and never seen here.
// - The CSRF token lives in this module's memory only (never localStorage/sessionStorage): it is
//   re-read from /api/auth/me after a reload, so nothing about the session is persisted in the browser.
// - Every non-2xx answer becomes an ApiError carrying the server's { code, message, details, requestId }.

export interface FieldIssue {
  field: string;
  message: string;
}

export type ApiErrorDetails = Record<string, unknown> & {
  issues?: FieldIssue[];
  reason?: string;
  field?: string;
};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ApiErrorDetails = {},
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isApiError(err: unknown): err is ApiError {
  return err instanceof ApiError;
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

let unauthenticatedHandler: () => void = () => window.location.assign('/login');

/** What to do when the server answers 401 (the session ended): the app registers a router-aware handler. */
export function setUnauthenticatedHandler(handler: () => void): () => void {
  const previous = unauthenticatedHandler;
  unauthenticatedHandler = handler;
  return () => {
    unauthenticatedHandler = previous;
  };
}

const activityListeners = new Set<() => void>();

/** Called after every successful request: the server's idle timer was touched. */
export function onApiActivity(listener: () => void): () => void {
  activityListeners.add(listener);
  return () => activityListeners.delete(listener);
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
  /** Default true. False for calls where 401 is an expected answer (sign-in, restoring the session). */
  redirectOn401?: boolean;
  /** Extra request headers, e.g. an Idempotency-Key on money-moving requests. */
  headers?: Record<string, string>;
}

interface RawBody {
  /** Sent as it is (a file), with this Content-Type, instead of JSON. */
  raw?: { body: Blob; contentType: string };
}

export function toQueryString(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function toApiError(res: Response, body: unknown): ApiError {
  const err = (body as { error?: { code?: string; message?: string; details?: ApiErrorDetails; requestId?: string } } | undefined)?.error;
  const requestId = err?.requestId ?? res.headers.get('X-Request-Id') ?? undefined;
  if (err?.code) return new ApiError(res.status, err.code, err.message ?? err.code, err.details ?? {}, requestId);
  return new ApiError(res.status, res.status >= 500 ? 'INTERNAL' : 'HTTP_' + res.status, res.statusText || `HTTP ${res.status}`, {}, requestId);
}

async function request<T>(method: string, path: string, opts: RequestOptions & RawBody = {}): Promise<T> {
  const headers: Record<string, string> = { ...opts.headers, Accept: 'application/json' };
  const hasBody = opts.body !== undefined;
  if (opts.raw) headers['Content-Type'] = opts.raw.contentType;
  else if (hasBody) headers['Content-Type'] = 'application/json';
  if (UNSAFE_METHODS.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let res: Response;
  try {
    res = await fetch(path + toQueryString(opts.query), {
      method,
      headers,
      body: opts.raw ? opts.raw.body : hasBody ? JSON.stringify(opts.body) : undefined,
      credentials: 'same-origin',
      cache: 'no-store',
      signal: opts.signal,
    });
  } catch (cause) {
    if ((cause as Error)?.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK', 'network error');
  }

  const body = await readJson(res);
  if (res.ok) {
    for (const listener of activityListeners) listener();
    return body as T;
  }
  const error = toApiError(res, body);
  if (res.status === 401 && opts.redirectOn401 !== false) {
    csrfToken = null;
    unauthenticatedHandler();
  }
  throw error;
}

export const api = {
  get: <T>(path: string, opts?: Omit<RequestOptions, 'body'>) => request<T>('GET', path, opts),
  post: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('POST', path, { ...opts, body }),
  put: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('PUT', path, { ...opts, body }),
  patch: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('PATCH', path, { ...opts, body }),
  delete: <T>(path: string, opts?: RequestOptions) => request<T>('DELETE', path, opts),
  /** POSTs a file as the raw request body (e.g. an .xlsx upload), with the CSRF token like every other write. */
  postRaw: <T>(path: string, body: Blob, contentType: string, opts?: Omit<RequestOptions, 'body'>) =>
    request<T>('POST', path, { ...opts, raw: { body, contentType } }),
};

export type { Page } from '../../contracts/pagination.js';
