import { gapWithSuggestion, paragraph, say, type Sentence, type Written } from './sentences.js';
import { memberCalendar, type TeamSnapshot } from './snapshot.js';
import { adviceFor, headlineItems } from './shared.js';
import { actions, button, context, header, section, type Message } from '../blocks.js';
import { formatAmount, formatItems, formatQuantity, kpiLine, metricLabel } from '../amounts.js';
import { personalKpis, recentPace, statusModel, todaysAsk, type StatusModel } from '../status.js';
import { countWorkdays, workdayOfYear } from '../../domain/calendar.js';
import { addDays, type Day } from '../../domain/days.js';
import { stageKind, stagesOfRole, weakestStage, type StageChange } from '../../domain/funnel.js';
import type { MetricCatalog } from '../../domain/metric-catalog.js';
import type { MetricDef } from '../../domain/metrics.js';
import { periodOf } from '../../domain/periods.js';
import { ceilCount, isFarAbovePace } from '../../domain/progress.js';
import { NO_TOTALS, type Totals } from '../../domain/rates.js';
import { formatDay, formatMonth, formatPercent, messages, rotate, type Locale } from '../../i18n/index.js';
import type { ActionPlan, Member } from '../../store/index.js';
import { agreedPlanSection, isCurrentPlan } from '../plan-check.js';
import { OPEN_LOG_ACTION } from '../views/home.js';


/** One person's plan for the day, by DM. */
export interface MorningDmModel {
  readonly userId: string;
  readonly slotDay: Day;
  readonly reportDay: Day;
  readonly yesterday: Totals;
  readonly month: StatusModel;
  readonly ask: { readonly metric: MetricDef; readonly amount: number; readonly target: number } | null;
  /**
   * When today's number is far above the person's recent pace (14 meetings for someone at 1.5 a
   * workday): that pace, where the month lands at it, and a realistic aim for today a little above it.
   */
  readonly stretch: { readonly pace: number; readonly landing: number; readonly step: number } | null;
  /** The slot day's workday number: which phrasing takes its turn. */
  readonly turn: number;
  /** Their funnel stage furthest under the team's over four weeks, when one is. */
  readonly weakest: StageChange | null;
  /** The action plan they agreed with their manager in their last 1on1, when there is one. */
  readonly plan: ActionPlan | null;
  readonly catalog: MetricCatalog;
}

/**
 * The realistic view of today's number, when it is far above the person's recent pace: their pace a
 * workday over the four weeks to the report day (`recentPace`, as the SMART check reads it), where
 * the month lands at it, and an aim for today a fifth above it; null while the number is a stretch.
 */
function stretchOf(s: TeamSnapshot, member: Member, month: StatusModel, ask: NonNullable<MorningDmModel['ask']>, slotDay: Day): MorningDmModel['stretch'] {
  const calendar = memberCalendar(s, member.userId);
  const pace = recentPace(s.fourWeeks.get(member.userId) ?? NO_TOTALS, s.metricDays.get(member.userId) ?? new Map(), addDays(s.reportDay, 1), calendar)(ask.metric, 'day');
  if (pace === null || !isFarAbovePace(ask.amount, pace)) return null;
  const actual = month.lines.find((l) => l.progress.metric.key === ask.metric.key)?.progress.actual ?? 0;
  const left = countWorkdays(slotDay, month.period.end, calendar);
  return { pace, landing: Math.round(actual + pace * left), step: Math.max(1, ceilCount(pace * 1.2)) };
}

export function buildMorningDm(s: TeamSnapshot, member: Member, slotDay: Day): MorningDmModel {
  const month = periodOf(slotDay, 'month');
  // Their own calendar: their days off are no workdays of theirs.
  const calendar = memberCalendar(s, member.userId);
  const sameMonth = month.start === s.month.start;
  const monthModel = statusModel({
    userId: member.userId,
    role: member.salesRole,
    kind: 'month',
    asOf: sameMonth ? s.reportDay : slotDay,
    totals: sameMonth ? (s.monthTotals.get(member.userId) ?? NO_TOTALS) : NO_TOTALS,
    targets: personalKpis(s.memberTargets.get(member.userId) ?? []),
    calendar,
    catalog: s.catalog,
  });
  const weakest = weakestStage(stagesOfRole(s.stages, member.salesRole), s.fourWeeks.get(member.userId) ?? NO_TOTALS, s.teamStageRates);
  const ask = todaysAsk(monthModel, slotDay, calendar);
  return {
    userId: member.userId,
    slotDay,
    reportDay: s.reportDay,
    yesterday: s.dayTotals.get(member.userId) ?? NO_TOTALS,
    month: monthModel,
    ask,
    stretch: ask && stretchOf(s, member, monthModel, ask, slotDay),
    turn: workdayOfYear(slotDay, s.calendar),
    weakest: weakest && weakest.change <= -0.1 ? weakest : null,
    plan: [s.plans?.get(member.userId)].find((p) => p !== undefined && isCurrentPlan(p, slotDay)) ?? null,
    catalog: s.catalog,
  };
}

