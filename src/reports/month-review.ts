import { channelKpis, channelStages, headlineItems, type ChannelKpis } from './digest/shared.js';
import { calendarFor } from './status.js';
import { teamProgress, teamTotalsFor } from './team-progress.js';
import { loadTeamTargets, loadTeamTree } from './tree.js';
import { bestRise, type Movement } from '../domain/celebrations.js';
import { countWorkdays } from '../domain/calendar.js';
import { addDays, instantAt, type Day } from '../domain/days.js';
import { funnelStages, stageRate, type Stage } from '../domain/funnel.js';
import type { MetricCatalog } from '../domain/metric-catalog.js';
import type { MetricDef } from '../domain/metrics.js';
import { periodOf, previousPeriod, type Period } from '../domain/periods.js';
import { isPaced, type Progress } from '../domain/progress.js';
import { metricValue, sumOfAll, type Totals } from '../domain/rates.js';
import { isSeveralPeoplesWork, SEVERAL } from '../domain/team-kpis.js';
import { teamStageTotals, type TeamMember } from '../domain/team-rates.js';
import type { EvaluatedTreeNode } from '../domain/tree.js';
import type { Decision, Store, Team } from '../store/index.js';

/** One of the channel's KPIs over the month reviewed, with its value the month before. */
export interface MonthKpi {
  readonly metric: MetricDef;
  readonly progress: Progress;
  readonly previous: number | null;
}

/** What worked: the KPI (per workday, or a rate) or the funnel stage that rose most on the month before. */
export type Worked =
  | { readonly kind: 'kpi'; readonly metric: MetricDef; readonly before: number; readonly after: number; readonly rise: number }
  | { readonly kind: 'stage'; readonly stage: Stage; readonly before: number; readonly after: number; readonly rise: number };

/**
 * The month-end review (seed 004's 振り返り): the month just ended against its targets, the KGI → KPI
 * tree with attainment, what worked against the month before, the KPI to lift next month with one
 * step, and the decisions taken in the month. Team totals only (DOMAIN.md rule 5).
 */
export interface MonthReviewModel {
  readonly teamName: string;
  readonly slotDay: Day;
  readonly month: Period;
  readonly previousMonth: Period;
  readonly zone: string;
  readonly headline: readonly { readonly metric: MetricDef; readonly value: number }[];
  readonly kpis: readonly MonthKpi[];
  readonly reached: readonly MetricDef[];
  readonly worked: Worked | null;
  /** The paced KPI that ended furthest from its goal, relatively; null when every one was reached. */
  readonly furthest: MonthKpi | null;
  /** The tree as of the month's last day, with only what the channel may show. */
  readonly tree: EvaluatedTreeNode | null;
  readonly decisions: readonly Decision[];
  readonly catalog: MetricCatalog;
}

/** A flow rises from a base of at least this many in the month before, so 1 → 2 wins is not "what worked". */
const MIN_BASE = 10;

/** The month a review on `slotDay` covers: the month before the slot's. */
export const reviewedMonth = (slotDay: Day): Period => previousPeriod(periodOf(slotDay, 'month'));

/**
 * The tree as the channel may show it (rule 5): a node only for a metric that is several people's
 * work (a team-set or shared KPI, a count at least two members logged, a rate at least two members'
 * work fed); a node one person carries alone is left out with what hangs under it.
 */
export function channelTree(root: EvaluatedTreeNode, channel: ChannelKpis, members: readonly TeamMember[], byMember: ReadonlyMap<string, Totals>): EvaluatedTreeNode | null {
  const shared = new Set(channel.kpis.map((k) => k.metric));
  const keep = (def: MetricDef): boolean => {
    if (channel.solo.has(def.key)) return false;
    if (channel.teamSet.has(def.key) || shared.has(def.key)) return true;
    if (def.formula) return isSeveralPeoplesWork(def, members, byMember);
    return [...byMember.values()].filter((t) => (t.values[def.key] ?? 0) !== 0).length >= SEVERAL;
  };
  const prune = (n: EvaluatedTreeNode): EvaluatedTreeNode | null => (keep(n.metric) ? { ...n, children: n.children.flatMap((c) => prune(c) ?? []) } : null);
  return prune(root);
}

