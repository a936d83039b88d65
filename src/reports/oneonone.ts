import { actions, button, context, header, section, type KnownBlock, type Message } from './blocks.js';
import { formatAmount, formatItems, formatValue } from './amounts.js';
import { gapWithSuggestion, paragraph, say, type Sentence, type Written } from './digest/sentences.js';
import { headlineItems } from './digest/shared.js';
import { ratesOf, statusModel, type StatusModel } from './status.js';
import { metricValue } from '../domain/progress.js';
import { isNewApproachNote, quietKpis } from '../domain/celebrations.js';
import type { WorkCalendar } from '../domain/calendar.js';
import { daysBetween, type Day } from '../domain/days.js';
import { bottleneckStage, median, qualityOrVolume, stageChanges, stageRate, stagesFor, stagesOfRole, type Balance, type StageChange } from '../domain/funnel.js';
import { DERIVED_METRICS, isLoggedMetric, metricBetter, metricLabel, type LoggedMetric, type MetricKey } from '../domain/metrics.js';
import { coachingQuestions, proposePlan, situationOf, type ActionPlanProposal, type QuestionKey, type Situation } from '../domain/oneonone.js';
import { workdayStreak } from '../domain/streaks.js';
import { derivedValue, type Totals } from '../domain/rates.js';
import { formatDay, formatPercent, messages, pick, type Locale } from '../i18n/index.js';
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
  readonly current: Totals;
  readonly previous: Totals;
  /** The rep's four weeks before the period: their own baseline. */
  readonly baseline: Totals;
  /** Each teammate's totals over the period, for the team median of a stage. */
  readonly teammates: readonly Totals[];
  readonly monthTotals: Totals;
  readonly targets: readonly Target[];
  readonly loggedDays: ReadonlySet<Day>;
  readonly lastLogged: ReadonlyMap<LoggedMetric, Day>;
  readonly bests: readonly { metric: LoggedMetric; best: number; day: Day }[];
  readonly notes: readonly string[];
  /** The recent pace of each target's metric, for the "target far from pace" trap. */
  readonly paces: ReadonlyMap<MetricKey, number | null>;
  readonly lastPlan: ActionPlan | null;
  /** Totals per workday before and since the last plan, for how the numbers moved. */
  readonly sincePlan: { readonly before: Totals; readonly after: Totals; readonly beforeDays: number; readonly afterDays: number } | null;
  readonly checkIn: CheckIn | null;
}

export type WentWell =
  | { readonly kind: 'best'; readonly metric: LoggedMetric; readonly value: number }
  | { readonly kind: 'streak'; readonly days: number }
  | { readonly kind: 'rateRose'; readonly change: StageChange }
  | { readonly kind: 'newApproach'; readonly note: string }
  | { readonly kind: 'activityUp'; readonly metric: LoggedMetric; readonly rise: number }
  | { readonly kind: 'effort'; readonly totals: Totals };

export interface OneOnOneModel {
  readonly input: OneOnOneInput;
  readonly month: StatusModel;
  readonly wentWell: readonly WentWell[];
  /** The stage to work on, with the team median of its rate when there is one. */
  readonly stage: (StageChange & { readonly teamMedian: number | null }) | null;
  readonly balance: Balance;
  readonly quiet: readonly MetricKey[];
  readonly targetOff: readonly { metric: MetricKey; target: Target; pace: number; high: boolean }[];
  readonly situation: Situation;
  readonly questions: readonly QuestionKey[];
  readonly plan: ActionPlanProposal;
}

