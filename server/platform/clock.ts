import fs from 'node:fs';

/** Injected into the app so tests can move time (session timeouts, lockouts, notice periods). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export class ManualClock implements Clock {
  constructor(private current: Date = new Date()) {}
  now() {
    return new Date(this.current);
  }
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
  set(date: Date) {
    this.current = new Date(date);
  }
}

/**
 * The system clock run ahead by the number of milliseconds written in `file` (0 when absent or not a
 * number), read again at most every 100 ms as the clock is asked. Demo mode only (config DEMO_CLOCK_FILE).
 */
export function fileOffsetClock(file: string): Clock {
  let offset = 0;
  let readAt = -Infinity;
  const current = () => {
    if (Date.now() - readAt < 100) return offset;
    readAt = Date.now();
    try {
      const n = Number(fs.readFileSync(file, 'utf8').trim());
      offset = Number.isSafeInteger(n) ? n : 0;
    } catch {
      offset = 0;
    }
    return offset;
  };
  return { now: () => new Date(Date.now() + current()) };
}
