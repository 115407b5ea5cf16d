// Display formatting. Times are shown in China Standard Time whatever the browser's zone;
// money is integer fen (1 yuan = 100 fen), formatted in money.ts with integer arithmetic only.

export const DISPLAY_TIME_ZONE = 'Asia/Shanghai';

const dateTimeParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: DISPLAY_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function toDate(value: string | number | Date): Date | null {
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

function parts(d: Date): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of dateTimeParts.formatToParts(d)) out[p.type] = p.value;
  return out;
}

/** 'YYYY-MM-DD HH:mm' in Asia/Shanghai ('YYYY-MM-DD HH:mm:ss' with seconds); '' for empty or invalid input. */
export function formatDateTime(value: string | number | Date | null | undefined, opts: { seconds?: boolean } = {}): string {
  if (value === null || value === undefined || value === '') return '';
  const d = toDate(value);
  if (!d) return '';
  const p = parts(d);
  const base = `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
  return opts.seconds ? `${base}:${p.second}` : base;
}

/** 'YYYY-MM-DD' in Asia/Shanghai. */
export function formatDate(value: string | number | Date | null | undefined): string {
  return formatDateTime(value).slice(0, 10);
}

// Money is formatted in money.ts (with the parsing of 元 typed into forms); kept importable from here.
export { formatWanYuan, formatYuan } from './money.js';

/** Pretty JSON for audit details and the like. */
export function formatJson(value: unknown): string {
  try {
    return JSON.stringify(value, null, 2) ?? '';
  } catch {
    return String(value);
  }
}

/** File sizes as staff read them: '820 B', '12.5 KB', '3.2 MB' (1 KB = 1024 bytes). */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