function wentWellOf(i: OneOnOneInput): WentWell[] {
  const out: WentWell[] = [];
  for (const b of i.bests.filter((x) => x.day >= i.from && x.day <= i.to).slice(0, 2)) out.push({ kind: 'best', metric: b.metric, value: b.best });
  const streak = workdayStreak(i.loggedDays, i.to, i.calendar);
  if (streak >= 5) out.push({ kind: 'streak', days: streak });
  const rose = stageChanges(i.current, i.previous).filter((c) => c.change >= 0.1 && stagesOfRole(i.salesRole).includes(c.stage));
  if (rose[0]) out.push({ kind: 'rateRose', change: rose[0] });
  for (const note of i.notes.filter(isNewApproachNote).slice(0, 2)) out.push({ kind: 'newApproach', note });
  for (const metric of ['calls', 'meetings', 'visits', 'wins'] as const) {
    const now = i.current[metric] ?? 0;
    const before = i.previous[metric] ?? 0;
    if (before >= 5 && now >= before * 1.1) {
      out.push({ kind: 'activityUp', metric, rise: (now - before) / before });
      break;
    }
  }
  if (out.length === 0 && headlineItems(i.current).length > 0) out.push({ kind: 'effort', totals: i.current });
  return out;
}

/** The prep's reading of the numbers: what went well, where to work, the traps, questions and a plan. */
export function buildOneOnOne(i: OneOnOneInput): OneOnOneModel {
  const month = statusModel({ userId: i.rep, kind: 'month', asOf: i.to, totals: i.monthTotals, targets: i.targets, calendar: i.calendar });
  const span = Math.max(1, daysBetween(i.from, i.to) + 1);
  const ownBaseline = Object.fromEntries(Object.entries(i.baseline).map(([k, v]) => [k, (v * span) / 28])) as Totals;
  const allowed = stagesOfRole(i.salesRole);
  const fallen = bottleneckStage(i.current, ownBaseline);
  const stage = fallen && allowed.includes(fallen.stage) ? fallen : null;
  const teamMedian = stage
    ? median(
        i.teammates.flatMap((t) => {
          const def = stagesFor(t).find((d) => d.stage === stage.stage);
          const rate = def ? stageRate(def, t) : null;
          return rate === null ? [] : [rate];
        }),
      )
    : null;
  const balance = qualityOrVolume(i.current, i.previous);
  const quiet = quietKpis(
    i.targets.map((t) => t.metric),
    i.lastLogged,
    i.to,
  );
  const targetOff = i.targets.flatMap((t) => {
    const pace = i.paces.get(t.metric) ?? null;
    if (pace === null || pace <= 0 || metricBetter(t.metric) === 'lower') return [];
    return t.value > 2 * pace ? [{ metric: t.metric, target: t, pace, high: true }] : t.value < pace / 2 ? [{ metric: t.metric, target: t, pace, high: false }] : [];
  });
  const situation = situationOf({ balance, stage, loggedDays: [...i.loggedDays].filter((d) => d >= i.from && d <= i.to).length });
  const furthest = [...month.lines]
    .filter((l) => l.progress.paceGap !== null && l.progress.target)
    .sort((a, b) => a.progress.paceGap! / a.progress.target! - b.progress.paceGap! / b.progress.target!)[0];
  const main = furthest ? { metric: furthest.progress.metric, target: furthest.progress.target } : month.lines[0] ? { metric: month.lines[0].progress.metric, target: month.lines[0].progress.target } : { metric: 'calls' as MetricKey, target: null };
  return {
    input: i,
    month,
    wentWell: wentWellOf(i),
    stage: stage ? { ...stage, teamMedian } : null,
    balance,
    quiet,
    targetOff,
    situation,
    questions: coachingQuestions(situation, { quietKpis: quiet.length, targetOff: targetOff.length > 0 }),
    plan: proposePlan(main, situation, stage),
  };
}

function wentWellSentence(w: WentWell, locale: Locale, seed: string): string {
  const t = messages(locale).oneonone;
  switch (w.kind) {
    case 'best':
      return pick(t.best, seed, { amount: formatAmount(w.metric, w.value, locale) });
    case 'streak':
      return pick(t.streak, seed, { days: w.days });
    case 'rateRose':
      return pick(t.rateRose, seed, { rate: messages(locale).stageNames[w.change.stage], from: formatPercent(w.change.baseline, locale), to: formatPercent(w.change.current, locale) });
    case 'newApproach':
      return pick(t.newApproach, seed, { note: w.note.slice(0, 200) });
    case 'activityUp':
      return pick(t.activityUp, seed, { metric: metricLabel(w.metric, locale), rise: `+${formatPercent(w.rise, locale)}` });
    case 'effort':
      return pick(t.effort, seed, { items: formatItems(headlineItems(w.totals, 4), locale) });
  }
}

