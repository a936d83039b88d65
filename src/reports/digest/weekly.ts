import { gapWithSuggestion, paragraph, say, type Sentence, type Written } from './sentences.js';
import { adviceFor, channelKpis, channelStages, headlineItems, kpiCell, mainActivityOf, mostImprovedOn } from './shared.js';
import { context, fieldSections, header, section, type KnownBlock, type Message } from '../blocks.js';
import { formatAmount, formatItems, formatQuantity, metricLabel } from '../amounts.js';
import { formatFormula } from '../formulas.js';
import { calendarFor, kpiProgress } from '../status.js';
import { teamProgress, teamTotalsFor } from '../team-progress.js';
import { loadTeamTargets, type TeamTarget, type TeamTargets } from '../tree.js';
import { quietInputs, type Improvement, type QuietInput } from '../../domain/celebrations.js';
import { countWorkdays, type WorkCalendar } from '../../domain/calendar.js';
import { addDays, maxDay, minDay, weekNumber, type Day } from '../../domain/days.js';
import { bottleneckStage, funnelStages, qualityOrVolume, stageKind, stageRate, type Balance, type Stage, type StageChange } from '../../domain/funnel.js';
import type { MetricCatalog } from '../../domain/metric-catalog.js';
import type { MetricDef } from '../../domain/metrics.js';
import { periodOf, previousPeriod, type Period } from '../../domain/periods.js';
import { ceilCount, isPaced, type Progress } from '../../domain/progress.js';
import { metricValue, rateParts, scaleTotals, sumOfAll, type Totals } from '../../domain/rates.js';
import type { RoleGroup } from '../../domain/roles.js';
import type { SharedKpi } from '../../domain/team-kpis.js';
import { readOver, teamStageTotals, type TeamMember } from '../../domain/team-rates.js';
import { formatDay, formatList, formatPercent, formatPoints, messages, rotate, upperFirst, type Locale } from '../../i18n/index.js';
import type { Store, Team } from '../../store/index.js';

export interface WeeklyKpi {
  readonly metric: MetricDef;
  readonly week: Progress;
  readonly previous: number | null;
}

/** One step of the week's funnel, read over the people whose role works it. */
export interface FunnelStep {
  readonly stage: Stage;
  readonly from: number;
  readonly to: number;
  readonly rate: number | null;
  readonly group: RoleGroup | null;
}

/** The weekly review: last week against target and the week before, the funnel, what to coach. */
export interface WeeklyReviewModel {
  readonly teamName: string;
  readonly slotDay: Day;
  readonly week: Period;
  readonly totals: Totals;
  /** Last week's team totals the lead names: none of the KPIs one person carries alone. */
  readonly headline: readonly { readonly metric: MetricDef; readonly value: number }[];
  readonly kpis: readonly WeeklyKpi[];
  readonly funnel: readonly FunnelStep[];
  readonly bottleneck: StageChange | null;
  readonly balance: Balance;
  readonly quiet: readonly QuietInput[];
  readonly goalsReached: readonly MetricDef[];
  readonly improved: (Improvement & { metric: MetricDef }) | null;
  readonly focus: { metric: MetricDef; amount: number; target: number } | null;
  readonly catalog: MetricCatalog;
}

/** What this week asks of the KPI furthest under the month's pace, as of the end of last week. */
function weekFocus(input: WeeklyInput, targets: readonly SharedKpi<TeamTarget>[], slotDay: Day, asOf: Day): WeeklyReviewModel['focus'] {
  const { calendar, catalog } = input;
  const month = periodOf(slotDay, 'month');
  const week = periodOf(slotDay, 'week');
  const left = countWorkdays(slotDay, month.end, calendar);
  const thisWeek = countWorkdays(maxDay(slotDay, week.start), minDay(week.end, month.end), calendar);
  if (left === 0 || thisWeek === 0) return null;
  let best: { focus: NonNullable<WeeklyReviewModel['focus']>; share: number } | null = null;
  for (const t of targets) {
    const def = catalog.get(t.metric);
    if (!def || !isPaced(def)) continue;
    const p = kpiProgress(def, t.schedules, month, asOf < month.start ? slotDay : asOf, teamTotalsFor(def, input.members, input.monthToDate), calendar);
    if (p.target === null || p.actual === null || p.reached || p.target === 0) continue;
    const share = (p.paceGap ?? 0) / p.target;
    if (!best || share < best.share) best = { focus: { metric: def, amount: ceilCount(((p.target - p.actual) * thisWeek) / left), target: p.target }, share };
  }
  return best?.focus ?? null;
}

