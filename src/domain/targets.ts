import { countWorkdays, workdaysBetween, type WorkCalendar } from './calendar.js';
import { daysBetween, minDay, type Day } from './days.js';
import type { MetricDef } from './metrics.js';
import { periodOf, type Period, type PeriodKind } from './periods.js';

/**
 * Effective-dated targets, read day by day: a target set mid-period counts from its day on, and every
 * earlier day keeps the target it had, so a period is judged by the targets that were in force in it.
 */

/** One row of a subject's target history for a metric: from `effectiveFrom` on, `value` a `period` (null: no target from then). */
export interface TargetStep {
  readonly value: number | null;
  readonly period: PeriodKind;
  readonly effectiveFrom: Day;
}

/** A subject's target for one metric over time, in the order it was set. */
export type TargetSchedule = readonly TargetStep[];

/**
 * The step in force on a day: the latest one that took effect by then (of two on one day, the one
 * set later); null when the one in force took the target away. The first target a subject gets
 * counts for the whole of its own period: a month target set on the 20th is that month's target (a
 * day target set on the 20th counts from the 20th); every later change counts from its own day.
 */
export function stepOn(schedule: TargetSchedule, d: Day): (TargetStep & { readonly value: number }) | null {
  let found: TargetStep | null = null;
  let first: TargetStep | null = null;
  for (const step of schedule) {
    if (first === null || step.effectiveFrom < first.effectiveFrom) first = step;
    if (step.effectiveFrom <= d && (found === null || step.effectiveFrom >= found.effectiveFrom)) found = step;
  }
  if (found === null && first !== null && first.value !== null && periodOf(first.effectiveFrom, first.period).start <= d) found = first;
  return found && found.value !== null ? (found as TargetStep & { readonly value: number }) : null;
}

/**
 * A flow's target over the workdays from `from` to `to`: each workday at the target in force that
 * day (seen from `asOf`: a later day takes the one in force on `asOf`), a day target as is, a longer
 * one spread over its period's workdays. 0 for a span without a workday; null when no day of the
 * span has a target. Days under one step and one of its periods are counted together, so a whole
 * period comes to its target exactly.
 * Calls 50 a day from Monday and 10 a day from Friday: `flowTarget(s, Mon, Sun, Sun, cal)` → 210.
 */
export function flowTarget(schedule: TargetSchedule, from: Day, to: Day, asOf: Day, calendar: WorkCalendar): number | null {
  const days = workdaysBetween(from, to, calendar);
  if (days.length === 0) return schedule.some((s) => s.effectiveFrom <= minDay(to, asOf) && s.value !== null) ? 0 : null;
  const steady = steadyTarget(schedule, from, to, asOf, days.length, calendar);
  if (steady !== undefined) return steady;
  const groups = new Map<string, { step: TargetStep & { readonly value: number }; source: Day | null; days: number }>();
  for (const d of days) {
    const step = stepOn(schedule, minDay(d, asOf));
    if (step === null) continue;
    const source = step.period === 'day' ? null : periodOf(d, step.period).start;
    const key = `${schedule.indexOf(step)}:${source ?? ''}`;
    const group = groups.get(key) ?? { step, source, days: 0 };
    group.days += 1;
    groups.set(key, group);
  }
  if (groups.size === 0) return null;
  let total = 0;
  for (const { step, source, days: n } of groups.values()) {
    if (source === null) total += step.value * n;
    else {
      const p = periodOf(source, step.period);
      total += (step.value * n) / countWorkdays(p.start, p.end, calendar);
    }
  }
  return total;
}

/**
 * `flowTarget` without the walk, when one step is in force on every day of the span and the span is
 * within one of its periods (the usual case: a target set before the month and never changed); else
 * undefined, and the walk decides. A step starts to count on its own day, and the first one from its
 * period's start: a span with none of those days after its first is under one step.
 */
