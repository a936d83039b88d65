import { actions, button, context, header, section, type KnownBlock, type Message } from './blocks.js';
import { formatAmount, formatItems, formatQuantity, kpiLine, metricLabel } from './amounts.js';
import { funnelRowText, repFunnel, strengthSentence, strengthsOf, teamMedianOf, type FunnelRow, type Strength } from './oneonone-funnel.js';
import { gapWithSuggestion, paragraph, say, type Sentence, type Written } from './digest/sentences.js';
import { headlineItems } from './digest/shared.js';
import { planKeeping, planKeepingSentences, type PlanKeeping } from './plan-check.js';
import { quietNames } from './digest/weekly.js';
import { personalKpis, statusModel, type StatusModel } from './status.js';
import { isNewApproachNote, quietInputs, type QuietInput } from '../domain/celebrations.js';
import type { WorkCalendar } from '../domain/calendar.js';
import { daysBetween, type Day } from '../domain/days.js';
import { bottleneckStage, qualityOrVolume, sameTotals, stageChanges, stagesOfRole, type Balance, type Stage, type StageChange } from '../domain/funnel.js';
import type { MetricCatalog } from '../domain/metric-catalog.js';
import type { MetricDef } from '../domain/metrics.js';
import { coachingQuestions, proposePlan, situationOf, type ActionPlanProposal, type QuestionKey, type Situation } from '../domain/oneonone.js';
import { stageKind } from '../domain/funnel.js';
import { workdayStreak } from '../domain/streaks.js';
import { isFarAbovePace } from '../domain/progress.js';
import { hasInputs, metricValue, scaleTotals, type Totals } from '../domain/rates.js';
import { works } from '../domain/roles.js';
import { formatDay, formatPercent, formatPoints, messages, pick, type Locale } from '../i18n/index.js';
import type { ActionPlan, CheckIn, Target } from '../store/index.js';

/** The button on a prep that opens the form to save the agreed plan; its value is the rep's ID. */
export const SAVE_PLAN_ACTION = 'kpi_1on1_plan';

/** What the prep is built from: plain data, read by `loadOneOnOne`. */
export interface OneOnOneInput {
  readonly rep: string;
  readonly salesRole: string | null;
  readonly meetingDay: Day;
  /** Minutes after midnight of the meeting, or null for an on-demand prep. */
  readonly meetingMinutes: number | null;
  readonly since: 'last1on1' | 'twoWeeks';
  readonly from: Day;
  readonly to: Day;
  readonly calendar: WorkCalendar;
  readonly catalog: MetricCatalog;
  /** The team's funnel (all of its stages; the rep's role picks the ones they work). */
  readonly stages: readonly Stage[];
  readonly current: Totals;
  readonly previous: Totals;
  /** The rep's four weeks before the period: their own baseline. */
  readonly baseline: Totals;
  /** Each teammate's totals over the period, for the team median of a stage (over those whose role works it). */
  readonly teammates: readonly { readonly salesRole: string | null; readonly totals: Totals }[];
  readonly monthTotals: Totals;
  readonly targets: readonly Target[];
  readonly loggedDays: ReadonlySet<Day>;
  readonly lastLogged: ReadonlyMap<string, Day>;
  readonly bests: readonly { metric: string; best: number; day: Day }[];
  readonly notes: readonly string[];
  /** The recent pace of each target's metric, for the "target far from pace" trap. */
  readonly paces: ReadonlyMap<string, number | null>;
  readonly lastPlan: ActionPlan | null;
  /**
   * Totals before and since the last plan with their workdays, for how the numbers moved and how the
   * plan's actions were kept; `workdaysPer` says how many workdays a week and the plan's month hold.
   */
  readonly sincePlan: {
    readonly before: Totals;
    readonly after: Totals;
    readonly beforeDays: number;
    readonly afterDays: number;
    readonly workdaysPer: { readonly workday: number; readonly week: number; readonly month: number };
  } | null;
  readonly checkIn: CheckIn | null;
}

