import type zh from './inKind.zh-CN.js';
import type { Widen } from '../widen.js';

// In-kind register: items handed out with payment batches (e.g. a suitcase), counted in pieces.
const inKind: Widen<typeof zh> = {
  title: 'In-kind issues',
  description: 'Items handed out with payment batches (e.g. a suitcase), one line each: who received it, when, in which batch. When the bank returns a payment, its item is marked returned.',
  period: 'Issued on',
  item: 'Item',
  itemPlaceholder: 'All items',
  status: 'Status',
  statusPlaceholder: 'All statuses',
  org: 'Org',
  orgPlaceholder: 'All orgs in scope',
  export: 'Export Excel',
  totals: 'Pieces by item',
  issued: 'Issued',
  returned: 'Returned',
  pieces: '{{count}} pcs',
  count: '{{count}} issues',
  empty: 'No in-kind issues in this range. Items handed out with an executed payment batch are recorded here.',
  fields: {
    issuedOn: 'Issued on',
    org: 'Org',
    recipient: 'Recipient',
    item: 'Item',
    quantity: 'Quantity',
    status: 'Status',
    batch: 'Payment batch',
    paymentRef: 'Payment reference',
  },
};
export default inKind;