function steadyTarget(schedule: TargetSchedule, from: Day, to: Day, asOf: Day, workdays: number, calendar: WorkCalendar): number | null | undefined {
  const first = minDay(from, asOf);
  const last = minDay(to, asOf);
  for (const s of schedule) {
    if (s.effectiveFrom <= first) continue;
    if (s.effectiveFrom <= last) return undefined;
    // A step's period starts on or before its own day: only a step after the span can count back into it.
    const start = periodOf(s.effectiveFrom, s.period).start;
    if (start > first && start <= last) return undefined;
  }
  const step = stepOn(schedule, first);
  if (step === null) return null;
  if (step.period === 'day') return step.value * workdays;
  const p = periodOf(from, step.period);
  if (to > p.end) return undefined;
  return (step.value * workdays) / countWorkdays(p.start, p.end, calendar);
}

/**
 * A per-period share of a base (churned ÷ customers at period start) restated for a period of another
 * length, compounded: 5% a year is about 0.43% a month, not 5%.
 * `compoundedShare(0.05, 31 / 365)` → `0.00434…`.
 */
export function compoundedShare(share: number, fraction: number): number {
  return share >= 1 ? 1 : 1 - (1 - share) ** fraction;
}

/** A target as it was set, when the period it is shown for restates it (a yearly churn limit read for a month). */
export interface StatedTarget {
  readonly value: number;
  readonly period: PeriodKind;
}

export interface PeriodTarget {
  /** The target for the period; null when none was in force. */
  readonly value: number | null;
  /** What a steady pace reaches by `asOf` (flows only). */
  readonly expected: number | null;
  /** The target as set, when the period restates it for a rate or limit of another period; null otherwise. */
  readonly stated: StatedTarget | null;
}

const NONE: PeriodTarget = { value: null, expected: null, stated: null };

/**
 * A metric's target for a period, from the schedules of the people (or the team) it belongs to:
 * flows add each workday's target of every schedule (and the pace adds those up to `asOf`); a
 * snapshot's targets in force on `asOf` add up; a rate needs one value in force on `asOf` that every
 * schedule shares. A rate of a base at period start (churn) set for another kind of period is
 * compounded to this one; any other rate holds in any period.
 */
export function periodTarget(def: MetricDef, schedules: readonly TargetSchedule[], period: Period, asOf: Day, calendar: WorkCalendar): PeriodTarget {
  if (schedules.length === 0) return NONE;
  const on = minDay(asOf, period.end);
  if (def.kind === 'flow') {
    const parts = schedules.map((s) => ({ total: flowTarget(s, period.start, period.end, on, calendar), sofar: on < period.start ? 0 : flowTarget(s, period.start, on, on, calendar) }));
    if (parts.every((p) => p.total === null)) return NONE;
    return { value: parts.reduce((sum, p) => sum + (p.total ?? 0), 0), expected: parts.reduce((sum, p) => sum + (p.sofar ?? 0), 0), stated: null };
  }
  const steps = schedules.map((s) => stepOn(s, on));
  if (steps.some((s) => s === null)) {
    if (steps.every((s) => s === null)) return NONE;
    // A snapshot adds the parts that have a target; a rate is only a team's when everyone shares it.
    if (def.kind === 'rate') return NONE;
  }
  const inForce = steps.filter((s): s is TargetStep & { value: number } => s !== null);
  if (def.kind === 'snapshot') return { value: inForce.reduce((sum, s) => sum + s.value, 0), expected: null, stated: null };
  const first = inForce[0]!;
  if (inForce.some((s) => s.value !== first.value || s.period !== first.period)) return NONE;
  if (def.formula?.denominatorAt !== 'start' || first.period === period.kind) return { value: first.value, expected: null, stated: null };
  const source = periodOf(period.start, first.period);
  const fraction = (daysBetween(period.start, period.end) + 1) / (daysBetween(source.start, source.end) + 1);
  return { value: compoundedShare(first.value, fraction), expected: null, stated: { value: first.value, period: first.period } };
}
