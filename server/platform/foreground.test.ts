import { describe, expect, it } from 'vitest';
import { ForegroundGauge } from './foreground.js';

describe('giving way to requests', () => {
  it('returns after a turn of the event loop when nothing is in flight', async () => {
    const g = new ForegroundGauge();
    const t0 = performance.now();
    await g.giveWay(1000);
    expect(performance.now() - t0).toBeLessThan(100);
  });

  it('waits for the requests already in flight, not for those arriving meanwhile', async () => {
    const g = new ForegroundGauge();
    const early = g.started();
    let returned = false;
    const waiting = g.giveWay(5000).then(() => (returned = true));
    await new Promise((r) => setTimeout(r, 20));
    const late = g.started(); // arrives while the job waits: not waited for
    expect(returned).toBe(false);
    g.ended(early);
    await waiting;
    expect(returned).toBe(true);
    expect(g.busy).toBe(1);
    g.ended(late);
    g.ended(late); // counted once
    expect(g.busy).toBe(0);
  });

  it('never waits longer than its limit', async () => {
    const g = new ForegroundGauge();
    g.started();
    const t0 = performance.now();
    await g.giveWay(50);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(45);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});
