import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { AppError, HTTP_STATUS, type FieldIssue } from './errors.js';
import { uniqueViolationToConflict } from './unique-violation.js';

/** The one mapper from any thrown error to `{ error: { code, message, details, requestId } }`. */
export function sendError(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  let appError = toAppError(error, request.routeOptions.bodyLimit);
  if (appError.code === 'INTERNAL') {
    // The details (file paths, driver and system messages) go to the log only; the request id ties the two.
    request.log.error({ err: error }, 'unhandled error');
    appError = internalForClient(request.id);
  }
  const status = (error as { statusCode?: number }).statusCode === 413 ? 413 : HTTP_STATUS[appError.code];
  return reply.status(status).send({
    error: { code: appError.code, message: appError.message, details: appError.details, requestId: request.id },
  });
}

function internalForClient(requestId: string): AppError {
  return new AppError('INTERNAL', `服务器内部错误，请稍后再试，并把请求编号 ${requestId} 告诉管理员 (internal error: please try again later and give the administrator request id ${requestId})`);
}

function toAppError(error: unknown, bodyLimit: number | undefined): AppError {
  if (error instanceof AppError) return error;
  const conflict = uniqueViolationToConflict(error);
  if (conflict) return conflict;
  if (error instanceof ZodError) {
    // A verb parsed its input itself (bodies typed z.unknown() at the route): the fields are in the body.
    const issues: FieldIssue[] = error.issues.flatMap((i) => {
      const base = ['body', ...i.path.map(String)].join('.');
      if (i.code === 'unrecognized_keys') return i.keys.map((k) => ({ field: `${base}.${k}`, message: 'unknown field' }));
      return [{ field: base, message: i.message }];
    });
    return new AppError('VALIDATION', `invalid ${issues.map((i) => i.field).join(', ')}`, { issues });
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as { validationContext?: string }).validationContext ?? 'body';
    const issues: FieldIssue[] = error.validation.flatMap((v) => {
      const base = [where, ...v.instancePath.split('/').filter(Boolean)].join('.');
      const keys = (v.params as { keys?: string[] }).keys;
      if (v.keyword === 'unrecognized_keys' && keys?.length)
        return keys.map((k) => ({ field: `${base}.${k}`, message: 'unknown field' }));
      return [{ field: base, message: v.message ?? 'invalid' }];
    });
    return new AppError('VALIDATION', `invalid ${issues.map((i) => i.field).join(', ')}`, { issues });
  }
  const fe = error as FastifyError;
  if (fe?.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fe?.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || fe instanceof SyntaxError)
    return new AppError('VALIDATION', 'body is not valid JSON', { issues: [{ field: 'body', message: 'malformed JSON' }] });
  if (fe?.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return new AppError('UNSUPPORTED_MEDIA_TYPE', 'unsupported content type', { issues: [{ field: 'content-type', message: fe.message }] });
  // Fastify's own 413 does not say the limit; the client needs it to tell the user.
  if (fe?.statusCode === 413 && bodyLimit)
    return new AppError('LIMIT_EXCEEDED', `request body too large (at most ${bodyLimit} bytes)`, { issues: [{ field: 'body', message: `larger than ${bodyLimit} bytes` }], maxBytes: bodyLimit });
  if (fe?.statusCode === 413)
    return new AppError('LIMIT_EXCEEDED', 'request body too large', { issues: [{ field: 'body', message: 'too large' }] });
  if (fe?.statusCode === 429) return new AppError('LIMIT_EXCEEDED', 'too many requests, try again later');
  if (fe?.statusCode && fe.statusCode >= 400 && fe.statusCode < 500)
    return new AppError('VALIDATION', fe.message, { issues: [{ field: 'request', message: fe.message }] });
  return new AppError('INTERNAL', 'internal error');
}
