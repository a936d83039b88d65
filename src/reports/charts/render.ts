import { fileURLToPath } from 'node:url';
import { renderAsync } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile } from 'vega-lite';
import type { ChartModel, ChartUnit } from './model.js';
import { CHART_FONT_FAMILY, VALUE_EXPRESSION, WRAP_EXPRESSION, chartSpec } from './spec.js';
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

/**
 * Text widths as the vendored font sets them, roughly: without a canvas vega guesses 0.8 em for
 * every character, too wide for digits and Latin and too narrow for kanji and kana, which misplaces
 * labels and legends. Ems per character class of Noto Sans JP.
 */
function emWidth(cp: number): number {
  if (cp >= 0x2e80 || (cp >= 0x2460 && cp <= 0x27bf)) return cp >= 0xff61 && cp <= 0xff9f ? 0.5 : 1;
  if (cp >= 0x30 && cp <= 0x39) return 0.555;
  if (cp === 0x20) return 0.224;
  if (cp >= 0x41 && cp <= 0x5a) return 0.65;
  if (cp >= 0x61 && cp <= 0x7a) return 0.52;
  if (cp === 0x2c || cp === 0x2e || cp === 0x3a || cp === 0x3b || cp === 0x27) return 0.26;
  return 0.6;
}

/** The width of a text in the vendored font at a size, by `emWidth`. */
export function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const ch of text) ems += emWidth(ch.codePointAt(0)!);
  return ems * fontSize;
}

/**
 * A label broken onto at most two lines to fit a width: at spaces where there are some (English),
 * anywhere otherwise; what still does not fit ends in `…`.
 */
export function wrapLabel(text: string, width: number, fontSize: number): string | string[] {
  if (textWidth(text, fontSize) <= width) return text;
  const fit = (s: string) => {
    let out = '';
    for (const ch of s) {
      if (textWidth(`${out}${ch}…`, fontSize) > width) return `${out}…`;
      out += ch;
    }
    return out;
  };
  const words = text.split(' ');
  let first = '';
  if (words.length > 1) {
    for (const w of words) {
      const next = first ? `${first} ${w}` : w;
      if (first && textWidth(next, fontSize) > width) break;
      first = next;
    }
  } else {
    first = fit(text).replace(/…$/u, '');
  }
  const rest = text.slice(first.length).trim();
  return rest ? [fit(first), fit(rest)] : fit(first);
}

vega.expressionFunction(WRAP_EXPRESSION, (text: unknown, width: unknown, fontSize: unknown) =>
  typeof width === 'number' && typeof fontSize === 'number' ? wrapLabel(String(text), width, fontSize) : String(text),
);

interface TextItem {
  readonly text?: unknown;
  readonly fontSize?: number;
}

/** vega exports its text measurer (vega-scenegraph's `textMetrics`) without a type for it. */
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
