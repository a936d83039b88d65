import { context, header, section, type KnownBlock, type Message } from './blocks.js';
import { formatAmount, formatItems, formatValue, progressBar, totalsInOrder } from './amounts.js';
import { DEFAULT_WORKDAYS, countWorkdays, type WorkCalendar } from '../domain/calendar.js';
import { addDays, type Day } from '../domain/days.js';
import { DERIVED, LOGGED, isDerivedMetric, isLoggedMetric, metricBetter, metricLabel, type DerivedMetric, type LoggedMetric, type MetricKey } from '../domain/metrics.js';
import { periodOf, type Period, type PeriodKind } from '../domain/periods.js';
import { ceilCount, metricValue, progress, targetForPeriod, type Progress } from '../domain/progress.js';
import { derivedValue, type Totals } from '../domain/rates.js';
import { inputsOf } from '../domain/celebrations.js';
import { calendarOf } from '../domain/team-settings.js';
import { formatDay, formatMonth, formatPercent, messages, pick, type Locale } from '../i18n/index.js';
import type { MetricTarget } from '../domain/tree.js';
import type { Store, Team } from '../store/index.js';

/** The calendar a person works by: their team's, or Mon–Fri with Japanese holidays. */
export function calendarFor(team: Team | null): WorkCalendar {
  return team ? calendarOf(team.settings) : { workdays: DEFAULT_WORKDAYS, holidays: 'jp' };
}

/** Rates worth showing beside the counts they come from, when their inputs were logged. */
const SHOWN_RATES: readonly DerivedMetric[] = ['connect_rate', 'meeting_rate', 'win_rate', 'avg_deal_size'];

export interface RateLine {
  readonly metric: DerivedMetric;
  readonly value: number;
  readonly numerator: number;
  readonly denominator: number;
}

export interface KpiLine {
  readonly progress: Progress;
}

/** Where one person stands in one period: the model behind `/kpi status`, bare `/kpi` and App Home. */
export interface StatusModel {
  readonly userId: string;
  readonly period: Period;
  readonly asOf: Day;
  readonly totals: Totals;
  readonly lines: readonly KpiLine[];
  /** Logged this period but without a target. */
  readonly untargeted: readonly { metric: MetricKey; value: number }[];
  readonly rates: readonly RateLine[];
}

/** The rates a period's sums support, with the counts they come from. */
export function ratesOf(totals: Totals): RateLine[] {
  return SHOWN_RATES.flatMap((metric) => {
    const value = derivedValue(metric, totals);
    const def = DERIVED[metric];
    // A rate of something never logged (0 connects of 600 calls) says nothing.
    return value === null || totals[def.numerator] === undefined ? [] : [{ metric, value, numerator: totals[def.numerator] ?? 0, denominator: totals[def.denominator] ?? 0 }];
  });
}

/** Builds the status of a person for the period of a kind that contains `asOf`, against the targets given. */
export function statusModel(input: {
  userId: string;
  kind: PeriodKind;
  asOf: Day;
  totals: Totals;
  targets: readonly MetricTarget[];
  calendar: WorkCalendar;
}): StatusModel {
  const period = periodOf(input.asOf, input.kind);
  const lines = input.targets.map((target) => ({
    progress: progress({
      metric: target.metric,
      targetValue: target.value,
      targetKind: target.period,
      period,
      asOf: input.asOf,
      actual: metricValue(target.metric, input.totals),
      calendar: input.calendar,
    }),
  }));
  const targeted = new Set(input.targets.map((t) => t.metric));
  const untargeted = totalsInOrder(input.totals).filter((i) => !targeted.has(i.metric));
  return { userId: input.userId, period, asOf: input.asOf, totals: input.totals, lines, untargeted, rates: ratesOf(input.totals) };
}

/**
 * Reads what a person's status needs from the store and builds it for each period kind asked for
 * (the targets once, the totals per period), in the order asked.
 */
export async function loadStatus<K extends readonly PeriodKind[]>(
  store: Store,
  input: { workspace: string; userId: string; team: Team | null; asOf: Day },
  kinds: K,
): Promise<{ [I in keyof K]: StatusModel }> {
  const [targets, ...totals] = await Promise.all([
    store.targets.of(input.workspace, 'person', input.userId, input.asOf),
    ...kinds.map((kind) => store.totals.rangeTotals(input.workspace, input.userId, periodOf(input.asOf, kind).start, input.asOf)),
  ]);
  const calendar = calendarFor(input.team);
  return kinds.map((kind, i) => statusModel({ userId: input.userId, kind, asOf: input.asOf, totals: totals[i]!, targets, calendar })) as { [I in keyof K]: StatusModel };
}

