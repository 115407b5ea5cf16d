import type { Widen } from '../widen.js';
import type zh from './applications.zh-CN.js';

const applications: Widen<typeof zh> = {
  title: 'Applications',
};

export default applications;
