import { sectionStarting, withCharts, type ChartPlacement } from './attach.js';
import { hasValues, makeChart, type ChartModel } from './model.js';
import { metricLabel } from '../amounts.js';
import type { Message } from '../blocks.js';
import type { Written } from '../digest/sentences.js';
import { renderOneOnOne, type OneOnOneModel } from '../oneonone.js';
import { teamMedianOf } from '../oneonone-funnel.js';
import type { WorkCalendar } from '../../domain/calendar.js';
import { addDays, type Day } from '../../domain/days.js';
import { stageRate, stagesOfRole } from '../../domain/funnel.js';
import type { MetricDef } from '../../domain/metrics.js';
import { periodOf } from '../../domain/periods.js';
import { metricValue, ratio } from '../../domain/rates.js';
import { flowTarget, periodTarget, type TargetSchedule } from '../../domain/targets.js';
import { formatDay, messages, type Locale } from '../../i18n/index.js';

/** The most KPIs a prep's chart draws: the main ones. */
const PERIOD_KPIS = 5;

/** The days before the prep's period its own baseline covers (the prep reads the same four weeks). */
const BASELINE_DAYS = 28;

/**
 * A person's target over the days `from`…`to`: a flow's workdays each at the target in force that
 * day (`flowTarget`, as every period is read); a rate or a snapshot as in force on `to`, as the
 * month's line states it.
 */
function spanTarget(def: MetricDef, schedule: TargetSchedule, from: Day, to: Day, calendar: WorkCalendar): number | null {
  if (def.kind === 'flow') return flowTarget(schedule, from, to, to, calendar);
  return periodTarget(def, [schedule], periodOf(to, 'month'), to, calendar).value;
}

/**
 * The rep's KPIs over the prep's period as a share of their target for the same days, beside their
 * own four weeks before the period against the target those weeks had. The values are the prep's
 * (`metricValue` of its period and baseline totals); the KPIs are the month's, where more is better.
 * For the manager's 1on1 prep only. Null without targets.
 */
export function periodChart(m: OneOnOneModel, locale: Locale): ChartModel | null {
  const t = messages(locale).charts;
  const { from, to, calendar, current, baseline, targets } = m.input;
  const baseFrom = addDays(from, -BASELINE_DAYS);
  const baseTo = addDays(from, -1);
  const lines = m.month.lines
    .map((l) => l.progress)
    .filter((p) => p.target !== null && p.target > 0 && p.metric.better === 'higher')
    .flatMap((p) => {
      const schedule = targets.find((x) => x.metric === p.metric.key)?.schedule;
      return schedule ? [{ def: p.metric, schedule }] : [];
    })
    .slice(0, PERIOD_KPIS);
  if (lines.length === 0) return null;
  const share = (value: number | null, target: number | null) => (value === null || target === null ? null : ratio(value, target));
  const content = {
    kind: 'period' as const,
    audience: 'person' as const,
    locale,
    title: t.periodTitle({ from: formatDay(from, locale), to: formatDay(to, locale) }),
    categories: lines.map((l) => metricLabel(l.def, locale)),
    panels: [
      {
        title: null,
        unit: 'share' as const,
        mark: 'bar' as const,
        labels: 'all' as const,
        series: [
          { name: t.periodSeries, role: 'actual' as const, values: lines.map((l) => share(metricValue(l.def, current), spanTarget(l.def, l.schedule, from, to, calendar))) },
          { name: t.ownBaseline, role: 'comparison' as const, values: lines.map((l) => share(metricValue(l.def, baseline), spanTarget(l.def, l.schedule, baseFrom, baseTo, calendar))) },
        ],
        references: [{ name: t.target, role: 'target' as const, values: lines.map(() => 1) }],
      },
    ],
  };
  return hasValues(content) ? makeChart(content) : null;
}

/**
 * The rep's rate at each stage of the funnel their role works, beside the team's median for the same
 * period, read as the prep reads the stage it coaches (`stageRate`, `teamMedianOf`). For the
 * manager's 1on1 prep only. Null when no stage has enough volume.
 */
export function stagesChart(m: OneOnOneModel, locale: Locale): ChartModel | null {
  const t = messages(locale).charts;
  const { current, teammates, salesRole, stages, from, to } = m.input;
  const worked = stagesOfRole(stages, salesRole);
  const own = worked.map((s) => stageRate(s, current));
  if (own.every((v) => v === null)) return null;
  return makeChart({
    kind: 'stages',
    audience: 'person',
    locale,
    title: t.stagesTitle({ from: formatDay(from, locale), to: formatDay(to, locale) }),
    categories: worked.map((s) => metricLabel(s.rate, locale)),
    panels: [
      {
        title: null,
        unit: 'ratio',
        mark: 'bar',
        labels: 'all',
        series: [
          { name: t.repSeries, role: 'actual', values: own },
          { name: t.teamMedian, role: 'comparison', values: worked.map((s) => teamMedianOf(s, teammates)) },
        ],
        references: [],
      },
    ],
  });
}

/**
 * The 1on1 prep as it is sent to the manager: the period chart after the month's KPIs, the stage
 * chart after what to work on, each chart's numbers in the plain text too.
 */
export function oneOnOneMessage(m: OneOnOneModel, locale: Locale, meetingLabel: string): Message & Written {
  const t = messages(locale).oneonone;
  const period = periodChart(m, locale);
  const stages = stagesChart(m, locale);
  const placements: ChartPlacement[] = [];
  if (period) placements.push({ chart: period, after: sectionStarting(`*${t.kpisTitle}*`) });
  if (stages) placements.push({ chart: stages, after: sectionStarting(`*${t.workOnTitle}*`) });
  return withCharts(renderOneOnOne(m, locale, meetingLabel), placements);
}