/** "November 2026", "week of Mon 16 Nov – Sun 22 Nov", … */
export function periodName(p: Period, locale: Locale): string {
  return messages(locale).periodNames[p.kind]({ start: formatDay(p.start, locale), end: formatDay(p.end, locale), month: formatMonth(p.start, locale) });
}

/** The second line of a KPI: reached, or the pace, the forecast and what a workday needs. */
/** The details of a KPI line; `who` says whose pace it is: the reader's own, or their team's. */
export function progressDetails(line: KpiLine, totals: Totals, locale: Locale, seed: string, who: 'you' | 'team' = 'you'): string {
  const t = messages(locale);
  const p = line.progress;
  const metric = p.metric;
  const sep = t.separators.details;
  if (metricBetter(metric) === 'lower' && p.actual !== null && p.target !== null) {
    return p.reached ? t.statusWithinLimit : t.statusOverLimit({ amount: formatValue(metric, p.actual - p.target, locale) });
  }
  if (p.reached) return pick(t.statusReached, `${seed}:${metric}`, { metric: metricLabel(metric, locale) });
  const parts: string[] = [];
  if (p.paceGap !== null) {
    const gap = ceilCount(Math.abs(p.paceGap));
    parts.push(p.paceGap > 0.5 ? t.statusAhead({ amount: formatAmount(metric, gap, locale) }) : p.paceGap > -0.5 ? t.statusOnPace : (who === 'team' ? t.statusToPaceTeam : t.statusToPace)({ amount: formatAmount(metric, gap, locale) }));
  }
  if (p.forecast !== null) parts.push(t.statusForecast({ amount: formatValue(metric, Math.round(p.forecast), locale), end: formatDay(p.period.end, locale) }));
  if (p.neededPerWorkday !== null && p.remainingWorkdays > 0) {
    parts.push(t.statusPerDay({ amount: formatAmount(metric, ceilCount(p.neededPerWorkday), locale), days: p.remainingWorkdays }));
  }
  if (isDerivedMetric(metric) && p.actual !== null) {
    const def = DERIVED[metric];
    parts.push(
      t.statusRateFrom({
        numerator: formatAmount(def.numerator, totals[def.numerator] ?? 0, locale),
        denominator: formatAmount(def.denominator, totals[def.denominator] ?? 0, locale),
      }),
    );
  }
  return parts.join(sep);
}

/** The first line of a KPI: `*calls* 600 / 1,000 (60%)  ██████░░░░`. */
export function progressHeadline(line: KpiLine, locale: Locale): string {
  const t = messages(locale);
  const p = line.progress;
  const actual = p.actual === null ? '–' : formatValue(p.metric, p.actual, locale);
  const target = p.target === null ? '–' : formatValue(p.metric, p.target, locale);
  const share = p.attainment === null ? '–' : formatPercent(p.attainment, locale);
  return `${t.statusActual({ metric: metricLabel(p.metric, locale), actual, target, attainment: share })}  ${progressBar(p.attainment)}`;
}

function rateText(r: RateLine, locale: Locale): string {
  const t = messages(locale);
  const def = DERIVED[r.metric];
  const from = t.statusRateFrom({
    numerator: formatAmount(def.numerator, r.numerator, locale),
    denominator: formatAmount(def.denominator, r.denominator, locale),
  });
  return `${formatAmount(r.metric, r.value, locale)} (${from})`;
}

/** A KPI's headline, with its details under it when there are any (a day off has no pace or need to tell). */
export function progressText(line: KpiLine, totals: Totals, locale: Locale, seed: string, who: 'you' | 'team' = 'you'): string {
  const details = progressDetails(line, totals, locale, seed, who);
  return details ? `${progressHeadline(line, locale)}\n${details}` : progressHeadline(line, locale);
}

