import { context, header, section, type KnownBlock, type Message } from './blocks.js';
import { formatFigure, formatItems, formatQuantity, metricHeading, metricLabel } from './amounts.js';
import { definedMetrics, definitionLine } from './definitions.js';
import { adviceFor } from './digest/shared.js';
import { reachedKpis, type ClientKpi, type ClientReportModel } from './client-report.js';
import { ceilCount, isPaced } from '../domain/progress.js';
import { stageKind, type Stage } from '../domain/funnel.js';
import type { Period } from '../domain/periods.js';
import { dayInZone } from '../domain/days.js';
import { formatDay, formatList, formatMonth, formatPercent, messages, pick, type Locale } from '../i18n/index.js';

/** A period as its report's title says it: `Mon 16 Nov – Sun 22 Nov` / `11月16日(月)〜11月22日(日)`, or the month. */
function periodName(period: Period, cadence: 'weekly' | 'monthly', locale: Locale): string {
  if (cadence === 'monthly') return formatMonth(period.start, locale);
  return `${formatDay(period.start, locale)}${locale === 'ja' ? '〜' : ' – '}${formatDay(period.end, locale)}`;
}

const stageName = (stage: Stage, locale: Locale) => `${metricLabel(stage.from, locale)} → ${metricLabel(stage.to, locale)}`;

/** What went well, said first: goals reached, else the phase that converted better, else the work done. */
function lead(model: ClientReportModel, locale: Locale, seed: string): string {
  const c = messages(locale).clients;
  const month = formatMonth(model.month.start, locale);
  const reached = reachedKpis(model);
  if (reached.length > 0) return pick(c.leadReached, seed, { kpis: formatList(reached.map((k) => metricLabel(k.metric, locale)), locale), month });
  if (model.bestPhase) {
    const b = model.bestPhase;
    return pick(c.leadImproved, seed, { rate: metricLabel(b.stage.rate, locale), current: formatPercent(b.current, locale), baseline: formatPercent(b.baseline, locale) });
  }
  const logged = model.phases.length > 0 ? model.kpis.filter((k) => isPaced(k.metric)) : [];
  const items = logged.flatMap((k) => (k.period === null || k.period === 0 ? [] : [{ metric: k.metric, value: k.period }]));
  if (items.length > 0 && model.people > 0) return pick(c.leadActivity, seed, { items: formatItems(items, locale), people: model.people });
  return c.leadQuiet;
}

function kpiLine(k: ClientKpi, model: ClientReportModel, locale: Locale): string {
  const c = messages(locale).clients;
  const p = k.month;
  const round = (n: number) => (isPaced(k.metric) ? Math.round(n) : n);
  const v = (n: number | null) => (n === null ? '–' : formatQuantity(k.metric, round(n), locale));
  const figure = formatFigure(k.metric, p.actual === null ? null : round(p.actual), p.target, locale);
  const line = c.kpiLine({ name: metricHeading(k.metric, locale), figure, attainment: p.attainment === null ? null : formatPercent(p.attainment, locale) });
  if (p.reached) return `${line}${c.kpiReached}`;
  if (p.remainingWorkdays > 0 && p.forecast !== null) return `${line}${c.kpiForecast({ amount: v(p.forecast) })}`;
  if (p.target !== null && p.actual !== null && isPaced(k.metric) && k.metric.better === 'higher') {
    return `${line}${c.kpiDistance({ amount: v(ceilCount(p.target - p.actual)), month: formatMonth(model.month.start, locale) })}`;
  }
  return line;
}

/** The phase lines: each step's conversion this period, the one before in brackets, and its counts. */
function phaseLines(model: ClientReportModel, locale: Locale): string[] {
  const c = messages(locale).clients;
  return model.phases.map((ph) => {
    const counts = `${formatItems([{ metric: ph.stage.from, value: ph.from }], locale)} → ${formatItems([{ metric: ph.stage.to, value: ph.to }], locale)}`;
    const base = { from: metricHeading(ph.stage.from, locale), to: metricLabel(ph.stage.to, locale), counts };
    if (ph.rate === null) return c.phaseTooFew(base);
    return c.phaseLine({ ...base, rate: metricLabel(ph.stage.rate, locale), value: formatPercent(ph.rate, locale), previous: ph.previous === null ? null : formatPercent(ph.previous, locale) });
  });
}

