import type { TFunction } from 'i18next';
import type { WorklistJob } from './reach.api.js';

/** How far a worklist build is (percent and one line), from its job as GET /api/background-jobs/:id shows it. */
export function buildProgress(t: TFunction, job: WorklistJob): { percent: number; text: string; status: 'active' | 'success' | 'exception' } {
  const p = job.progress ?? {};
  if (job.state === 'failed' || job.state === 'cancelled') return { percent: 100, text: t('reach.build.failed', { error: job.error ?? '' }), status: 'exception' };
  if (job.state === 'succeeded')
    return { percent: 100, text: t('reach.build.done', { entries: p.entries ?? 0, transition: p.transition ?? 0, followUp: p.followUp ?? 0 }), status: 'success' };
  if (job.state === 'queued')
    return { percent: 0, text: job.queuePosition && job.queuePosition > 1 ? t('reach.build.queued', { ahead: job.queuePosition - 1 }) : t('reach.build.starting'), status: 'active' };
  const total = p.totalHouseholds ?? 0;
  const done = p.households ?? 0;
  return { percent: total ? Math.min(99, Math.floor((done * 100) / total)) : 1, text: t('reach.build.running', { done, total }), status: 'active' };
}
