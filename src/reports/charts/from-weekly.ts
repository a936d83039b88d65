import { hasValues, makeChart, type ChartModel, type ChartUnit } from './model.js';
import type { WeeklyReviewModel } from '../digest/weekly.js';
import { calendarFor } from '../status.js';
import { loadTeamTargets, type TeamTarget } from '../tree.js';
import type { WorkCalendar } from '../../domain/calendar.js';
import { stageRate, stagesFor } from '../../domain/funnel.js';
import { metricLabel, metricUnit, type MetricKey } from '../../domain/metrics.js';
import { previousPeriod, type Period } from '../../domain/periods.js';
import { metricValue, periodTarget } from '../../domain/progress.js';
import { sumTotals, type Totals } from '../../domain/rates.js';
import { formatDay, formatShortDay, messages, type Locale } from '../../i18n/index.js';
import type { Store, Team } from '../../store/index.js';

/** How many weeks the weekly review's trend shows. */
export const TREND_WEEKS = 8;
/** The most KPIs the trend draws, two plots to a row: the main ones (DOMAIN.md: 3–5, ideally 1–3). */
export const TREND_KPIS = 4;

/** A team's totals week by week, oldest first, with the team-level targets in force at each week's end. */
export interface WeeklyTrend {
  readonly calendar: WorkCalendar;
  readonly weeks: readonly { readonly week: Period; readonly totals: Totals; readonly targets: readonly TeamTarget[] }[];
}

/** The units a chart draws a metric in; scores (CSAT) stay in the text. */
function chartUnit(metric: MetricKey): ChartUnit | null {
  const unit = metricUnit(metric);
  return unit === 'count' || unit === 'currency' || unit === 'ratio' ? unit : null;
}

/**
 * Reads the team's last `weeks` weeks up to the week a review covers: the members' totals summed
 * per week in one query, and the targets in force at the end of each week (targets are
 * effective-dated, so an old week is measured against the target it had). Targets rarely change:
 * when none took effect since the first week's end, the last week's serve every week.
 */
export async function loadWeeklyTrend(store: Store, team: Team, reviewed: Period, weeks = TREND_WEEKS): Promise<WeeklyTrend> {
  const periods: Period[] = [reviewed];
  while (periods.length < weeks) periods.unshift(previousPeriod(periods[0]!));
  const first = periods[0]!.end;
  const [ranges, last] = await Promise.all([
    store.totals.memberRanges(
      team.id,
      periods.map((p) => ({ from: p.start, to: p.end })),
    ),
    loadTeamTargets(store, team, reviewed.end),
  ]);
  const changed =
    (await store.targets.changedBetween(team.workspace, 'team', [String(team.id)], first, reviewed.end)) ||
    (await store.targets.changedBetween(
      team.workspace,
      'person',
      last.members.map((m) => m.userId),
      first,
      reviewed.end,
    ));
  const targets = changed ? await Promise.all(periods.map((p) => (p === reviewed ? last : loadTeamTargets(store, team, p.end)))) : periods.map(() => last);
  return {
    calendar: calendarFor(team),
    weeks: periods.map((week, i) => ({ week, totals: sumTotals(ranges[i]!.values()), targets: targets[i]!.targets })),
  };
}

/**
 * The weekly review's trend: each of the team's main KPIs (the review's own, at most four) week by
 * week against the target each week had. Team totals only, so it may go to the channel. Null when
 * nothing was logged in the weeks shown.
 */
export function weeklyTrendChart(review: WeeklyReviewModel, trend: WeeklyTrend, locale: Locale): ChartModel | null {
  const t = messages(locale).charts;
  const metrics = review.kpis.map((k) => k.metric).filter((m) => chartUnit(m) !== null).slice(0, TREND_KPIS);
  if (metrics.length === 0 || trend.weeks.length === 0) return null;
  const content = {
    kind: 'trend' as const,
    audience: 'team' as const,
    locale,
    title: t.trendTitle({ weeks: trend.weeks.length }),
    categories: trend.weeks.map((w) => formatShortDay(w.week.start, locale)),
    panels: metrics.map((metric) => ({
      title: metricLabel(metric, locale),
      unit: chartUnit(metric)!,
      mark: metricUnit(metric) === 'ratio' ? ('line' as const) : ('bar' as const),
      labels: 'last' as const,
      series: [{ name: t.weekTotal, role: 'actual' as const, values: trend.weeks.map((w) => metricValue(metric, w.totals)) }],
      references: [
        {
          name: t.target,
          role: 'target' as const,
          values: trend.weeks.map((w) => {
            const target = w.targets.find((x) => x.metric === metric);
            return target ? periodTarget(metric, target.value, target.period, w.week, trend.calendar) : null;
          }),
        },
      ],
    })),
  };
  return hasValues(content) ? makeChart(content) : null;
}

/**
 * The funnel of the week reviewed: the count at each step (calls → connects → meetings → wins) and
 * the conversion from each step to the next, as the funnel's stages define it. Null without a funnel.
 */
export function weeklyFunnelChart(review: WeeklyReviewModel, locale: Locale): ChartModel | null {
  if (review.funnel.length < 2) return null;
  const t = messages(locale).charts;
  const stages = stagesFor(review.totals);
  const steps = review.funnel.slice(1).map((to, i) => {
    const def = stages.find((s) => s.from === review.funnel[i]!.metric && s.to === to.metric);
    return def ? stageRate(def, review.totals) : null;
  });
  return makeChart({
    kind: 'funnel',
    audience: 'team',
    locale,
    title: t.funnelTitle({ week: formatDay(review.week.start, locale) }),
    categories: review.funnel.map((f) => metricLabel(f.metric, locale)),
    panels: [{ title: null, unit: 'count', mark: 'bar', labels: 'all', series: [{ name: t.funnelSeries, role: 'actual', values: review.funnel.map((f) => f.value) }], references: [], steps }],
  });
}

/** The weekly review's charts, trend first; each is left out when it has nothing to show. */
export function weeklyCharts(review: WeeklyReviewModel, trend: WeeklyTrend, locale: Locale): ChartModel[] {
  return [weeklyTrendChart(review, trend, locale), weeklyFunnelChart(review, locale)].filter((c): c is ChartModel => c !== null);
}

