import { calendarFor, kpiProgress } from './status.js';
import { teamRanges } from './tree.js';
import type { WorkCalendar } from '../domain/calendar.js';
import { addDays, instantAt, type Day } from '../domain/days.js';
import { bottleneckStage, funnelStages, stageChanges, stageRate, type Stage, type StageChange } from '../domain/funnel.js';
import type { MetricCatalog } from '../domain/metric-catalog.js';
import type { MetricDef } from '../domain/metrics.js';
import { periodOf, previousPeriod, type Period } from '../domain/periods.js';
import { isReached, type Progress } from '../domain/progress.js';
import { metricValue, NO_TOTALS, sumOfAll, type Totals } from '../domain/rates.js';
import { reportDayOf } from '../domain/team-settings.js';
import type { Decision, Store, Team } from '../store/index.js';

/** One phase step of the engagement's funnel (lead acquisition → meeting → closing), this period and the one before. */
export interface ClientPhase {
  readonly stage: Stage;
  readonly from: number;
  readonly to: number;
  readonly rate: number | null;
  readonly previous: number | null;
}

/** One KPI agreed with the client: its month so far against target, with the forecast. */
export interface ClientKpi {
  readonly metric: MetricDef;
  readonly month: Progress;
  /** Its value in the reported period and the one before (flows and snapshots; a rate's own). */
  readonly period: number | null;
  readonly previous: number | null;
}

/**
 * The report a client gets (seed 003): the phase KPIs with their agreed definitions, attainment and
 * forecast, the bottleneck phase and the next actions, the decisions of the last review and the
 * agenda of the next — team totals only, never a person.
 */
export interface ClientReportModel {
  readonly client: string;
  readonly cadence: 'weekly' | 'monthly';
  /** The engagement's zone: the day a decision was taken is read in it. */
  readonly zone: string;
  readonly slotDay: Day;
  /** The period reported on: last week, or last month. */
  readonly period: Period;
  /** The month the targets are judged in, as of the period's end. */
  readonly month: Period;
  readonly kpis: readonly ClientKpi[];
  readonly phases: readonly ClientPhase[];
  /** The phase whose conversion fell most against the period before (seed 003's bottleneck), if one fell. */
  readonly bottleneck: StageChange | null;
  /** The phase whose conversion rose most, for what worked. */
  readonly bestPhase: StageChange | null;
  /** The KPI furthest from its target's pace, when one is. */
  readonly furthest: ClientKpi | null;
  readonly decisions: readonly Decision[];
  /** The definitions agreed for the metrics shown, by key. */
  readonly definitions: ReadonlyMap<string, string>;
  readonly catalog: MetricCatalog;
  /** How many people logged for the engagement in the period (a count, never names). */
  readonly people: number;
}

/** The period a report on `slotDay` covers: the ISO week before, or the month before. */
export function reportedPeriod(cadence: 'weekly' | 'monthly', slotDay: Day): Period {
  return previousPeriod(periodOf(slotDay, cadence === 'weekly' ? 'week' : 'month'));
}


/** When the report before the one on `slotDay` was due: decisions after it and up to this one are this report's. */
export function previousReportAt(team: Team, slotDay: Day): Date | null {
  const back = team.engagement?.report === 'monthly' ? periodOf(addDays(periodOf(slotDay, 'month').start, -1), 'month').start : addDays(slotDay, -7);
  const day = reportDayOf(team.settings, team.engagement?.report ?? 'weekly', back);
  return day === null || team.settings.weeklyTime === null ? null : instantAt(day, team.settings.weeklyTime, team.settings.timezone);
}

/** The KPI a target's pace is furthest from, relatively (a reached one or one with no target never). */
function furthestFromPace(kpis: readonly ClientKpi[]): ClientKpi | null {
  let worst: { kpi: ClientKpi; share: number } | null = null;
  for (const k of kpis) {
    const p = k.month;
    if (p.target === null || p.target === 0 || p.actual === null || p.reached || p.paceGap === null || p.paceGap >= 0) continue;
    const share = p.paceGap / p.target;
    if (!worst || share < worst.share) worst = { kpi: k, share };
  }
  return worst?.kpi ?? null;
}

/** Reads what an engagement's report on `slotDay` says, as of the end of the period it covers. */
export async function loadClientReport(store: Store, team: Team, slotDay: Day, slotAt: Date): Promise<ClientReportModel> {
  const cadence = team.engagement?.report ?? 'weekly';
  const period = reportedPeriod(cadence, slotDay);
  const before = previousPeriod(period);
  const month = periodOf(period.end, 'month');
  const calendar: WorkCalendar = calendarFor(team);
  const [catalog, definitions, targets] = await Promise.all([
    store.metrics.catalog(team.workspace),
    store.metrics.definitions(team.workspace),
    store.targets.of(team.workspace, 'team', String(team.id), period.end),
  ]);
  const { ranges } = await teamRanges(store, team, [{ from: period.start, to: period.end }, { from: before.start, to: before.end }, { from: month.start, to: period.end }]);
  const [now, prev, monthToDate] = ranges.map((r) => (r.size > 0 ? sumOfAll(r) : NO_TOTALS)) as [Totals, Totals, Totals];
  const kpis: ClientKpi[] = targets.flatMap((t) => {
    const def = catalog.get(t.metric);
    if (!def || def.retired) return [];
    return [{ metric: def, month: kpiProgress(def, [t.schedule], month, period.end, monthToDate, calendar), period: metricValue(def, now), previous: metricValue(def, prev) }];
  });
  // A phase nobody on the engagement logs (connects, for an agency that books meetings straight from calls) is stepped over.
  const logged = (key: string) => (now.values[key] ?? 0) + (prev.values[key] ?? 0) + (monthToDate.values[key] ?? 0) > 0;
  const stages = funnelStages(team.settings.funnel, catalog, logged);
  const phases = stages.map((stage) => ({
    stage,
    from: now.values[stage.from.key] ?? 0,
    to: now.values[stage.to.key] ?? 0,
    rate: stageRate(stage, now),
    previous: stageRate(stage, prev),
  }));
  const changes = stageChanges(stages, () => now, () => prev);
  const bestPhase = changes.filter((c) => c.change > 0).reduce<StageChange | null>((best, c) => (!best || c.change > best.change ? c : best), null);
  const created = team.createdAt ?? null;
  const after = previousReportAt(team, slotDay);
  const decisions = await store.engagements.decisions(team.id, after !== null && (created === null || created < after) ? after : null, slotAt);
  return {
    client: team.engagement?.client ?? team.name,
    cadence,
    zone: team.settings.timezone,
    slotDay,
    period,
    month,
    kpis,
    phases,
    bottleneck: bottleneckStage(stages, () => now, () => prev),
    bestPhase,
    furthest: furthestFromPace(kpis),
    decisions,
    definitions,
    catalog,
    people: ranges[0]!.size,
  };
}

/** KPIs whose month is done: reached by now. */
export const reachedKpis = (model: ClientReportModel): ClientKpi[] =>
  model.kpis.filter((k) => k.month.target !== null && k.month.actual !== null && isReached(k.month.actual, k.month.target, k.metric.better));