/** The prep's sentences by section, in the manager's language. */
export function phraseOneOnOne(m: OneOnOneModel, locale: Locale): { wentWell: Sentence[]; workOn: Sentence[]; plan: Sentence[] } {
  const t = messages(locale).oneonone;
  const c = messages(locale);
  const seed = `${m.input.meetingDay}:1on1:${m.input.rep}`;
  const wentWell = m.wentWell.length ? m.wentWell.map((w, k) => say('progress', wentWellSentence(w, locale, `${seed}:${k}`))) : [say('progress', pick(t.fresh, seed, undefined))];
  const workOn: Sentence[] = [];
  if (m.stage) {
    const stage = c.stageNames[m.stage.stage];
    workOn.push(
      ...gapWithSuggestion(
        pick(t.stage, seed, { stage, current: formatPercent(m.stage.current, locale), own: formatPercent(m.stage.baseline, locale), team: m.stage.teamMedian === null ? null : formatPercent(m.stage.teamMedian, locale) }),
        pick(c.advice.stage[m.stage.stage], seed, undefined),
      ),
    );
  }
  if (m.balance === 'quality') workOn.push(...gapWithSuggestion(pick(t.quality, seed, undefined), pick(c.advice.quality, seed, undefined)));
  if (m.balance === 'volume') workOn.push(...gapWithSuggestion(pick(t.volume, seed, undefined), pick(c.advice.volume, seed, undefined)));
  if (m.quiet.length) {
    const metrics = m.quiet.map((x) => metricLabel(x, locale)).join(messages(locale).separators.names);
    workOn.push(...gapWithSuggestion(pick(t.quietTrap, seed, { metrics }), pick(c.advice.quiet, seed, { metrics })));
  }
  for (const off of m.targetOff.slice(0, 2)) {
    const params = {
      metric: metricLabel(off.metric, locale),
      target: formatValue(off.metric, off.target.value, locale),
      pace: formatValue(off.metric, isLoggedMetric(off.metric) ? Math.round(off.pace) : off.pace, locale),
    };
    workOn.push(...gapWithSuggestion(pick(off.high ? t.targetHigh : t.targetLow, seed, params), pick(t.targetAdvice, seed, undefined)));
  }
  if (workOn.length === 0) workOn.push(say('info', pick(t.nothingToFix, seed, undefined)));
  const kpi = m.plan.target === null ? metricLabel(m.plan.metric, locale) : `${metricLabel(m.plan.metric, locale)} ${formatValue(m.plan.metric, m.plan.target, locale)}`;
  const plan = [
    say('focus', t.planKpi({ kpi })),
    say('focus', t.planMeasure({ measure: t.measures[m.plan.measure] })),
    ...m.plan.actions.map((a) => say('suggestion', t.actions[a])),
  ];
  return { wentWell, workOn, plan };
}

/** "calls 48 → 55 a workday · meeting rate 7% → 9%": how the numbers moved since the last plan. */
function movesSince(m: OneOnOneModel, locale: Locale): string | null {
  const s = m.input.sincePlan;
  if (!s || s.afterDays === 0 || s.beforeDays === 0) return null;
  const moves: string[] = [];
  for (const metric of ['calls', 'meetings', 'visits', 'wins'] as const) {
    if (s.before[metric] === undefined && s.after[metric] === undefined) continue;
    const before = (s.before[metric] ?? 0) / s.beforeDays;
    const after = (s.after[metric] ?? 0) / s.afterDays;
    moves.push(`${metricLabel(metric, locale)} ${formatValue(metric, Math.round(before * 10) / 10, locale)} → ${formatValue(metric, Math.round(after * 10) / 10, locale)}`);
  }
  for (const rate of DERIVED_METRICS.filter((r) => r === 'meeting_rate' || r === 'win_rate')) {
    const before = derivedValue(rate, s.before);
    const after = derivedValue(rate, s.after);
    // A rate of something never logged (0 wins of 30 meetings for an SDR) says nothing.
    const logged = (t: Totals) => ratesOf(t).some((r) => r.metric === rate);
    if (before !== null && after !== null && (logged(s.before) || logged(s.after))) moves.push(`${metricLabel(rate, locale)} ${formatPercent(before, locale)} → ${formatPercent(after, locale)}`);
  }
  return moves.length ? moves.slice(0, 4).join(messages(locale).separators.details) : null;
}

