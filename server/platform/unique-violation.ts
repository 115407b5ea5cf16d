import { AppError } from './errors.js';

/** The API field (and conflict reason) behind each unique index a client can collide with. */
const UNIQUE_FIELDS: Record<string, { field: string; reason: string }> = {
  users_username_key: { field: 'username', reason: 'username_taken' },
  orgs_code_key: { field: 'code', reason: 'code_taken' },
  aid_programs_code_key: { field: 'code', reason: 'code_taken' },
  campaign_applications_one_per_student: { field: 'student', reason: 'student_already_applied' },
  campaign_grants_one_per_recipient: { field: 'student', reason: 'student_already_granted' },
  aid_follow_ups_one_per_year: { field: 'year', reason: 'follow_up_recorded' },
  lump_sum_batches_one_open: { field: 'campaignId', reason: 'batch_open' },
  job_postings_live_dedupe_key: { field: 'title', reason: 'duplicate_posting' },
  enterprises_uscc_key: { field: 'uscc', reason: 'uscc_taken' },
};

interface DriverError {
  code?: unknown;
  constraint?: unknown;
  cause?: unknown;
}

/**
 * A unique violation (SQLSTATE 23505) as a CONFLICT naming the field: two requests can both pass a
 * verb's "already taken?" check and only one insert wins. PGlite and node-postgres both report the
 * code and constraint name; drizzle wraps the driver's error in `cause`.
 */
export function uniqueViolationToConflict(error: unknown): AppError | null {
  const violation = findUniqueViolation(error);
  if (!violation) return null;
  const known = typeof violation.constraint === 'string' ? UNIQUE_FIELDS[violation.constraint] : undefined;
  if (!known) return new AppError('CONFLICT', 'a record with the same value already exists', { reason: 'duplicate' });
  return new AppError('CONFLICT', `${known.field} is already used`, { reason: known.reason, field: known.field });
}

function findUniqueViolation(error: unknown): DriverError | null {
  return findDriverError(error, '23505');
}

/** The driver's error with this SQLSTATE inside what drizzle threw (it wraps the driver's error in `cause`), or null. */
export function findDriverError(error: unknown, sqlState: string): DriverError | null {
  for (let e = error as DriverError | undefined, depth = 0; e && depth < 5; e = e.cause as DriverError | undefined, depth++)
    if (e.code === sqlState) return e;
  return null;
}
