import { say, gapWithSuggestion, paragraph, type Sentence, type Written } from './sentences.js';
import { isOffOn, memberCalendar, type TeamSnapshot } from './snapshot.js';
import { adviceFor, headlineItems, isHeadlineMetric, kpiCell, mainActivityOf, mostImprovedOn, teamFocus, type Focus } from './shared.js';
import { context, fieldSections, header, section, type KnownBlock, type Message } from '../blocks.js';
import { formatAmount, formatItems, formatQuantity, metricLabel } from '../amounts.js';
import { teamProgress, teamTotalsFor } from '../team-progress.js';
import { isNewApproachNote, isStreakMilestone } from '../../domain/celebrations.js';
import { workdayOfYear } from '../../domain/calendar.js';
import type { Day } from '../../domain/days.js';
import type { MetricCatalog } from '../../domain/metric-catalog.js';
import type { MetricDef } from '../../domain/metrics.js';
import { periodOf } from '../../domain/periods.js';
import { isPaced, isReached, type Progress } from '../../domain/progress.js';
import { loggedSince, metricValue, sumOfAll, type Totals } from '../../domain/rates.js';
import { periodTarget } from '../../domain/targets.js';
import { workdayStreak } from '../../domain/streaks.js';
import { formatDay, formatMonth, formatPercent, messages, pick, rotate, type Locale } from '../../i18n/index.js';

export type Celebration =
  | { readonly kind: 'teamGoal'; readonly metric: MetricDef; readonly value: number }
  | { readonly kind: 'personalGoal'; readonly userId: string; readonly metric: MetricDef }
  | { readonly kind: 'streak'; readonly userId: string; readonly days: number }
  | { readonly kind: 'personalBest'; readonly userId: string; readonly metric: MetricDef; readonly best: number; readonly previous: number }
  | { readonly kind: 'mostImproved'; readonly userId: string; readonly metric: MetricDef; readonly rise: number }
  | { readonly kind: 'newApproach'; readonly userId: string; readonly note: string };

export interface KpiStanding {
  readonly metric: MetricDef;
  /** The report day's team value and its share of the month target, per workday. */
  readonly day: { readonly actual: number | null; readonly target: number | null };
  readonly month: Progress;
}

/** The daily digest of a team: what the channel reads every workday morning. */
export interface DailyDigestModel {
  readonly teamName: string;
  readonly slotDay: Day;
  readonly reportDay: Day;
  /** The report day's team totals the lead names: none of the KPIs one person carries alone. */
  readonly headline: readonly { readonly metric: MetricDef; readonly value: number }[];
  readonly loggedYesterday: number;
  readonly memberCount: number;
  readonly kpis: readonly KpiStanding[];
  readonly celebrations: readonly Celebration[];
  readonly focus: Focus | null;
  /** The slot day's workday number: which KPI under pace and which phrasing take their turn. */
  readonly turn: number;
  readonly catalog: MetricCatalog;
}

/** The most a channel message celebrates by name; the rest are counted. */
const MAX_CELEBRATIONS = 8;


const NONE: Totals = { values: {}, atStart: {}, asOf: {} };

