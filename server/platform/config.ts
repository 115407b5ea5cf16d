import { z } from 'zod';
import net from 'node:net';
import path from 'node:path';

const flag = z
  .string()
  .transform((v) => v.trim().toLowerCase())
  .pipe(z.enum(['0', '1', 'true', 'false', 'yes', 'no', 'on', 'off', ''])
  )
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

/** "10.0.0.1, 10.1.0.0/16, ::1" → the list; an empty string trusts no proxy. */
const addressList = z
  .string()
  .transform((v) => v.split(',').map((a) => a.trim()).filter(Boolean))
  .superRefine((entries, ctx) => {
    const bad = entries.filter((e) => !isAddressOrCidr(e));
    if (bad.length) ctx.addIssue({ code: 'custom', message: `not an IP address or CIDR (comma-separated, e.g. 10.0.0.1,10.1.0.0/16): ${bad.join(', ')}` });
    if (entries.some((e) => e.endsWith('/0'))) ctx.addIssue({ code: 'custom', message: 'a /0 range would trust every client to name its own address' });
  });

function isAddressOrCidr(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/');
  const version = net.isIP(address);
  if (!version || rest.length) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  DEMO: flag.default(false),
  SECRET_KEY: z
    .string()
    .regex(/^[0-9a-f]{64}$/i, 'must be 64 hex characters (32 bytes)')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  SECURE_COOKIES: flag.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DENGBAO_MODE: flag.default(false),
  /** On SIGTERM, how long requests in flight and running jobs get to finish before the process exits anyway. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(25_000),
  /** Reverse proxies whose X-Forwarded-For is believed (the client address for rate limits and audit). */
  TRUST_PROXY: addressList.default([]),
  /**
   * Lets a Prometheus scraper on another host read GET /metrics with `Authorization: Bearer <token>`
   * (loopback clients need none). At least 32 printable characters, e.g. `openssl rand -hex 32`.
   */
  METRICS_TOKEN: z
    .string()
    .regex(/^[\x21-\x7e]{32,}$/, 'must be at least 32 printable ASCII characters without spaces (e.g. openssl rand -hex 32)')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /**
   * Demo mode only: a file holding a number of milliseconds the server's clock runs ahead, read as it
   * changes, so a demonstration (and the browser tests) can let a public notice period pass.
   */
  DEMO_CLOCK_FILE: z.string().min(1).optional().or(z.literal('').transform(() => undefined)),
}).refine((c) => !c.DEMO_CLOCK_FILE || c.DEMO, { path: ['DEMO_CLOCK_FILE'], message: 'only with DEMO=1 (a production clock is never moved)' });

export type Config = z.infer<typeof ConfigSchema> & { dataDir: string };

/** Reads and validates the environment; throws one readable error naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return { ...parsed.data, dataDir: path.resolve(parsed.data.DATA_DIR) };
}
