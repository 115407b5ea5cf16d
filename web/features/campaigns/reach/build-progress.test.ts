import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api.js';
import zhCN from '../../../shared/locales/zh-CN.js';
import { buildProgress } from './build-progress.js';
import { reachErrorMessage } from './reach-errors.js';
import type { WorklistJob } from './reach.api.js';

const job = (extra: Partial<WorklistJob>): WorklistJob => ({ id: 'j1', state: 'queued', progress: {}, error: null, queuePosition: 1, ...extra });
const zh = async () => (await i18next.createInstance().init({ lng: 'zh-CN', resources: { 'zh-CN': { translation: zhCN } } })) as never;

describe('the worklist build’s progress line', () => {
  it('says where it is, from queued to done or failed', async () => {
    const t = await zh();
    expect(buildProgress(t, job({ queuePosition: 3 }))).toEqual({ percent: 0, text: '已提交，排队中（前面还有 2 个任务）', status: 'active' });
    expect(buildProgress(t, job({ queuePosition: 1 })).text).toBe('已提交，即将开始');
    expect(buildProgress(t, job({ state: 'running', progress: { phase: 'building', households: 2500, totalHouseholds: 10000 } }))).toMatchObject({ percent: 25, text: '正在生成：已检查 2500 / 10000 户' });
    expect(buildProgress(t, job({ state: 'running', progress: { households: 10000, totalHouseholds: 10000 } })).percent).toBe(99);
    expect(buildProgress(t, job({ state: 'succeeded', progress: { phase: 'done', entries: 9, transition: 8, followUp: 1 } }))).toEqual({
      percent: 100,
      text: '名单已生成：共 9 名学生（升学或高考 8 名，往年受助回访 1 名）',
      status: 'success',
    });
    expect(buildProgress(t, job({ state: 'failed', error: '活动已结束' }))).toMatchObject({ status: 'exception', text: '生成失败：活动已结束' });
  });

  it('names the reach refusals in plain words', async () => {
    const t = await zh();
    expect(reachErrorMessage(t, new ApiError(422, 'PRECONDITION_FAILED', 'no phone', { reason: 'no_phone' }))).toBe('该户未登记手机号，不能发送短信，请改用电话或入户联系');
    expect(reachErrorMessage(t, new ApiError(422, 'PRECONDITION_FAILED', 'x', { reason: 'not_on_worklist' }))).toContain('名单');
  });
});
