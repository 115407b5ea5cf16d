import { z } from 'zod';
import { IsoDate } from './funds.js';
import { codes } from './households.js';
import { text } from './text.js';

/** In-kind items handed out with a grant (a suitcase 行李箱): counted in pieces, never money. */
export const InKindIssueStatus = codes({
  issued: ['已发放', 'Issued'],
  returned: ['已退回', 'Returned'],
});

/** The in-kind register's filter: a period of issue days, an item, a status, an org of the subtree. */
export const InKindIssueQuery = z.strictObject({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  item: text().max(50).optional(),
  status: z.enum(InKindIssueStatus.keys).optional(),
  orgId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type InKindIssueQuery = z.infer<typeof InKindIssueQuery>;
