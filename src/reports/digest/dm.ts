import { gapWithSuggestion, paragraph, say, type Sentence, type Written } from './sentences.js';
import { memberCalendar, type TeamSnapshot } from './snapshot.js';
import { adviceFor, headlineItems } from './shared.js';
import { actions, button, context, header, section, type Message } from '../blocks.js';
import { formatAmount, formatItems, formatValue, metricLabel } from '../amounts.js';
import { personalKpis, statusModel, todaysAsk, type StatusModel } from '../status.js';
import type { Day } from '../../domain/days.js';
import { stageKind, stagesOfRole, weakestStage, type StageChange } from '../../domain/funnel.js';
import type { MetricCatalog } from '../../domain/metric-catalog.js';
import type { MetricDef } from '../../domain/metrics.js';
import { periodOf } from '../../domain/periods.js';
import { NO_TOTALS, type Totals } from '../../domain/rates.js';
import { formatDay, formatMonth, formatPercent, messages, pick, type Locale } from '../../i18n/index.js';
import type { Member } from '../../store/index.js';
import { OPEN_LOG_ACTION } from '../views/home.js';


/** One person's plan for the day, by DM. */
export interface MorningDmModel {
  readonly userId: string;
  readonly slotDay: Day;
  readonly reportDay: Day;
  readonly yesterday: Totals;
  readonly month: StatusModel;
  readonly ask: { readonly metric: MetricDef; readonly amount: number; readonly target: number } | null;
  /** Their funnel stage furthest under the team's over four weeks, when one is. */
  readonly weakest: StageChange | null;
  readonly catalog: MetricCatalog;
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
  return {
    userId: member.userId,
    slotDay,
    reportDay: s.reportDay,
    yesterday: s.dayTotals.get(member.userId) ?? NO_TOTALS,
    month: monthModel,
    ask: todaysAsk(monthModel, slotDay, calendar),
    weakest: weakest && weakest.change <= -0.1 ? weakest : null,
    catalog: s.catalog,
  };
}

export function phraseMorningDm(m: MorningDmModel, locale: Locale): Sentence[] {
  const t = messages(locale);
  const seed = `${m.slotDay}:dm:${m.userId}`;
  const items = headlineItems(m.yesterday, m.catalog, 5);
  const out: Sentence[] = [items.length ? say('progress', pick(t.dm.leadActive, seed, { items: formatItems(items, locale) })) : say('progress', pick(t.dm.leadQuiet, seed, undefined))];
  if (m.month.lines.length === 0) out.push(say('info', t.dm.noTargets));
  else if (m.ask) {
    out.push(say('focus', pick(t.dm.ask, seed, { amount: formatAmount(m.ask.metric, m.ask.amount, locale), target: formatAmount(m.ask.metric, Math.round(m.ask.target), locale) })));
  } else out.push(say('focus', pick(t.dm.askDone, seed, undefined)));
  if (m.weakest) {
    const stage = metricLabel(m.weakest.stage.rate, locale);
    out.push(
      ...gapWithSuggestion(
        pick(t.dm.stageGap, seed, { stage, current: formatPercent(m.weakest.current, locale), reference: formatPercent(m.weakest.baseline, locale) }),
        pick(t.advice.stage[stageKind(m.weakest.stage)], seed, undefined),
      ),
    );
  } else if (m.ask) {
    out.push(say('suggestion', adviceFor(m.ask.metric, locale, seed)));
  }
  return out;
}

/** The DM: yesterday first, where the month stands, today's number, one suggestion, a button to log. */
export function renderMorningDm(m: MorningDmModel, locale: Locale): Message & Written {
  const t = messages(locale);
  const sentences = phraseMorningDm(m, locale);
  const title = t.dm.title({ day: formatDay(m.slotDay, locale) });
  const monthLines = m.month.lines.map((l) => {
    const p = l.progress;
    const v = (n: number | null) => (n === null ? '–' : formatValue(p.metric, n, locale));
    return `• ${metricLabel(p.metric, locale)} ${v(p.actual)} / ${v(p.target)}${p.attainment === null ? '' : ` (${formatPercent(p.attainment, locale)})`}`;
  });
  const lead = sentences.filter((s) => s.kind === 'progress');
  const plan = sentences.filter((s) => s.kind !== 'progress');
  const monthTitle = t.dm.monthTitle({ month: formatMonth(m.month.period.start, locale) });
  const blocks = [
    header(title),
    section(paragraph(lead, locale)),
    ...(monthLines.length ? [section(`*${monthTitle}*\n${monthLines.join('\n')}`)] : []),
    section(paragraph(plan, locale)),
    actions(button(t.dm.button, OPEN_LOG_ACTION, undefined, 'primary')),
    context(t.dm.optOut),
  ];
  const text = [title, paragraph(lead, locale), ...(monthLines.length ? [monthTitle, ...monthLines] : []), paragraph(plan, locale)].join('\n');
  return { text, blocks, sentences };
}