export type WentWell =
  | { readonly kind: 'strength'; readonly strength: Strength }
  | { readonly kind: 'best'; readonly metric: MetricDef; readonly value: number }
  | { readonly kind: 'streak'; readonly days: number }
  | { readonly kind: 'rateRose'; readonly change: StageChange }
  | { readonly kind: 'newApproach'; readonly note: string }
  | { readonly kind: 'activityUp'; readonly metric: MetricDef; readonly rise: number }
  | { readonly kind: 'effort'; readonly totals: Totals };

export interface OneOnOneModel {
  readonly input: OneOnOneInput;
  readonly month: StatusModel;
  /** The rep's funnel over the period: every stage their role works, by its own rate. */
  readonly funnel: readonly FunnelRow[];
  readonly wentWell: readonly WentWell[];
  /** The stage to work on, with the team median of its rate when there is one. */
  readonly stage: (StageChange & { readonly teamMedian: number | null }) | null;
  readonly balance: Balance;
  readonly quiet: readonly QuietInput[];
  readonly targetOff: readonly { metric: MetricDef; target: Target; pace: number; high: boolean }[];
  readonly situation: Situation;
  readonly questions: readonly QuestionKey[];
  readonly plan: ActionPlanProposal;
  /** How the last plan's actions that map to a KPI were kept since it was saved; null without a plan. */
  readonly keeping: PlanKeeping | null;
}

/** The counts whose rise is worth praising in a 1on1, in the order they are looked at. */
const ACTIVITY = ['calls', 'meetings', 'visits', 'wins'];

function wentWellOf(i: OneOnOneInput, funnel: readonly FunnelRow[]): WentWell[] {
  // A stage well above the team is the first thing a manager wants to praise.
  const out: WentWell[] = strengthsOf(funnel).slice(0, 1).map((strength) => ({ kind: 'strength', strength }));
  for (const b of i.bests.filter((x) => x.day >= i.from && x.day <= i.to && i.catalog.get(x.metric)).slice(0, 2)) out.push({ kind: 'best', metric: i.catalog.def(b.metric), value: b.best });
  const streak = workdayStreak(i.loggedDays, i.to, i.calendar);
  if (streak >= 5) out.push({ kind: 'streak', days: streak });
  const rose = stageChanges(stagesOfRole(i.stages, i.salesRole), sameTotals(i.current), sameTotals(i.previous)).filter((c) => c.change >= 0.1);
  if (rose[0]) out.push({ kind: 'rateRose', change: rose[0] });
  // A note logged on several days is one approach.
  for (const note of [...new Set(i.notes.filter(isNewApproachNote))].slice(0, 2)) out.push({ kind: 'newApproach', note });
  for (const key of ACTIVITY) {
    const now = i.current.values[key] ?? 0;
    const before = i.previous.values[key] ?? 0;
    if (before >= 5 && now >= before * 1.1 && i.catalog.get(key)) {
      out.push({ kind: 'activityUp', metric: i.catalog.def(key), rise: (now - before) / before });
      break;
    }
  }
  if (out.length === 0 && headlineItems(i.current, i.catalog).length > 0) out.push({ kind: 'effort', totals: i.current });
  return out;
}

