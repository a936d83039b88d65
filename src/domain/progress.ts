import { countWorkdays, type WorkCalendar } from './calendar.js';
import { addDays, maxDay, minDay, type Day } from './days.js';
import { LOGGED, LOGGED_METRICS, isLoggedMetric, metricBetter, type Better, type LoggedMetric, type MetricKey } from './metrics.js';
import { periodOf, type Period, type PeriodKind } from './periods.js';
import { derivedValue, type Totals } from './rates.js';

export { ceilCount } from './rounding.js';

/**
 * Where a metric stands against its target in a period, as of a day: attainment, pace, forecast
 * and what each remaining workday needs. Every function takes the day and the calendar as
 * arguments; "as of" a day means through the end of that day.
 */

/** One day's sums of logged metrics, as the store reads them. */
export interface DailyTotals {
  readonly day: Day;
  readonly totals: Totals;
}

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
 * Whether a metric's target scales with the workdays of a period. Summed counts and amounts do
 * (50 calls a day is 950 in a 19-workday month); rates and scores do not (a 20% win rate is 20%
 * in any period), nor do snapshots (the pipeline's value is not more in a longer period).
 * `convertsWithWorkdays("calls")` → true; `convertsWithWorkdays("win_rate")` → false.
 */
export function convertsWithWorkdays(metric: MetricKey): boolean {
  return isLoggedMetric(metric) && LOGGED[metric].aggregation === 'sum';
}

/**
 * A target set for one kind of period, restated for another through workdays: value ÷ workdays of
 * the target-kind period containing `period.start` × workdays of `period`. A day target means per
 * workday. The same kind is unchanged. Null when the target-kind period has no workday to spread
 * the value from while `period` has some. Only for metrics that `convertsWithWorkdays`.
 * `targetForPeriod(50, "day", November 2026, jp Mon–Fri)` → `950` (19 workdays).
 */
export function targetForPeriod(targetValue: number, targetKind: PeriodKind, period: Period, calendar: WorkCalendar): number | null {
  if (targetKind === period.kind) return targetValue;
  const workdays = countWorkdays(period.start, period.end, calendar);
  if (workdays === 0) return 0;
  const source = periodOf(period.start, targetKind);
  const sourceWorkdays = targetKind === 'day' ? 1 : countWorkdays(source.start, source.end, calendar);
  return sourceWorkdays > 0 ? (targetValue * workdays) / sourceWorkdays : null;
}

/**
 * A metric's target for a period: converted through workdays when the metric sums, as set otherwise.
 * `periodTarget("win_rate", 0.2, "month", a week, cal)` → `0.2`.
 */
export function periodTarget(
  metric: MetricKey,
  targetValue: number,
  targetKind: PeriodKind,
  period: Period,
  calendar: WorkCalendar,
): number | null {
  return convertsWithWorkdays(metric) ? targetForPeriod(targetValue, targetKind, period, calendar) : targetValue;
}

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
 * The pace (DOMAIN.md): how much of the target an even spread over workdays reaches by now,
 * target × elapsed ÷ total; null for a period without workdays.
 * `expectedByNow(1000, 13, 19)` → `684.21…`.
 */
export function expectedByNow(target: number, elapsed: number, total: number): number | null {
  return total > 0 ? (target * elapsed) / total : null;
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
 * The logged metrics' values over the days of a period: summed metrics add up, snapshot metrics
 * take the last day (by date) that has a value. Days outside the period must be left out by the caller.
 * `periodTotals([{ day: "2026-11-02", totals: { calls: 40, pipeline: 9e6 } }, { day: "2026-11-03", totals: { calls: 10, pipeline: 8e6 } }])`
 * → `{ calls: 50, pipeline: 8e6 }`.
 */
export function periodTotals(days: readonly DailyTotals[]): Totals {
  const inOrder = [...days].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const out: Totals = {};
  for (const { totals } of inOrder) {
    for (const metric of LOGGED_METRICS) {
      const value = totals[metric];
      if (value !== undefined) addValue(out, metric, value);
    }
  }
  return out;
}

/** Adds a later value of a logged metric into totals, in place: a sum adds up, a snapshot takes the new value. */
export function addValue(totals: Totals, metric: LoggedMetric, value: number): void {
  totals[metric] = LOGGED[metric].aggregation === 'sum' ? (totals[metric] ?? 0) + value : value;
}

/** The value of any metric, logged or derived, from a period's totals; a sum with no entries is 0. */
export function metricValue(metric: MetricKey, totals: Totals): number | null {
  if (!isLoggedMetric(metric)) return derivedValue(metric, totals);
  return totals[metric] ?? (LOGGED[metric].aggregation === 'sum' ? 0 : null);
}

/**
 * A metric's value over a period from its days: a sum, the latest snapshot, or a rate of the
 * period's totals (never an average of daily rates). Null for a snapshot never logged and for a
 * rate with nothing to divide by; a sum with no entries is 0.
 * `periodValue("win_rate", [{ day, totals: { wins: 1, meetings: 2 } }, { day, totals: { wins: 0, meetings: 8 } }])` → `0.1`.
 */
export function periodValue(metric: MetricKey, days: readonly DailyTotals[]): number | null {
  return metricValue(metric, periodTotals(days));
}

/** Where one metric stands in a period as of a day. Shares of the target are fractions (0.6 = 60%). */
export interface Progress {
  readonly metric: MetricKey;
  readonly period: Period;
  readonly asOf: Day;
  /** The target restated for this period; null when it cannot be (see `targetForPeriod`). */
  readonly target: number | null;
  /** The period's value so far; null for a rate with nothing to divide by or a snapshot never logged. */
  readonly actual: number | null;
  readonly attainment: number | null;
  /** The pace: what an even spread reaches by now; null for rates, scores and snapshots. */
  readonly expected: number | null;
  /** Distance from the pace, positive when ahead (for lower-better metrics: under the pace). */
  readonly paceGap: number | null;
  /** Where the period ends at the current pace; null for rates, scores and snapshots, and for a period of one workday (a day). */
  readonly forecast: number | null;
  readonly elapsedWorkdays: number;
  readonly totalWorkdays: number;
  readonly remainingWorkdays: number;
  /** Exact amount a remaining workday needs; null once reached, when none remain, for non-summed and lower-better metrics. */
  readonly neededPerWorkday: number | null;
  readonly reached: boolean;
}

export interface ProgressInput {
  readonly metric: MetricKey;
  readonly targetValue: number;
  /** The kind of period the target was set for; the period's own kind when absent. */
  readonly targetKind?: PeriodKind;
  readonly period: Period;
  readonly asOf: Day;
  readonly actual: number | null;
  readonly calendar: WorkCalendar;
}

/**
 * Assembles attainment, pace, forecast and the need per remaining workday for one metric.
 * `progress({ metric: "calls", targetValue: 1000, period: November 2026, asOf: "2026-11-19", actual: 600, calendar: jp })`
 * → target 1000, attainment 0.6, expected 684.2, paceGap −84.2, forecast 876.9, 6 workdays left, 66.67 a day.
 */
export function progress(input: ProgressInput): Progress {
  const { metric, targetValue, period, asOf, actual, calendar } = input;
  const better = metricBetter(metric);
  const paced = convertsWithWorkdays(metric);
  const target = periodTarget(metric, targetValue, input.targetKind ?? period.kind, period, calendar);
  const elapsed = elapsedWorkdays(period, asOf, calendar);
  const total = totalWorkdays(period, calendar);
  const remaining = remainingWorkdays(period, asOf, calendar);

  const known = target !== null && actual !== null;
  const reached = known && isReached(actual, target, better);
  const expected = paced && target !== null ? expectedByNow(target, elapsed, total) : null;
  // Positive means ahead: above the pace for more-is-better, under it for fewer-is-better.
  const paceGap = expected === null || actual === null ? null : better === 'higher' ? actual - expected : expected - actual;
  return {
    metric,
    period,
    asOf,
    target,
    actual,
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
