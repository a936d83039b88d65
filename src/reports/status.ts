import { context, header, section, type KnownBlock, type Message } from './blocks.js';
import { formatAmount, formatFigure, formatItems, formatQuantity, formatTarget, formatValue, metricHeading, progressBar, totalsInOrder } from './amounts.js';
import { formatFormula } from './formulas.js';
import { DEFAULT_WORKDAYS, countWorkdays, withDaysOff, type WorkCalendar } from '../domain/calendar.js';
import { addDays, type Day } from '../domain/days.js';
import type { MetricCatalog } from '../domain/metric-catalog.js';
import { inputsOf, type MetricDef } from '../domain/metrics.js';
import { periodOf, type Period, type PeriodKind } from '../domain/periods.js';
import { ceilCount, progress, type Progress } from '../domain/progress.js';
import { hasInputs, metricValue, rateParts, type Totals } from '../domain/rates.js';
import { worksOnMetric } from '../domain/roles.js';
import { periodTarget, type TargetSchedule } from '../domain/targets.js';
import { calendarOf } from '../domain/team-settings.js';
import { formatDay, formatMonth, formatPercent, formatPoints, messages, pick, upperFirst, type Locale } from '../i18n/index.js';
import type { Store, Target, Team } from '../store/index.js';

/** The calendar a person works by: their team's, or Mon–Fri with Japanese holidays. */
export function calendarFor(team: Team | null): WorkCalendar {
  return team ? calendarOf(team.settings) : { workdays: DEFAULT_WORKDAYS, holidays: 'jp' };
}

/** A KPI with the target histories it is judged by: one person's, or several that add up (a team's members). */
export interface KpiTarget {
  readonly metric: string;
  readonly schedules: readonly TargetSchedule[];
}

/** A person's targets in force as KPIs, each with its own history. */
export const personalKpis = (targets: readonly Target[]): KpiTarget[] => targets.map((t) => ({ metric: t.metric, schedules: [t.schedule] }));

/** A rate shown beside the counts it comes from. */
export interface RateLine {
  readonly metric: MetricDef;
  readonly value: number;
  readonly numerator: number;
  readonly denominator: number;
}

export interface KpiLine {
  readonly progress: Progress;
  /** The totals the line was read from when they are not the model's own (a team rate's population). */
  readonly totals?: Totals;
}

/** Meetings an inside rep handed to field sales, and the wins credited back to them (seed 002: 案件化率だけでなく受注率も). */
export interface Handoffs {
  readonly from: Day;
  readonly to: Day;
  readonly handed: number;
  readonly won: number;
}

/** Where one person stands in one period: the model behind `/kpi status`, bare `/kpi` and App Home. */
export interface StatusModel {
  readonly userId: string;
  readonly period: Period;
  readonly asOf: Day;
  readonly totals: Totals;
  readonly lines: readonly KpiLine[];
  /** Logged this period (or a snapshot carried into it, with its day) but without a target. */
  readonly untargeted: readonly { metric: MetricDef; value: number; asOf: Day | null }[];
  readonly rates: readonly RateLine[];
  readonly handoffs: Handoffs | null;
}

/** One progress line of a KPI for a period: the target day by day as it was in force, the actual by the metric's definition. */
export function kpiProgress(def: MetricDef, schedules: readonly TargetSchedule[], period: Period, asOf: Day, totals: Totals, calendar: WorkCalendar): Progress {
  return progress({
    metric: def,
    target: periodTarget(def, schedules, period, asOf, calendar),
    period,
    asOf,
    actual: metricValue(def, totals),
    actualAsOf: totals.asOf[def.key] ?? null,
    calendar,
  });
}

/**
 * The rates a period's values support, with the counts they come from: every rate whose inputs
 * were logged and whose inputs the person's role works, besides `except` (the ones already shown as KPIs).
 */
export function ratesOf(totals: Totals, catalog: MetricCatalog, role: string | null, except: ReadonlySet<string> = new Set()): RateLine[] {
  return catalog.rates.flatMap((def) => {
    if (except.has(def.key) || !worksOnMetric(role, def) || !hasInputs(def, totals)) return [];
    const value = metricValue(def, totals);
    const { numerator, denominator } = rateParts(def, totals);
    return value === null || denominator === null ? [] : [{ metric: def, value, numerator, denominator }];
  });
}