/** The prep's reading of the numbers: what went well, where to work, the traps, questions and a plan. */
export function buildOneOnOne(i: OneOnOneInput): OneOnOneModel {
  const month = statusModel({ userId: i.rep, role: i.salesRole, kind: 'month', asOf: i.to, totals: i.monthTotals, targets: personalKpis(i.targets), calendar: i.calendar, catalog: i.catalog });
  const span = Math.max(1, daysBetween(i.from, i.to) + 1);
  const ownBaseline = scaleTotals(i.baseline, span / 28);
  const funnel = repFunnel(i);
  const stage = bottleneckStage(stagesOfRole(i.stages, i.salesRole), sameTotals(i.current), sameTotals(ownBaseline));
  const teamMedian = stage ? teamMedianOf(stage.stage, i.teammates) : null;
  const balance = qualityOrVolume(i.current, i.previous);
  const targetDefs = i.targets.flatMap((t) => i.catalog.get(t.metric) ?? []);
  const quiet = quietInputs(targetDefs, i.lastLogged, i.to, i.catalog);
  const targetOff = i.targets.flatMap((t) => {
    const def = i.catalog.get(t.metric);
    const pace = i.paces.get(t.metric) ?? null;
    if (!def || pace === null || pace <= 0 || def.better === 'lower') return [];
    return isFarAbovePace(t.value, pace) ? [{ metric: def, target: t, pace, high: true }] : t.value < pace / 2 ? [{ metric: def, target: t, pace, high: false }] : [];
  });
  const situation = situationOf({ balance, stage, loggedDays: [...i.loggedDays].filter((d) => d >= i.from && d <= i.to).length });
  const furthest = [...month.lines]
    .filter((l) => l.progress.paceGap !== null && l.progress.target)
    .sort((a, b) => a.progress.paceGap! / a.progress.target! - b.progress.paceGap! / b.progress.target!)[0];
  const main = furthest
    ? { metric: furthest.progress.metric, target: furthest.progress.target }
    : month.lines[0]
      ? { metric: month.lines[0].progress.metric, target: month.lines[0].progress.target }
      : { metric: i.catalog.def('calls'), target: null };
  return {
    input: i,
    month,
    funnel,
    wentWell: wentWellOf(i, funnel),
    stage: stage ? { ...stage, teamMedian } : null,
    balance,
    quiet,
    targetOff,
    situation,
    questions: coachingQuestions(situation, { quietKpis: quiet.length, targetOff: targetOff.length > 0 }),
    plan: proposePlan(main, situation, stage),
    keeping: i.lastPlan && i.sincePlan ? planKeeping(i.lastPlan.text, i.catalog, i.sincePlan, i.sincePlan.workdaysPer) : null,
  };
}

function wentWellSentence(w: WentWell, locale: Locale, seed: string, catalog: MetricCatalog): string {
  const t = messages(locale).oneonone;
  switch (w.kind) {
    case 'strength':
      return strengthSentence(w.strength, locale);
    case 'best':
      return pick(t.best, seed, { amount: formatAmount(w.metric, w.value, locale) });
    case 'streak':
      return pick(t.streak, seed, { days: w.days });
    case 'rateRose':
      return pick(t.rateRose, seed, {
        rate: metricLabel(w.change.stage.rate, locale),
        from: formatPercent(w.change.baseline, locale),
        to: formatPercent(w.change.current, locale),
        points: formatPoints(w.change.current - w.change.baseline, locale),
      });
    case 'newApproach':
      return pick(t.newApproach, seed, { note: w.note.slice(0, 200) });
    case 'activityUp':
      return pick(t.activityUp, seed, { metric: metricLabel(w.metric, locale), rise: formatPercent(w.rise, locale) });
    case 'effort':
      return pick(t.effort, seed, { items: formatItems(headlineItems(w.totals, catalog, 4), locale) });
  }
}

