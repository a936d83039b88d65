import type { Day } from './days.js';
import type { MetricDef } from './metrics.js';

/**
 * A period's values of the logged metrics, for one person or several added up: the numbers every
 * KPI, rate and report is computed from.
 */
export interface Totals {
  /** Flows summed over the period; snapshots at their latest value on or before its last day (carried forward). */
  readonly values: Readonly<Record<string, number>>;
  /** Snapshots at their latest value on or before the period's first day: a rate's base "at period start". */
  readonly atStart: Readonly<Record<string, number>>;
  /** The day each snapshot in `values` was logged; for several people added up, the oldest of them. */
  readonly asOf: Readonly<Record<string, Day>>;
}

export const NO_TOTALS: Totals = { values: {}, atStart: {}, asOf: {} };

/** Totals of flows only, as a day's or a test's numbers: `flowTotals({ calls: 40 })`. */
export function flowTotals(values: Readonly<Record<string, number>>): Totals {
  return { values, atStart: {}, asOf: {} };
}

/**
 * A rate from a period's sums, never an average of daily rates; null when there is nothing to divide by.
 * `ratio(30, 150)` → `0.2`.
 */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/** A rate's two sides in a period: `{ numerator: 30, denominator: 150 }` for 30 meetings of 150 calls. */
export function rateParts(def: MetricDef, totals: Totals): { numerator: number; denominator: number | null } {
  const f = def.formula!;
  const numerator = f.numerator.reduce((sum, key) => sum + (totals.values[key] ?? 0), 0);
  const denominator = (f.denominatorAt === 'start' ? totals.atStart : totals.values)[f.denominator] ?? null;
  return { numerator, denominator };
}

/**
 * A metric's value in a period: a flow's sum (0 with no entries), a snapshot's latest value (null
 * when never logged), a rate by its formula (null with nothing to divide by).
 * `metricValue(win_rate, flowTotals({ wins: 5, meetings: 20 }))` → `0.25`.
 */
export function metricValue(def: MetricDef, totals: Totals): number | null {
  if (def.kind === 'flow') return totals.values[def.key] ?? 0;
  if (def.kind === 'snapshot') return totals.values[def.key] ?? null;
  const { numerator, denominator } = rateParts(def, totals);
  return denominator === null ? null : ratio(numerator, denominator);
}

/** Whether anything was logged for a metric's inputs in a period (a rate of inputs nobody logged says nothing). */
export function hasInputs(def: MetricDef, totals: Totals): boolean {
  if (!def.formula) return totals.values[def.key] !== undefined;
  const f = def.formula;
  return f.numerator.some((k) => totals.values[k] !== undefined) && (f.denominatorAt === 'start' ? totals.atStart : totals.values)[f.denominator] !== undefined;
}

/** Whether anything was logged from `since` on: a flow's value, or a snapshot dated then (not one carried forward from before). */
export function loggedSince(totals: Totals, since: Day): boolean {
  return Object.keys(totals.values).some((k) => totals.asOf[k] === undefined || totals.asOf[k]! >= since);
}

/**
 * Several people's totals added into one, metric by metric: sums add, snapshots add their latest
 * values (a team's pipeline is its members' together), and a snapshot is as old as its oldest part.
 */
export function sumTotals(all: Iterable<Totals>): Totals {
  const values: Record<string, number> = {};
  const atStart: Record<string, number> = {};
  const asOf: Record<string, Day> = {};
  for (const t of all) {
    for (const [key, value] of Object.entries(t.values)) values[key] = (values[key] ?? 0) + value;
    for (const [key, value] of Object.entries(t.atStart)) atStart[key] = (atStart[key] ?? 0) + value;
    for (const [key, day] of Object.entries(t.asOf)) if (asOf[key] === undefined || day < asOf[key]!) asOf[key] = day;
  }
  return { values, atStart, asOf };
}

/** The sums of a read's totals by member, worked out once per read: a team's KPIs are each read over the same sum. */
const summed = new WeakMap<ReadonlyMap<string, Totals>, Totals>();

/** Everyone's totals in a read by member, added up (`sumTotals` of its values, once per read). */
export function sumOfAll(byMember: ReadonlyMap<string, Totals>): Totals {
  let sum = summed.get(byMember);
  if (sum === undefined) summed.set(byMember, (sum = sumTotals(byMember.values())));
  return sum;
}

/** Totals with every flow multiplied by `factor` (four weeks as one average week); snapshots stay as they are. */
export function scaleTotals(t: Totals, factor: number): Totals {
  const values = Object.fromEntries(Object.entries(t.values).map(([k, v]) => [k, t.asOf[k] === undefined ? v * factor : v]));
  return { values, atStart: t.atStart, asOf: t.asOf };
}
