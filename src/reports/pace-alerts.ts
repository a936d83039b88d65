import { context, section, type Message } from './blocks.js';
import { formatAmount, formatValue, metricLabel } from './amounts.js';
import { adviceFor } from './digest/shared.js';
import { gapWithSuggestion, paragraph, say, type Sentence, type Written } from './digest/sentences.js';
import { memberCalendar, type TeamSnapshot } from './digest/snapshot.js';
import { personalKpis, statusModel } from './status.js';
import { teamProgress } from './team-progress.js';
import { isFarOffPace } from '../domain/pace-alerts.js';
import { ceilCount, type Progress } from '../domain/progress.js';
import { NO_TOTALS } from '../domain/rates.js';
import type { MetricDef } from '../domain/metrics.js';
import { formatDay, formatMonth, formatNumber, formatPercent, messages, pick, type Locale } from '../i18n/index.js';

/** The most pace alerts a manager gets in one morning; the others wait for a later one. */
export const MAX_ALERTS_A_MORNING = 3;

/** A KPI far off its monthly pace: the team's, or one member's; told to the team's managers only. */
export interface PaceAlert {
  /** `team`, or the member's user ID. */
  readonly scope: string;
  readonly teamName: string;
  readonly progress: Progress;
  /** At most once per KPI and period: the month, the scope and the metric. */
  readonly periodKey: string;
}

const share = (p: Progress) => (p.forecast ?? 0) / (p.target ?? 1);

/**
 * The KPIs of a team's month far off their pace as of the snapshot's report day (see `isFarOffPace`):
 * the team's own KPIs over its members, and each rep's KPIs in their own calendar, furthest first.
 */
export function paceAlertsOf(s: TeamSnapshot): PaceAlert[] {
  const out: PaceAlert[] = [];
  const key = (scope: string, metric: string) => `${s.month.start}|${scope}|${metric}`;
  // The team's shared KPIs; one person's KPI is alerted on as theirs, below.
  for (const t of s.channel.kpis) {
    const def = s.catalog.get(t.metric);
    if (!def) continue;
    const p = teamProgress(def, t, s.month, s.reportDay, s.members, s.monthTotals, s.calendar).progress;
    if (isFarOffPace(p)) out.push({ scope: 'team', teamName: s.team.name, progress: p, periodKey: key('team', def.key) });
  }
  for (const m of s.members.filter((x) => x.role !== 'manager')) {
    const month = statusModel({
      userId: m.userId,
      role: m.salesRole,
      kind: 'month',
      asOf: s.reportDay,
      totals: s.monthTotals.get(m.userId) ?? NO_TOTALS,
      targets: personalKpis(s.memberTargets.get(m.userId) ?? []),
      calendar: memberCalendar(s, m.userId),
      catalog: s.catalog,
    });
    for (const { progress: p } of month.lines) if (isFarOffPace(p)) out.push({ scope: m.userId, teamName: s.team.name, progress: p, periodKey: key(m.userId, p.metric.key) });
  }
  return out.sort((a, b) => share(a.progress) - share(b.progress));
}

/** An amount with its unit and without the metric's name, which the sentence gives once: `60 calls`, `60件`, `120万円`. */
function amountInUnit(metric: MetricDef, n: number, locale: Locale): string {
  if (locale === 'en' || metric.unit !== 'count') return locale === 'en' ? formatAmount(metric, n, locale) : formatValue(metric, n, locale);
  return `${formatNumber(n, locale)}${metric.counterJa}`;
}

/** The alert as the manager reads it: where the KPI stands first, the distance to the goal, one step to take. */
export function renderPaceAlert(a: PaceAlert, locale: Locale): Message & Written {
  const t = messages(locale).people;
  const p = a.progress;
  const seed = `${p.asOf}:pace:${a.periodKey}`;
  const metric = p.metric;
  const amount = (n: number) => amountInUnit(metric, n, locale);
  const name = metricLabel(metric, locale);
  const who = a.scope === 'team' ? t.alertTeam({ team: a.teamName }) : `<@${a.scope}>`;
  const about = a.scope === 'team' ? undefined : a.scope;
  const sentences: Sentence[] = [
    say('progress', pick(t.alertSoFar, seed, {
      metric: name,
      month: formatMonth(p.period.start, locale),
      actual: amount(p.actual ?? 0),
      target: amount(p.target ?? 0),
      attainment: formatPercent(p.attainment ?? 0, locale),
      elapsed: p.elapsedWorkdays,
      total: p.totalWorkdays,
    }), about),
    ...gapWithSuggestion(
      pick(t.alertDistance, seed, {
        metric: name,
        forecast: amount(Math.round(p.forecast ?? 0)),
        end: formatDay(p.period.end, locale),
        perDay: amount(ceilCount(p.neededPerWorkday ?? 0)),
        remaining: p.remainingWorkdays,
      }),
      adviceFor(metric, locale, Number(p.asOf.slice(8, 10)), seed),
      about,
    ),
    say('suggestion', a.scope === 'team' ? t.alertNextTeam : t.alertNextMember({ person: `<@${a.scope}>` }), about),
  ];
  // A header cannot show a mention, so the title is a bold line.
  const title = t.alertTitle({ who, metric: name });
  const body = paragraph(sentences, locale);
  return { text: `${title}\n${body}`, blocks: [section(`*${title}*\n${body}`), context(t.alertFooter)], sentences };
}
