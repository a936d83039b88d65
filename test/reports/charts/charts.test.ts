import { describe, expect, it } from 'vitest';
import { CALENDAR, knownCharts, lastWeek, weeklyReview, weeklyTrend } from './known.js';
import { decodePng, inkPixels, pixelsOfColor } from '../../harness/png.js';
import { day } from '../../../src/domain/days.js';
import { formatShortDay, type Locale } from '../../../src/i18n/index.js';
import { weeklyTrendChart } from '../../../src/reports/charts/from-weekly.js';
import { makeChart, type ChartModel } from '../../../src/reports/charts/model.js';
import { renderChartPng, renderChartSvg } from '../../../src/reports/charts/render.js';
import { formatChartValue } from '../../../src/reports/charts/text.js';

const LOCALES: readonly Locale[] = ['en', 'ja'];
/** The colour the numbers themselves are drawn in (spec.ts). */
const ACTUAL_BLUE = '#2f6db5';

const values = (chart: ChartModel, panel = 0, series = 0) => chart.panels[panel]!.series[series]!.values;
const reference = (chart: ChartModel, role: 'target' | 'pace', panel = 0) => chart.panels[panel]!.references.find((r) => r.role === role)!.values;
const round = (xs: readonly (number | null)[], digits = 3) => xs.map((x) => (x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits));

describe('charts from known data', () => {
  const en = knownCharts('en');

  it('the weekly trend draws each of the team’s KPIs week by week against the target each week had', () => {
    const trend = en.trend;
    expect(trend.audience).toBe('team');
    expect(trend.categories).toHaveLength(8);
    expect(trend.categories.at(-1)).toBe(formatShortDay(lastWeek.start, 'en'));
    expect(trend.panels.map((p) => p.title)).toEqual(['meetings', 'calls']);
    expect(values(trend, 1)).toEqual([410, 420, 430, 440, 450, 460, 470, 480]);
    // 2,000 calls a month over November's 19 workdays: 5 of them in the week of the 16th, 4 in the week of the 3rd (a holiday).
    const targets = reference(trend, 'target', 1);
    expect(round([targets.at(-1)!])).toEqual([round([(2000 * 5) / 19])[0]]);
    expect(round([targets[5]!])).toEqual([round([(2000 * 4) / 19])[0]]);
    expect(trend.text.line).toBe('meetings: 16 Nov 28 (target 32). calls: 16 Nov 480 (target 526).');
  });

  it('the funnel gives each step’s count and the conversion from each step to the next', () => {
    expect(values(en.funnel)).toEqual([459, 120, 32, 5]);
    expect(round(en.funnel.panels[0]!.steps!)).toEqual([round([120 / 459])[0], 0.267, 0.156]);
    expect(en.funnel.text.alt).toBe('Chart: The funnel of the week of Mon 16 Nov. calls 459 · connects 120 · meetings 32 · wins 5 · calls → connects 26.1% · connects → meetings 26.7% · meetings → wins 15.6%.');
    expect(knownCharts('ja').funnel.text.alt).toBe('グラフ: 11月16日(月)からの週のファネル。架電 459、有効架電 120、商談 32、受注 5、架電→有効架電 26.1%、有効架電→商談 26.7%、商談→受注 15.6%。');
  });

  it('the 1on1 period chart measures the rep and their own four weeks before against the target for the same workdays', () => {
    // calls: 500 against 50 × 10 workdays; before: 1,000 over 18 workdays is 555.6 for 10.
    // meetings: 25 against 50 × 10/19 = 26.3; before: 50 × 10/18 = 27.8.
    expect(en.period.audience).toBe('person');
    expect(en.period.categories).toEqual(['calls', 'meetings']);
    expect(round(values(en.period))).toEqual([1, 0.95]);
    expect(round(values(en.period, 0, 1))).toEqual([round([1000 / 18 / 50])[0], round([(50 * 19) / 18 / 50])[0]]);
    expect(en.period.text.line).toBe('calls this period 100%, own 4 weeks before 111.1% (target 100%) · meetings this period 95%, own 4 weeks before 105.6% (target 100%).');
  });

  it('the stage chart puts the rep’s conversion beside the team’s median, for the stages their role works', () => {
    expect(en.stages.categories).toEqual(['connect rate', 'meeting conversion']);
    expect(values(en.stages)).toEqual([0.25, 0.2]);
    expect(values(en.stages, 0, 1)).toEqual([0.2, 0.25]);
  });

  it('the month chart shows each KPI so far against the pace for today and the target', () => {
    expect(round(values(en.pace))).toEqual([round([700 / 950])[0], 0.7, 0.3]);
    expect(round(reference(en.pace, 'pace'))).toEqual(Array(3).fill(round([13 / 19])[0]));
    expect(en.pace.text.line).toBe('calls 73.7% (target 100%), pace for today 68.4% · meetings 70% (target 100%), pace for today 68.4% · revenue 30% (target 100%), pace for today 68.4%.');
  });

  it('a team that logged nothing in the weeks shown gets no trend', () => {
    const empty = { ...weeklyTrend(), weeks: weeklyTrend().weeks.map((w) => ({ ...w, totals: {} })) };
    // Summed counts are 0 when nothing was logged: the chart still draws the weeks, at zero.
    expect(weeklyTrendChart(weeklyReview(), empty, 'en')).not.toBeNull();
    expect(weeklyTrendChart({ ...weeklyReview(), kpis: [] }, empty, 'en')).toBeNull();
  });

  it('a chart whose series does not match its categories is a bug, not a chart', () => {
    expect(() =>
      makeChart({ kind: 'funnel', audience: 'team', locale: 'en', title: 't', categories: ['a', 'b'], panels: [{ title: null, unit: 'count', mark: 'bar', labels: 'all', series: [{ name: 's', role: 'actual', values: [1] }], references: [] }] }),
    ).toThrow(/1 values for 2 categories/u);
  });

  it('numbers follow the reader’s locale: 万 and 億 in Japanese', () => {
    expect(formatChartValue(123_456_789, 'currency', 'ja')).toBe('1億2,345万6,789円');
    expect(formatChartValue(12_000_000, 'currency', 'en')).toBe('¥12,000,000');
    expect(knownCharts('ja').pace.text.line).toContain('売上 30%(目標 100%)');
    expect(CALENDAR.holidays).toBe('jp');
    expect(formatShortDay(day('2026-11-16'), 'ja')).toBe('11/16');
  });
});