/** The channel KPIs and stages as movements from one month to the next: flows per workday, rates as they are. */
function movements(kpis: readonly MonthKpi[], stages: readonly Stage[], now: { totals: (s: Stage) => Totals; days: number }, before: { totals: (s: Stage) => Totals; days: number }): Movement<{ kpi: MetricDef } | { stage: Stage }>[] {
  const out: Movement<{ kpi: MetricDef } | { stage: Stage }>[] = [];
  for (const k of kpis) {
    if (k.progress.actual === null || k.previous === null || k.metric.better !== 'higher' || k.metric.kind === 'snapshot') continue;
    if (isPaced(k.metric)) {
      if (k.previous < MIN_BASE || now.days === 0 || before.days === 0) continue;
      out.push({ key: { kpi: k.metric }, before: k.previous / before.days, after: k.progress.actual / now.days });
    } else out.push({ key: { kpi: k.metric }, before: k.previous, after: k.progress.actual });
  }
  for (const stage of stages) {
    if (out.some((m) => 'kpi' in m.key && m.key.kpi.key === stage.rate.key)) continue;
    const after = stageRate(stage, now.totals(stage));
    const prior = stageRate(stage, before.totals(stage));
    if (after !== null && prior !== null) out.push({ key: { stage }, before: prior, after });
  }
  return out;
}

/** Reads the review that goes out on `slotDay` (the month's first workday), about the month before. */
export async function loadMonthReview(store: Store, team: Team, slotDay: Day): Promise<MonthReviewModel> {
  const month = reviewedMonth(slotDay);
  const previousMonth = previousPeriod(month);
  const calendar = calendarFor(team);
  const zone = team.settings.timezone;
  const catalog = await store.metrics.catalog(team.workspace);
  const teamTargets = loadTeamTargets(store, team, month.end, catalog);
  const [{ members: all, targets }, ranges, tree, decisions] = await Promise.all([
    teamTargets,
    store.totals.memberRanges(team.id, [
      { from: month.start, to: month.end },
      { from: previousMonth.start, to: previousMonth.end },
    ]),
    loadTeamTree(store, team, month.end, teamTargets),
    // Decided during the month, in the team's zone.
    store.engagements.decisions(team.id, new Date(instantAt(month.start, 0, zone).getTime() - 1), new Date(instantAt(addDays(month.end, 1), 0, zone).getTime() - 1)),
  ]);
  const members = all.filter((m) => m.isActive);
  const [byMember, beforeByMember] = ranges as [Map<string, Totals>, Map<string, Totals>];
  const channel = channelKpis(targets, catalog);
  const kpis: MonthKpi[] = channel.kpis.flatMap((t) => {
    const def = catalog.get(t.metric);
    if (!def) return [];
    const { progress } = teamProgress(def, t, month, month.end, members, byMember, calendar);
    return [{ metric: def, progress, previous: metricValue(def, teamTotalsFor(def, members, beforeByMember)) }];
  });
  const totals = sumOfAll(byMember);
  const logged = (k: string) => (totals.values[k] ?? 0) > 0;
  const stages = channelStages(funnelStages(team.settings.funnel, catalog, logged), members, byMember, channel);
  const moves = movements(
    kpis,
    stages,
    { totals: teamStageTotals(members, byMember), days: countWorkdays(month.start, month.end, calendar) },
    { totals: teamStageTotals(members, beforeByMember), days: countWorkdays(previousMonth.start, previousMonth.end, calendar) },
  );
  const best = bestRise(moves);
  const worked: Worked | null = best === null ? null : 'kpi' in best.key ? { kind: 'kpi', metric: best.key.kpi, before: best.before, after: best.after, rise: best.rise } : { kind: 'stage', stage: best.key.stage, before: best.before, after: best.after, rise: best.rise };
  const open = kpis.filter((k) => isPaced(k.metric) && k.metric.better === 'higher' && !k.progress.reached && (k.progress.target ?? 0) > 0 && k.progress.actual !== null);
  const furthest = open.reduce<MonthKpi | null>((worst, k) => {
    const share = (t: MonthKpi) => (t.progress.target! - t.progress.actual!) / t.progress.target!;
    return !worst || share(k) > share(worst) ? k : worst;
  }, null);
  return {
    teamName: team.name,
    slotDay,
    month,
    previousMonth,
    zone,
    headline: headlineItems(totals, catalog, 4, channel.solo),
    kpis,
    reached: kpis.filter((k) => k.progress.reached && isPaced(k.metric)).map((k) => k.metric),
    worked,
    furthest,
    tree: tree.kind === 'tree' ? channelTree(tree.root, channel, members, byMember) : null,
    decisions,
    catalog,
  };
}
