import { countWorkdays, type WorkCalendar } from './calendar.js';
import { addDays, maxDay, minDay, type Day } from './days.js';
import type { Better, MetricDef } from './metrics.js';
import type { Period } from './periods.js';
import type { PeriodTarget, StatedTarget } from './targets.js';

export { ceilCount } from './rounding.js';

/**
 * Where a metric stands against its target in a period, as of a day: attainment, pace, forecast
 * and what each remaining workday needs. Every function takes the day and the calendar as
 * arguments; "as of" a day means through the end of that day.
 */

/**
 * Actual against target as a fraction (1 = reached). Higher-better: actual ÷ target, null for a
 * target of 0 or less. Lower-better: 1 while actual stays at or under the target, then target ÷ actual.
 * `attainment(600, 1000, "higher")` → `0.6`; `attainment(0.08, 0.05, "lower")` → `0.625`.
 */
export function attainment(actual: number, target: number, better: Better): number | null {
  if (better === 'lower') return actual <= target ? 1 : target / actual;
  return target > 0 ? actual / target : null;
}

/** Whether the target is reached, respecting the good direction: `isReached(4, 5, "lower")` → true. */
export function isReached(actual: number, target: number, better: Better): boolean {
  return better === 'lower' ? actual <= target : actual >= target;
}

/**
 * Whether a metric is paced over the workdays of a period: flows are (50 calls a day is 950 in a
 * 19-workday month); snapshots and rates are not (the pipeline's value is not more in a longer month).
 */
export const isPaced = (def: MetricDef): boolean => def.kind === 'flow';

/** Workdays of a period: `totalWorkdays(November 2026, jp Mon–Fri)` → `19`. */
export function totalWorkdays(period: Period, calendar: WorkCalendar): number {
  return countWorkdays(period.start, period.end, calendar);
}

/**
 * Workdays of a period through the end of `asOf`: 0 before the period, all of them after it.
 * `elapsedWorkdays(November 2026, "2026-11-20", jp Mon–Fri)` → `13`.
 */
export function elapsedWorkdays(period: Period, asOf: Day, calendar: WorkCalendar): number {
  return countWorkdays(period.start, minDay(asOf, period.end), calendar);
}

/**
 * Workdays of a period still ahead after `asOf`, in (asOf, period.end].
 * `remainingWorkdays(November 2026, "2026-11-20", jp Mon–Fri)` → `6`.
 */
export function remainingWorkdays(period: Period, asOf: Day, calendar: WorkCalendar): number {
  return countWorkdays(maxDay(addDays(asOf, 1), period.start), period.end, calendar);
}

/**
 * Where the period ends if the pace so far holds: actual ÷ elapsed × total; null before the first workday.
 * `forecast(600, 13, 19)` → `876.92…`.
 */
export function forecast(actual: number, elapsed: number, total: number): number | null {
  return elapsed > 0 ? (actual * total) / elapsed : null;
}

/**
 * What each remaining workday needs to reach the target, exact (see `ceilCount` to round up);
 * 0 once reached, null when no workday remains.
 * `neededPerWorkday(1000, 600, 6)` → `66.66…`.
 */
export function neededPerWorkday(target: number, actual: number, remaining: number): number | null {
  return remaining > 0 ? Math.max(0, target - actual) / remaining : null;
}

/**
 * Whether what a period asks is far above a person's recent pace, more than twice it: past a stretch,
 * so a message says the realistic view instead of "on pace" (seed 001, SMART: achievable).
 * `isFarAbovePace(14, 1.5)` → true; `isFarAbovePace(3, 1.5)` → false.
 */
export function isFarAbovePace(need: number, pace: number): boolean {
  return pace > 0 && need > 2 * pace;
}

/** Where one metric stands in a period as of a day. Shares of the target are fractions (0.6 = 60%). */
export interface Progress {
  readonly metric: MetricDef;
  readonly period: Period;
  readonly asOf: Day;
  /** The target for this period (day by day as it was in force); null when there is none. */
  readonly target: number | null;
  /** The target as set, when this period restates a rate or limit set for another (a yearly churn limit). */
  readonly stated: StatedTarget | null;
  /** The period's value so far; null for a rate with nothing to divide by or a snapshot never logged. */
  readonly actual: number | null;
  /** The day a snapshot's value was logged (it carries forward until the next); null for flows and rates. */
  readonly actualAsOf: Day | null;
  readonly attainment: number | null;
  /** The pace: what the target asked of the workdays so far; null for rates and snapshots. */
  readonly expected: number | null;
  /** Distance from the pace, positive when ahead (for lower-better metrics: under the pace). */
  readonly paceGap: number | null;
  /** Where the period ends at the current pace; null for rates and snapshots, and for a period of one workday (a day). */
  readonly forecast: number | null;
  readonly elapsedWorkdays: number;
  readonly totalWorkdays: number;
  readonly remainingWorkdays: number;
  /** Exact amount a remaining workday needs; null once reached, when none remain, for non-paced and lower-better metrics. */
  readonly neededPerWorkday: number | null;
  readonly reached: boolean;
}

export interface ProgressInput {
  readonly metric: MetricDef;
  readonly target: PeriodTarget;
  readonly period: Period;
  readonly asOf: Day;
  readonly actual: number | null;
  /** When a snapshot's value was logged. */
  readonly actualAsOf?: Day | null;
  readonly calendar: WorkCalendar;
}

/**
 * Assembles attainment, pace, forecast and the need per remaining workday for one metric.
 * `progress({ metric: calls, target: { value: 1000, expected: 684.2, stated: null }, period: November 2026, asOf: "2026-11-19", actual: 600, calendar: jp })`
 * → attainment 0.6, paceGap −84.2, forecast 876.9, 6 workdays left, 66.67 a day.
 */
export function progress(input: ProgressInput): Progress {
  const { metric, period, asOf, actual, calendar } = input;
  const better = metric.better;
  const paced = isPaced(metric);
  const target = input.target.value;
  const elapsed = elapsedWorkdays(period, asOf, calendar);
  const total = totalWorkdays(period, calendar);
  const remaining = remainingWorkdays(period, asOf, calendar);

  const known = target !== null && actual !== null;
  const reached = known && isReached(actual, target, better);
  const expected = paced && target !== null ? input.target.expected : null;
  // Positive means ahead: above the pace for more-is-better, under it for fewer-is-better.
  const paceGap = expected === null || actual === null ? null : better === 'higher' ? actual - expected : expected - actual;
  return {
    metric,
    period,
    asOf,
    target,
    stated: input.target.stated,
    actual,
    actualAsOf: metric.kind === 'snapshot' ? (input.actualAsOf ?? null) : null,
    attainment: known ? attainment(actual, target, better) : null,
    expected,
    paceGap,
    // A period of one workday has nothing to project: its forecast would be its actual.
    forecast: paced && actual !== null && total > 1 ? forecast(actual, elapsed, total) : null,
    elapsedWorkdays: elapsed,
    totalWorkdays: total,
    remainingWorkdays: remaining,
    neededPerWorkday: paced && known && better === 'higher' && !reached ? neededPerWorkday(target, actual, remaining) : null,
    reached,
  };
}
