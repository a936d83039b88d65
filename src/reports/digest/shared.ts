import type { TeamSnapshot } from './snapshot.js';
import { formatValue, metricLabel, progressBar } from '../amounts.js';
import { kpiProgress } from '../status.js';
import { teamTotalsFor } from '../team-progress.js';
import type { TeamTarget } from '../tree.js';
import { countWorkdays } from '../../domain/calendar.js';
import type { Day } from '../../domain/days.js';
import type { MetricCatalog } from '../../domain/metric-catalog.js';
import type { MetricDef } from '../../domain/metrics.js';
import { periodOf } from '../../domain/periods.js';
import { ceilCount, isPaced, type Progress } from '../../domain/progress.js';
import type { Totals } from '../../domain/rates.js';
import { formatPercent, messages, pick, type AdvisedMetric, type Locale } from '../../i18n/index.js';

/** The most KPIs a team message lists: few KPIs get attention (DOMAIN.md: 3–5, ideally 1–3). */
export const MAX_TEAM_KPIS = 8;

/** Funnel order, then the rest, for listing KPIs. */
const KPI_ORDER: readonly string[] = ['revenue', 'wins', 'meetings', 'calls', 'connects', 'visits', 'emails', 'leads', 'meeting_rate', 'win_rate', 'avg_deal_size'];
const rank = (m: string) => {
  const i = KPI_ORDER.indexOf(m);
  return i === -1 ? KPI_ORDER.length : i;
};

/**
 * The KPIs a team's messages report: its own targets, and its members' summed targets (a rate
 * only means something for the team when the team set it), funnel first, at most `MAX_TEAM_KPIS`.
 */
export function digestKpis(targets: readonly TeamTarget[], catalog: MetricCatalog): TeamTarget[] {
  return targets
    .filter((t) => t.source === 'team' || catalog.get(t.metric)?.kind !== 'rate')
    .sort((a, b) => (a.source === b.source ? rank(a.metric) - rank(b.metric) : a.source === 'team' ? -1 : 1))
    .slice(0, MAX_TEAM_KPIS);
}

/** The metrics worth naming in a headline, in the order people care about them. */
const HEADLINE: readonly string[] = ['revenue', 'wins', 'meetings', 'calls', 'visits', 'emails', 'connects', 'leads', 'upsells', 'renewals', 'cross_sells', 'ride_alongs'];

/** The few flows a lead sentence names: `"¥1,200,000 · 3 wins · 12 meetings · 240 calls"`; a team's own counts after the built-in ones. */
export function headlineItems(totals: Totals, catalog: MetricCatalog, max = 4): { metric: MetricDef; value: number }[] {
  const own = catalog.logged.filter((d) => !d.builtIn && d.kind === 'flow' && d.better === 'higher').map((d) => d.key);
  return [...HEADLINE, ...own]
    .filter((m) => (totals.values[m] ?? 0) > 0 && totals.asOf[m] === undefined && catalog.get(m))
    .slice(0, max)
    .map((m) => ({ metric: catalog.def(m), value: totals.values[m]! }));
}

/** The activity a person's improvement is measured on: their first target on a flow where more is better, else calls. */
export function mainActivityOf(targets: readonly { readonly metric: string }[], catalog: MetricCatalog): MetricDef {
  const found = targets.map((t) => catalog.get(t.metric)).find((d) => d !== undefined && d.kind === 'flow' && d.better === 'higher');
  return found ?? catalog.def('calls');
}

/** Whether a personal best in this metric is worth a line in the channel. */
export const isHeadlineMetric = (m: string): boolean => HEADLINE.includes(m);

/** Today's focus: the team KPI furthest from its monthly pace and what today asks of it. */
export interface Focus {
  readonly metric: MetricDef;
  /** What the team adds today to stay on pace (ceil of what is left ÷ workdays left, today included). */
  readonly amount: number;
  /** The month's target. */
  readonly target: number;
  /** Roughly per person who carries a target on it; null when one person or nobody does. */
  readonly perPerson: number | null;
}

/**
 * The KPI to focus on today: of the team's flows where more is better, for the month of `slotDay`,
 * the one furthest under its pace; on the first workday of a month, the first KPI. Null when every
 * KPI is on pace or reached. `byMember` is the team's month by member.
 */
export function teamFocus(s: TeamSnapshot, slotDay: Day, byMember: ReadonlyMap<string, Totals>): Focus | null {
  const month = periodOf(slotDay, 'month');
  const sameMonth = month.start === s.month.start;
  const carriers = (metric: string) => s.members.filter((m) => (s.memberTargets.get(m.userId) ?? []).some((t) => t.metric === metric)).length;
  const remaining = countWorkdays(slotDay, month.end, s.calendar);
  if (remaining === 0) return null;
  let best: { focus: Focus; share: number } | null = null;
  for (const t of s.teamTargets) {
    const def = s.catalog.get(t.metric);
    if (!def || !isPaced(def) || def.better !== 'higher') continue;
    const totals = sameMonth ? teamTotalsFor(def, s.members, byMember) : { values: {}, atStart: {}, asOf: {} };
    const p = kpiProgress(def, t.schedules, month, sameMonth ? s.reportDay : slotDay, totals, s.calendar);
    if (p.target === null || p.actual === null || p.reached) continue;
    const share = sameMonth ? (p.paceGap ?? 0) / p.target : -1;
    if (sameMonth && share >= 0) continue;
    const amount = ceilCount((p.target - p.actual) / remaining);
    const people = carriers(t.metric);
    const focus: Focus = { metric: def, amount, target: p.target, perPerson: people > 1 ? ceilCount(amount / people) : null };
    if (!best || share < best.share) best = { focus, share };
    if (!sameMonth) break;
  }
  return best?.focus ?? null;
}

/** A concrete suggestion for lifting a metric, in the reader's language. */
export function adviceFor(metric: MetricDef, locale: Locale, seed: string): string {
  const advice = messages(locale).advice.metric;
  const key: AdvisedMetric = metric.key in advice ? (metric.key as AdvisedMetric) : 'general';
  return pick(advice[key], `${seed}:${metric.key}`, undefined);
}

/** One KPI as a field of the digest: name, the day, the period with a bar, and the forecast or ✓. */
export function kpiCell(metric: MetricDef, day: { actual: number | null; target: number | null } | null, p: Progress, periodName: string, locale: Locale): string {
  const t = messages(locale).digest;
  const v = (n: number | null) => (n === null ? '–' : formatValue(metric, isPaced(metric) ? Math.round(n) : n, locale));
  const lines = [`*${metricLabel(metric, locale)}*`];
  // A day's share means something for flows; a snapshot or a rate has none.
  if (day && isPaced(metric)) lines.push(t.kpiYesterday({ actual: v(day.actual), target: day.target === null || day.target < 1 ? null : v(day.target) }));
  lines.push(t.kpiPeriod({ period: periodName, actual: v(p.actual), target: v(p.target), attainment: p.attainment === null ? '–' : formatPercent(p.attainment, locale) }));
  const tail = p.reached ? t.kpiReached : p.forecast !== null && p.remainingWorkdays > 0 ? t.kpiForecast({ amount: v(p.forecast) }) : '';
  lines.push(`${progressBar(p.attainment, 8)} ${tail}`.trim());
  return lines.join('\n');
}
