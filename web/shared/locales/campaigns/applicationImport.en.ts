import type { Widen } from '../widen.js';
import type zh from './applicationImport.zh-CN.js';

const applicationImport: Widen<typeof zh> = {
  title: 'Import applications',
};

export default applicationImport;
