import { inputsOf, type MetricDef } from './metrics.js';
import { NO_TOTALS, rateParts, type Totals } from './rates.js';
import { populationOf, type TeamMember } from './team-rates.js';

/**
 * Whose work a team-level KPI is (DOMAIN.md, feedback rule 5): a channel shows a KPI only as a team
 * total of several people's work. A KPI is the team's when the team set its target on its total, or
 * when at least two members carry a target on it; a KPI one member carries alone (the manager's
 * ride-alongs, the one field rep's visits) is that person's, and goes only to them.
 */

/** How many people "several" is. */
export const SEVERAL = 2;

/** Where a team-level KPI's target comes from: the team's own on its total, or its members' targets added up. */
export interface KpiOwnership {
  readonly metric: string;
  readonly source: 'team' | 'members';
  /** How many active members carry a target on the metric. */
  readonly carriers: number;
}

declare const sharedBrand: unique symbol;

/** A team-level KPI that is several people's work: the only kind a channel message is built from. */
export type SharedKpi<T extends KpiOwnership = KpiOwnership> = T & { readonly [sharedBrand]: true };

/** `isShared({ source: "members", carriers: 1 })` → false (one person's); `{ source: "team", carriers: 0 }` → true. */
export function isShared(kpi: KpiOwnership): boolean {
  return kpi.source === 'team' || kpi.carriers >= SEVERAL;
}

/** A team's KPIs split by whose work they are: the shared ones, and the metrics one person carries alone. */
export interface KpiSplit<T extends KpiOwnership> {
  readonly shared: readonly SharedKpi<T>[];
  /** Metric keys of the KPIs one member carries alone: never named in a channel message. */
  readonly solo: ReadonlySet<string>;
}

/** Splits team-level KPIs into the shared ones and the solo metrics; the only way to make a `SharedKpi`. */
export function splitByOwnership<T extends KpiOwnership>(kpis: readonly T[]): KpiSplit<T> {
  const shared: SharedKpi<T>[] = [];
  const solo = new Set<string>();
  for (const k of kpis) {
    if (isShared(k)) shared.push(k as SharedKpi<T>);
    else solo.add(k.metric);
  }
  return { shared, solo };
}

/**
 * Whether a team's rate over a period is several people's work: at least two members whose role
 * works it logged its base (its denominator) in the period. A funnel stage only one person worked
 * (the one field rep's closing, the one SDR's calls) is their number, however many others' roles
 * could have worked it.
 */
export function isSeveralPeoplesWork(rate: MetricDef, members: readonly TeamMember[], byMember: ReadonlyMap<string, Totals>): boolean {
  const worked = populationOf(inputsOf(rate), members).filter((m) => (rateParts(rate, byMember.get(m.userId) ?? NO_TOTALS).denominator ?? 0) > 0);
  return worked.length >= SEVERAL;
}
