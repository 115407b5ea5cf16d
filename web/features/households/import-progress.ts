import type { ImportJob } from './households.api.js';

export type RunningPhase = 'queued' | 'validating' | 'writing' | 'removing';

/** How far a running import is: queued, reading rows, then writing (the only phase with a known total); removing undoes a failed one. */
export function progressOf(job: ImportJob | undefined): { percent: number; phase: RunningPhase } {
  const p = job?.progress;
  if (p?.phase === 'removing') {
    const total = p.totalHouseholds ?? 0;
    return { percent: 45 + (total ? Math.floor((54 * (p.written ?? 0)) / total) : 0), phase: 'removing' };
  }
  if (p?.phase === 'writing' || (!p && job?.status === 'writing')) {
    const total = p?.totalHouseholds ?? 0;
    return { percent: 45 + (total ? Math.floor((54 * (p?.written ?? 0)) / total) : 0), phase: 'writing' };
  }
  if (p?.phase === 'validating') return { percent: 10 + Math.min(30, Math.floor(p.rowsRead / 200)), phase: 'validating' };
  if (job?.status === 'validating') return { percent: 10, phase: 'validating' };
  return { percent: 3, phase: 'queued' };
}

export const STEP_OF: Record<RunningPhase, number> = { queued: 0, validating: 1, writing: 2, removing: 2 };
