// One Idempotency-Key per opened money form: a double click or a retry after a lost answer replays the
// first request instead of moving the money twice (server/platform/idempotency.ts).
import { useCallback, useState } from 'react';
import { isApiError } from '../../shared/api.js';

/** A random key; crypto.randomUUID exists only on HTTPS and localhost, getRandomValues everywhere. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Whether a failed request settled its key. The server keeps every answer below 500 under its key, a
 * refusal too, so the corrected form must go with a new key (or it would be told the key was used for
 * another request). After a network error, a 5xx or "still in progress" the money may or may not have
 * moved: the retry keeps the key.
 */
export function keySettledBy(err: unknown): boolean {
  if (!isApiError(err)) return false;
  if (err.status === 0 || err.status >= 500) return false;
  return err.details.reason !== 'idempotency_in_progress';
}

/** The key of a form opened once: `settle(err)` after a failure, `renew()` when it opens again or succeeds. */
export function useIdempotencyKey() {
  const [key, setKey] = useState(newIdempotencyKey);
  const renew = useCallback(() => setKey(newIdempotencyKey()), []);
  const settle = useCallback((err: unknown) => {
    if (keySettledBy(err)) setKey(newIdempotencyKey());
  }, []);
  return { key, renew, settle };
}
