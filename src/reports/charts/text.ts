import type { ChartModel, ChartPanel, ChartUnit } from './model.js';
import { clip } from '../blocks.js';
import { formatNumber, formatPercent, formatYen, messages, type Locale, upperFirst } from '../../i18n/index.js';

/** Slack's limit on an image's alt text, and what a context line under a chart may hold. */
export const ALT_TEXT_MAX = 2000;
export const LINE_MAX = 3000;

/**
 * A chart's number as the rest of the bot writes it, in the reader's locale: `1,234`,
 * `¥1,200,000` / `120万円`, `20.5%`. Charts add no formatting of their own.
 */
export function formatChartValue(value: number | null, unit: ChartUnit, locale: Locale): string {
  if (value === null) return messages(locale).charts.none;
  switch (unit) {
    case 'count':
      return formatNumber(Math.round(value), locale);
    case 'currency':
      return formatYen(value, locale);
    case 'ratio':
    case 'share':
      return formatPercent(value, locale);
  }
}

/**
 * A value for a label on the plot, where room is short: amounts of ¥100,000 or more rounded to
 * what a reader says (`27万円`, `¥266,000`), the rest as `formatChartValue`. The text alternative
 * keeps the exact amounts.
 */
export function formatChartLabel(value: number | null, unit: ChartUnit, locale: Locale): string {
  if (value === null || unit !== 'currency' || Math.abs(value) < 100_000) return formatChartValue(value, unit, locale);
  const step = locale === 'ja' ? 10_000 : 10 ** (Math.floor(Math.log10(Math.abs(value))) - 2);
  return formatChartValue(Math.round(value / step) * step, unit, locale);
}

/** One category of a panel: `"calls 459 (target 500)"`, or with several series each named. */
function entry(panel: ChartPanel, category: string, i: number, locale: Locale): string {
  const c = messages(locale).charts;
  const v = (n: number | null) => formatChartValue(n, panel.unit, locale);
  const values = panel.series.length === 1 ? [v(panel.series[0]!.values[i]!)] : panel.series.map((s) => `${s.name} ${v(s.values[i]!)}`);
  const refs = panel.references.filter((r) => r.values[i] !== null);
  const target = refs.find((r) => r.role === 'target');
  const others = refs.filter((r) => r !== target).map((r) => `${r.name} ${v(r.values[i]!)}`);
  const main = values.join(messages(locale).separators.names);
  const withTarget = target ? c.withTarget({ value: main, target: v(target.values[i]!) }) : main;
  return [`${category} ${withTarget}`, ...others].join(messages(locale).separators.names);
}

/** A panel's numbers in words, every category or only the last one. */
function describePanel(panel: ChartPanel, categories: readonly string[], locale: Locale, which: 'all' | 'last'): string {
  const t = messages(locale);
  const indexes = which === 'all' ? categories.map((_, i) => i) : [categories.length - 1];
  const parts = indexes.map((i) => entry(panel, categories[i]!, i, locale));
  const steps = (panel.steps ?? []).flatMap((step) => (step === null || step.value === null ? [] : [t.charts.step({ name: step.name, rate: formatPercent(step.value, locale) })]));
  const body = [...parts, ...steps].join(t.separators.details);
  return panel.title ? `${panel.title}: ${body}` : body;
}

/**
 * The text alternative of a chart, from the numbers it draws: the alt text says every value, the
 * line under the chart says the same, or for a long trend its latest week.
 */
export function describeChart(chart: Omit<ChartModel, 'text'>): { alt: string; line: string } {
  const t = messages(chart.locale);
  const end = chart.locale === 'ja' ? '。' : '.';
  // Each sentence starts with a capital, even when a metric's name opens it ("Ride-alongs: 16 Nov 0").
  const sentences = (which: 'all' | 'last') =>
    chart.panels.map((p) => upperFirst(describePanel(p, chart.categories, chart.locale, which === 'last' ? p.labels : 'all'))).join(`${end}${t.separators.sentences}`) + end;
  return {
    alt: clip(`${t.charts.altLead({ title: chart.title })}${t.separators.sentences}${sentences('all')}`, ALT_TEXT_MAX),
    line: clip(sentences('last'), LINE_MAX),
  };
}
