import { gapWithSuggestion, paragraph, say, type Sentence, type Written } from './sentences.js';
import { adviceFor, digestKpis, headlineItems, kpiCell, mainActivityOf } from './shared.js';
import { context, fieldSections, header, section, type KnownBlock, type Message } from '../blocks.js';
import { formatAmount, formatItems, formatValue } from '../amounts.js';
import { calendarFor } from '../status.js';
import { metricValue } from '../../domain/progress.js';
import { loadTeamTargets, type TeamTarget } from '../tree.js';
import { inputsOf, mostImproved, quietKpis, type Improvement } from '../../domain/celebrations.js';
import { countWorkdays, type WorkCalendar } from '../../domain/calendar.js';
import { addDays, maxDay, minDay, type Day } from '../../domain/days.js';
import { bottleneckStage, qualityOrVolume, type Balance, type StageChange } from '../../domain/funnel.js';
import { metricLabel, type DerivedMetric, type LoggedMetric, type MetricKey } from '../../domain/metrics.js';
import { periodOf, previousPeriod, type Period } from '../../domain/periods.js';
import { ceilCount, convertsWithWorkdays, progress, type Progress } from '../../domain/progress.js';
import { derivedValue, sumTotals, type Totals } from '../../domain/rates.js';
import { formatDay, formatPercent, messages, pick, type Locale } from '../../i18n/index.js';
import type { Store, Team } from '../../store/index.js';

const FUNNEL_STEPS: readonly LoggedMetric[] = ['calls', 'connects', 'meetings', 'wins'];
const FUNNEL_RATES: readonly DerivedMetric[] = ['connect_rate', 'meeting_rate', 'win_rate'];

export interface WeeklyKpi {
  readonly metric: MetricKey;
  readonly week: Progress;
  readonly previous: number | null;
}

/** The weekly review: last week against target and the week before, the funnel, what to coach. */
export interface WeeklyReviewModel {
  readonly teamName: string;
  readonly slotDay: Day;
  readonly week: Period;
  readonly totals: Totals;
  readonly kpis: readonly WeeklyKpi[];
  readonly funnel: readonly { metric: LoggedMetric; value: number }[];
  readonly rates: readonly { metric: DerivedMetric; value: number }[];
  readonly bottleneck: StageChange | null;
  readonly balance: Balance;
  readonly quiet: readonly MetricKey[];
  readonly goalsReached: readonly MetricKey[];
  readonly improved: (Improvement & { metric: MetricKey }) | null;
  readonly focus: { metric: MetricKey; amount: number; target: number } | null;
}

/** What this week asks of the KPI furthest under the month's pace, as of the end of last week. */
function weekFocus(targets: readonly { metric: MetricKey; value: number; period: Period['kind'] }[], monthTotals: Totals, slotDay: Day, asOf: Day, calendar: WorkCalendar): WeeklyReviewModel['focus'] {
  const month = periodOf(slotDay, 'month');
  const week = periodOf(slotDay, 'week');
  const left = countWorkdays(slotDay, month.end, calendar);
  const thisWeek = countWorkdays(maxDay(slotDay, week.start), minDay(week.end, month.end), calendar);
  if (left === 0 || thisWeek === 0) return null;
  let best: { focus: NonNullable<WeeklyReviewModel['focus']>; share: number } | null = null;
  for (const t of targets) {
    if (!convertsWithWorkdays(t.metric)) continue;
    const p = progress({ metric: t.metric, targetValue: t.value, targetKind: t.period, period: month, asOf: asOf < month.start ? slotDay : asOf, actual: metricValue(t.metric, monthTotals), calendar });
    if (p.target === null || p.actual === null || p.reached || p.target === 0) continue;
    const share = (p.paceGap ?? 0) / p.target;
    if (!best || share < best.share) best = { focus: { metric: t.metric, amount: ceilCount(((p.target - p.actual) * thisWeek) / left), target: p.target }, share };
  }
  return best?.focus ?? null;
}

/** What a weekly review is built from, read from the store by `loadWeeklyReview`. */
export interface WeeklyInput {
  readonly teamName: string;
  readonly calendar: WorkCalendar;
  readonly slotDay: Day;
  readonly members: readonly { readonly userId: string }[];
  readonly targets: readonly TeamTarget[];
  /** Each member's targets: for the quiet-KPI check, and the activity their improvement is measured on. */
  readonly memberTargets: ReadonlyMap<string, readonly { readonly metric: MetricKey }[]>;
  readonly lastWeek: ReadonlyMap<string, Totals>;
  readonly weekBefore: ReadonlyMap<string, Totals>;
  /** The four weeks before last week, per member. */
  readonly baseline: ReadonlyMap<string, Totals>;
  /** The month of the slot day up to the end of last week, per member. */
  readonly monthToDate: ReadonlyMap<string, Totals>;
  readonly lastLogged: ReadonlyMap<LoggedMetric, Day>;
}

