import type { Widen } from '../widen.js';
import type zh from './dashboard.zh-CN.js';

const dashboard: Widen<typeof zh> = {
  title: 'Dashboard',
};

export default dashboard;
