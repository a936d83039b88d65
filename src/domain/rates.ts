import { DERIVED, type DerivedMetric, type LoggedMetric } from './metrics.js';

/** Sums of logged metrics over a period (missing means nothing logged). */
export type Totals = Partial<Record<LoggedMetric, number>>;

/**
 * A rate from a period's sums, never an average of daily rates; null when there is nothing to divide by.
 * `ratio(30, 150)` → `0.2`.
 */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/** `connect_rate` = connects ÷ calls. */
export const connectRate = (t: Totals): number | null => ratio(t.connects ?? 0, t.calls ?? 0);

/** `meeting_rate` (商談化率) = meetings ÷ calls. */
export const meetingRate = (t: Totals): number | null => ratio(t.meetings ?? 0, t.calls ?? 0);

/** `win_rate` (受注率) = wins ÷ meetings. */
export const winRate = (t: Totals): number | null => ratio(t.wins ?? 0, t.meetings ?? 0);

/** `avg_deal_size` (平均受注単価) = revenue ÷ wins. */
export const avgDealSize = (t: Totals): number | null => ratio(t.revenue ?? 0, t.wins ?? 0);

/** Any derived metric from the period's sums: `derivedValue("win_rate", { wins: 5, meetings: 20 })` → `0.25`. */
export function derivedValue(key: DerivedMetric, totals: Totals): number | null {
  const def = DERIVED[key];
  return ratio(totals[def.numerator] ?? 0, totals[def.denominator] ?? 0);
}

/** Several people's totals added into one, metric by metric (a team's pipeline is its members' together). */
export function sumTotals(all: Iterable<Totals>): Totals {
  const out: Totals = {};
  for (const t of all) {
    for (const [key, value] of Object.entries(t) as [LoggedMetric, number][]) out[key] = (out[key] ?? 0) + value;
  }
  return out;
}