/** `/kpi status`: progress first, then each KPI with pace, forecast and a workday's need, then the rates. */
export function renderStatus(model: StatusModel, locale: Locale, subject: string): Message {
  const t = messages(locale);
  const seed = `${model.asOf}:${model.userId}`;
  const title = t.statusTitle({ subject, period: periodName(model.period, locale) });
  const counts = totalsInOrder(model.totals).filter((i) => isLoggedMetric(i.metric));
  const lead = counts.length ? pick(t.statusLead, seed, { items: formatItems(counts, locale) }) : pick(t.statusLeadEmpty, seed, undefined);
  const blocks: KnownBlock[] = [header(title), section(lead)];
  const text: string[] = [title, lead];
  for (const line of model.lines) {
    const body = progressText(line, model.totals, locale, seed);
    blocks.push(section(body));
    text.push(body);
  }
  const extras: string[] = [];
  // With no targets the lead already lists every count; "also logged" is for the ones beside the KPIs.
  if (model.untargeted.length && model.lines.length) extras.push(t.statusAlsoLogged({ items: formatItems(model.untargeted, locale) }));
  if (model.rates.length) extras.push(t.statusRates({ items: model.rates.map((r) => rateText(r, locale)).join(t.separators.details) }));
  if (extras.length) {
    blocks.push(context(...extras));
    text.push(...extras);
  }
  if (model.lines.length === 0) {
    blocks.push(context(t.statusNoTargets));
    text.push(t.statusNoTargets);
  }
  return { text: text.join('\n'), blocks };
}

/** What today asks of the KPI furthest from its monthly pace: `"45 calls"` for `"1,000 calls"`. */
export function todaysAsk(month: StatusModel, today: Day, calendar: WorkCalendar): { metric: MetricKey; amount: number; target: number } | null {
  const remainingWithToday = countWorkdays(today, month.period.end, calendar);
  if (remainingWithToday === 0) return null;
  let best: { metric: MetricKey; amount: number; target: number; share: number } | null = null;
  for (const { progress: p } of month.lines) {
    if (p.target === null || p.actual === null || p.reached || p.expected === null || metricBetter(p.metric) === 'lower') continue;
    const amount = ceilCount((p.target - p.actual) / remainingWithToday);
    const share = (p.paceGap ?? 0) / p.target;
    if (!best || share < best.share) best = { metric: p.metric, amount, target: p.target, share };
  }
  return best && { metric: best.metric, amount: best.amount, target: best.target };
}

/** Trailing four weeks before `today`, the window the SMART check compares a target with. */
export function trailingWindow(today: Day): { from: Day; to: Day } {
  return { from: addDays(today, -28), to: addDays(today, -1) };
}

/** Days with entries a trailing pace needs before a target is compared with it. */
export const MIN_PACE_DAYS = 8;

/** A person's trailing pace for any metric and period kind; see `recentPace`. */
type RecentPace = (metric: MetricKey, kind: PeriodKind) => number | null;

/** Reads the four weeks before `today` for `recentPace`. */
export async function loadRecentPace(store: Store, workspace: string, userId: string, today: Day, team: Team | null): Promise<RecentPace> {
  const { from, to } = trailingWindow(today);
  const [totals, days] = await Promise.all([store.totals.rangeTotals(workspace, userId, from, to), store.totals.personDays(workspace, userId, from, to)]);
  return recentPace(totals, days, today, calendarFor(team));
}

/**
 * A person's actual pace over the four weeks before `today` (`totals` and the logged `days` of
 * `trailingWindow(today)`), restated for a target's period: per workday × the workdays of the
 * current period of that kind; for a rate, the rate of those weeks. Null when the metric was logged
 * on fewer than `MIN_PACE_DAYS` days of those weeks. The function answers for every metric and kind.
 */
export function recentPace(totals: Totals, days: readonly { day: Day; metric: LoggedMetric }[], today: Day, calendar: WorkCalendar): RecentPace {
  const { from, to } = trailingWindow(today);
  const workdays = countWorkdays(from, to, calendar);
  return (metric, kind) => {
    // A pace needs a history: a week or two of logs, not the first day someone used the bot.
    const loggedDays = new Set(days.filter((d) => inputsOf(metric).includes(d.metric)).map((d) => d.day)).size;
    if (loggedDays < MIN_PACE_DAYS) return null;
    if (isDerivedMetric(metric)) return derivedValue(metric, totals);
    if (LOGGED[metric].aggregation !== 'sum' || totals[metric] === undefined) return null;
    if (workdays === 0) return null;
    return targetForPeriod(totals[metric] / workdays, 'day', periodOf(today, kind), calendar);
  };
}