/** The week a review on `slotDay` covers: the ISO week before. */
export const reviewedWeek = (slotDay: Day): Period => previousPeriod(periodOf(slotDay, 'week'));

/** Builds the review that goes out on `slotDay`, about the week before it. */
export function buildWeeklyReview(input: WeeklyInput): WeeklyReviewModel {
  const { calendar, slotDay } = input;
  const week = reviewedWeek(slotDay);
  const targets = digestKpis(input.targets);
  const totals = sumTotals(input.lastWeek.values());
  const previous = sumTotals(input.weekBefore.values());
  const baseline = sumTotals(input.baseline.values());
  const kpis = targets.map((t) => ({
    metric: t.metric,
    week: progress({ metric: t.metric, targetValue: t.value, targetKind: t.period, period: week, asOf: week.end, actual: metricValue(t.metric, totals), calendar }),
    previous: metricValue(t.metric, previous),
  }));
  const targeted = [...input.targets.map((t) => t.metric), ...[...input.memberTargets.values()].flat().map((t) => t.metric)];
  // Each person against their own main activity, so the sentence names what actually rose.
  const activityOf = (userId: string) => mainActivityOf(input.memberTargets.get(userId) ?? []);
  const improved = mostImproved(
    input.members.map((m) => {
      const metric = activityOf(m.userId);
      return { userId: m.userId, before: metricValue(metric, input.weekBefore.get(m.userId) ?? {}) ?? 0, recent: metricValue(metric, input.lastWeek.get(m.userId) ?? {}) ?? 0 };
    }),
  );
  return {
    teamName: input.teamName,
    slotDay,
    week,
    totals,
    kpis,
    funnel: FUNNEL_STEPS.filter((m) => totals[m] !== undefined).map((m) => ({ metric: m, value: totals[m]! })),
    rates: FUNNEL_RATES.flatMap((m) => {
      const v = derivedValue(m, totals);
      return v === null || inputsOf(m).some((i) => totals[i] === undefined) ? [] : [{ metric: m, value: v }];
    }),
    bottleneck: bottleneckStage(totals, scaleToWeek(baseline)),
    balance: qualityOrVolume(totals, scaleToWeek(baseline)),
    quiet: quietKpis(targeted, input.lastLogged, week.end),
    goalsReached: kpis.filter((k) => k.week.reached && convertsWithWorkdays(k.metric)).map((k) => k.metric),
    improved: improved ? { ...improved, metric: activityOf(improved.userId) } : null,
    focus: weekFocus(targets, sumTotals(input.monthToDate.values()), slotDay, week.end, calendar),
  };
}

/** Reads what the review of the week before `slotDay` needs, and builds it. */
export async function loadWeeklyReview(store: Store, team: Team, slotDay: Day): Promise<WeeklyReviewModel> {
  const week = reviewedWeek(slotDay);
  const before = previousPeriod(week);
  const month = periodOf(slotDay, 'month');
  const monthSpan = month.start <= week.end ? { from: month.start, to: week.end } : null;
  const [{ members: all, byPerson: memberTargets, targets }, ranges, lastLogged] = await Promise.all([
    loadTeamTargets(store, team, week.end),
    store.totals.memberRanges(team.id, [
      { from: week.start, to: week.end },
      { from: before.start, to: before.end },
      { from: addDays(week.start, -28), to: addDays(week.start, -1) },
      ...(monthSpan ? [monthSpan] : []),
    ]),
    store.totals.teamLastLogged(team.id, addDays(week.end, -40)),
  ]);
  const members = all.filter((m) => m.isActive);
  const [lastWeek, weekBefore, baseline, monthToDate] = ranges as [Map<string, Totals>, Map<string, Totals>, Map<string, Totals>, Map<string, Totals> | undefined];
  return buildWeeklyReview({
    teamName: team.name,
    calendar: calendarFor(team),
    slotDay,
    members,
    targets,
    memberTargets,
    lastWeek,
    weekBefore,
    baseline,
    monthToDate: monthToDate ?? new Map<string, Totals>(),
    lastLogged,
  });
}

/** Four weeks' sums as one average week, so volumes compare with a single week. */
function scaleToWeek(fourWeeks: Totals): Totals {
  return Object.fromEntries(Object.entries(fourWeeks).map(([k, v]) => [k, v / 4])) as Totals;
}