function kpiLines(m: OneOnOneModel, locale: Locale): string[] {
  const t = messages(locale).oneonone;
  return m.month.lines.map((l) => {
    const p = l.progress;
    const v = (n: number | null) => (n === null ? '–' : formatValue(p.metric, n, locale));
    const now = metricValue(p.metric, m.input.current);
    const before = metricValue(p.metric, m.input.previous);
    let trend = '';
    if (now !== null && before !== null && before > 0) {
      const change = (now - before) / before;
      trend = Math.abs(change) < 0.05 ? t.trendFlat : change > 0 ? t.trendUp({ change: formatPercent(change, locale) }) : t.trendDown({ change: formatPercent(-change, locale) });
    } else if (now !== null && now > 0 && (before === null || before === 0)) trend = t.trendNew;
    return t.kpiLine({ metric: metricLabel(p.metric, locale), actual: v(p.actual), target: v(p.target), attainment: p.attainment === null ? '–' : formatPercent(p.attainment, locale), trend });
  });
}

/** The prep as a DM to the manager: Block Kit with a button to save the agreed plan, and text. */
export function renderOneOnOne(m: OneOnOneModel, locale: Locale, meetingLabel: string): Message & Written {
  const t = messages(locale).oneonone;
  const rep = `<@${m.input.rep}>`;
  const title = t.title({ rep, when: meetingLabel });
  const phrased = phraseOneOnOne(m, locale);
  const period = t.periodLine({ from: formatDay(m.input.from, locale), to: formatDay(m.input.to, locale), since: m.input.since });
  const questions = m.questions.map((q, k) => `${k + 1}. ${t.questions[q]({ stage: m.stage ? messages(locale).stageNames[m.stage.stage] : messages(locale).stageNames.meeting })}`);
  const planText = [...phrased.plan.slice(0, 2).map((s) => s.text), t.planActions, ...phrased.plan.slice(2).map((s) => `• ${s.text}`)].join('\n');
  const moves = movesSince(m, locale);
  const last = m.input.lastPlan ? [t.lastPlan({ day: formatDay(m.input.lastPlan.day, locale), text: m.input.lastPlan.text.slice(0, 500) }), ...(moves ? [t.movedSince({ moves })] : [])] : [t.noLastPlan];
  const checkIn = m.input.checkIn
    ? [
        ...(m.input.checkIn.wentWell ? [t.checkInWentWell({ text: m.input.checkIn.wentWell.slice(0, 500) })] : []),
        ...(m.input.checkIn.wantHelp ? [t.checkInWantHelp({ text: m.input.checkIn.wantHelp.slice(0, 500) })] : []),
      ]
    : [];
  const kpis = kpiLines(m, locale);
  const blocks: KnownBlock[] = [
    header(title),
    context(period),
    section(`*${t.wentWellTitle}*\n${phrased.wentWell.map((s) => `• ${s.text}`).join('\n')}`),
    ...(kpis.length ? [section(`*${t.kpisTitle}*\n${kpis.join('\n')}`)] : []),
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
    ...(kpis.length ? [t.kpisTitle, ...kpis] : []),
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
  return { text, blocks, sentences: [...phrased.wentWell, ...phrased.workOn, ...phrased.plan] };
}

/** The proposed plan as the text the save form starts with. */
export function planAsText(m: OneOnOneModel, locale: Locale): string {
  const phrased = phraseOneOnOne(m, locale).plan;
  return phrased.map((s) => s.text).join('\n');
}

