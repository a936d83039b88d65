import { kpiProgress, type KpiTarget } from './status.js';
import type { WorkCalendar } from '../domain/calendar.js';
import type { Day } from '../domain/days.js';
import { inputsOf, type MetricDef } from '../domain/metrics.js';
import type { Period } from '../domain/periods.js';
import type { Progress } from '../domain/progress.js';
import { sumOfAll, type Totals } from '../domain/rates.js';
import type { RoleGroup } from '../domain/roles.js';
import { populationTotals, readOver, type TeamMember } from '../domain/team-rates.js';

/**
 * A team's standing on one KPI: counts and snapshots over everyone, a rate over the people whose
 * role works it (and which group that was, when it left others out).
 */
export interface TeamProgress {
  readonly progress: Progress;
  /** The totals the KPI was read from. */
  readonly totals: Totals;
  readonly group: RoleGroup | null;
}

/** The totals a team KPI is read from: a rate's population, or everyone. */
export function teamTotalsFor(def: MetricDef, members: readonly TeamMember[], byMember: ReadonlyMap<string, Totals>): Totals {
  return def.formula ? populationTotals(inputsOf(def), members, byMember) : sumOfAll(byMember);
}

/** Where a team stands on a KPI over a period, with its target day by day. */
export function teamProgress(
  def: MetricDef,
  target: KpiTarget,
  period: Period,
  asOf: Day,
  members: readonly TeamMember[],
  byMember: ReadonlyMap<string, Totals>,
  calendar: WorkCalendar,
): TeamProgress {
  const totals = teamTotalsFor(def, members, byMember);
  return { progress: kpiProgress(def, target.schedules, period, asOf, totals, calendar), totals, group: def.formula ? readOver(inputsOf(def), members) : null };
}
