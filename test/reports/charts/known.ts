import { BUILT_INS, totals } from '../../harness/metrics.js';
import { addDays, day, type Day } from '../../../src/domain/days.js';
import { DEFAULT_FUNNEL, funnelStages } from '../../../src/domain/funnel.js';
import { periodOf, previousPeriod, type Period, type PeriodKind } from '../../../src/domain/periods.js';
import type { Totals } from '../../../src/domain/rates.js';
import type { TargetSchedule } from '../../../src/domain/targets.js';
import type { Locale } from '../../../src/i18n/index.js';
import { monthPaceChart } from '../../../src/reports/charts/from-home.js';
import { periodChart, stagesChart } from '../../../src/reports/charts/from-oneonone.js';
import { buildWeeklyTrend, trendMetrics, weeklyFunnelChart, weeklyTrendChart, type WeeklyTrend } from '../../../src/reports/charts/from-weekly.js';
import type { ChartKind, ChartModel } from '../../../src/reports/charts/model.js';
import { buildWeeklyReview, reviewedWeek, type WeeklyReviewModel } from '../../../src/reports/digest/weekly.js';
import { buildOneOnOne, type OneOnOneModel } from '../../../src/reports/oneonone.js';
import { statusModel } from '../../../src/reports/status.js';
import type { TeamTarget } from '../../../src/reports/tree.js';
import type { Target } from '../../../src/store/index.js';

/**
 * Known data sets for every chart, built by the report builders the bot uses:
 * - weekly review on Tuesday 2026-11-24 of the week 16–22 November: two SDRs with 359 calls, 90
 *   connects and 24 meetings, a field rep with 8 meetings and 5 wins; the team on 2,000 calls and
 *   120 meetings a month from 1 October.
 * - the trend: that week and the seven before it (from the week of 28 September), 300 + 10 × week
 *   calls and 18 + week meetings before the week reviewed.
 * - a 1on1 of an SDR over 6–19 November (10 workdays): 500 calls, 125 connects, 25 meetings on
 *   50 calls a workday and 50 meetings a month; 1,000 calls and 50 meetings in the four weeks before
 *   (18 workdays); three SDR teammates.
 * - the month of November as of Thursday the 19th (13 of 19 workdays): 700 calls, 35 meetings,
 *   ¥3,000,000 against 50 calls a workday, 50 meetings and ¥10,000,000.
 */

export const CALENDAR = { workdays: [1, 2, 3, 4, 5], holidays: 'jp' } as const;
export const SLOT = day('2026-11-24');
const FROM = day('2026-10-01');

/** A target from 1 October on, never changed. */
export const since = (value: number, period: PeriodKind, effectiveFrom: Day = FROM): TargetSchedule => [{ value, period, effectiveFrom }];

export const TEAM_TARGETS: TeamTarget[] = [
  { metric: 'calls', schedules: [since(2000, 'month')], source: 'team', carriers: 0 },
  { metric: 'meetings', schedules: [since(120, 'month')], source: 'team', carriers: 0 },
];

export const MEMBERS = [
  { userId: 'U1', salesRole: 'sdr' },
  { userId: 'U2', salesRole: 'sdr' },
  { userId: 'U3', salesRole: 'field' },
  // Two field reps: a stage shows in the channel only when at least two people worked it (rule 5).
  { userId: 'U4', salesRole: 'field' },
] as const;

export const LAST_WEEK = new Map<string, Totals>([
  ['U1', totals({ calls: 200, connects: 50, meetings: 14 })],
  ['U2', totals({ calls: 159, connects: 40, meetings: 10 })],
  ['U3', totals({ meetings: 5, wins: 3 })],
  ['U4', totals({ meetings: 3, wins: 2 })],
]);

export function weeklyReview(): WeeklyReviewModel {
  return buildWeeklyReview({
    teamName: 'Tokyo',
    calendar: CALENDAR,
    catalog: BUILT_INS,
    funnel: DEFAULT_FUNNEL,
    slotDay: SLOT,
    members: MEMBERS,
    targets: TEAM_TARGETS,
    memberTargets: new Map(),
    lastWeek: LAST_WEEK,
    weekBefore: LAST_WEEK,
    baseline: new Map(),
    monthToDate: LAST_WEEK,
    lastLogged: new Map(),
  });
}

