import { hasValues, makeChart, type ChartModel } from './model.js';
import type { OneOnOneModel } from '../oneonone.js';
import { countWorkdays } from '../../domain/calendar.js';
import { addDays } from '../../domain/days.js';
import { median, stageRate, stagesFor, stagesOfRole } from '../../domain/funnel.js';
import { metricBetter, metricLabel, metricUnit } from '../../domain/metrics.js';
import { convertsWithWorkdays, metricValue } from '../../domain/progress.js';
import { ratio } from '../../domain/rates.js';
import { formatDay, messages, type Locale } from '../../i18n/index.js';

/** The most KPIs a prep's chart draws: the main ones. */
const PERIOD_KPIS = 5;

/**
 * The rep's KPIs over the prep's period as a share of their target for the same workdays (the
 * month's target spread over its workdays; a rate's target as set), beside their own four weeks
 * before the period measured the same way. For the manager's 1on1 prep only. Null without targets.
 */
export function periodChart(m: OneOnOneModel, locale: Locale): ChartModel | null {
  const t = messages(locale).charts;
  const { from, to, calendar, current, baseline } = m.input;
  const spanDays = countWorkdays(from, to, calendar);
  const baselineDays = countWorkdays(addDays(from, -28), addDays(from, -1), calendar);
  const lines = m.month.lines
    .map((l) => l.progress)
    .filter((p) => p.target !== null && p.target > 0 && metricBetter(p.metric) === 'higher' && (convertsWithWorkdays(p.metric) || metricUnit(p.metric) === 'ratio'))
    .slice(0, PERIOD_KPIS);
  if (lines.length === 0) return null;
  const shares = lines.map((p) => {
    const summed = convertsWithWorkdays(p.metric);
    const target = summed ? (p.totalWorkdays > 0 ? (p.target! * spanDays) / p.totalWorkdays : null) : p.target!;
    const now = metricValue(p.metric, current);
    const before = metricValue(p.metric, baseline);
    const scaledBefore = before === null ? null : summed ? (baselineDays > 0 ? (before * spanDays) / baselineDays : null) : before;
    const share = (v: number | null) => (v === null || target === null ? null : ratio(v, target));
    return { now: share(now), before: share(scaledBefore) };
  });
  const content = {
    kind: 'period' as const,
    audience: 'person' as const,
    locale,
    title: t.periodTitle({ from: formatDay(from, locale), to: formatDay(to, locale) }),
    categories: lines.map((p) => metricLabel(p.metric, locale)),
    panels: [
      {
        title: null,
        unit: 'share' as const,
        mark: 'bar' as const,
        labels: 'all' as const,
        series: [
          { name: t.periodSeries, role: 'actual' as const, values: shares.map((s) => s.now) },
          { name: t.ownBaseline, role: 'comparison' as const, values: shares.map((s) => s.before) },
        ],
        references: [{ name: t.target, role: 'target' as const, values: lines.map(() => 1) }],
      },
    ],
  };
  return hasValues(content) ? makeChart(content) : null;
}

/**
 * The rep's conversion at each stage of the funnel their role works, beside the team's median for
 * the same period. For the manager's 1on1 prep only. Null when no stage has enough volume.
 */
export function stagesChart(m: OneOnOneModel, locale: Locale): ChartModel | null {
  const c = messages(locale);
  const t = c.charts;
  const { current, teammates, salesRole, from, to } = m.input;
  const worked = stagesOfRole(salesRole);
  const defs = stagesFor(current).filter((d) => worked.includes(d.stage));
  if (defs.length === 0) return null;
  const teamMedian = (stage: (typeof defs)[number]['stage']) =>
    median(
      teammates.flatMap((totals) => {
        const def = stagesFor(totals).find((d) => d.stage === stage);
        const rate = def ? stageRate(def, totals) : null;
        return rate === null ? [] : [rate];
      }),
    );
  const content = {
    kind: 'stages' as const,
    audience: 'person' as const,
    locale,
    title: t.stagesTitle({ from: formatDay(from, locale), to: formatDay(to, locale) }),
    categories: defs.map((d) => c.stageNames[d.stage]),
    panels: [
      {
        title: null,
        unit: 'ratio' as const,
        mark: 'bar' as const,
        labels: 'all' as const,
        series: [
          { name: t.repSeries, role: 'actual' as const, values: defs.map((d) => stageRate(d, current)) },
          { name: t.teamMedian, role: 'comparison' as const, values: defs.map((d) => teamMedian(d.stage)) },
        ],
        references: [],
      },
    ],
  };
  return content.panels[0]!.series[0]!.values.some((v) => v !== null) ? makeChart(content) : null;
}

/** The 1on1 prep's charts; each is left out when it has nothing to show. */
export function oneOnOneCharts(m: OneOnOneModel, locale: Locale): ChartModel[] {
  return [periodChart(m, locale), stagesChart(m, locale)].filter((x): x is ChartModel => x !== null);
}