/** Builds the status of a person for the period of a kind that contains `asOf`, against the KPIs given. */
export function statusModel(input: {
  userId: string;
  role: string | null;
  kind: PeriodKind;
  asOf: Day;
  totals: Totals;
  targets: readonly KpiTarget[];
  calendar: WorkCalendar;
  catalog: MetricCatalog;
  handoffs?: Handoffs | null;
}): StatusModel {
  const period = periodOf(input.asOf, input.kind);
  const lines = input.targets.flatMap((target) => {
    const def = input.catalog.get(target.metric);
    return def ? [{ progress: kpiProgress(def, target.schedules, period, input.asOf, input.totals, input.calendar) }] : [];
  });
  const targeted = new Set(input.targets.map((t) => t.metric));
  const untargeted = totalsInOrder(input.totals, input.catalog)
    .filter((i) => !targeted.has(i.metric.key))
    .map((i) => ({ ...i, asOf: input.totals.asOf[i.metric.key] ?? null }));
  return {
    userId: input.userId,
    period,
    asOf: input.asOf,
    totals: input.totals,
    lines,
    untargeted,
    rates: ratesOf(input.totals, input.catalog, input.role, targeted),
    handoffs: input.handoffs ?? null,
  };
}

/** How far back an inside rep's handed-over meetings are followed to the wins credited back. */
export const HANDOFF_DAYS = 90;

/**
 * Reads what a person's status needs from the store and builds it for each period kind asked for
 * (the targets once, the totals per period), in the order asked.
 */
export async function loadStatus<K extends readonly PeriodKind[]>(
  store: Store,
  input: { workspace: string; userId: string; team: Team | null; asOf: Day },
  kinds: K,
): Promise<{ [I in keyof K]: StatusModel }> {
  const { workspace, userId, asOf } = input;
  const handoffSpan = { from: addDays(asOf, -(HANDOFF_DAYS - 1)), to: asOf };
  const [catalog, person, targets, handoffs, daysOff, ...totals] = await Promise.all([
    store.metrics.catalog(workspace),
    store.people.get(workspace, userId),
    store.targets.of(workspace, 'person', userId, asOf),
    store.activity.handoffs(workspace, userId, handoffSpan.from, handoffSpan.to),
    store.daysOff.of(workspace, userId),
    ...kinds.map((kind) => store.totals.rangeTotals(workspace, userId, periodOf(asOf, kind).start, asOf)),
  ]);
  // Their own calendar: a day off is no workday of theirs.
  const calendar = withDaysOff(calendarFor(input.team), daysOff);
  const role = person?.salesRole ?? null;
  const handed = handoffs.handed > 0 ? { ...handoffSpan, ...handoffs } : null;
  return kinds.map((kind, i) =>
    statusModel({ userId, role, kind, asOf, totals: totals[i]!, targets: personalKpis(targets), calendar, catalog, handoffs: handed }),
  ) as { [I in keyof K]: StatusModel };
}

/** "November 2026", "week of Mon 16 Nov – Sun 22 Nov", … */
export function periodName(p: Period, locale: Locale): string {
  return messages(locale).periodNames[p.kind]({ start: formatDay(p.start, locale), end: formatDay(p.end, locale), month: formatMonth(p.start, locale) });
}

/** "from 30 meetings of 150 calls": a rate's two sides in a period, its formula made visible. */
function rateFrom(def: MetricDef, totals: Totals, catalog: MetricCatalog | null, locale: Locale): string | null {
  const { numerator, denominator } = rateParts(def, totals);
  const f = def.formula!;
  if (denominator === null) return null;
  const t = messages(locale);
  const top = f.numerator.length === 1 && catalog ? formatAmount(catalog.def(f.numerator[0]!), numerator, locale) : formatValue(def, numerator, locale).replace('%', '');
  const bottom = catalog ? formatAmount(catalog.def(f.denominator), denominator, locale) : String(denominator);
  return f.denominatorAt === 'start' ? t.statusRateFromStart({ numerator: top, denominator: bottom }) : t.statusRateFrom({ numerator: top, denominator: bottom });
}

