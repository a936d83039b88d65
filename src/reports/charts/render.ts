import { fileURLToPath } from 'node:url';
import { renderAsync } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile } from 'vega-lite';
import type { ChartModel, ChartUnit } from './model.js';
import { CHART_FONT_FAMILY, VALUE_EXPRESSION, WRAP_EXPRESSION, chartSpec } from './spec.js';
import { textWidth, wrapLabel } from './text-metrics.js';
import { formatChartLabel } from './text.js';
import { isLocale } from '../../i18n/index.js';

/**
 * Chart model → vega-lite spec → vega's headless SVG → PNG with resvg: plain npm packages, no
 * browser, no canvas or Cairo. Text is set in the vendored Noto Sans JP subset, so Japanese draws
 * the same on every machine and no system font is read.
 */

/** The vendored font: a Noto Sans JP subset (SIL OFL 1.1) made by `scripts/chart-font.ts`. */
export const CHART_FONT_PATH = fileURLToPath(new URL('../../../assets/fonts/NotoSansJP-Regular-chart.ttf', import.meta.url));

/** PNGs are drawn at twice the layout size, so they stay sharp on high-density screens. */
export const DEFAULT_SCALE = 2;

const UNITS: readonly ChartUnit[] = ['count', 'currency', 'ratio', 'share'];

// Axis labels call back into the bot's own number formatting (万/億 in Japanese).
vega.expressionFunction(VALUE_EXPRESSION, (value: unknown, unit: unknown, locale: unknown) =>
  typeof value === 'number' && UNITS.includes(unit as ChartUnit) && typeof locale === 'string' && isLocale(locale) ? formatChartLabel(value, unit as ChartUnit, locale) : String(value),
);

// Long axis labels take two lines instead of running into each other.
vega.expressionFunction(WRAP_EXPRESSION, (text: unknown, width: unknown, fontSize: unknown, split: unknown) =>
  typeof width === 'number' && typeof fontSize === 'number' ? wrapLabel(String(text), width, fontSize, split === true) : String(text),
);

interface TextItem {
  readonly text?: unknown;
  readonly fontSize?: number;
}

/**
 * vega places axes and legends by measuring text; without a canvas it guesses 0.8 em a character.
 * Its measurer (vega-scenegraph's `textMetrics`, exported by vega without a type) is set to the
 * vendored font's widths.
 */
const { textMetrics } = vega as unknown as { textMetrics: { width: (item: TextItem, text?: unknown) => number } };

textMetrics.width = (item, text) => {
  const value = text ?? item.text;
  const lines = Array.isArray(value) ? value.map(String) : [value === null || value === undefined ? '' : String(value)];
  return Math.max(0, ...lines.map((line) => textWidth(line, item.fontSize ?? 11)));
};

/** The chart as SVG, drawn by vega without a browser. */
export async function renderChartSvg(chart: ChartModel): Promise<string> {
  const { spec } = compile(chartSpec(chart));
  const view = new vega.View(vega.parse(spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/**
 * The chart as a PNG at `scale` times its layout size (2 by default), white background. resvg
 * draws on libuv's thread pool, so a PNG does not hold up the event loop (a `/kpi` answer waits
 * for none) and several draw at once on several cores.
 */
export async function renderChartPng(chart: ChartModel, options: { scale?: number } = {}): Promise<Uint8Array> {
  const svg = await renderChartSvg(chart);
  const image = await renderAsync(svg, {
    background: 'white',
    fitTo: { mode: 'zoom', value: options.scale ?? DEFAULT_SCALE },
    font: { fontFiles: [CHART_FONT_PATH], loadSystemFonts: false, defaultFontFamily: CHART_FONT_FAMILY, sansSerifFamily: CHART_FONT_FAMILY },
  });
  return image.asPng();
}
