import { fieldsSection, sectionStarting, withCharts, type ChartPlacement } from './attach.js';
import { hasValues, makeChart, type ChartModel, type ChartStep, type ChartUnit } from './model.js';
import { metricLabel } from '../amounts.js';
import type { Message } from '../blocks.js';
import type { Written } from '../digest/sentences.js';
import { loadWeeklyReviewWithTargets, renderWeeklyReview, type WeekTotals, type WeeklyReviewModel } from '../digest/weekly.js';
import { calendarFor, type KpiTarget } from '../status.js';
import { teamProgress } from '../team-progress.js';
import type { WorkCalendar } from '../../domain/calendar.js';
import type { MetricDef } from '../../domain/metrics.js';
import type { Period } from '../../domain/periods.js';
import type { Day } from '../../domain/days.js';
import type { Progress } from '../../domain/progress.js';
import type { RoleGroup } from '../../domain/roles.js';
import type { TeamMember } from '../../domain/team-rates.js';
import { formatDay, formatShortDay, messages, type Locale } from '../../i18n/index.js';
import type { Store, Team } from '../../store/index.js';

/** How many weeks the weekly review's trend shows. */
export const TREND_WEEKS = 8;
/** The most KPIs the trend draws, two plots to a row: the main ones (DOMAIN.md: 3–5, ideally 1–3). */
export const TREND_KPIS = 4;

/**
 * A team's main KPIs week by week, oldest week first, each read as the weekly review reads its own
 * week (`teamProgress`): counts and snapshots over everyone, a rate over the people whose role works
 * it, the target day by day as it was in force. Team readings only: no person's numbers are in it.
 */
export interface WeeklyTrend {
  readonly metrics: readonly MetricDef[];
  readonly weeks: readonly { readonly week: Period; readonly kpis: readonly Progress[] }[];
}

/** The unit a chart draws a metric in; scores (CSAT) stay in the text. */
export function chartUnit(def: MetricDef): ChartUnit | null {
  switch (def.unit) {
    case 'count':
    case 'currency':
      return def.unit;
    case 'percent':
      return 'ratio';
    case 'score':
      return null;
  }
}

/** The review's KPIs a trend draws: the first `TREND_KPIS` of them in a unit a chart has. */
export const trendMetrics = (review: WeeklyReviewModel): MetricDef[] =>
  review.kpis
    .map((k) => k.metric)
    .filter((m) => chartUnit(m) !== null)
    .slice(0, TREND_KPIS);

/** What a trend is read from: the review's KPIs with their team-level targets, the team, and each week's totals by member. */
export interface WeeklyTrendInput {
  readonly metrics: readonly MetricDef[];
  readonly targets: readonly KpiTarget[];
  /** The people the review reads (its active members), with their roles for rates. */
  readonly members: readonly TeamMember[];
  readonly calendar: WorkCalendar;
  readonly weeks: readonly WeekTotals[];
}

/**
 * Each KPI in each week as the review reads its own week (`teamProgress` as of the week's end), so
 * the last week's reading is the review's. A past week is measured against the targets that were in
 * force on each of its workdays: a target changed since does not rewrite an old week, and a week
 * before any target has none. KPIs without a team-level target are left out.
 */
export function buildWeeklyTrend(input: WeeklyTrendInput): WeeklyTrend {
  const kpis = input.metrics.flatMap((def) => {
    const target = input.targets.find((t) => t.metric === def.key);
    return target ? [{ def, target }] : [];
  });
  return {
    metrics: kpis.map((k) => k.def),
    weeks: input.weeks.map(({ week, byMember }) => ({
      week,
      kpis: kpis.map(({ def, target }) => teamProgress(def, target, week, week.end, input.members, byMember, input.calendar).progress),
    })),
  };
}

/**
 * The review of the week before `slotDay` and its trend: the team's last `weeks` weeks up to the
 * reviewed one, read in the review's own query, with the members and team-level targets it reads (as
 * of the reviewed week, whose schedules hold every change up to it, so each past week reads the
 * targets it had).
 */
export async function loadWeeklyReviewWithTrend(store: Store, team: Team, slotDay: Day, weeks = TREND_WEEKS): Promise<{ review: WeeklyReviewModel; trend: WeeklyTrend }> {
  const { review, teamTargets, weeks: byWeek } = await loadWeeklyReviewWithTargets(store, team, slotDay, weeks);
  const trend = buildWeeklyTrend({
    metrics: trendMetrics(review),
    targets: teamTargets.targets,
    members: teamTargets.members.filter((m) => m.isActive),
    calendar: calendarFor(team),
    weeks: byWeek,
  });
  return { review, trend };
}

