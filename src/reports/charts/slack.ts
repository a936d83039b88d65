import type { ContextBlock, ImageBlock } from '@slack/types';
import type { ChartModel, ChartPanel } from './model.js';
import { ALT_TEXT_MAX } from './text.js';
import { LIMITS, clip, type KnownBlock, type Message, type SlackBlock } from '../blocks.js';
import { messages } from '../../i18n/index.js';

/**
 * Slack's native chart block, `data_visualization` (Block Kit since June 2026), as Slack's reference
 * describes it: a title, and a pie chart, or a bar, area or line chart of named series over the
 * categories of its x axis. @slack/types 3.2 has no type for it yet; this one follows the reference,
 * and `dataVisualizationBlock` is the one place that builds it.
 */
export interface DataVisualizationBlock {
  readonly type: 'data_visualization';
  readonly block_id?: string;
  /** At most `DATA_VIZ.title` characters. */
  readonly title: string;
  readonly chart: DataVisualizationSeriesChart;
}

export interface DataVisualizationSeriesChart {
  readonly type: 'bar' | 'line' | 'area';
  /** 1 to `DATA_VIZ.series` series with unique names, each with exactly one point per category. */
  readonly series: readonly { readonly name: string; readonly data: readonly { readonly label: string; readonly value: number }[] }[];
  readonly axis_config: { readonly categories: readonly string[]; readonly x_label?: string; readonly y_label?: string };
}

/** The data visualization block's limits from Slack's reference. */
export const DATA_VIZ = { title: 50, label: 20, seriesName: 20, series: 6, points: 20, axisLabel: 50 } as const;

/** Unique labels within Slack's length: a clipped label that collides gets its position added. */
function labels(texts: readonly string[], max: number): string[] {
  const out: string[] = [];
  texts.forEach((text, i) => {
    let label = clip(text, max);
    if (out.includes(label)) label = clip(`${i + 1}. ${text}`, max);
    out.push(label);
  });
  return out;
}

/** A value as the native chart plots it: rates and shares in percent (20.5), amounts as they are. */
function plotted(value: number, unit: ChartPanel['unit']): number {
  return unit === 'ratio' || unit === 'share' ? Math.round(value * 1000) / 10 : Math.round(value * 10) / 10;
}

/** The series of one panel as the native chart takes them: each series and reference, whole ones only. */
function panelSeries(panel: ChartPanel): { name: string; values: number[] }[] {
  return [...panel.series, ...panel.references].flatMap((s) => (s.values.every((v) => v !== null) ? [{ name: s.name, values: s.values.map((v) => plotted(v!, panel.unit)) }] : []));
}

/**
 * A panel per metric does not fit one native chart (one y axis), so a trend becomes each metric as
 * a share of that week's target, in percent, with the target at 100.
 */
function sharesOfTarget(chart: ChartModel): { name: string; values: number[] }[] {
  const lines = chart.panels.flatMap((panel) => {
    const actual = panel.series[0];
    const target = panel.references.find((r) => r.role === 'target');
    if (!actual || !target) return [];
    const values = actual.values.map((v, i) => {
      const t = target.values[i];
      return v === null || t === null || t === undefined || t <= 0 ? null : v / t;
    });
    return values.every((v) => v !== null) ? [{ name: panel.title ?? actual.name, values: values.map((v) => plotted(v!, 'share')) }] : [];
  });
  return lines.length ? [...lines, { name: messages(chart.locale).charts.target, values: chart.categories.map(() => 100) }] : [];
}

/**
 * The chart as Slack's native block, or null when it has no native form (a value missing from the
 * series that carries the numbers, nothing left to plot, more categories than Slack takes).
 */
export function dataVisualizationBlock(chart: ChartModel): DataVisualizationBlock | null {
  if (chart.categories.length === 0 || chart.categories.length > DATA_VIZ.points) return null;
  const t = messages(chart.locale).charts;
  const single = chart.panels.length === 1 ? chart.panels[0]! : null;
  const lines = single ? panelSeries(single) : sharesOfTarget(chart);
  const main = single?.series[0];
  if (lines.length === 0 || (main && !lines.some((l) => l.name === main.name))) return null;
  const unit = single?.unit ?? 'share';
  const categories = labels(chart.categories, DATA_VIZ.label);
  const names = labels(
    lines.map((l) => l.name),
    DATA_VIZ.seriesName,
  );
  const yLabel = unit === 'share' ? t.shareOfTarget : unit === 'ratio' ? '%' : unit === 'currency' ? (chart.locale === 'ja' ? '円' : '¥') : null;
  return {
    type: 'data_visualization',
    title: clip(chart.title, DATA_VIZ.title),
    chart: {
      type: single ? single.mark : 'line',
      series: lines.slice(0, DATA_VIZ.series).map((l, i) => ({ name: names[i]!, data: l.values.map((value, j) => ({ label: categories[j]!, value })) })),
      axis_config: { categories, ...(yLabel ? { y_label: clip(yLabel, DATA_VIZ.axisLabel) } : {}) },
    },
  };
}

/** A chart as an image block of its uploaded PNG, with the text alternative as alt text. */
export function chartImageBlock(chart: ChartModel, fileId: string): ImageBlock {
  return { type: 'image', slack_file: { id: fileId }, alt_text: clip(chart.text.alt, ALT_TEXT_MAX) };
}

/** The line under every chart: its numbers in words, plain text so nothing in it is read as markup. */
export function chartTextBlock(chart: ChartModel): ContextBlock {
  return { type: 'context', elements: [{ type: 'plain_text', text: clip(chart.text.line, LIMITS.sectionText), emoji: false }] };
}

/** How a chart is drawn in a message: natively, or as the image of an uploaded file. */
export type ChartFigure = { readonly native: DataVisualizationBlock } | { readonly fileId: string };

/** A chart's blocks: the figure, then its numbers as a text line. */
export function chartBlocks(chart: ChartModel, figure: ChartFigure): SlackBlock[] {
  return 'native' in figure ? [figure.native, chartTextBlock(chart)] : chartImageBlocks(chart, figure.fileId);
}

/** A chart's blocks as the image of its uploaded PNG, then its numbers as a text line: what a view (App Home) takes. */
export function chartImageBlocks(chart: ChartModel, fileId: string): KnownBlock[] {
  return [chartImageBlock(chart, fileId), chartTextBlock(chart)];
}

/**
 * The message as Slack takes it, each chart's blocks where it was placed. Charts that would take
 * the message past Slack's blocks per message are left out, last first: the text still says their
 * numbers.
 */
export function messageWithCharts(message: Message, figureOf: (chart: ChartModel) => ChartFigure): Message {
  const charts = [...(message.charts ?? [])].sort((a, b) => a.at - b.at);
  let room = LIMITS.blocksPerMessage - message.blocks.length;
  const kept = charts.filter((c) => {
    if (room < 2) return false;
    room -= 2;
    return true;
  });
  const blocks: SlackBlock[] = [];
  message.blocks.forEach((block, i) => {
    for (const c of kept.filter((x) => x.at === i)) blocks.push(...chartBlocks(c.chart, figureOf(c.chart)));
    blocks.push(block);
  });
  for (const c of kept.filter((x) => x.at >= message.blocks.length)) blocks.push(...chartBlocks(c.chart, figureOf(c.chart)));
  return { text: message.text, blocks };
}

