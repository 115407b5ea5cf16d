import type { Widen } from '../widen.js';
import type zh from './campaigns.zh-CN.js';

const campaigns: Widen<typeof zh> = {
  title: 'Aid campaigns',
  newCampaign: 'New campaign',
};

export default campaigns;
