import type { MetricCatalog } from './metric-catalog.js';
import type { MetricDef } from './metrics.js';
import { rateParts, ratio, type Totals } from './rates.js';
import { works } from './roles.js';

/**
 * A team's funnel (seed 003: find the bottleneck by phase): its own ordered list of metrics, each
 * converting into the next. Each step is named by the rate whose formula it is, so the stage a report
 * coaches and the rate `/kpi status` shows are one definition.
 */

/** Seed 000's funnel: calls → connects → meetings → wins. */
export const DEFAULT_FUNNEL: readonly string[] = ['calls', 'connects', 'meetings', 'wins'];

/** Activity logged in volume every day: a rate from it needs more tries before it means anything. */
const HIGH_VOLUME = new Set(['calls', 'connects', 'leads', 'emails', 'target_accounts']);

export interface Stage {
  readonly from: MetricDef;
  readonly to: MetricDef;
  /** The rate `to ÷ from`: the one definition of the stage's conversion. */
  readonly rate: MetricDef;
  /** Fewer tries than this and the rate says more about chance than about the work. */
  readonly minVolume: number;
}

/** A rate for a step no definition names yet: named after its two metrics, so its label is its formula's alone. */
function unnamedRate(to: MetricDef, from: MetricDef): MetricDef {
  return {
    key: `${to.key}_per_${from.key}`,
    kind: 'rate',
    unit: 'percent',
    label: { en: `${to.label.en} per ${from.singular}`, ja: `${from.label.ja}あたり${to.label.ja}` },
    singular: `${to.label.en} per ${from.singular}`,
    counterJa: '',
    aliases: [],
    dailyMax: null,
    better: 'higher',
    formula: { numerator: [to.key], denominator: from.key, denominatorAt: 'end' },
    outOf: null,
    builtIn: false,
    retired: false,
  };
}

/**
 * The stages of a funnel: each listed metric converts into the next. A metric nobody logged (`logged`
 * says no) is stepped over, so a team that logs no connects reads calls → meetings as its meeting rate.
 * `funnelStages(["calls", "connects", "meetings", "wins"], catalog)` → connect rate, connect-to-meeting rate, win rate.
 */
export function funnelStages(funnel: readonly string[], catalog: MetricCatalog, logged: (key: string) => boolean = () => true): Stage[] {
  const steps = funnel.map((k) => catalog.get(k)).filter((d): d is MetricDef => d !== undefined && d.kind === 'flow' && !d.retired && logged(d.key));
  const out: Stage[] = [];
  for (let i = 1; i < steps.length; i += 1) {
    const from = steps[i - 1]!;
    const to = steps[i]!;
    out.push({ from, to, rate: catalog.rateOf(to.key, from.key) ?? unnamedRate(to, from), minVolume: HIGH_VOLUME.has(from.key) ? 20 : 5 });
  }
  return out;
}

/** The kind of coaching a stage calls for, from what it converts into: reaching people, setting meetings, closing. */
export type StageKind = 'connect' | 'meeting' | 'win' | 'other';

const KIND_OF_RESULT: Readonly<Record<string, StageKind>> = { connects: 'connect', meetings: 'meeting', wins: 'win' };

/** `stageKind(calls → connects)` → `"connect"`; a team's own step (meetings → valid meetings) → `"other"`. */
export function stageKind(stage: Stage): StageKind {
  return KIND_OF_RESULT[stage.to.key] ?? 'other';
}

/** The stages a role works: both ends are its work (a person without a role works them all). */
export function stagesOfRole(stages: readonly Stage[], role: string | null): Stage[] {
  return stages.filter((s) => works(role, [s.from.key, s.to.key]));
}

/** A stage's conversion in a period, or null below its minimum volume. */
export function stageRate(stage: Stage, totals: Totals): number | null {
  const { numerator, denominator } = rateParts(stage.rate, totals);
  return denominator !== null && denominator >= stage.minVolume ? ratio(numerator, denominator) : null;
}

/** The totals a stage is read from: one person's for every stage, or for a team, the people whose role works it. */
export type StageTotals = (stage: Stage) => Totals;

export const sameTotals =
  (totals: Totals): StageTotals =>
  () =>
    totals;

export interface StageChange {
  readonly stage: Stage;
  readonly current: number;
  readonly baseline: number;
  /** Relative change: −0.25 when the rate fell by a quarter. */
  readonly change: number;
}

/** Every stage with enough volume in both periods, with its rate now and in the baseline. */
export function stageChanges(stages: readonly Stage[], current: StageTotals, baseline: StageTotals): StageChange[] {
  return stages.flatMap((stage) => {
    const now = stageRate(stage, current(stage));
    const before = stageRate(stage, baseline(stage));
    if (now === null || before === null || before === 0) return [];
    return [{ stage, current: now, baseline: before, change: (now - before) / before }];
  });
}

/**
 * The bottleneck (seed 003): the stage whose conversion fell most against its own baseline, when one
 * fell by at least `threshold` (10% by default); null when every stage held up.
 */
export function bottleneckStage(stages: readonly Stage[], current: StageTotals, baseline: StageTotals, threshold = 0.1): StageChange | null {
  const fallen = stageChanges(stages, current, baseline).filter((c) => c.change <= -threshold);
  if (fallen.length === 0) return null;
  return fallen.reduce((worst, c) => (c.change < worst.change ? c : worst));
}

/**
 * The weakest stage of one period on its own terms, for a person against a reference (the team's
 * rates by rate key): the stage whose rate is furthest under it, relatively.
 */
export function weakestStage(stages: readonly Stage[], current: Totals, reference: ReadonlyMap<string, number>): StageChange | null {
  let weakest: StageChange | null = null;
  for (const stage of stages) {
    const now = stageRate(stage, current);
    const ref = reference.get(stage.rate.key);
    if (now === null || ref === undefined || ref <= 0) continue;
    const change = (now - ref) / ref;
    if (!weakest || change < weakest.change) weakest = { stage, current: now, baseline: ref, change };
  }
  return weakest;
}

/** Each stage's rate where it has the volume, by rate key. */
export function stageRates(stages: readonly Stage[], totals: StageTotals): Map<string, number> {
  const out = new Map<string, number>();
  for (const stage of stages) {
    const rate = stageRate(stage, totals(stage));
    if (rate !== null) out.set(stage.rate.key, rate);
  }
  return out;
}

/** Quality or quantity (seed 003): which one needs attention, from activity and conversion together. */
export type Balance = 'quality' | 'volume' | null;

/**
 * Lots of activity with falling conversion → quality needs attention; high conversion on little
 * activity → volume does. Compares a period with its baseline; null when neither pattern shows.
 * `qualityOrVolume({ calls: 600, meetings: 30 }, { calls: 400, meetings: 40 })` → `"quality"`.
 */
export function qualityOrVolume(current: Totals, baseline: Totals, threshold = 0.1): Balance {
  const activity = (t: Totals) => (t.values.calls ?? 0) + (t.values.emails ?? 0) + (t.values.visits ?? 0);
  const a0 = activity(baseline);
  const a1 = activity(current);
  const c0 = ratio(baseline.values.meetings ?? 0, a0);
  const c1 = ratio(current.values.meetings ?? 0, a1);
  if (a0 === 0 || c0 === null || c1 === null || c0 === 0) return null;
  const activityChange = (a1 - a0) / a0;
  const conversionChange = (c1 - c0) / c0;
  if (activityChange >= threshold && conversionChange <= -threshold) return 'quality';
  if (activityChange <= -threshold && conversionChange >= threshold) return 'volume';
  return null;
}

/** Median of numbers; null for none. `median([3, 1, 2])` → 2. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