/** The details of a KPI line; `who` says whose pace it is: the reader's own, or their team's. */
export function progressDetails(line: KpiLine, totals: Totals, locale: Locale, seed: string, who: 'you' | 'team' = 'you', catalog: MetricCatalog | null = null): string {
  const t = messages(locale);
  const p = line.progress;
  const metric = p.metric;
  const sep = t.separators.details;
  const parts: string[] = [];
  // A limit's sentence comes last: it closes with a suggestion.
  let limit: string | null = null;
  if (metric.better === 'lower' && p.actual !== null && p.target !== null) {
    const over = metric.unit === 'percent' ? formatPoints(p.actual - p.target, locale) : formatValue(metric, p.actual - p.target, locale);
    limit = p.reached ? t.statusWithinLimit : t.statusOverLimit({ amount: over });
  } else if (p.reached) {
    parts.push(pick(t.statusReached, `${seed}:${metric.key}`, { metric: metricHeading(metric, locale) }));
  } else {
    if (p.paceGap !== null) {
      const gap = ceilCount(Math.abs(p.paceGap));
      parts.push(p.paceGap > 0.5 ? t.statusAhead({ amount: formatAmount(metric, gap, locale) }) : p.paceGap > -0.5 ? t.statusOnPace : (who === 'team' ? t.statusToPaceTeam : t.statusToPace)({ amount: formatAmount(metric, gap, locale) }));
    }
    if (p.forecast !== null) parts.push(t.statusForecast({ amount: formatQuantity(metric, Math.round(p.forecast), locale), end: formatDay(p.period.end, locale) }));
    if (p.neededPerWorkday !== null && p.remainingWorkdays > 0) {
      parts.push(t.statusPerDay({ amount: formatAmount(metric, ceilCount(p.neededPerWorkday), locale), days: p.remainingWorkdays }));
    }
  }
  if (p.stated) parts.push(t.statusStated({ target: formatTarget(metric, p.stated.value, p.stated.period, locale) }));
  if (metric.formula && p.actual !== null) {
    const from = rateFrom(metric, line.totals ?? totals, catalog, locale);
    if (from) parts.push(from);
  }
  if (p.actualAsOf !== null && p.actualAsOf < p.asOf) parts.push(t.statusAsOf({ day: formatDay(p.actualAsOf, locale) }));
  if (limit) parts.push(limit);
  // The details are a line of their own: it starts with a capital letter.
  return upperFirst(parts.join(sep));
}

/** The first line of a KPI: `*calls* 600 / 1,000 (60%)  ██████░░░░`. */
export function progressHeadline(line: KpiLine, locale: Locale): string {
  const t = messages(locale);
  const p = line.progress;
  const share = p.target !== null && p.target > 0 && p.attainment !== null ? formatPercent(p.attainment, locale) : null;
  return `${t.statusActual({ metric: metricHeading(p.metric, locale), figure: formatFigure(p.metric, p.actual, p.target, locale), attainment: share })}  ${progressBar(p.attainment)}`;
}

function rateText(r: RateLine, totals: Totals, catalog: MetricCatalog, locale: Locale): string {
  const from = rateFrom(r.metric, totals, catalog, locale);
  return `${formatAmount(r.metric, r.value, locale)}${from ? ` (${from})` : ''}`;
}

/** A KPI's headline, with its details under it when there are any (a day off has no pace or need to tell). */
export function progressText(line: KpiLine, totals: Totals, locale: Locale, seed: string, who: 'you' | 'team' = 'you', catalog: MetricCatalog | null = null): string {
  const details = progressDetails(line, totals, locale, seed, who, catalog);
  return details ? `${progressHeadline(line, locale)}\n${details}` : progressHeadline(line, locale);
}

/** The line under an inside rep's status about the meetings they handed over and the wins that came back. */
export function handoffText(h: Handoffs, locale: Locale): string {
  return messages(locale).statusHandoffs({ days: HANDOFF_DAYS, handed: h.handed, won: h.won, rate: h.handed > 0 ? formatPercent(h.won / h.handed, locale) : '–' });
}

