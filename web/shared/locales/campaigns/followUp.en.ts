import type { Widen } from '../widen.js';
import type zh from './followUp.zh-CN.js';

const followUp: Widen<typeof zh> = {
  title: 'Follow-up',
};

export default followUp;
