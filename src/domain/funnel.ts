import type { LoggedMetric } from './metrics.js';
import { ratio, type Totals } from './rates.js';

/**
 * The sales funnel as stages of conversion (seed 003: find the bottleneck by phase):
 * calls → connects → meetings → wins. Each stage's rate comes from the period's sums.
 */
export const FUNNEL_STAGES = ['connect', 'meeting', 'win'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

export interface StageDef {
  readonly stage: FunnelStage;
  readonly from: LoggedMetric;
  readonly to: LoggedMetric;
  /** Fewer inputs than this and a rate says more about chance than about the work. */
  readonly minVolume: number;
}

/**
 * The stages, each from the metric before it. The meeting stage converts connects when they are
 * logged, else calls (a team that does not log connects still sees its meeting rate).
 */
export function stagesFor(totals: Totals): StageDef[] {
  const hasConnects = (totals.connects ?? 0) > 0;
  return [
    ...(hasConnects ? [{ stage: 'connect' as const, from: 'calls' as const, to: 'connects' as const, minVolume: 20 }] : []),
    { stage: 'meeting', from: hasConnects ? 'connects' : 'calls', to: 'meetings', minVolume: 20 },
    { stage: 'win', from: 'meetings', to: 'wins', minVolume: 5 },
  ];
}

/** A stage's conversion in a period, or null below its minimum volume. */
export function stageRate(def: StageDef, totals: Totals): number | null {
  const base = totals[def.from] ?? 0;
  return base >= def.minVolume ? ratio(totals[def.to] ?? 0, base) : null;
}

/** Each stage's rate in a period's totals, for the stages with enough volume. */
export function stageRates(totals: Totals): Partial<Record<FunnelStage, number>> {
  const out: Partial<Record<FunnelStage, number>> = {};
  for (const def of stagesFor(totals)) {
    const rate = stageRate(def, totals);
    if (rate !== null) out[def.stage] = rate;
  }
  return out;
}

export interface StageChange {
  readonly stage: FunnelStage;
  readonly from: LoggedMetric;
  readonly to: LoggedMetric;
  readonly current: number;
  readonly baseline: number;
  /** Relative change: −0.25 when the rate fell by a quarter. */
  readonly change: number;
}

/** Every stage with enough volume in both periods, with its rate now and in the baseline. */
export function stageChanges(current: Totals, baseline: Totals): StageChange[] {
  return stagesFor(current).flatMap((def) => {
    const now = stageRate(def, current);
    const before = stageRate(def, baseline);
    if (now === null || before === null || before === 0) return [];
    return [{ stage: def.stage, from: def.from, to: def.to, current: now, baseline: before, change: (now - before) / before }];
  });
}

/**
 * The bottleneck (seed 003): the stage whose conversion fell most against its own baseline, when one
 * fell by at least `threshold` (10% by default); null when every stage held up.
 * `bottleneckStage({ calls: 500, meetings: 50, wins: 5 }, { calls: 500, meetings: 100, wins: 10 })` → the meeting stage (−50%).
 */
export function bottleneckStage(current: Totals, baseline: Totals, threshold = 0.1): StageChange | null {
  const fallen = stageChanges(current, baseline).filter((c) => c.change <= -threshold);
  if (fallen.length === 0) return null;
  return fallen.reduce((worst, c) => (c.change < worst.change ? c : worst));
}

/**
 * The weakest stage of one period on its own terms, for a person without a baseline: the stage whose
 * rate is furthest under a reference (the team's, or defaults), relatively.
 */
export function weakestStage(
  current: Totals,
  reference: Readonly<Partial<Record<FunnelStage, number>>>,
  stages: readonly FunnelStage[] = FUNNEL_STAGES,
): StageChange | null {
  let weakest: StageChange | null = null;
  for (const def of stagesFor(current).filter((d) => stages.includes(d.stage))) {
    const now = stageRate(def, current);
    const ref = reference[def.stage];
    if (now === null || ref === undefined || ref <= 0) continue;
    const change = (now - ref) / ref;
    if (!weakest || change < weakest.change) weakest = { stage: def.stage, from: def.from, to: def.to, current: now, baseline: ref, change };
  }
  return weakest;
}

/**
 * The stages a role works (seed 002/003): inside sales turns calls into meetings, field sales turns
 * meetings into wins; customer success and managers are not judged on the new-business funnel.
 * `stagesOfRole("sdr")` → connect and meeting; an unknown role → every stage.
 */
export function stagesOfRole(role: string | null): readonly FunnelStage[] {
  switch (role) {
    case 'sdr':
    case 'bdr':
      return ['connect', 'meeting'];
    case 'field':
      return ['meeting', 'win'];
    case 'cs':
    case 'manager':
      return [];
    default:
      return FUNNEL_STAGES;
  }
}

/** Quality or quantity (seed 003): which one needs attention, from activity and conversion together. */
export type Balance = 'quality' | 'volume' | null;

/**
 * Lots of activity with falling conversion → quality needs attention; high conversion on little
 * activity → volume does. Compares a period with its baseline; null when neither pattern shows.
 * `qualityOrVolume({ calls: 600, meetings: 30 }, { calls: 400, meetings: 40 })` → `"quality"`.
 */
export function qualityOrVolume(current: Totals, baseline: Totals, threshold = 0.1): Balance {
  const activity = (t: Totals) => (t.calls ?? 0) + (t.emails ?? 0) + (t.visits ?? 0);
  const a0 = activity(baseline);
  const a1 = activity(current);
  const c0 = ratio(baseline.meetings ?? 0, a0);
  const c1 = ratio(current.meetings ?? 0, a1);
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