/** What a weekly review is built from, read from the store by `loadWeeklyReview`. */
export interface WeeklyInput {
  readonly teamName: string;
  readonly calendar: WorkCalendar;
  readonly catalog: MetricCatalog;
  readonly funnel: readonly string[];
  readonly slotDay: Day;
  readonly members: readonly TeamMember[];
  readonly targets: readonly TeamTarget[];
  /** Each member's targets: for the quiet-KPI check, and the activity their improvement is measured on. */
  readonly memberTargets: ReadonlyMap<string, readonly { readonly metric: string }[]>;
  readonly lastWeek: ReadonlyMap<string, Totals>;
  readonly weekBefore: ReadonlyMap<string, Totals>;
  /** The four weeks before last week, per member. */
  readonly baseline: ReadonlyMap<string, Totals>;
  /** The month of the slot day up to the end of last week, per member. */
  readonly monthToDate: ReadonlyMap<string, Totals>;
  readonly lastLogged: ReadonlyMap<string, Day>;
}

/** The week a review on `slotDay` covers: the ISO week before. */
export const reviewedWeek = (slotDay: Day): Period => previousPeriod(periodOf(slotDay, 'week'));

/** Four weeks' values per member as one average week, so volumes compare with a single week. */
const asOneWeek = (byMember: ReadonlyMap<string, Totals>) => new Map([...byMember].map(([u, t]) => [u, scaleTotals(t, 1 / 4)] as const));

/** Builds the review that goes out on `slotDay`, about the week before it. */
export function buildWeeklyReview(input: WeeklyInput): WeeklyReviewModel {
  const { calendar, slotDay, catalog, members } = input;
  const week = reviewedWeek(slotDay);
  const channel = channelKpis(input.targets, catalog);
  const targets = channel.kpis;
  const totals = sumOfAll(input.lastWeek);
  const baselineWeek = asOneWeek(input.baseline);
  const kpis = targets.flatMap((t) => {
    const def = catalog.get(t.metric);
    if (!def) return [];
    return [{ metric: def, week: teamProgress(def, t, week, week.end, members, input.lastWeek, calendar).progress, previous: metricValue(def, teamTotalsFor(def, members, input.weekBefore)) }];
  });
  const targeted = [...input.targets.map((t) => t.metric), ...[...input.memberTargets.values()].flat().map((t) => t.metric)]
    .filter((k) => !channel.solo.has(k))
    .flatMap((k) => catalog.get(k) ?? []);
  // Each person against their own main activity the team shares, so the sentence names what actually rose.
  const improved = mostImprovedOn(members, (userId) => mainActivityOf(input.memberTargets.get(userId) ?? [], catalog, channel.solo), input.weekBefore, input.lastWeek);
  const logged = (k: string) => (totals.values[k] ?? 0) > 0 || (sumOfAll(input.baseline).values[k] ?? 0) > 0;
  const stages = channelStages(funnelStages(input.funnel, catalog, logged), members, input.lastWeek, channel);
  const current = teamStageTotals(members, input.lastWeek);
  return {
    teamName: input.teamName,
    slotDay,
    week,
    totals,
    headline: headlineItems(totals, catalog, 5, channel.solo),
    kpis,
    funnel: stages.map((stage) => {
      const t = current(stage);
      const { numerator, denominator } = rateParts(stage.rate, t);
      return { stage, from: denominator ?? 0, to: numerator, rate: stageRate(stage, t), group: readOver([stage.from.key, stage.to.key], members) };
    }),
    bottleneck: bottleneckStage(stages, current, teamStageTotals(members, baselineWeek)),
    balance: qualityOrVolume(totals, sumOfAll(baselineWeek)),
    // An input one person carries as their KPI going quiet is their gap, not the channel's.
    quiet: quietInputs(targeted, input.lastLogged, week.end, catalog).filter((q) => !channel.solo.has(q.metric.key)),
    goalsReached: kpis.filter((k) => k.week.reached && isPaced(k.metric)).map((k) => k.metric),
    improved,
    focus: weekFocus(input, targets, slotDay, week.end),
    catalog,
  };
}

/** Reads what the review of the week before `slotDay` needs, and builds it. */
export async function loadWeeklyReview(store: Store, team: Team, slotDay: Day): Promise<WeeklyReviewModel> {
  return (await loadWeeklyReviewWithTargets(store, team, slotDay)).review;
}

/** A week's totals by member, as a review's trend reads them. */
export interface WeekTotals {
  readonly week: Period;
  readonly byMember: ReadonlyMap<string, Totals>;
}

/**
 * The review of the week before `slotDay`, with what it was read from that its trend chart reads
 * too: the team's targets as of the week's end, and the totals of the `trendWeeks` weeks up to the
 * reviewed one (oldest first), read in the review's own query. A morning reads them once a team.
 */
