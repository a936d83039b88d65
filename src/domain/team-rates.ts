import type { Stage, StageTotals } from './funnel.js';
import { inputsOf, type MetricDef } from './metrics.js';
import { metricValue, sumTotals, type Totals } from './rates.js';
import { groupOf, works, type RoleGroup } from './roles.js';

/**
 * A team's rates read over the people whose work they measure: field sales meetings (no calls behind
 * them) do not dilute inside sales' meeting rate, and inside sales' appointments do not dilute field
 * sales' win rate. People without a role count everywhere, as in a team where everyone does it all.
 */

export interface TeamMember {
  readonly userId: string;
  readonly salesRole: string | null;
}

/** The members whose role works every one of `inputs`. */
export function populationOf(inputs: readonly string[], members: readonly TeamMember[]): TeamMember[] {
  return members.filter((m) => works(m.salesRole, inputs));
}

/** The population's totals added up. */
export function populationTotals(inputs: readonly string[], members: readonly TeamMember[], byPerson: ReadonlyMap<string, Totals>): Totals {
  return sumTotals(populationOf(inputs, members).flatMap((m) => (byPerson.has(m.userId) ? [byPerson.get(m.userId)!] : [])));
}

/** A team's rate, and the one role group it was read over when that left others out (null: everyone). */
export interface TeamRate {
  readonly value: number | null;
  readonly totals: Totals;
  readonly group: RoleGroup | null;
}

/** Over whom a team reading was taken, when it was not everyone: the group of the people it kept. */
export function readOver(inputs: readonly string[], members: readonly TeamMember[]): RoleGroup | null {
  const kept = populationOf(inputs, members);
  return kept.length < members.length ? groupOf(kept.map((m) => m.salesRole)) : null;
}

/**
 * A metric for a team: a rate over the people whose role works its inputs, a flow or snapshot over
 * everyone. `teamRate(win_rate, members, byPerson)` reads wins ÷ meetings of field sales only.
 */
export function teamRate(def: MetricDef, members: readonly TeamMember[], byPerson: ReadonlyMap<string, Totals>): TeamRate {
  const inputs = def.formula ? inputsOf(def) : [];
  const totals = populationTotals(inputs, members, byPerson);
  return { value: metricValue(def, totals), totals, group: def.formula ? readOver(inputs, members) : null };
}

/** A team's totals per stage: each stage read over the people whose role works both of its ends. */
export function teamStageTotals(members: readonly TeamMember[], byPerson: ReadonlyMap<string, Totals>): StageTotals {
  const cache = new Map<string, Totals>();
  return (stage: Stage) => {
    const key = `${stage.from.key}>${stage.to.key}`;
    let totals = cache.get(key);
    if (!totals) cache.set(key, (totals = populationTotals([stage.from.key, stage.to.key], members, byPerson)));
    return totals;
  };
}
