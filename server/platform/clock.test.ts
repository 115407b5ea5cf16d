import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileOffsetClock } from './clock.js';

describe('fileOffsetClock (demo mode)', () => {
  it('runs ahead by the milliseconds in its file, following changes, and on time without one', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'uh-clock-')), 'offset');
    const clock = fileOffsetClock(file);
    const later = () => new Promise((r) => setTimeout(r, 150));
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(1000);
    fs.writeFileSync(file, String(7 * 24 * 3600_000));
    await later();
    expect(clock.now().getTime() - Date.now()).toBeGreaterThan(7 * 24 * 3600_000 - 1000);
    fs.writeFileSync(file, 'not a number');
    await later();
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(1000);
  });
});
