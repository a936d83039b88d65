import { context, header, section, type Message } from './blocks.js';
import { formatItems, formatQuantity, metricHeading, metricLabel } from './amounts.js';
import { channelKpis, headlineItems } from './digest/shared.js';
import { paragraph, say, type Sentence, type Written } from './digest/sentences.js';
import { channelTree } from './month-review.js';
import { calendarFor } from './status.js';
import { teamTotalsFor } from './team-progress.js';
import { loadTeamTargets, loadTeamTree } from './tree.js';
import { monthOf, yearOf, type Day } from '../domain/days.js';
import type { MetricCatalog } from '../domain/metric-catalog.js';
import type { MetricDef } from '../domain/metrics.js';
import { periodOf, previousPeriod, type Period } from '../domain/periods.js';
import { isPaced, totalWorkdays } from '../domain/progress.js';
import { ceilCount } from '../domain/rounding.js';
import { metricValue, sumOfAll, type Totals } from '../domain/rates.js';
import { periodTarget } from '../domain/targets.js';
import { formatMonth, messages, rotate, type Locale } from '../i18n/index.js';
import type { Store, Team } from '../store/index.js';

/** One of the month's team targets and what a workday of the team takes for it (paced KPIs only). */
export interface KickoffLine {
  readonly metric: MetricDef;
  readonly target: number;
  readonly perWorkday: number | null;
}

/**
 * The kickoff on a month's first workday (seed 004's キックオフ): what last month built, the KGI
 * against last month's actual (「1億円→1.2億円…ギャップ:2000万円」), the month's team targets and the plan per
 * workday, and one step to start well. Team totals only.
 */
export interface KickoffModel {
  readonly teamName: string;
  readonly slotDay: Day;
  readonly month: Period;
  readonly lastMonth: Period;
  readonly workdays: number;
  readonly lastItems: readonly { readonly metric: MetricDef; readonly value: number }[];
  readonly lines: readonly KickoffLine[];
  /** The KGI's monthly target and last month's actual, when the channel may show it. */
  readonly kgi: { readonly metric: MetricDef; readonly target: number; readonly last: number } | null;
  readonly catalog: MetricCatalog;
}

/** Reads the kickoff of the month of `slotDay`. */
export async function loadKickoff(store: Store, team: Team, slotDay: Day): Promise<KickoffModel> {
  const month = periodOf(slotDay, 'month');
  const lastMonth = previousPeriod(month);
  const calendar = calendarFor(team);
  const catalog = await store.metrics.catalog(team.workspace);
  const teamTargets = loadTeamTargets(store, team, slotDay, catalog);
  const [{ members: all, targets }, [lastByMember], tree] = await Promise.all([
    teamTargets,
    store.totals.memberRanges(team.id, [{ from: lastMonth.start, to: lastMonth.end }]) as Promise<Map<string, Totals>[]>,
    loadTeamTree(store, team, slotDay, teamTargets),
  ]);
  const members = all.filter((m) => m.isActive);
  const last = lastByMember ?? new Map<string, Totals>();
  const channel = channelKpis(targets, catalog);
  const workdays = totalWorkdays(month, calendar);
  const lines = channel.kpis.flatMap((t) => {
    const def = catalog.get(t.metric);
    const value = def ? periodTarget(def, t.schedules, month, slotDay, calendar).value : null;
    if (!def || value === null) return [];
    const perWorkday = isPaced(def) && def.better === 'higher' && workdays > 0 ? ceilCount(value / workdays) : null;
    return [{ metric: def, target: value, perWorkday }];
  });
  const root = tree.kind === 'tree' ? channelTree(tree.root, channel, members, last) : null;
  const kgiLast = root ? metricValue(root.metric, teamTotalsFor(root.metric, members, last)) : null;
  return {
    teamName: team.name,
    slotDay,
    month,
    lastMonth,
    workdays,
    lastItems: headlineItems(sumOfAll(last), catalog, 4, channel.solo),
    lines,
    kgi: root?.target && root.period === 'month' && kgiLast !== null && root.metric.better === 'higher' ? { metric: root.metric, target: root.target.value, last: kgiLast } : null,
    catalog,
  };
}

/** The kickoff's sentences: last month's work first, the KGI gap, one step to start well. */
export function phraseKickoff(m: KickoffModel, locale: Locale): Sentence[] {
  const c = messages(locale).cycle;
  const turn = yearOf(m.month.start) * 12 + monthOf(m.month.start);
  const salt = m.teamName;
  const month = formatMonth(m.month.start, locale);
  const lastMonth = formatMonth(m.lastMonth.start, locale);
  const out: Sentence[] = [
    m.lastItems.length ? say('progress', rotate(c.kickoffLead, turn, salt, { month, last: lastMonth, items: formatItems(m.lastItems, locale) })) : say('progress', rotate(c.kickoffLeadFirst, turn, salt, { month })),
  ];
  if (m.kgi) {
    const q = (n: number) => formatQuantity(m.kgi!.metric, isPaced(m.kgi!.metric) ? Math.round(n) : n, locale);
    const base = { kgi: metricLabel(m.kgi.metric, locale), last: q(m.kgi.last), target: q(m.kgi.target), lastMonth };
    out.push(m.kgi.last < m.kgi.target ? say('gap', c.kickoffKgi({ ...base, distance: q(m.kgi.target - m.kgi.last) })) : say('info', c.kickoffKgiWithin(base)));
  }
  out.push(say('suggestion', rotate(c.kickoffStart, turn, salt, undefined)));
  return out;
}

/** The kickoff as the team's channel gets it. */
export function renderKickoff(m: KickoffModel, locale: Locale): Message & Written {
  const c = messages(locale).cycle;
  const month = formatMonth(m.month.start, locale);
  const title = c.kickoffTitle({ team: m.teamName, month });
  const sentences = phraseKickoff(m, locale);
  const lead = sentences.filter((s) => s.kind !== 'suggestion');
  const start = sentences.filter((s) => s.kind === 'suggestion');
  const plan = m.lines.length
    ? [
        c.kickoffTargetsTitle({ month, workdays: m.workdays }),
        ...m.lines.map((l) =>
          c.kickoffLine({
            name: metricHeading(l.metric, locale),
            target: formatQuantity(l.metric, isPaced(l.metric) ? Math.round(l.target) : l.target, locale),
            perDay: l.perWorkday === null ? null : formatQuantity(l.metric, l.perWorkday, locale),
          }),
        ),
      ]
    : [c.kickoffNoTargets({ month })];
  const blocks = [header(title), section(paragraph(lead, locale)), section(plan.join('\n')), section(paragraph(start, locale)), context(c.kickoffFooter)];
  return { text: [title, paragraph(lead, locale), ...plan, paragraph(start, locale), c.kickoffFooter].join('\n'), blocks, sentences };
}