/** `/kpi status`: progress first, then each KPI with pace, forecast and a workday's need, then the rates and their formulas. */
export function renderStatus(model: StatusModel, locale: Locale, subject: string, catalog: MetricCatalog): Message {
  const t = messages(locale);
  const seed = `${model.asOf}:${model.userId}`;
  const title = t.statusTitle({ subject, period: periodName(model.period, locale) });
  // The lead is what was logged in the period; a snapshot carried from before it is no progress of it.
  const counts = totalsInOrder(model.totals, catalog).filter((i) => (model.totals.asOf[i.metric.key] ?? model.period.start) >= model.period.start);
  const lead = counts.length ? pick(t.statusLead, seed, { items: formatItems(counts, locale) }) : pick(t.statusLeadEmpty, seed, undefined);
  const blocks: KnownBlock[] = [header(title), section(lead)];
  const text: string[] = [title, lead];
  for (const line of model.lines) {
    const body = progressText(line, model.totals, locale, seed, 'you', catalog);
    blocks.push(section(body));
    text.push(body);
  }
  const extras: string[] = [];
  // With no targets the lead already lists every count; "also logged" is for the ones beside the KPIs.
  if (model.untargeted.length && (model.lines.length || counts.length < model.untargeted.length)) {
    const items = model.untargeted.map((i) => {
      const amount = formatAmount(i.metric, i.value, locale);
      return i.asOf !== null && i.asOf < model.asOf ? `${amount} (${t.statusAsOf({ day: formatDay(i.asOf, locale) })})` : amount;
    });
    extras.push(t.statusAlsoLogged({ items: items.join(t.itemSeparator) }));
  }
  if (model.rates.length) extras.push(t.statusRates({ items: model.rates.map((r) => rateText(r, model.totals, catalog, locale)).join(t.separators.details) }));
  if (model.handoffs) extras.push(handoffText(model.handoffs, locale));
  const shownRates = [...model.lines.map((l) => l.progress.metric), ...model.rates.map((r) => r.metric)].filter((d) => d.formula);
  if (shownRates.length) extras.push(t.statusFormulas({ formulas: shownRates.map((d) => formatFormula(d, catalog, locale)).join(t.separators.details) }));
  if (extras.length) {
    // A context block holds ten elements.
    blocks.push(context(...extras.slice(0, 10)));
    text.push(...extras);
  }
  if (model.lines.length === 0) {
    blocks.push(context(t.statusNoTargets));
    text.push(t.statusNoTargets);
  }
  return { text: text.join('\n'), blocks };
}

/** What today asks of the KPI furthest from its monthly pace: `"45 calls"` for `"1,000 calls"`. */
export function todaysAsk(month: StatusModel, today: Day, calendar: WorkCalendar): { metric: MetricDef; amount: number; target: number } | null {
  const remainingWithToday = countWorkdays(today, month.period.end, calendar);
  if (remainingWithToday === 0) return null;
  let best: { metric: MetricDef; amount: number; target: number; share: number } | null = null;
  for (const { progress: p } of month.lines) {
    if (p.target === null || p.actual === null || p.reached || p.expected === null || p.metric.better === 'lower') continue;
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
type RecentPace = (metric: MetricDef, kind: PeriodKind) => number | null;

/** The days a person logged each metric, in day order. */
export type DaysByMetric = ReadonlyMap<string, readonly Day[]>;

/** Day rows (in day order) as the days each metric was logged. */
export function daysByMetric(rows: readonly { day: Day; metric: string }[]): Map<string, Day[]> {
  const out = new Map<string, Day[]>();
  for (const r of rows) {
    let days = out.get(r.metric);
    if (!days) out.set(r.metric, (days = []));
    days.push(r.day);
  }
  return out;
}

/** Reads the four weeks before `today` for `recentPace`. */
export async function loadRecentPace(store: Store, workspace: string, userId: string, today: Day, team: Team | null): Promise<RecentPace> {
  const { from, to } = trailingWindow(today);
  const [totals, days, daysOff] = await Promise.all([
    store.totals.rangeTotals(workspace, userId, from, to),
    store.totals.personDays(workspace, userId, from, to),
    store.daysOff.of(workspace, userId),
  ]);
  return recentPace(totals, daysByMetric(days), today, withDaysOff(calendarFor(team), daysOff));
}

/**
 * A person's actual pace over the four weeks before `today` (`totals` of `trailingWindow(today)`, and
 * the days each metric was logged, of which it counts those in that window), restated for a target's period: per workday × the workdays of the
 * current period of that kind; for a rate, the rate of those weeks. Null when the metric was logged
 * on fewer than `MIN_PACE_DAYS` days of those weeks, and for snapshots (a level, not a pace).
 */
export function recentPace(totals: Totals, days: DaysByMetric, today: Day, calendar: WorkCalendar): RecentPace {
  const { from, to } = trailingWindow(today);
  const workdays = countWorkdays(from, to, calendar);
  return (metric, kind) => {
    // A pace needs a history: a week or two of logs, not the first day someone used the bot.
    const inputs = inputsOf(metric);
    const within = (k: string) => (days.get(k) ?? []).filter((d) => d >= from && d <= to);
    const loggedDays = new Set(inputs.flatMap(within)).size;
    if (loggedDays < MIN_PACE_DAYS) return null;
    if (metric.kind === 'rate') return metricValue(metric, totals);
    const sum = totals.values[metric.key];
    if (metric.kind !== 'flow' || sum === undefined || workdays === 0) return null;
    const period = periodOf(today, kind);
    return (sum / workdays) * (kind === 'day' ? 1 : countWorkdays(period.start, period.end, calendar));
  };
}
