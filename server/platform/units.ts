const MiB = 1024 * 1024;

/** Bytes as megabytes (MiB) for people: "256 MB", "75.3 MB"; rounded to tenths with integer arithmetic. */
export function megabytes(bytes: number): string {
  const tenths = Math.round((bytes * 10) / MiB);
  return `${Math.floor(tenths / 10)}${tenths % 10 ? `.${tenths % 10}` : ''} MB`;
}

/** A duration for people: "830 ms", "4.2 s". */
export function duration(ms: number): string {
  if (Math.round(ms) < 1000) return `${Math.round(ms)} ms`;
  const tenths = Math.round(ms / 100);
  return `${Math.floor(tenths / 10)}.${tenths % 10} s`;
}
