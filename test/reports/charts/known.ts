import { addDays, day, type Day } from '../../../src/domain/days.js';
import { periodOf, previousPeriod, type Period } from '../../../src/domain/periods.js';
import type { Totals } from '../../../src/domain/rates.js';
import type { Locale } from '../../../src/i18n/index.js';
import { monthPaceChart } from '../../../src/reports/charts/from-home.js';
import { periodChart, stagesChart } from '../../../src/reports/charts/from-oneonone.js';
import { weeklyFunnelChart, weeklyTrendChart, type WeeklyTrend } from '../../../src/reports/charts/from-weekly.js';
import type { ChartKind, ChartModel } from '../../../src/reports/charts/model.js';
import { buildWeeklyReview, reviewedWeek, type WeeklyReviewModel } from '../../../src/reports/digest/weekly.js';
import { buildOneOnOne, type OneOnOneModel } from '../../../src/reports/oneonone.js';
import { statusModel } from '../../../src/reports/status.js';
import type { TeamTarget } from '../../../src/reports/tree.js';
import type { Target } from '../../../src/store/index.js';

/**
 * Known data sets for every chart, built by the report builders the bot uses:
 * - weekly review on Tuesday 2026-11-24 of the week 16–22 November: three reps with 459 calls,
 *   120 connects, 32 meetings and 5 wins together; the team on 2,000 calls and 120 meetings a month.
 * - the trend: that week and the seven before, 400 + 10 × week calls and 20 + week meetings.
 * - a 1on1 of an SDR over 6–19 November (10 workdays): 500 calls, 125 connects, 25 meetings on
 *   50 calls a workday and 50 meetings a month; 1,000 calls and 50 meetings in the four weeks before
 *   (18 workdays); three teammates.
 * - the month of November as of Thursday the 19th (13 of 19 workdays): 700 calls, 35 meetings,
 *   ¥3,000,000 against 950 calls, 50 meetings and ¥10,000,000.
 */

export const CALENDAR = { workdays: [1, 2, 3, 4, 5], holidays: 'jp' } as const;
export const SLOT = day('2026-11-24');

const teamTargets: TeamTarget[] = [
  { metric: 'calls', value: 2000, period: 'month', source: 'team' },
  { metric: 'meetings', value: 120, period: 'month', source: 'team' },
];

export function weeklyReview(): WeeklyReviewModel {
  const members = ['U1', 'U2', 'U3'].map((userId) => ({ userId }));
  const lastWeek = new Map<string, Totals>([
    ['U1', { calls: 200, connects: 50, meetings: 14, wins: 2 }],
    ['U2', { calls: 159, connects: 40, meetings: 10, wins: 2 }],
    ['U3', { calls: 100, connects: 30, meetings: 8, wins: 1 }],
  ]);
  return buildWeeklyReview({
    teamName: 'Tokyo',
    calendar: CALENDAR,
    slotDay: SLOT,
    members,
    targets: teamTargets,
    memberTargets: new Map(),
    lastWeek,
    weekBefore: lastWeek,
    baseline: new Map(),
    monthToDate: lastWeek,
    lastLogged: new Map(),
  });
}

export function weeklyTrend(): WeeklyTrend {
  const weeks: Period[] = [reviewedWeek(SLOT)];
  while (weeks.length < 8) weeks.unshift(previousPeriod(weeks[0]!));
  return { calendar: CALENDAR, weeks: weeks.map((week, i) => ({ week, totals: { calls: 400 + 10 * (i + 1), meetings: 20 + (i + 1) }, targets: teamTargets })) };
}

const target = (metric: Target['metric'], value: number, period: Target['period']): Target => ({ scope: 'person', subject: 'U1', metric, value, period, effectiveFrom: day('2026-10-01'), setBy: 'UM' });

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
    current: { calls: 500, connects: 125, meetings: 25 },
    previous: { calls: 500, connects: 125, meetings: 25 },
    baseline: { calls: 1000, connects: 250, meetings: 50 },
    teammates: [
      { calls: 400, connects: 120, meetings: 30 },
      { calls: 600, connects: 120, meetings: 24 },
      { calls: 300, connects: 60, meetings: 18 },
    ],
    monthTotals: { calls: 650, meetings: 32 },
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
    kind: 'month',
    asOf: day('2026-11-19'),
    totals: { calls: 700, meetings: 35, revenue: 3_000_000 },
    targets: [
      { metric: 'calls', value: 50, period: 'day' },
      { metric: 'meetings', value: 50, period: 'month' },
      { metric: 'revenue', value: 10_000_000, period: 'month' },
    ],
    calendar: CALENDAR,
  });
}

/** Every chart kind from the known data, in a language. */
export function knownCharts(locale: Locale): Record<ChartKind, ChartModel> {
  const review = weeklyReview();
  const prep = oneOnOne();
  const charts = {
    trend: weeklyTrendChart(review, weeklyTrend(), locale),
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
