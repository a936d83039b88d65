import { context, header, section, type KnownBlock, type Message } from './blocks.js';
import { formatFigure, formatItems, formatQuantity, metricHeading, metricLabel } from './amounts.js';
import { adviceFor } from './digest/shared.js';
import { gapWithSuggestion, paragraph, say, type Sentence, type Written } from './digest/sentences.js';
import type { MonthKpi, MonthReviewModel } from './month-review.js';
import { treeLines } from './tree.js';
import { dayInZone, monthOf, yearOf } from '../domain/days.js';
import { ceilCount, isPaced } from '../domain/progress.js';
import { formatDay, formatList, formatMonth, formatPercent, messages, rotate, type Locale } from '../i18n/index.js';

/** One decimal for an amount per workday (8.4 meetings), whole amounts as they are. */
const oneDecimal = (n: number) => Math.round(n * 10) / 10;

/** A KPI's month as a line: actual against target with its unit, attainment, the month before, reached or the distance to the goal. */
function resultLine(k: MonthKpi, locale: Locale): string {
  const c = messages(locale).cycle;
  const p = k.progress;
  const round = (n: number) => (isPaced(k.metric) ? Math.round(n) : n);
  const line = c.resultLine({
    name: metricHeading(k.metric, locale),
    figure: formatFigure(k.metric, p.actual === null ? null : round(p.actual), p.target, locale),
    attainment: p.target !== null && p.target > 0 && p.attainment !== null ? formatPercent(p.attainment, locale) : null,
    previous: k.previous === null ? null : formatQuantity(k.metric, round(k.previous), locale),
  });
  if (p.reached) return `${line}${c.resultReached}`;
  if (p.target !== null && p.actual !== null && isPaced(k.metric) && k.metric.better === 'higher') return `${line}${c.resultDistance({ amount: formatQuantity(k.metric, ceilCount(p.target - p.actual), locale) })}`;
  return line;
}

/** The review's sentences by section, in the team's language: progress first, the next month's focus with one step. */
export function phraseMonthReview(m: MonthReviewModel, locale: Locale): { lead: Sentence[]; worked: Sentence[]; next: Sentence[] } {
  const c = messages(locale).cycle;
  const t = messages(locale);
  const turn = yearOf(m.month.start) * 12 + monthOf(m.month.start);
  const salt = m.teamName;
  const month = formatMonth(m.month.start, locale);
  const previous = formatMonth(m.previousMonth.start, locale);
  const nextMonth = formatMonth(m.slotDay, locale);
  const lead: Sentence[] = [m.headline.length ? say('progress', rotate(c.reviewLead, turn, salt, { items: formatItems(m.headline, locale), month })) : say('progress', c.reviewLeadQuiet({ month }))];
  if (m.reached.length) lead.push(say('celebration', rotate(c.reviewReached, turn, salt, { metrics: formatList(m.reached.map((d) => metricLabel(d, locale)), locale), month })));

  const worked: Sentence[] = [];
  const w = m.worked;
  if (w?.kind === 'kpi' && isPaced(w.metric)) {
    const q = (n: number) => formatQuantity(w.metric, oneDecimal(n), locale);
    worked.push(say('progress', rotate(c.workedKpi, turn, salt, { kpi: metricLabel(w.metric, locale), before: q(w.before), after: q(w.after), rise: formatPercent(w.rise, locale), previous })));
  } else if (w) {
    const rate = w.kind === 'kpi' ? w.metric : w.stage.rate;
    worked.push(say('progress', rotate(c.workedStage, turn, salt, { stage: metricLabel(rate, locale), before: formatQuantity(rate, w.before, locale), after: formatQuantity(rate, w.after, locale), previous, month })));
  } else worked.push(say('info', rotate(c.workedSteady, turn, salt, { previous })));

  const next: Sentence[] = [];
  const f = m.furthest;
  if (f && f.progress.target !== null && f.progress.actual !== null) {
    const distance = formatQuantity(f.metric, ceilCount(f.progress.target - f.progress.actual), locale);
    next.push(...gapWithSuggestion(rotate(c.nextFocus, turn, salt, { kpi: metricLabel(f.metric, locale), distance, month, next: nextMonth }), c.onePractice({ advice: adviceFor(f.metric, locale, turn, salt) })));
  } else if (m.kpis.length > 0) {
    next.push(say('progress', rotate(c.nextAllReached, turn, salt, { month, next: nextMonth })), say('suggestion', rotate(t.advice.momentum, turn, salt, undefined)));
  }
  return { lead, worked, next };
}

/** The review as the team's channel gets it: Block Kit and its text, with the sentences it was written from. */
export function renderMonthReview(m: MonthReviewModel, locale: Locale): Message & Written {
  const c = messages(locale).cycle;
  const month = formatMonth(m.month.start, locale);
  const title = c.reviewTitle({ team: m.teamName, month });
  const phrased = phraseMonthReview(m, locale);
  const results = m.kpis.length ? [c.resultsTitle({ month }), ...m.kpis.map((k) => resultLine(k, locale))] : [c.noTeamTargets({ month })];
  const tree = m.tree ? [c.treeTitle, ...treeLines(m.tree, locale)] : [];
  const decisions = m.decisions.length
    ? [c.decisionsTitle({ month }), ...m.decisions.map((d) => messages(locale).clients.decisionLine({ day: formatDay(dayInZone(d.decidedAt, m.zone), locale), text: d.text }))]
    : [c.noDecisions({ month, command: '/kpi decision …' })];
  const sections = [
    [paragraph(phrased.lead, locale)],
    results,
    tree,
    [c.workedTitle, paragraph(phrased.worked, locale)],
    ...(phrased.next.length ? [[c.nextTitle({ month: formatMonth(m.slotDay, locale) }), paragraph(phrased.next, locale)]] : []),
    decisions,
  ].filter((s) => s.length > 0);
  // A section holds 3,000 characters: a long tree is split over several.
  const blocks: KnownBlock[] = [header(title), ...sections.flatMap((s) => chunks(s, 15).map((lines) => section(lines.join('\n')))), context(c.reviewFooter)];
  return { text: [title, ...sections.flat(), c.reviewFooter].join('\n'), blocks, sentences: [...phrased.lead, ...phrased.worked, ...phrased.next] };
}

/** Lines in groups of at most `size`. */
function chunks(lines: readonly string[], size: number): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < lines.length; i += size) out.push(lines.slice(i, i + size));
  return out;
}