export function phraseMorningDm(m: MorningDmModel, locale: Locale): Sentence[] {
  const t = messages(locale);
  const salt = m.userId;
  const items = headlineItems(m.yesterday, m.catalog, 5);
  const out: Sentence[] = [items.length ? say('progress', rotate(t.dm.leadActive, m.turn, salt, { items: formatItems(items, locale) })) : say('progress', rotate(t.dm.leadQuiet, m.turn, salt, undefined))];
  if (m.month.lines.length === 0) out.push(say('info', t.dm.noTargets));
  else if (m.ask && m.stretch) {
    const { metric } = m.ask;
    const quantity = (n: number) => formatQuantity(metric, n, locale);
    out.push(
      ...gapWithSuggestion(
        rotate(t.dm.askFar, m.turn, salt, { target: formatAmount(metric, Math.round(m.ask.target), locale), amount: quantity(m.ask.amount), pace: quantity(Math.round(m.stretch.pace * 10) / 10), landing: quantity(m.stretch.landing) }),
        rotate(t.dm.askStep, m.turn, salt, { step: formatAmount(metric, m.stretch.step, locale) }),
      ),
    );
  } else if (m.ask) {
    out.push(say('focus', rotate(t.dm.ask, m.turn, salt, { amount: formatAmount(m.ask.metric, m.ask.amount, locale), target: formatAmount(m.ask.metric, Math.round(m.ask.target), locale) })));
  } else out.push(say('focus', rotate(t.dm.askDone, m.turn, salt, undefined)));
  if (m.weakest) {
    const stage = metricLabel(m.weakest.stage.rate, locale);
    out.push(
      ...gapWithSuggestion(
        rotate(t.dm.stageGap, m.turn, salt, { stage, current: formatPercent(m.weakest.current, locale), reference: formatPercent(m.weakest.baseline, locale) }),
        rotate(t.advice.stage[stageKind(m.weakest.stage)], m.turn, salt, undefined),
      ),
    );
  } else if (m.ask && !m.stretch) {
    out.push(say('suggestion', adviceFor(m.ask.metric, locale, m.turn, salt)));
  }
  return out;
}

/** The DM: yesterday first, where the month stands, today's number, one suggestion, a button to log. */
export function renderMorningDm(m: MorningDmModel, locale: Locale): Message & Written {
  const t = messages(locale);
  const sentences = phraseMorningDm(m, locale);
  const title = t.dm.title({ day: formatDay(m.slotDay, locale) });
  const monthLines = m.month.lines.map((l) => `• ${kpiLine(l.progress, locale)}`);
  const lead = sentences.filter((s) => s.kind === 'progress');
  const plan = sentences.filter((s) => s.kind !== 'progress');
  const monthTitle = t.dm.monthTitle({ month: formatMonth(m.month.period.start, locale) });
  const agreed = m.plan ? agreedPlanSection(m.plan, locale) : null;
  const blocks = [
    header(title),
    section(paragraph(lead, locale)),
    ...(monthLines.length ? [section(`*${monthTitle}*\n${monthLines.join('\n')}`)] : []),
    section(paragraph(plan, locale)),
    ...(agreed ? [section(`*${agreed.title}*\n${agreed.quote}`)] : []),
    actions(button(t.dm.button, OPEN_LOG_ACTION, undefined, 'primary')),
    context(t.dm.optOut),
  ];
  const text = [title, paragraph(lead, locale), ...(monthLines.length ? [monthTitle, ...monthLines] : []), paragraph(plan, locale), ...(agreed ? [agreed.title, agreed.quote] : [])].join('\n');
  return { text, blocks, sentences };
}