/** What the digest celebrates; `monthOf` holds each team KPI's month as its KPI lines read it, by metric. */
function celebrationsOf(s: TeamSnapshot, monthOf: ReadonlyMap<string, Progress>): Celebration[] {
  const out: Celebration[] = [];
  const solo = s.channel.solo;
  for (const t of s.channel.kpis) {
    const def = s.catalog.get(t.metric);
    const month = monthOf.get(t.metric);
    if (!def || !month || !isPaced(def)) continue;
    const { target, actual: now } = month;
    const before = metricValue(def, teamTotalsFor(def, s.members, s.monthTotalsBefore));
    if (target === null || now === null) continue;
    if (isReached(now, target, def.better) && !(before !== null && isReached(before, target, def.better))) out.push({ kind: 'teamGoal', metric: def, value: now });
  }
  for (const m of s.members) {
    for (const t of s.memberTargets.get(m.userId) ?? []) {
      const def = s.catalog.get(t.metric);
      if (!def || !isPaced(def) || def.better !== 'higher' || solo.has(def.key)) continue;
      const target = periodTarget(def, [t.schedule], s.month, s.reportDay, memberCalendar(s, m.userId)).value;
      const now = metricValue(def, s.monthTotals.get(m.userId) ?? NONE) ?? 0;
      const before = metricValue(def, s.monthTotalsBefore.get(m.userId) ?? NONE) ?? 0;
      if (target !== null && target > 0 && now >= target && before < target) out.push({ kind: 'personalGoal', userId: m.userId, metric: def });
    }
  }
  // One personal best a person, in a metric worth a headline.
  const bestBy = new Map<string, (typeof s.bests)[number]>();
  for (const b of s.bests) if (isHeadlineMetric(b.metric) && !solo.has(b.metric) && !bestBy.has(b.userId) && s.catalog.get(b.metric)) bestBy.set(b.userId, b);
  for (const b of bestBy.values()) out.push({ kind: 'personalBest', userId: b.userId, metric: s.catalog.def(b.metric), best: b.best, previous: b.previous });
  for (const m of s.members) {
    const days = s.loggedDays.get(m.userId);
    if (!days?.has(s.reportDay)) continue;
    const streak = workdayStreak(days, s.reportDay, memberCalendar(s, m.userId));
    if (isStreakMilestone(streak)) out.push({ kind: 'streak', userId: m.userId, days: streak });
  }
  // Each person on their own main activity the team shares, so the sentence names what actually rose.
  const improved = mostImprovedOn(s.members, (userId) => mainActivityOf(s.memberTargets.get(userId) ?? [], s.catalog, solo), s.earlier, s.recent);
  if (improved) out.push({ kind: 'mostImproved', userId: improved.userId, metric: improved.metric, rise: improved.rise });
  for (const n of s.notes.filter((x) => isNewApproachNote(x.note)).slice(0, 3)) out.push({ kind: 'newApproach', userId: n.userId, note: n.note });
  return out;
}

/** Builds the daily digest for the morning of `slotDay` from the team's snapshot. */
export function buildDailyDigest(s: TeamSnapshot, slotDay: Day): DailyDigestModel {
  const day = periodOf(s.reportDay, 'day');
  const turn = workdayOfYear(slotDay, s.calendar);
  const kpis = s.channel.kpis.flatMap((t) => {
    const def = s.catalog.get(t.metric);
    if (!def) return [];
    return [
      {
        metric: def,
        day: { actual: metricValue(def, teamTotalsFor(def, s.members, s.dayTotals)), target: periodTarget(def, t.schedules, day, s.reportDay, s.calendar).value },
        month: teamProgress(def, t, s.month, s.reportDay, s.members, s.monthTotals, s.calendar).progress,
      },
    ];
  });
  const monthOf = new Map(kpis.map((k) => [k.metric.key, k.month]));
  return {
    teamName: s.team.name,
    slotDay,
    reportDay: s.reportDay,
    headline: headlineItems(sumOfAll(s.dayTotals), s.catalog, 4, s.channel.solo),
    loggedYesterday: [...s.dayTotals.values()].filter((t) => loggedSince(t, s.reportDay)).length,
    // Someone off that day is not counted among those who could have logged.
    memberCount: s.members.filter((m) => !isOffOn(s, m.userId, s.reportDay) || loggedSince(s.dayTotals.get(m.userId) ?? NONE, s.reportDay)).length,
    kpis,
    celebrations: celebrationsOf(s, monthOf),
    focus: teamFocus(s, slotDay, monthOf, turn),
    turn,
    catalog: s.catalog,
  };
}

const who = (userId: string) => `<@${userId}>`;

