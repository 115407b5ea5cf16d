import { toQueryString } from '../../../shared/api.js';
import { isApplicationStatus } from './application-labels.js';
import { filterQuery, type ApplicationListParams, type ApplicationSort } from './applications.api.js';

export const SORTABLE: readonly ApplicationSort[] = ['createdAt', 'updatedAt', 'applicationNo', 'studentName', 'amountFen', 'status'];
export const DEFAULT_SORT: ApplicationSort = 'createdAt';
export const PAGE_SIZES = [10, 20, 50, 100];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The list's state from the address (anything unknown falls back to the defaults); a campaign's tab fixes the campaign. */
export function paramsFrom(sp: URLSearchParams, fixedCampaignId?: string): ApplicationListParams {
  const num = (k: string, d: number) => {
    const n = Number(sp.get(k));
    return Number.isInteger(n) && n > 0 ? n : d;
  };
  const sort = sp.get('sort') ?? '';
  const status = (sp.get('status') ?? '').split(',').filter(isApplicationStatus);
  const filed = sp.get('filed');
  const uuid = (k: string) => (UUID.test(sp.get(k) ?? '') ? sp.get(k)! : undefined);
  return {
    page: num('page', 1),
    pageSize: PAGE_SIZES.includes(num('pageSize', 20)) ? num('pageSize', 20) : 20,
    sort: (SORTABLE as readonly string[]).includes(sort) ? (sort as ApplicationSort) : DEFAULT_SORT,
    order: sp.get('order') === 'asc' ? 'asc' : 'desc',
    q: sp.get('q')?.trim().slice(0, 50) || undefined,
    campaignId: fixedCampaignId ?? uuid('campaignId'),
    orgId: uuid('orgId'),
    status: status.length ? status : undefined,
    schoolStage: sp.get('schoolStage') || undefined,
    filed: filed === 'true' ? true : filed === 'false' ? false : undefined,
  };
}

/**
 * The address for a list state, defaults left out. `keep` names parameters of the page around the
 * list (a campaign page's `tab`) that stay as they are; a fixed campaign is not repeated.
 */
export function toSearch(p: ApplicationListParams, opts: { current?: URLSearchParams; keep?: readonly string[]; fixedCampaignId?: string } = {}): string {
  const kept = Object.fromEntries((opts.keep ?? []).map((k) => [k, opts.current?.get(k) ?? undefined]));
  return toQueryString({
    ...kept,
    ...filterQuery({ ...p, campaignId: opts.fixedCampaignId ? undefined : p.campaignId }),
    page: p.page === 1 ? undefined : p.page,
    pageSize: p.pageSize === 20 ? undefined : p.pageSize,
    sort: p.sort === DEFAULT_SORT ? undefined : p.sort,
    order: p.order === 'desc' ? undefined : p.order,
  });
}
