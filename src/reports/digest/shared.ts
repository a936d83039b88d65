import type { TeamSnapshot } from './snapshot.js';
import { formatValue, progressBar } from '../amounts.js';
import { metricValue } from '../../domain/progress.js';
import { countWorkdays } from '../../domain/calendar.js';
import type { Day } from '../../domain/days.js';
import { LOGGED, isLoggedMetric, metricBetter, metricLabel, type LoggedMetric, type MetricKey } from '../../domain/metrics.js';
import type { TeamTarget } from '../tree.js';
import { periodOf } from '../../domain/periods.js';
import { ceilCount, convertsWithWorkdays, progress, type Progress } from '../../domain/progress.js';
import type { Totals } from '../../domain/rates.js';
import { formatPercent, messages, pick, type AdvisedMetric, type Locale } from '../../i18n/index.js';

/** The most KPIs a team message lists: few KPIs get attention (DOMAIN.md: 3–5, ideally 1–3). */
export const MAX_TEAM_KPIS = 8;

/** Funnel order, then the rest, for listing KPIs. */
const KPI_ORDER: readonly MetricKey[] = ['revenue', 'wins', 'meetings', 'calls', 'connects', 'visits', 'emails', 'leads', 'meeting_rate', 'win_rate', 'avg_deal_size'];
const rank = (m: MetricKey) => {
  const i = KPI_ORDER.indexOf(m);
  return i === -1 ? KPI_ORDER.length : i;
};

/**
 * The KPIs a team's messages report: its own targets, and its members' summed targets (a rate
 * only means something for the team when the team set it), funnel first, at most `MAX_TEAM_KPIS`.
 */
export function digestKpis(targets: readonly TeamTarget[]): TeamTarget[] {
  return targets
    .filter((t) => t.source === 'team' || convertsWithWorkdays(t.metric))
    .sort((a, b) => (a.source === b.source ? rank(a.metric) - rank(b.metric) : a.source === 'team' ? -1 : 1))
    .slice(0, MAX_TEAM_KPIS);
}

/** The metrics worth naming in a headline, in the order people care about them. */
const HEADLINE: readonly LoggedMetric[] = ['revenue', 'wins', 'meetings', 'calls', 'visits', 'emails', 'connects', 'leads', 'upsells', 'renewals', 'cross_sells', 'ride_alongs'];

/** The few totals a lead sentence names: `"¥1,200,000 · 3 wins · 12 meetings · 240 calls"`. */
export function headlineItems(totals: Totals, max = 4): { metric: LoggedMetric; value: number }[] {
  return HEADLINE.filter((m) => (totals[m] ?? 0) > 0)
    .slice(0, max)
    .map((m) => ({ metric: m, value: totals[m]! }));
}

/** The activity a person's improvement is measured on: their first target on a count that adds up and where more is better, else calls. */
export function mainActivityOf(targets: readonly { readonly metric: MetricKey }[]): MetricKey {
  const t = targets.find((x) => isLoggedMetric(x.metric) && LOGGED[x.metric].aggregation === 'sum' && metricBetter(x.metric) === 'higher');
  return t?.metric ?? 'calls';
}

/** Whether a personal best in this metric is worth a line in the channel. */
export const isHeadlineMetric = (m: MetricKey): boolean => (HEADLINE as readonly string[]).includes(m);


/** Today's focus: the team KPI furthest from its monthly pace and what today asks of it. */
export interface Focus {
  readonly metric: MetricKey;
  /** What the team adds today to stay on pace (ceil of what is left ÷ workdays left, today included). */
  readonly amount: number;
  /** The month's target. */
  readonly target: number;
  /** Roughly per person who carries a target on it; null when one person or nobody does. */
  readonly perPerson: number | null;
}

/**
 * The KPI to focus on today: of the team's summed, more-is-better KPIs for the month of `slotDay`,
 * the one furthest under its pace; on the first workday of a month, the first KPI. Null when every
 * KPI is on pace or reached. `teamMonth` is the team's total for the snapshot's month.
 */
export function teamFocus(s: TeamSnapshot, slotDay: Day, teamMonth: Totals): Focus | null {
  const month = periodOf(slotDay, 'month');
  const sameMonth = month.start === s.month.start;
  const actuals: Totals = sameMonth ? teamMonth : {};
  const carriers = (metric: MetricKey) => s.members.filter((m) => (s.memberTargets.get(m.userId) ?? []).some((t) => t.metric === metric)).length;
  const remaining = countWorkdays(slotDay, month.end, s.calendar);
  if (remaining === 0) return null;
  let best: { focus: Focus; share: number } | null = null;
  for (const t of s.teamTargets) {
    if (!convertsWithWorkdays(t.metric) || metricBetter(t.metric) !== 'higher') continue;
    const p = progress({ metric: t.metric, targetValue: t.value, targetKind: t.period, period: month, asOf: sameMonth ? s.reportDay : slotDay, actual: metricValue(t.metric, actuals), calendar: s.calendar });
    if (p.target === null || p.actual === null || p.reached) continue;
    const share = sameMonth ? (p.paceGap ?? 0) / p.target : -1;
    if (sameMonth && share >= 0) continue;
    const amount = ceilCount((p.target - p.actual) / remaining);
    const people = carriers(t.metric);
    const focus: Focus = { metric: t.metric, amount, target: p.target, perPerson: people > 1 ? ceilCount(amount / people) : null };
    if (!best || share < best.share) best = { focus, share };
    if (!sameMonth) break;
  }
  return best?.focus ?? null;
}

/** A concrete suggestion for lifting a metric, in the reader's language. */
export function adviceFor(metric: MetricKey, locale: Locale, seed: string): string {
  const advice = messages(locale).advice.metric;
  const key: AdvisedMetric = metric in advice ? (metric as AdvisedMetric) : 'general';
  return pick(advice[key], `${seed}:${metric}`, undefined);
}

/** One KPI as a field of the digest: name, the day, the period with a bar, and the forecast or ✓. */
export function kpiCell(metric: MetricKey, day: { actual: number | null; target: number | null } | null, p: Progress, periodName: string, locale: Locale): string {
  const t = messages(locale).digest;
  const v = (n: number | null) => (n === null ? '–' : formatValue(metric, convertsWithWorkdays(metric) ? Math.round(n) : n, locale));
  const lines = [`*${metricLabel(metric, locale)}*`];
  // A day's share means something for summed counts; a snapshot or a rate has none.
  if (day && convertsWithWorkdays(metric)) lines.push(t.kpiYesterday({ actual: v(day.actual), target: day.target === null || day.target < 1 ? null : v(day.target) }));
  lines.push(t.kpiPeriod({ period: periodName, actual: v(p.actual), target: v(p.target), attainment: p.attainment === null ? '–' : formatPercent(p.attainment, locale) }));
  const tail = p.reached ? t.kpiReached : p.forecast !== null && p.remainingWorkdays > 0 ? t.kpiForecast({ amount: v(p.forecast) }) : '';
  lines.push(`${progressBar(p.attainment, 8)} ${tail}`.trim());
  return lines.join('\n');
}