/** The prep's sentences by section, in the manager's language. */
export function phraseOneOnOne(m: OneOnOneModel, locale: Locale): { wentWell: Sentence[]; workOn: Sentence[]; plan: Sentence[]; kept: Sentence[] } {
  const t = messages(locale).oneonone;
  const c = messages(locale);
  const seed = `${m.input.meetingDay}:1on1:${m.input.rep}`;
  const wentWell = m.wentWell.length ? m.wentWell.map((w, k) => say('progress', wentWellSentence(w, locale, `${seed}:${k}`, m.input.catalog))) : [say('progress', pick(t.fresh, seed, undefined))];
  const workOn: Sentence[] = [];
  if (m.stage) {
    const stage = metricLabel(m.stage.stage.rate, locale);
    workOn.push(
      ...gapWithSuggestion(
        pick(t.stage, seed, { stage, current: formatPercent(m.stage.current, locale), own: formatPercent(m.stage.baseline, locale), team: m.stage.teamMedian === null ? null : formatPercent(m.stage.teamMedian, locale) }),
        pick(c.advice.stage[stageKind(m.stage.stage)], seed, undefined),
      ),
    );
  }
  if (m.balance === 'quality') workOn.push(...gapWithSuggestion(pick(t.quality, seed, undefined), pick(c.advice.quality, seed, undefined)));
  if (m.balance === 'volume') workOn.push(...gapWithSuggestion(pick(t.volume, seed, undefined), pick(c.advice.volume, seed, undefined)));
  if (m.quiet.length) {
    const metrics = quietNames(m.quiet, locale);
    workOn.push(...gapWithSuggestion(pick(t.quietTrap, seed, { metrics }), pick(c.advice.quiet, seed, { metrics })));
  }
  for (const off of m.targetOff.slice(0, 2)) {
    const params = {
      metric: metricLabel(off.metric, locale),
      target: formatQuantity(off.metric, off.target.value, locale),
      pace: formatQuantity(off.metric, off.metric.kind === 'rate' ? off.pace : Math.round(off.pace), locale),
    };
    workOn.push(...gapWithSuggestion(pick(off.high ? t.targetHigh : t.targetLow, seed, params), pick(t.targetAdvice, seed, undefined)));
  }
  if (workOn.length === 0) workOn.push(say('info', pick(t.nothingToFix, seed, undefined)));
  const kpi = m.plan.target === null ? metricLabel(m.plan.metric, locale) : formatAmount(m.plan.metric, m.plan.target, locale);
  const plan = [
    say('focus', t.planKpi({ kpi })),
    say('focus', t.planMeasure({ measure: t.measures[m.plan.measure] })),
    ...m.plan.actions.map((a) => say('suggestion', t.actions[a])),
  ];
  const kept = m.keeping ? planKeepingSentences(m.keeping, locale, seed) : [];
  return { wentWell, workOn, plan, kept };
}

/** "calls 48 → 55 a workday · meeting rate 7% → 9%": how the numbers moved since the last plan. */
function movesSince(m: OneOnOneModel, locale: Locale): string | null {
  const s = m.input.sincePlan;
  if (!s || s.afterDays === 0 || s.beforeDays === 0) return null;
  const moves: string[] = [];
  const catalog = m.input.catalog;
  for (const key of ACTIVITY) {
    const def = catalog.get(key);
    if (!def || (s.before.values[key] === undefined && s.after.values[key] === undefined)) continue;
    const before = (s.before.values[key] ?? 0) / s.beforeDays;
    const after = (s.after.values[key] ?? 0) / s.afterDays;
    moves.push(`${formatAmount(def, Math.round(before * 10) / 10, locale)} → ${formatQuantity(def, Math.round(after * 10) / 10, locale)}`);
  }
  for (const key of ['meeting_rate', 'win_rate']) {
    const rate = catalog.get(key);
    if (!rate || rate.retired || !works(m.input.salesRole, [...rate.formula!.numerator, rate.formula!.denominator])) continue;
    const before = metricValue(rate, s.before);
    const after = metricValue(rate, s.after);
    // A rate of something never logged (0 wins of 30 meetings for an SDR) says nothing.
    if (before !== null && after !== null && (hasInputs(rate, s.before) || hasInputs(rate, s.after))) moves.push(`${formatAmount(rate, before, locale)} → ${formatQuantity(rate, after, locale)}`);
  }
  return moves.length ? moves.slice(0, 4).join(messages(locale).separators.details) : null;
}

