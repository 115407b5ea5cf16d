/** Household income in fen: annual total and monthly income per head, rounded down to the fen. */
export function householdIncome(worker: { monthlyIncomeFen: number; otherAnnualIncomeFen: number }, members: Array<{ monthlyIncomeFen: number }>) {
  const monthly = worker.monthlyIncomeFen + members.reduce((sum, m) => sum + m.monthlyIncomeFen, 0);
  const annualIncomeFen = monthly * 12 + worker.otherAnnualIncomeFen;
  const householdSize = members.length + 1;
  if (!Number.isSafeInteger(annualIncomeFen)) throw new Error('income out of range');
  return { annualIncomeFen, householdSize, incomePerHeadMonthlyFen: Math.floor(annualIncomeFen / 12 / householdSize) };
}
