import type { FundDto } from './funds.api.js';

/**
 * The funds an allocation from `from` may go to: those of an org strictly below its org. Without the org
 * tree (a user who may not read it), every fund of another org is offered and the server refuses the
 * rest, its reason shown at the field.
 */
export function allocationTargets(from: Pick<FundDto, 'id' | 'orgId'>, funds: readonly FundDto[], orgsBelowAndAt?: ReadonlySet<string>): FundDto[] {
  return funds.filter((f) => f.orgId !== from.orgId && (!orgsBelowAndAt || orgsBelowAndAt.has(f.orgId)));
}