describe('PNG rendering', () => {
  for (const locale of LOCALES) {
    for (const [kind, chart] of Object.entries(knownCharts(locale))) {
      it(`draws the ${kind} chart in ${locale}: a PNG of the layout’s size at 2×, with ink and the numbers’ colour, and a text alternative saying every number drawn`, async () => {
        const svg = await renderChartSvg(chart);
        const [, width, height] = /<svg[^>]*width="(\d+(?:\.\d+)?)"[^>]*height="(\d+(?:\.\d+)?)"/u.exec(svg)!;
        const img = decodePng(await renderChartPng(chart));
        expect(img.width).toBe(Math.round(Number(width) * 2));
        expect(img.height).toBe(Math.round(Number(height) * 2));
        expect(img.width).toBeGreaterThan(1000);
        const ink = inkPixels(img);
        expect(ink / (img.width * img.height)).toBeGreaterThan(0.03);
        expect(pixelsOfColor(img, ACTUAL_BLUE)).toBeGreaterThan(1000);
        // The title is drawn: ink in the band at the top where it sits.
        expect(inkPixels(img, { x: 0, y: 0, width: img.width, height: 70 })).toBeGreaterThan(500);
        for (const panel of chart.panels) {
          for (const line of [...panel.series, ...panel.references]) {
            for (const v of line.values) if (v !== null) expect(chart.text.alt).toContain(formatChartValue(v, panel.unit, locale));
          }
        }
      });
    }
  }

  it('draws the same chart to the same bytes, so an identical chart can be uploaded once', async () => {
    const chart = knownCharts('ja').funnel;
    expect(Buffer.from(await renderChartPng(chart)).equals(Buffer.from(await renderChartPng(chart)))).toBe(true);
  });
});
