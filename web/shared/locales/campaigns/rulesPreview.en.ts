import type { Widen } from '../widen.js';
import type zh from './rulesPreview.zh-CN.js';

const rulesPreview: Widen<typeof zh> = {
  title: 'Rule preview',
};

export default rulesPreview;