/** The prep as a DM to the manager: Block Kit with a button to save the agreed plan, and text. */
export function renderOneOnOne(m: OneOnOneModel, locale: Locale, meetingLabel: string): Message & Written {
  const t = messages(locale).oneonone;
  const rep = `<@${m.input.rep}>`;
  const title = t.title({ rep, when: meetingLabel });
  const phrased = phraseOneOnOne(m, locale);
  const period = t.periodLine({ from: formatDay(m.input.from, locale), to: formatDay(m.input.to, locale), since: m.input.since });
  const questions = m.questions.map((q, k) => `${k + 1}. ${t.questions[q]({ stage: m.stage ? metricLabel(m.stage.stage.rate, locale) : t.defaultStage })}`);
  const planText = [...phrased.plan.slice(0, 2).map((s) => s.text), t.planActions, ...phrased.plan.slice(2).map((s) => `• ${s.text}`)].join('\n');
  const moves = movesSince(m, locale);
  const kept = phrased.kept.length ? [`${messages(locale).cycle.keptTitle}: ${paragraph(phrased.kept, locale)}`] : [];
  const last = m.input.lastPlan ? [t.lastPlan({ day: formatDay(m.input.lastPlan.day, locale), text: m.input.lastPlan.text.slice(0, 500) }), ...kept, ...(moves ? [t.movedSince({ moves })] : [])] : [t.noLastPlan];
  const checkIn = m.input.checkIn
    ? [
        ...(m.input.checkIn.wentWell ? [t.checkInWentWell({ text: m.input.checkIn.wentWell.slice(0, 500) })] : []),
        ...(m.input.checkIn.wantHelp ? [t.checkInWantHelp({ text: m.input.checkIn.wantHelp.slice(0, 500) })] : []),
      ]
    : [];
  // The month so far against its targets, titled with its days: the period's comparisons are in the funnel.
  const kpis = m.month.lines.map((l) => kpiLine(l.progress, locale));
  const kpisTitle = t.kpisTitle({ from: formatDay(m.month.period.start, locale), to: formatDay(m.month.asOf, locale) });
  const funnel = m.funnel.flatMap((r) => funnelRowText(r, locale) ?? []);
  const blocks: KnownBlock[] = [
    header(title),
    context(period),
    section(`*${t.wentWellTitle}*\n${phrased.wentWell.map((s) => `• ${s.text}`).join('\n')}`),
    ...(kpis.length ? [section(`*${kpisTitle}*\n${kpis.join('\n')}`)] : []),
    ...(funnel.length ? [section(`*${t.funnelTitle}*\n${funnel.join('\n')}`)] : []),
    section(`*${t.workOnTitle}*\n${paragraph(phrased.workOn, locale)}`),
    section(`*${t.questionsTitle}*\n${questions.join('\n')}`),
    section(`*${t.planTitle}*\n${planText}`),
    section(`*${t.lastPlanTitle}*\n${last.join('\n')}`),
    ...(checkIn.length ? [section(`*${t.checkInTitle({ rep })}*\n${checkIn.join('\n')}`)] : []),
    actions(button(t.saveButton, SAVE_PLAN_ACTION, m.input.rep, 'primary')),
    context(t.footer),
  ];
  const text = [
    title,
    period,
    t.wentWellTitle,
    ...phrased.wentWell.map((s) => `• ${s.text}`),
    ...(kpis.length ? [kpisTitle, ...kpis] : []),
    ...(funnel.length ? [t.funnelTitle, ...funnel] : []),
    t.workOnTitle,
    paragraph(phrased.workOn, locale),
    t.questionsTitle,
    ...questions,
    t.planTitle,
    planText,
    t.lastPlanTitle,
    ...last,
    ...(checkIn.length ? [t.checkInTitle({ rep }), ...checkIn] : []),
  ].join('\n');
  return { text, blocks, sentences: [...phrased.wentWell, ...phrased.workOn, ...phrased.plan, ...phrased.kept] };
}

/** The proposed plan as the text the save form starts with. */
export function planAsText(m: OneOnOneModel, locale: Locale): string {
  const phrased = phraseOneOnOne(m, locale).plan;
  return phrased.map((s) => s.text).join('\n');
}