/** The eight weeks of the trend, oldest first, the last one the week reviewed. */
export function trendWeeks(): Period[] {
  const weeks: Period[] = [reviewedWeek(SLOT)];
  while (weeks.length < 8) weeks.unshift(previousPeriod(weeks[0]!));
  return weeks;
}

export function weeklyTrend(review: WeeklyReviewModel = weeklyReview()): WeeklyTrend {
  const weeks = trendWeeks();
  return buildWeeklyTrend({
    metrics: trendMetrics(review),
    targets: TEAM_TARGETS,
    members: MEMBERS,
    calendar: CALENDAR,
    weeks: weeks.map((week, i) => ({
      week,
      byMember:
        i === weeks.length - 1
          ? LAST_WEEK
          : new Map([
              ['U1', totals({ calls: 150 + 10 * (i + 1), connects: 40, meetings: 10 + (i + 1) })],
              ['U2', totals({ calls: 150, connects: 35, meetings: 8 })],
            ]),
    })),
  });
}

const target = (metric: string, value: number, period: PeriodKind): Target => ({
  scope: 'person',
  subject: 'U1',
  metric,
  value,
  period,
  effectiveFrom: FROM,
  setBy: 'UM',
  schedule: since(value, period),
});

export function oneOnOne(): OneOnOneModel {
  const to = day('2026-11-19');
  return buildOneOnOne({
    rep: 'U1',
    salesRole: 'sdr',
    meetingDay: day('2026-11-20'),
    meetingMinutes: 15 * 60,
    since: 'twoWeeks',
    from: day('2026-11-06'),
    to,
    calendar: CALENDAR,
    catalog: BUILT_INS,
    stages: funnelStages(DEFAULT_FUNNEL, BUILT_INS),
    current: totals({ calls: 500, connects: 125, meetings: 25 }),
    previous: totals({ calls: 500, connects: 125, meetings: 25 }),
    baseline: totals({ calls: 1000, connects: 250, meetings: 50 }),
    teammates: [
      { salesRole: 'sdr', totals: totals({ calls: 400, connects: 120, meetings: 30 }) },
      { salesRole: 'sdr', totals: totals({ calls: 600, connects: 120, meetings: 24 }) },
      { salesRole: 'sdr', totals: totals({ calls: 300, connects: 60, meetings: 18 }) },
    ],
    monthTotals: totals({ calls: 650, meetings: 32 }),
    targets: [target('calls', 50, 'day'), target('meetings', 50, 'month')],
    loggedDays: new Set<Day>(Array.from({ length: 10 }, (_, i) => addDays(to, -i))),
    lastLogged: new Map(),
    bests: [],
    notes: [],
    paces: new Map(),
    lastPlan: null,
    sincePlan: null,
    checkIn: null,
  });
}

export function month() {
  return statusModel({
    userId: 'U1',
    role: null,
    kind: 'month',
    asOf: day('2026-11-19'),
    totals: totals({ calls: 700, meetings: 35, revenue: 3_000_000 }),
    targets: [
      { metric: 'calls', schedules: [since(50, 'day')] },
      { metric: 'meetings', schedules: [since(50, 'month')] },
      { metric: 'revenue', schedules: [since(10_000_000, 'month')] },
    ],
    calendar: CALENDAR,
    catalog: BUILT_INS,
  });
}

/** Every chart kind from the known data, in a language. */
export function knownCharts(locale: Locale): Record<ChartKind, ChartModel> {
  const review = weeklyReview();
  const prep = oneOnOne();
  const charts = {
    trend: weeklyTrendChart(weeklyTrend(review), locale),
    funnel: weeklyFunnelChart(review, locale),
    period: periodChart(prep, locale),
    stages: stagesChart(prep, locale),
    pace: monthPaceChart(month(), locale),
  };
  for (const [kind, chart] of Object.entries(charts)) if (!chart) throw new Error(`the known data gives no ${kind} chart`);
  return charts as Record<ChartKind, ChartModel>;
}

/** The week the trend ends on, for checking its categories. */
export const lastWeek: Period = periodOf(addDays(SLOT, -7), 'week');