/** The bottleneck with one step that helps, or the distance to the goal furthest from pace with one: never a gap without a suggestion. */
function nextAction(model: ClientReportModel, locale: Locale, seed: string): string[] {
  const c = messages(locale).clients;
  const t = messages(locale);
  if (model.bottleneck) {
    const b = model.bottleneck;
    const said = pick(c.bottleneck, seed, { stage: stageName(b.stage, locale), current: formatPercent(b.current, locale), baseline: formatPercent(b.baseline, locale), cadence: model.cadence });
    return [said, c.onePractice({ advice: pick(t.advice.stage[stageKind(b.stage)], `${seed}:stage`, undefined) })];
  }
  const lines = model.phases.some((p) => p.rate !== null && p.previous !== null) ? [pick(c.steady, seed, undefined)] : [];
  const f = model.furthest;
  if (f && f.month.target !== null && f.month.actual !== null) {
    const amount = formatQuantity(f.metric, isPaced(f.metric) ? ceilCount(f.month.target - f.month.actual) : f.month.target - f.month.actual, locale);
    lines.push(pick(c.towardGoal, seed, { kpi: metricLabel(f.metric, locale), amount, month: formatMonth(model.month.start, locale) }));
    lines.push(c.onePractice({ advice: adviceFor(f.metric, locale, Number(model.slotDay.slice(8, 10)), seed) }));
  }
  return lines;
}

/** The agenda of the review meeting that follows the report (seed 003's 戦略会議). */
function agenda(model: ClientReportModel, locale: Locale): string[] {
  const c = messages(locale).clients;
  const summary = model.kpis
    .filter((k) => k.month.attainment !== null)
    .map((k) => `${metricLabel(k.metric, locale)} ${formatPercent(k.month.attainment!, locale)}`)
    .join(messages(locale).itemSeparator);
  const items = [
    ...(summary ? [c.agendaResults({ summary })] : []),
    ...(model.bottleneck ? [c.agendaWhy({ stage: stageName(model.bottleneck.stage, locale) })] : []),
    c.agendaWorked({ stage: model.bestPhase ? stageName(model.bestPhase.stage, locale) : null }),
    c.agendaDecide,
    c.agendaFollowUp({ count: model.decisions.length }),
  ];
  return items.map((item, i) => `${i + 1}. ${item}`);
}

/** The client's report, in the client's language: team totals only, never a person's name or number. */
export function renderClientReport(model: ClientReportModel, locale: Locale): Message {
  const c = messages(locale).clients;
  const seed = `${model.slotDay}:${model.client}`;
  const title = c.reportTitle({ client: model.client, period: periodName(model.period, model.cadence, locale), cadence: model.cadence });
  const opening = lead(model, locale, seed);
  const targets =
    model.kpis.length === 0
      ? [c.noTargets]
      : [c.targetsTitle({ month: formatMonth(model.month.start, locale), asOf: formatDay(model.period.end < model.month.end ? model.period.end : model.month.end, locale) }), ...model.kpis.map((k) => kpiLine(k, model, locale))];
  const phases = model.phases.length === 0 ? [c.noPhases] : [c.phasesTitle({ period: periodName(model.period, model.cadence, locale), cadence: model.cadence }), ...phaseLines(model, locale)];
  const next = nextAction(model, locale, seed);
  const decisions = model.decisions.length
    ? [c.decisionsTitle, ...model.decisions.map((d) => c.decisionLine({ day: formatDay(dayInZone(d.decidedAt, model.zone), locale), text: d.text }))]
    : [c.decisionsTitle, c.noDecisions({ command: `/kpi decision @${model.client} …` })];
  const shown = definedMetrics([...model.kpis.map((k) => k.metric), ...model.phases.map((p) => p.stage.rate)], model.catalog);
  const definitions = [c.definitionsTitle, ...shown.map((m) => definitionLine(m, model.catalog, model.definitions, locale))];
  const sections = [[opening], targets, phases, next, decisions, [c.agendaTitle, ...agenda(model, locale)], definitions].filter((s) => s.length > 0);
  const blocks: KnownBlock[] = [header(title), ...sections.map((s) => section(s.join('\n'))), context(c.footer)];
  return { text: [title, ...sections.flat(), c.footer].join('\n'), blocks };
}