export function phraseWeeklyReview(m: WeeklyReviewModel, locale: Locale): { lead: Sentence[]; coaching: Sentence[]; focus: Sentence[] } {
  const t = messages(locale);
  const w = t.weekly;
  const seed = `${m.slotDay}:weekly:${m.teamName}`;
  const items = headlineItems(m.totals, 5);
  const lead: Sentence[] = [items.length ? say('progress', pick(w.lead, seed, { items: formatItems(items, locale) })) : say('progress', pick(w.leadQuiet, seed, undefined))];
  if (m.goalsReached.length) lead.push(say('celebration', pick(w.goalsReached, seed, { metrics: m.goalsReached.map((x) => metricLabel(x, locale)).join(t.separators.names) })));
  if (m.improved) {
    lead.push(
      say('celebration', pick(t.digest.mostImproved, seed, { person: `<@${m.improved.userId}>`, metric: metricLabel(m.improved.metric, locale), rise: `+${formatPercent(m.improved.rise, locale)}` }), m.improved.userId),
    );
  }
  const coaching: Sentence[] = [];
  if (m.bottleneck) {
    const b = m.bottleneck;
    coaching.push(
      ...gapWithSuggestion(
        pick(w.bottleneck, seed, { stage: t.stageNames[b.stage], current: formatPercent(b.current, locale), baseline: formatPercent(b.baseline, locale) }),
        pick(t.advice.stage[b.stage], seed, undefined),
      ),
    );
  } else if (m.funnel.length) coaching.push(say('info', pick(w.noBottleneck, seed, undefined)));
  if (m.balance === 'quality') coaching.push(...gapWithSuggestion(pick(w.quality, seed, undefined), pick(t.advice.quality, seed, undefined)));
  if (m.balance === 'volume') coaching.push(...gapWithSuggestion(pick(w.volume, seed, undefined), pick(t.advice.volume, seed, undefined)));
  if (m.quiet.length) {
    const metrics = m.quiet.map((x) => metricLabel(x, locale)).join(t.separators.names);
    coaching.push(...gapWithSuggestion(pick(w.quiet, seed, { metrics }), pick(t.advice.quiet, seed, { metrics })));
  }
  const focus: Sentence[] = [];
  if (m.bottleneck) focus.push(say('focus', pick(w.focusStage, seed, { stage: t.stageNames[m.bottleneck.stage] })), say('suggestion', pick(t.advice.stage[m.bottleneck.stage], `${seed}:focus`, undefined)));
  else if (m.focus) {
    focus.push(
      say('focus', pick(w.focus, seed, { metric: metricLabel(m.focus.metric, locale), amount: formatAmount(m.focus.metric, m.focus.amount, locale), target: formatAmount(m.focus.metric, Math.round(m.focus.target), locale) })),
      say('suggestion', adviceFor(m.focus.metric, locale, seed)),
    );
  } else focus.push(say('focus', pick(t.digest.focusOnPace, seed, undefined)), say('suggestion', pick(t.advice.momentum, seed, undefined)));
  return { lead, coaching, focus };
}

function changeText(k: WeeklyKpi, locale: Locale): string {
  const w = messages(locale).weekly;
  const now = k.week.actual;
  if (now === null) return '';
  if (k.previous === null || k.previous === 0) return now > 0 ? w.changeNew : '';
  const change = (now - k.previous) / k.previous;
  return w.change({ change: `${change >= 0 ? '+' : '−'}${formatPercent(Math.abs(change), locale)}` });
}

export function renderWeeklyReview(m: WeeklyReviewModel, locale: Locale): Message & Written {
  const t = messages(locale);
  const w = t.weekly;
  const title = w.title({ team: m.teamName, start: formatDay(m.week.start, locale), end: formatDay(m.week.end, locale) });
  const phrased = phraseWeeklyReview(m, locale);
  const weekName = w.lastWeek;
  const cells = m.kpis.map((k) => [kpiCell(k.metric, null, k.week, weekName, locale), changeText(k, locale)].filter(Boolean).join('\n'));
  const steps = m.funnel.map((f) => `${metricLabel(f.metric, locale)} ${formatValue(f.metric, f.value, locale)}`).join(' → ');
  const rates = formatItems(m.rates, locale);
  const funnelText = [steps, ...(rates ? [rates] : [])].join('\n');
  const blocks: KnownBlock[] = [header(title), section(paragraph(phrased.lead, locale))];
  blocks.push(...fieldSections(cells));
  if (steps) blocks.push(section(`*${w.funnelTitle}*\n${funnelText}`));
  if (phrased.coaching.length) blocks.push(section(paragraph(phrased.coaching, locale)));
  blocks.push(section(`*${w.focusTitle}*\n${paragraph(phrased.focus, locale)}`), context(w.footer));
  const text = [
    title,
    paragraph(phrased.lead, locale),
    ...cells,
    ...(steps ? [w.funnelTitle, funnelText] : []),
    ...(phrased.coaching.length ? [paragraph(phrased.coaching, locale)] : []),
    w.focusTitle,
    paragraph(phrased.focus, locale),
  ].join('\n');
  return { text, blocks, sentences: [...phrased.lead, ...phrased.coaching, ...phrased.focus] };
}