function celebrationSentence(c: Celebration, locale: Locale, seed: string, month: string): Sentence {
  const t = messages(locale).digest;
  const name = (m: MetricDef) => metricLabel(m, locale);
  switch (c.kind) {
    case 'teamGoal':
      return say('celebration', pick(t.teamGoal, seed, { metric: name(c.metric), amount: formatAmount(c.metric, c.value, locale), period: month }));
    case 'personalGoal':
      return say('celebration', pick(t.personalGoal, seed + c.userId, { person: who(c.userId), metric: name(c.metric) }), c.userId);
    case 'streak':
      return say('celebration', pick(t.streak, seed + c.userId, { person: who(c.userId), days: c.days }), c.userId);
    case 'personalBest':
      return say(
        'celebration',
        pick(t.personalBest, seed + c.userId, { person: who(c.userId), amount: formatAmount(c.metric, c.best, locale), previous: formatAmount(c.metric, c.previous, locale) }),
        c.userId,
      );
    case 'mostImproved':
      return say('celebration', pick(t.mostImproved, seed, { person: who(c.userId), metric: name(c.metric), rise: formatPercent(c.rise, locale) }), c.userId);
    case 'newApproach':
      return say('celebration', pick(t.newApproach, seed + c.userId, { person: who(c.userId), note: c.note.slice(0, 200) }), c.userId);
  }
}

/** The digest's sentences by section: the lead, the celebrations and the focus. */
export function phraseDailyDigest(m: DailyDigestModel, locale: Locale): { lead: Sentence[]; celebrations: Sentence[]; focus: Sentence[] } {
  const t = messages(locale).digest;
  const seed = `${m.slotDay}:daily:${m.teamName}`;
  const day = formatDay(m.reportDay, locale);
  const lead = [
    m.headline.length
      ? say('progress', rotate(t.leadActive, m.turn, m.teamName, { items: formatItems(m.headline, locale), day, people: m.loggedYesterday, members: m.memberCount }))
      : say('progress', rotate(t.leadQuiet, m.turn, m.teamName, { day })),
  ];
  const month = formatMonth(m.reportDay, locale);
  const celebrations = m.celebrations.map((c, i) => celebrationSentence(c, locale, `${seed}:${i}`, month));
  let focus: Sentence[];
  if (m.focus) {
    const f = m.focus;
    const quantity = (n: number) => formatQuantity(f.metric, n, locale);
    const gap = rotate(t.focusGap, m.turn, m.teamName, {
      metric: metricLabel(f.metric, locale),
      amount: quantity(f.amount),
      target: quantity(f.target),
      remaining: quantity(f.toGo),
      perPerson: f.perPerson === null ? null : quantity(f.perPerson),
    });
    focus = gapWithSuggestion(gap, adviceFor(f.metric, locale, m.turn, m.teamName));
  } else {
    focus = [say('focus', rotate(t.focusOnPace, m.turn, m.teamName, undefined)), say('suggestion', rotate(messages(locale).advice.momentum, m.turn, m.teamName, undefined))];
  }
  return { lead, celebrations, focus };
}

/** The digest as Slack shows it, and as text for the terminal and notifications. */
export function renderDailyDigest(m: DailyDigestModel, locale: Locale): Message & Written {
  const t = messages(locale).digest;
  const title = t.dailyTitle({ team: m.teamName, day: formatDay(m.slotDay, locale) });
  const phrased = phraseDailyDigest(m, locale);
  const monthName = formatMonth(m.reportDay, locale);
  const cells = m.kpis.map((k) => kpiCell(k.metric, k.day, k.month, monthName, locale));
  const shown = phrased.celebrations.slice(0, MAX_CELEBRATIONS);
  const hidden = phrased.celebrations.length - shown.length;
  const celebrationText = [...shown.map((s) => `• ${s.text}`), ...(hidden > 0 ? [t.moreCelebrations({ count: hidden })] : [])].join('\n');
  const blocks: KnownBlock[] = [header(title), section(paragraph(phrased.lead, locale))];
  blocks.push(...fieldSections(cells));
  if (shown.length) blocks.push(section(`*${t.celebrationsTitle}*\n${celebrationText}`));
  blocks.push(section(`*${t.focusTitle}*\n${paragraph(phrased.focus, locale)}`), context(t.dailyFooter));
  const text = [
    title,
    paragraph(phrased.lead, locale),
    ...cells,
    ...(shown.length ? [t.celebrationsTitle, celebrationText] : []),
    t.focusTitle,
    paragraph(phrased.focus, locale),
  ].join('\n');
  return { text, blocks, sentences: [...phrased.lead, ...phrased.celebrations, ...phrased.focus] };
}
