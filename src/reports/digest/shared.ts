import type { TeamSnapshot } from './snapshot.js';
import { formatFigure, formatQuantity, metricHeading, progressBar } from '../amounts.js';
import { kpiProgress } from '../status.js';
import type { TeamTarget } from '../tree.js';
import type { Stage } from '../../domain/funnel.js';
import { isSeveralPeoplesWork, splitByOwnership, type SharedKpi } from '../../domain/team-kpis.js';
import type { TeamMember } from '../../domain/team-rates.js';
import { countWorkdays } from '../../domain/calendar.js';
import type { Day } from '../../domain/days.js';
import type { MetricCatalog } from '../../domain/metric-catalog.js';
import type { MetricDef } from '../../domain/metrics.js';
import { periodOf } from '../../domain/periods.js';
import { ceilCount, isPaced, type Progress } from '../../domain/progress.js';
import { metricValue, NO_TOTALS, type Totals } from '../../domain/rates.js';
import { mostImproved, type Improvement } from '../../domain/celebrations.js';
import { formatPercent, messages, rotate, type AdvisedMetric, type Locale } from '../../i18n/index.js';

/** The most KPIs a team message lists: few KPIs get attention (DOMAIN.md: 3–5, ideally 1–3). */
export const MAX_TEAM_KPIS = 8;

/** Funnel order, then the rest, for listing KPIs. */
const KPI_ORDER: readonly string[] = ['revenue', 'wins', 'meetings', 'calls', 'connects', 'visits', 'emails', 'leads', 'meeting_rate', 'win_rate', 'avg_deal_size'];
const rank = (m: string) => {
  const i = KPI_ORDER.indexOf(m);
  return i === -1 ? KPI_ORDER.length : i;
};

/** What a team's channel messages may say about its KPIs (DOMAIN.md rule 5). */
export interface ChannelKpis {
  /** The KPIs the channel reports: several people's work, funnel first, at most `MAX_TEAM_KPIS`. */
  readonly kpis: readonly SharedKpi<TeamTarget>[];
  /** KPIs one member carries alone: named only to that person, never in the channel. */
  readonly solo: ReadonlySet<string>;
  /** Metrics the team set a target on its total. */
  readonly teamSet: ReadonlySet<string>;
}

/**
 * The KPIs a team's channel messages report: of the team-level targets that are several people's
 * work (its own, and its members' summed targets when at least two carry them; a rate only means
 * something for the team when the team set it), funnel first, at most `MAX_TEAM_KPIS`.
 */
export function channelKpis(targets: readonly TeamTarget[], catalog: MetricCatalog): ChannelKpis {
  const { shared, solo } = splitByOwnership(targets);
  const kpis = shared
    .filter((t) => t.source === 'team' || catalog.get(t.metric)?.kind !== 'rate')
    .sort((a, b) => (a.source === b.source ? rank(a.metric) - rank(b.metric) : a.source === 'team' ? -1 : 1))
    .slice(0, MAX_TEAM_KPIS);
  return { kpis, solo, teamSet: new Set(targets.filter((t) => t.source === 'team').map((t) => t.metric)) };
}

/**
 * The funnel stages a channel may show for a period (`byMember`): worked by at least two people (or
 * a rate the team set on its total), and not a KPI one person carries alone.
 */
export function channelStages(stages: readonly Stage[], members: readonly TeamMember[], byMember: ReadonlyMap<string, Totals>, channel: ChannelKpis): Stage[] {
  return stages.filter((s) => !channel.solo.has(s.rate.key) && (channel.teamSet.has(s.rate.key) || isSeveralPeoplesWork(s.rate, members, byMember)));
}

/** The metrics worth naming in a headline, in the order people care about them. */
const HEADLINE: readonly string[] = ['revenue', 'wins', 'meetings', 'calls', 'visits', 'emails', 'connects', 'leads', 'upsells', 'renewals', 'cross_sells', 'ride_alongs'];

/**
 * The few flows a lead sentence names: `"¥1,200,000 · 3 wins · 12 meetings · 240 calls"`; a team's own
 * counts after the built-in ones, none of `except` (a channel's solo KPIs).
 */
export function headlineItems(totals: Totals, catalog: MetricCatalog, max = 4, except: ReadonlySet<string> = new Set()): { metric: MetricDef; value: number }[] {
  const own = catalog.logged.filter((d) => !d.builtIn && d.kind === 'flow' && d.better === 'higher').map((d) => d.key);
  return [...HEADLINE, ...own]
    .filter((m) => (totals.values[m] ?? 0) > 0 && totals.asOf[m] === undefined && catalog.get(m) && !except.has(m))
    .slice(0, max)
    .map((m) => ({ metric: catalog.def(m), value: totals.values[m]! }));
}

/**
 * The activity a person's improvement is measured on: their first target on a flow where more is
 * better, else calls; none of `except` (in a channel, the KPIs one person carries alone), so null
 * when only such a KPI is left.
 */
export function mainActivityOf(targets: readonly { readonly metric: string }[], catalog: MetricCatalog, except: ReadonlySet<string> = new Set()): MetricDef | null {
  const found = targets.map((t) => catalog.get(t.metric)).find((d) => d !== undefined && d.kind === 'flow' && d.better === 'higher' && !except.has(d.key));
  return found ?? (except.has('calls') ? null : catalog.def('calls'));
}

