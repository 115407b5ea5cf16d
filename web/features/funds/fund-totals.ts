/** The figures of a fund, as GET /api/funds and /api/funds/:id give them (integer fen). */
export interface FundFigures {
  raisedFen: number;
  allocatedOutFen: number;
  paidFen: number;
  balanceFen: number;
}

/**
 * Totals over the funds of a subtree. An allocation only ever goes from a fund to one of an org below
 * it, so every allocation out of a listed fund lands in another listed fund: across the list it is
 * neither raised nor allocated out, it nets out (as on the reconciliation page).
 */
export function subtreeTotals(funds: readonly FundFigures[]): FundFigures {
  const sum = (k: keyof FundFigures) => funds.reduce((s, f) => s + f[k], 0);
  const internal = sum('allocatedOutFen');
  return { raisedFen: sum('raisedFen') - internal, allocatedOutFen: 0, paidFen: sum('paidFen'), balanceFen: sum('balanceFen') };
}

/** 筹集 = 下拨 + 发放 + 余额: the identity every fund keeps. */
export function identityHolds(f: FundFigures): boolean {
  return f.raisedFen === f.allocatedOutFen + f.paidFen + f.balanceFen;
}
