/** Days of the notice left, counting today (the last day counts as 1), or 0 once it has ended; dates are 'YYYY-MM-DD' in China time. */
export function noticeDaysLeft(endsOn: string, today: string): number {
  const day = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000;
  return Math.max(0, day(endsOn) - day(today) + 1);
}