/** The most improved member on their own main activity (`mainActivityOf`), from one stretch's totals to the next. */
export function mostImprovedOn(
  members: readonly { readonly userId: string }[],
  activityOf: (userId: string) => MetricDef | null,
  before: ReadonlyMap<string, Totals>,
  recent: ReadonlyMap<string, Totals>,
): (Improvement & { readonly metric: MetricDef }) | null {
  const measured = members.flatMap((m) => {
    const metric = activityOf(m.userId);
    return metric ? [{ metric, userId: m.userId, before: metricValue(metric, before.get(m.userId) ?? NO_TOTALS) ?? 0, recent: metricValue(metric, recent.get(m.userId) ?? NO_TOTALS) ?? 0 }] : [];
  });
  const improved = mostImproved(measured);
  return improved && { ...improved, metric: measured.find((x) => x.userId === improved.userId)!.metric };
}

/** Whether a personal best in this metric is worth a line in the channel. */
export const isHeadlineMetric = (m: string): boolean => HEADLINE.includes(m);

/** Today's focus: a team KPI under its monthly pace and what today asks of it. */
export interface Focus {
  readonly metric: MetricDef;
  /** What the team adds today to stay on pace (ceil of what is left ÷ workdays left, today included). */
  readonly amount: number;
  /** The month's target. */
  readonly target: number;
  /** What is left to the month's target. */
  readonly toGo: number;
  /** Roughly per person who carries a target on it; null when one person or nobody does. */
  readonly perPerson: number | null;
}

/**
 * The KPI to focus on today: of the team's shared flows where more is better, for the month of
 * `slotDay`, the ones under their pace take turns, one a workday (`turn`, the workday's number), in
 * the order the channel lists them, so a team with several KPIs to lift hears about each; on the
 * first workday of a month, the first KPI. Null when every KPI is on pace or reached. `monthOf`
 * holds each KPI's standing in the snapshot's month as the digest reads it, by metric.
 */
export function teamFocus(s: TeamSnapshot, slotDay: Day, monthOf: ReadonlyMap<string, Progress>, turn: number): Focus | null {
  const month = periodOf(slotDay, 'month');
  const sameMonth = month.start === s.month.start;
  const carriers = (metric: string) => s.members.filter((m) => (s.memberTargets.get(m.userId) ?? []).some((t) => t.metric === metric)).length;
  const remaining = countWorkdays(slotDay, month.end, s.calendar);
  if (remaining === 0) return null;
  const underPace: Focus[] = [];
  for (const t of s.channel.kpis) {
    const def = s.catalog.get(t.metric);
    if (!def || !isPaced(def) || def.better !== 'higher') continue;
    // A new month: nothing done in it yet.
    const p = sameMonth ? monthOf.get(t.metric) : kpiProgress(def, t.schedules, month, slotDay, NO_TOTALS, s.calendar);
    if (!p || p.target === null || p.actual === null || p.reached) continue;
    if (sameMonth && (p.paceGap ?? 0) >= 0) continue;
    const amount = ceilCount((p.target - p.actual) / remaining);
    const people = carriers(t.metric);
    underPace.push({ metric: def, amount, target: p.target, toGo: ceilCount(p.target - p.actual), perPerson: people > 1 ? ceilCount(amount / people) : null });
    if (!sameMonth) break;
  }
  return underPace.length ? underPace[turn % underPace.length]! : null;
}

/** A concrete suggestion for lifting a metric, in the reader's language, turning with `turn` like the sentence it follows. */
export function adviceFor(metric: MetricDef, locale: Locale, turn: number, salt: string): string {
  const advice = messages(locale).advice.metric;
  const key: AdvisedMetric = metric.key in advice ? (metric.key as AdvisedMetric) : 'general';
  return rotate(advice[key], turn, `${salt}:${metric.key}`, undefined);
}

/** One KPI as a field of the digest: name, the day, the period with a bar, and the forecast or ✓; every number with its unit. */
export function kpiCell(metric: MetricDef, day: { actual: number | null; target: number | null } | null, p: Progress, periodName: string, locale: Locale): string {
  const t = messages(locale).digest;
  const shown = (n: number | null) => (n === null || !isPaced(metric) ? n : Math.round(n));
  const lines = [`*${metricHeading(metric, locale)}*`];
  // A day's share means something for flows; a snapshot or a rate has none.
  if (day && isPaced(metric)) lines.push(t.kpiYesterday({ figure: formatFigure(metric, shown(day.actual), day.target === null || day.target < 1 ? null : shown(day.target), locale) }));
  const withTarget = p.target !== null && p.target > 0;
  lines.push(t.kpiPeriod({ period: periodName, figure: formatFigure(metric, shown(p.actual), shown(p.target), locale), attainment: withTarget && p.attainment !== null ? formatPercent(p.attainment, locale) : null }));
  const tail = p.reached ? t.kpiReached : p.forecast !== null && p.remainingWorkdays > 0 ? t.kpiForecast({ amount: formatQuantity(metric, Math.round(p.forecast), locale) }) : '';
  lines.push(`${progressBar(p.attainment, 8)} ${tail}`.trim());
  return lines.join('\n');
}
