export type ErrorCode =
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'VALIDATION'
  | 'CONFLICT'
  | 'PRECONDITION_FAILED'
  | 'LIMIT_EXCEEDED'
  | 'TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'INTERNAL';

export const HTTP_STATUS: Record<ErrorCode, number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  VALIDATION: 400,
  CONFLICT: 409,
  PRECONDITION_FAILED: 422,
  LIMIT_EXCEEDED: 429,
  TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INTERNAL: 500,
};

export interface FieldIssue {
  field: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what = 'record') => new AppError('NOT_FOUND', `${what} not found`);
export const forbidden = (permission: string) =>
  new AppError('FORBIDDEN', `missing permission ${permission}`, { permission });
export const validation = (issues: FieldIssue[]) =>
  new AppError('VALIDATION', `invalid ${issues.map((i) => i.field).join(', ')}`, { issues });
export const conflict = (reason: string, message: string, extra: Record<string, unknown> = {}) =>
  new AppError('CONFLICT', message, { reason, ...extra });
export const preconditionFailed = (reason: string, message: string, extra: Record<string, unknown> = {}) =>
  new AppError('PRECONDITION_FAILED', message, { reason, ...extra });
