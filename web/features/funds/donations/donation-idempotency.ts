// The header the server's money-moving donation routes take (server/platform/idempotency.ts); the key
// itself comes from the funds feature's useIdempotencyKey, one per opened form.
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
export { useIdempotencyKey } from '../idempotency-key.js';