/**
 * The weekly review's trend: each of the team's main KPIs week by week against the target each week
 * had. Team readings only, so it may go to the channel. Null when nothing was logged in the weeks shown.
 */
export function weeklyTrendChart(trend: WeeklyTrend, locale: Locale): ChartModel | null {
  const t = messages(locale).charts;
  if (trend.metrics.length === 0 || trend.weeks.length === 0) return null;
  const content = {
    kind: 'trend' as const,
    audience: 'team' as const,
    locale,
    title: t.trendTitle({ weeks: trend.weeks.length }),
    categories: trend.weeks.map((w) => formatShortDay(w.week.start, locale)),
    panels: trend.metrics.map((def, k) => ({
      title: metricLabel(def, locale),
      unit: chartUnit(def)!,
      mark: def.kind === 'rate' ? ('line' as const) : ('bar' as const),
      labels: 'last' as const,
      series: [{ name: t.weekTotal, role: 'actual' as const, values: trend.weeks.map((w) => w.kpis[k]!.actual) }],
      references: [{ name: t.target, role: 'target' as const, values: trend.weeks.map((w) => w.kpis[k]!.target) }],
    })),
  };
  return hasValues(content) ? makeChart(content) : null;
}

/** One bar of the funnel: a metric's count as one stage read it. */
interface FunnelBar {
  readonly metric: MetricDef;
  readonly group: RoleGroup | null;
  readonly value: number;
}

/**
 * The funnel of the week reviewed, from the review's own steps: the count at each step and each
 * stage's rate as the review states it. A stage read over other people than the one before it (field
 * sales' meetings after inside sales' meetings) starts a bar of its own, named with whom it was read
 * over, and no rate joins the two. Stages the review leaves out (nothing either side) are left out.
 * Null without a stage.
 */
export function weeklyFunnelChart(review: WeeklyReviewModel, locale: Locale): ChartModel | null {
  const t = messages(locale);
  const bars: FunnelBar[] = [];
  const steps: (ChartStep | null)[] = [];
  for (const f of review.funnel.filter((s) => s.from > 0 || s.to > 0)) {
    const last = bars.at(-1);
    if (!last || last.metric.key !== f.stage.from.key || last.value !== f.from || last.group !== f.group) {
      if (last) steps.push(null);
      bars.push({ metric: f.stage.from, group: f.group, value: f.from });
    }
    bars.push({ metric: f.stage.to, group: f.group, value: f.to });
    steps.push({ name: metricLabel(f.stage.rate, locale), value: f.rate });
  }
  if (bars.length < 2) return null;
  return makeChart({
    kind: 'funnel',
    audience: 'team',
    locale,
    title: t.charts.funnelTitle({ week: formatDay(review.week.start, locale) }),
    categories: funnelCategories(bars, locale),
    panels: [{ title: null, unit: 'count', mark: 'bar', labels: 'all', series: [{ name: t.charts.funnelSeries, role: 'actual', values: bars.map((b) => b.value) }], references: [], steps }],
  });
}

/** Each bar's name: the metric's, with whom it was read over where the metric has two bars; unique. */
function funnelCategories(bars: readonly FunnelBar[], locale: Locale): string[] {
  const t = messages(locale);
  const names: string[] = [];
  for (const bar of bars) {
    const label = metricLabel(bar.metric, locale);
    const twice = bars.filter((b) => b.metric.key === bar.metric.key).length > 1;
    let name = twice ? t.charts.readOver({ metric: label, group: bar.group ? t.roleGroups[bar.group] : t.charts.wholeTeam }) : label;
    if (names.includes(name)) name = `${name} ${names.length + 1}`;
    names.push(name);
  }
  return names;
}

/**
 * The weekly review as it is posted: the trend after the KPIs it draws, the funnel after the funnel's
 * lines, each chart's numbers in the plain text too.
 */
export function weeklyReviewMessage(review: WeeklyReviewModel, trend: WeeklyTrend, locale: Locale): Message & Written {
  const trendChart = weeklyTrendChart(trend, locale);
  const funnel = weeklyFunnelChart(review, locale);
  const placements: ChartPlacement[] = [];
  if (trendChart) placements.push({ chart: trendChart, after: fieldsSection });
  if (funnel) placements.push({ chart: funnel, after: sectionStarting(`*${messages(locale).weekly.funnelTitle}*`) });
  return withCharts(renderWeeklyReview(review, locale), placements);
}
