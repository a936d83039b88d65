import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { knownCharts } from './known.js';
import { decodePng, inkPixels, regionBytes, type Pixels } from '../../harness/png.js';
import { CHART_FONT_SHA256, chartFontCodePoints } from '../../../scripts/chart-font-charset.js';
import { addDays, day } from '../../../src/domain/days.js';
import { BUILT_IN_METRICS } from '../../../src/domain/builtin-metrics.js';
import { formatDay, formatMonth, formatShortDay, formatYen, messages, type Locale } from '../../../src/i18n/index.js';
import { CHART_FONT_PATH } from '../../../src/reports/charts/render.js';
import { CHART_FONT_FAMILY } from '../../../src/reports/charts/spec.js';

const CELL = 24;
const COLUMNS = 100;
/** Characters that are blank by nature: spaces and the soft hyphen. */
const BLANK = new Set([0x20, 0xa0, 0xad, 0x3000]);
/** A private-use character: in no font, so it draws the way a missing glyph does. */
const MISSING = 0xe000;

const escape = (text: string) => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

/** Every code point in its own cell of a grid, drawn in the chart font at 20 px. */
function drawGrid(codePoints: readonly number[]): Pixels {
  const rows = Math.ceil(codePoints.length / COLUMNS);
  const lines = Array.from({ length: rows }, (_, r) => {
    const chunk = codePoints.slice(r * COLUMNS, (r + 1) * COLUMNS);
    const xs = chunk.map((_, i) => i * CELL + 2).join(' ');
    return `<text x="${xs}" y="${r * CELL + 20}" font-family="${CHART_FONT_FAMILY}" font-size="20" xml:space="preserve">${escape(String.fromCodePoint(...chunk))}</text>`;
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${COLUMNS * CELL}" height="${rows * CELL}">${lines.join('')}</svg>`;
  const resvg = new Resvg(svg, { background: 'white', font: { fontFiles: [CHART_FONT_PATH], loadSystemFonts: false, defaultFontFamily: CHART_FONT_FAMILY } });
  return decodePng(resvg.render().asPng());
}

const cell = (i: number) => ({ x: (i % COLUMNS) * CELL, y: Math.floor(i / COLUMNS) * CELL, width: CELL, height: CELL });

/** Every text the bot puts on a chart that is its own wording, in both languages. */
function chartWording(): string[] {
  const anything = new Proxy({}, { get: () => '1' });
  const out: string[] = [];
  for (const locale of ['en', 'ja'] as const satisfies readonly Locale[]) {
    const t = messages(locale);
    for (const entry of Object.values(t.charts)) out.push(typeof entry === 'function' ? (entry as (p: unknown) => string)(anything) : entry);
    // Built-in metric and rate names (a funnel stage is named by its rate), and whom a funnel bar was read over.
    for (const m of BUILT_IN_METRICS) out.push(m.label[locale]);
    out.push(...Object.values(t.roleGroups));
    for (let i = 0; i < 366; i += 1) {
      const d = addDays(day('2026-01-01'), i);
      out.push(formatDay(d, locale), formatShortDay(d, locale), formatMonth(d, locale));
    }
    out.push(formatYen(123_456_789, locale), formatYen(-5, locale));
  }
  for (const locale of ['en', 'ja'] as const) for (const chart of Object.values(knownCharts(locale))) out.push(chart.title, chart.text.alt, ...chart.categories);
  return out;
}

describe('the vendored chart font', () => {
  it('is the subset scripts/chart-font.ts makes, of a reasonable size, with its licence beside it', () => {
    expect(createHash('sha256').update(readFileSync(CHART_FONT_PATH)).digest('hex')).toBe(CHART_FONT_SHA256);
    expect(statSync(CHART_FONT_PATH).size).toBeLessThan(3_500_000);
    expect(statSync(new URL('../../../assets/fonts/OFL.txt', import.meta.url)).size).toBeGreaterThan(1000);
  });

  it('draws every character it promises (kana, JIS levels 1 and 2, Latin, digits, symbols): ink in each cell, unlike a missing glyph', () => {
    const codePoints = chartFontCodePoints();
    expect(codePoints.length).toBeGreaterThan(7000);
    const grid = drawGrid([...codePoints, MISSING]);
    const missing = regionBytes(grid, cell(codePoints.length));
    const noInk: string[] = [];
    const likeMissing: string[] = [];
    codePoints.forEach((cp, i) => {
      if (BLANK.has(cp)) return;
      if (inkPixels(grid, cell(i)) < 3) noInk.push(String.fromCodePoint(cp));
      else if (Buffer.from(regionBytes(grid, cell(i))).equals(Buffer.from(missing))) likeMissing.push(String.fromCodePoint(cp));
    });
    expect(noInk).toEqual([]);
    expect(likeMissing).toEqual([]);
    // The missing glyph itself draws no ink: a character outside the font would show as a gap.
    expect(inkPixels(grid, cell(codePoints.length))).toBeLessThan(3);
  });

  it('covers every character of the charts’ own wording, metric, rate and role names, dates and amounts, in both languages', () => {
    const covered = new Set(chartFontCodePoints());
    const outside = new Set<string>();
    for (const text of chartWording()) for (const ch of text) if (!covered.has(ch.codePointAt(0)!)) outside.add(ch);
    expect([...outside]).toEqual([]);
  });

  it('draws a Japanese title: ink where the text is, as much as the same title’s kanji drawn one by one', () => {
    const title = knownCharts('ja').trend.title;
    const codePoints = [...title].map((c) => c.codePointAt(0)!);
    const grid = drawGrid(codePoints);
    for (const [i, cp] of codePoints.entries()) if (!BLANK.has(cp)) expect(inkPixels(grid, cell(i)), String.fromCodePoint(cp)).toBeGreaterThan(10);
  });
});