export async function loadWeeklyReviewWithTargets(
  store: Store,
  team: Team,
  slotDay: Day,
  trendWeeks = 0,
): Promise<{ review: WeeklyReviewModel; teamTargets: TeamTargets; weeks: WeekTotals[] }> {
  const week = reviewedWeek(slotDay);
  const before = previousPeriod(week);
  const month = periodOf(slotDay, 'month');
  const monthSpan = month.start <= week.end ? { from: month.start, to: week.end } : null;
  // The trend's weeks before the two the review reads itself, oldest first.
  const earlierWeeks: Period[] = [];
  for (let p = before; earlierWeeks.length < trendWeeks - 2; ) earlierWeeks.unshift((p = previousPeriod(p)));
  const catalog = await store.metrics.catalog(team.workspace);
  const [teamTargets, ranges, lastLogged] = await Promise.all([
    loadTeamTargets(store, team, week.end, catalog),
    store.totals.memberRanges(team.id, [
      { from: week.start, to: week.end },
      { from: before.start, to: before.end },
      { from: addDays(week.start, -28), to: addDays(week.start, -1) },
      ...earlierWeeks.map((p) => ({ from: p.start, to: p.end })),
      ...(monthSpan ? [monthSpan] : []),
    ]),
    store.totals.teamLastLogged(team.id, addDays(week.end, -40)),
  ]);
  const { members: all, byPerson: memberTargets, targets } = teamTargets;
  const members = all.filter((m) => m.isActive);
  const [lastWeek, weekBefore, baseline, ...rest] = ranges as [Map<string, Totals>, Map<string, Totals>, Map<string, Totals>, ...Map<string, Totals>[]];
  const earlier = rest.slice(0, earlierWeeks.length);
  const monthToDate = monthSpan ? rest[earlierWeeks.length]! : new Map<string, Totals>();
  const review = buildWeeklyReview({
    teamName: team.name,
    calendar: calendarFor(team),
    catalog,
    funnel: team.settings.funnel,
    slotDay,
    members,
    targets,
    memberTargets,
    lastWeek,
    weekBefore,
    baseline,
    monthToDate,
    lastLogged,
  });
  const weeks: WeekTotals[] =
    trendWeeks > 0 ? [...earlierWeeks.map((p, i) => ({ week: p, byMember: earlier[i]! })), { week: before, byMember: weekBefore }, { week, byMember: lastWeek }].slice(-trendWeeks) : [];
  return { review, teamTargets, weeks };
}

/** The names of quiet inputs, each with the KPIs it is behind when it is not a KPI itself. */
export function quietNames(quiet: readonly QuietInput[], locale: Locale): string {
  const t = messages(locale);
  return quiet
    .map((q) => {
      const name = metricLabel(q.metric, locale);
      const behind = q.kpis.filter((k) => k.key !== q.metric.key);
      return behind.length ? t.quietInput({ metric: name, kpis: formatList(behind.map((k) => metricLabel(k, locale)), locale) }) : name;
    })
    .join(t.separators.names);
}

export function phraseWeeklyReview(m: WeeklyReviewModel, locale: Locale): { lead: Sentence[]; coaching: Sentence[]; focus: Sentence[] } {
  const t = messages(locale);
  const w = t.weekly;
  // One review a week: consecutive weeks take consecutive phrasings.
  const turn = weekNumber(m.slotDay);
  const salt = m.teamName;
  const lead: Sentence[] = [m.headline.length ? say('progress', rotate(w.lead, turn, salt, { items: formatItems(m.headline, locale) })) : say('progress', rotate(w.leadQuiet, turn, salt, undefined))];
  if (m.goalsReached.length) lead.push(say('celebration', rotate(w.goalsReached, turn, salt, { metrics: m.goalsReached.map((x) => metricLabel(x, locale)).join(t.separators.names) })));
  if (m.improved) {
    lead.push(
      say('celebration', rotate(t.digest.mostImproved, turn, salt, { person: `<@${m.improved.userId}>`, metric: metricLabel(m.improved.metric, locale), rise: formatPercent(m.improved.rise, locale) }), m.improved.userId),
    );
  }
  const coaching: Sentence[] = [];
  if (m.bottleneck) {
    const b = m.bottleneck;
    coaching.push(
      ...gapWithSuggestion(
        rotate(w.bottleneck, turn, salt, { stage: metricLabel(b.stage.rate, locale), current: formatPercent(b.current, locale), baseline: formatPercent(b.baseline, locale) }),
        rotate(t.advice.stage[stageKind(b.stage)], turn, salt, undefined),
      ),
    );
  } else if (m.funnel.length) coaching.push(say('info', rotate(w.noBottleneck, turn, salt, undefined)));
  if (m.balance === 'quality') coaching.push(...gapWithSuggestion(rotate(w.quality, turn, salt, undefined), rotate(t.advice.quality, turn, salt, undefined)));
  if (m.balance === 'volume') coaching.push(...gapWithSuggestion(rotate(w.volume, turn, salt, undefined), rotate(t.advice.volume, turn, salt, undefined)));
  if (m.quiet.length) {
    const metrics = quietNames(m.quiet, locale);
    coaching.push(...gapWithSuggestion(rotate(w.quiet, turn, salt, { metrics }), rotate(t.advice.quiet, turn, salt, { metrics })));
  }
  const focus: Sentence[] = [];
  if (m.bottleneck) {
    focus.push(
      say('focus', rotate(w.focusStage, turn, salt, { stage: metricLabel(m.bottleneck.stage.rate, locale) })),
      say('suggestion', rotate(t.advice.stage[stageKind(m.bottleneck.stage)], turn + 1, salt, undefined)),
    );
  } else if (m.focus) {
    const f = m.focus;
    focus.push(
      say('focus', rotate(w.focus, turn, salt, { metric: metricLabel(f.metric, locale), amount: formatQuantity(f.metric, f.amount, locale), target: formatQuantity(f.metric, Math.round(f.target), locale) })),
      say('suggestion', adviceFor(f.metric, locale, turn, salt)),
    );
  } else focus.push(say('focus', rotate(t.digest.focusOnPace, turn, salt, undefined)), say('suggestion', rotate(t.advice.momentum, turn, salt, undefined)));
  return { lead, coaching, focus };
}

