import type { Progress } from './progress.js';

/**
 * When a KPI is far enough off its pace mid-period to tell the manager: the period's forecast at the
 * current pace is under 70% of the target, with at least 40% of the period's workdays behind (so a
 * slow first week does not cry wolf) and at least two still ahead (so there is time to act).
 * 70% is 10 points under the 80% the manager template counts as "at target"; 40% of a month is about
 * eight workdays, enough that one quiet day moves the forecast by an eighth at most.
 */
export const ALERT_FORECAST_SHARE = 0.7;
export const ALERT_MIN_ELAPSED_SHARE = 0.4;
export const ALERT_MIN_REMAINING_WORKDAYS = 2;

/**
 * Whether a KPI's progress is far off pace: a paced metric where more is better, with a target and a
 * forecast, far enough into the period, forecast under `ALERT_FORECAST_SHARE` of the target.
 * 300 calls of a 1,000 target after 10 of 20 workdays (forecast 600) → true; after 5 of 20 → false.
 */
export function isFarOffPace(p: Progress): boolean {
  if (p.metric.kind !== 'flow' || p.metric.better !== 'higher' || p.reached) return false;
  if (p.target === null || p.target <= 0 || p.forecast === null || p.totalWorkdays === 0) return false;
  if (p.elapsedWorkdays / p.totalWorkdays < ALERT_MIN_ELAPSED_SHARE || p.remainingWorkdays < ALERT_MIN_REMAINING_WORKDAYS) return false;
  return p.forecast < ALERT_FORECAST_SHARE * p.target;
}
