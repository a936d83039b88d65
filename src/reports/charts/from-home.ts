import { hasValues, makeChart, type ChartModel } from './model.js';
import type { HomeModel } from '../home.js';
import type { StatusModel } from '../status.js';
import { metricLabel } from '../amounts.js';
import { isPaced } from '../../domain/progress.js';
import { ratio } from '../../domain/rates.js';
import { formatMonth, messages, type Locale } from '../../i18n/index.js';

/** The most KPIs the month chart draws. */
const PACE_KPIS = 6;

/**
 * The month so far against the pace for today: each summed KPI's total as a share of the month's
 * target, beside the share the target asked of the workdays so far (the pace, day by day as the
 * targets were in force), as the status lines read them. `team` names a team's chart (the team's
 * month as the manager's panel reads it); without it the chart is a person's own.
 */
export function monthPaceChart(month: StatusModel, locale: Locale, team?: { name: string }): ChartModel | null {
  const t = messages(locale).charts;
  const lines = month.lines
    .map((l) => l.progress)
    .filter((p) => isPaced(p.metric) && p.metric.better === 'higher' && p.target !== null && p.target > 0)
    .slice(0, PACE_KPIS);
  if (lines.length === 0) return null;
  const monthName = formatMonth(month.period.start, locale);
  const content = {
    kind: 'pace' as const,
    audience: team ? ('team' as const) : ('person' as const),
    locale,
    title: team ? t.teamPaceTitle({ team: team.name, month: monthName }) : t.paceTitle({ month: monthName }),
    categories: lines.map((p) => metricLabel(p.metric, locale)),
    panels: [
      {
        title: null,
        unit: 'share' as const,
        mark: 'bar' as const,
        labels: 'all' as const,
        series: [{ name: t.soFar, role: 'actual' as const, values: lines.map((p) => (p.actual === null ? null : ratio(p.actual, p.target!))) }],
        references: [
          { name: t.paceToday, role: 'pace' as const, values: lines.map((p) => (p.expected === null ? null : ratio(p.expected, p.target!))) },
          { name: t.target, role: 'target' as const, values: lines.map(() => 1) },
        ],
      },
    ],
  };
  return hasValues(content) ? makeChart(content) : null;
}

/** App Home's charts: the person's month, and for a team's manager the team's month. */
export function homeCharts(home: HomeModel): ChartModel[] {
  const month = home.periods[home.periods.length - 1];
  const own = month ? monthPaceChart(month, home.locale) : null;
  const team = home.team ? monthPaceChart(home.team.month, home.locale, { name: home.team.name }) : null;
  return [own, team].filter((c): c is ChartModel => c !== null);
}
