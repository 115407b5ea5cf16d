import type { Widen } from '../widen.js';
import type zh from './reach.zh-CN.js';

const reach: Widen<typeof zh> = {
  title: 'Reach',
};

export default reach;
