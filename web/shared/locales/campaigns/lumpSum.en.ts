import type { Widen } from '../widen.js';
import type zh from './lumpSum.zh-CN.js';

const lumpSum: Widen<typeof zh> = {
  title: 'Lump-sum batches',
};

export default lumpSum;