/** `439 calls → 116 connects (connect rate 26.4%, inside sales)`, with the role group the step was read over. */
function funnelLine(f: FunnelStep, locale: Locale): string {
  const w = messages(locale).weekly;
  const from = formatAmount(f.stage.from, f.from, locale);
  const to = formatAmount(f.stage.to, f.to, locale);
  const rate = f.rate === null ? w.rateTooFew({ rate: metricLabel(f.stage.rate, locale) }) : formatAmount(f.stage.rate, f.rate, locale);
  const group = f.group ? messages(locale).roleGroups[f.group] : null;
  return upperFirst(w.funnelStep({ from, to, rate, group }));
}

/** Last week against the week before: a relative change for counts and amounts, points for a rate; nothing to say without a week before. */
function changeText(k: WeeklyKpi, locale: Locale): string {
  const w = messages(locale).weekly;
  const now = k.week.actual;
  if (now === null || k.previous === null) return '';
  const sign = (x: number) => (x >= 0 ? '+' : '−');
  if (k.metric.kind === 'rate') {
    const points = now - k.previous;
    return Math.abs(points) < 0.0005 ? w.changeFlat : w.change({ change: `${sign(points)}${formatPoints(points, locale)}` });
  }
  if (k.previous === 0) return now > 0 ? w.changeNew : '';
  const change = (now - k.previous) / k.previous;
  return Math.abs(change) < 0.0005 ? w.changeFlat : w.change({ change: `${sign(change)}${formatPercent(Math.abs(change), locale)}` });
}

export function renderWeeklyReview(m: WeeklyReviewModel, locale: Locale): Message & Written {
  const t = messages(locale);
  const w = t.weekly;
  const title = w.title({ team: m.teamName, start: formatDay(m.week.start, locale), end: formatDay(m.week.end, locale) });
  const phrased = phraseWeeklyReview(m, locale);
  const weekName = w.lastWeek;
  const cells = m.kpis.map((k) => [kpiCell(k.metric, null, k.week, weekName, locale), changeText(k, locale)].filter(Boolean).join('\n'));
  const steps = m.funnel.filter((f) => f.from > 0 || f.to > 0).map((f) => funnelLine(f, locale));
  const funnelText = steps.join('\n');
  const formulas = [...new Map([...m.funnel.map((f) => f.stage.rate), ...m.kpis.map((k) => k.metric)].filter((d) => d.formula).map((d) => [d.key, d])).values()];
  const footnote = formulas.length ? w.formulas({ formulas: formulas.map((d) => formatFormula(d, m.catalog, locale)).join(t.separators.details) }) : null;
  const blocks: KnownBlock[] = [header(title), section(paragraph(phrased.lead, locale))];
  blocks.push(...fieldSections(cells));
  if (steps.length) blocks.push(section(`*${w.funnelTitle}*\n${funnelText}`));
  if (phrased.coaching.length) blocks.push(section(paragraph(phrased.coaching, locale)));
  blocks.push(section(`*${w.focusTitle}*\n${paragraph(phrased.focus, locale)}`), context(...(footnote ? [footnote] : []), w.footer));
  const text = [
    title,
    paragraph(phrased.lead, locale),
    ...cells,
    ...(steps.length ? [w.funnelTitle, funnelText] : []),
    ...(phrased.coaching.length ? [paragraph(phrased.coaching, locale)] : []),
    w.focusTitle,
    paragraph(phrased.focus, locale),
    ...(footnote ? [footnote] : []),
  ].join('\n');
  return { text, blocks, sentences: [...phrased.lead, ...phrased.coaching, ...phrased.focus] };
}
