import { describe, expect, it } from 'vitest';
import { CALENDAR, MEMBERS, TEAM_TARGETS, knownCharts, lastWeek, month, oneOnOne, trendWeeks, weeklyReview, weeklyTrend } from './known.js';
import { totals } from '../../harness/metrics.js';
import { decodePng, inkPixels, pixelsOfColor } from '../../harness/png.js';
import { day } from '../../../src/domain/days.js';
import { formatShortDay, type Locale } from '../../../src/i18n/index.js';
import { metricLabel } from '../../../src/reports/amounts.js';
import { stagesChart } from '../../../src/reports/charts/from-oneonone.js';
import { buildWeeklyTrend, trendMetrics, weeklyFunnelChart, weeklyTrendChart } from '../../../src/reports/charts/from-weekly.js';
import { makeChart, type ChartModel } from '../../../src/reports/charts/model.js';
import { renderChartPng, renderChartSvg } from '../../../src/reports/charts/render.js';
import { formatChartValue } from '../../../src/reports/charts/text.js';
import { buildOneOnOne } from '../../../src/reports/oneonone.js';

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
    expect(values(trend, 1)).toEqual([310, 320, 330, 340, 350, 360, 370, 359]);
    // 2,000 calls a month from 1 October, day by day: October's 21 workdays (the 12th a holiday) and
    // November's 19 (the 3rd and the 23rd). The week of 28 September has two October workdays and
    // none under a target before them; the week of 12 October four; the week of 2 November four.
    const targets = reference(trend, 'target', 1);
    expect(round(targets)).toEqual(round([(2000 * 2) / 21, (2000 * 5) / 21, (2000 * 4) / 21, (2000 * 5) / 21, (2000 * 5) / 21, (2000 * 4) / 19, (2000 * 5) / 19, (2000 * 5) / 19]));
    expect(trend.text.line).toBe('Meetings: 16 Nov 32 (target 32). Calls: 16 Nov 359 (target 526).');
  });

  it('the trend’s week reviewed is the review’s own reading of it: the same actual and target for every KPI', () => {
    const review = weeklyReview();
    const trend = weeklyTrend(review);
    const last = trend.weeks.at(-1)!;
    expect(trend.metrics).toEqual(review.kpis.map((k) => k.metric));
    last.kpis.forEach((p, i) => {
      expect(p.actual).toBe(review.kpis[i]!.week.actual);
      expect(p.target).toBe(review.kpis[i]!.week.target);
    });
  });

  it('the funnel draws the review’s own steps: each count as its stage read it, each rate as the review states it', () => {
    const review = weeklyReview();
    // Inside sales' meetings (24) and field sales' (8) are two bars: each stage is read over the people who work it.
    expect(en.funnel.categories).toEqual(['calls', 'connects', 'meetings (inside sales)', 'meetings (field sales)', 'wins']);
    expect(values(en.funnel)).toEqual([359, 90, 24, 8, 5]);
    expect(en.funnel.panels[0]!.steps!.map((s) => s && s.value)).toEqual([review.funnel[0]!.rate, review.funnel[1]!.rate, null, review.funnel[2]!.rate]);
    expect(en.funnel.panels[0]!.steps!.map((s) => s && s.name)).toEqual(['connect rate', 'connect-to-meeting rate', null, 'win rate']);
    expect(en.funnel.text.alt).toBe(
      'Chart: The funnel of the week of Mon 16 Nov. Calls 359 · connects 90 · meetings (inside sales) 24 · meetings (field sales) 8 · wins 5 · connect rate 25.1% · connect-to-meeting rate 26.7% · win rate 62.5%.',
    );
    expect(knownCharts('ja').funnel.text.alt).toBe('グラフ: 11月16日(月)からの週のファネル。架電 359、有効架電 90、商談(インサイドセールス) 24、商談(フィールドセールス) 8、受注 5、接続率 25.1%、アポ率 26.7%、受注率 62.5%。');
  });

  it('the funnel chains a team where everyone works every stage into one bar per metric', () => {
    const review = weeklyReview();
    const everyone = { ...review, funnel: review.funnel.map((f, i) => ({ ...f, group: null, from: [400, 100, 25][i]!, to: [100, 25, 5][i]! })) };
    const chart = weeklyFunnelChart(everyone, 'en')!;
    expect(chart.categories).toEqual(['calls', 'connects', 'meetings', 'wins']);
    expect(values(chart)).toEqual([400, 100, 25, 5]);
    expect(chart.panels[0]!.steps!.every((s) => s !== null)).toBe(true);
  });

  it('the 1on1 period chart measures the rep and their own four weeks before, each against the target those days had', () => {
    // calls: 500 against 50 × 10 workdays; before: 1,000 against 50 × 18 workdays.
    // meetings: 25 against 50 × 10/19; before: 50 against 50 × 15/21 (October) + 50 × 3/19 (November).
    expect(en.period.audience).toBe('person');
    expect(en.period.categories).toEqual(['calls', 'meetings']);
    expect(round(values(en.period))).toEqual([1, 0.95]);
    expect(round(values(en.period, 0, 1))).toEqual(round([1000 / 900, 50 / ((50 * 15) / 21 + (50 * 3) / 19)]));
    expect(en.period.text.line).toBe('Calls this period 100%, own 4 weeks before 111.1% (target 100%) · meetings this period 95%, own 4 weeks before 114.7% (target 100%).');
  });

  it('the stage chart puts the rep’s rate beside the team’s median, for the stages their role works, as the prep reads the stage it coaches', () => {
    expect(en.stages.categories).toEqual(['connect rate', 'connect-to-meeting rate']);
    expect(values(en.stages)).toEqual([0.25, 0.2]);
    expect(values(en.stages, 0, 1)).toEqual([0.2, 0.25]);
    // Meetings fell against the rep's own four weeks: the prep coaches that stage, and the chart says the same numbers.
    const prep = oneOnOne();
    const fell = buildOneOnOne({ ...prep.input, baseline: totals({ calls: 1000, connects: 250, meetings: 80 }) });
    expect(fell.stage).not.toBeNull();
    const chart = stagesChart(fell, 'en')!;
    const at = chart.categories.indexOf(metricLabel(fell.stage!.stage.rate, 'en'));
    expect(values(chart)[at]).toBe(fell.stage!.current);
    expect(values(chart, 0, 1)[at]).toBe(fell.stage!.teamMedian);
  });

  it('the month chart shows each KPI so far against the pace for today and the target, as the status lines read them', () => {
    const lines = month().lines.map((l) => l.progress);
    expect(round(values(en.pace))).toEqual(round(lines.map((p) => p.actual! / p.target!)));
    expect(round(values(en.pace))).toEqual(round([700 / 950, 0.7, 0.3]));
    expect(round(reference(en.pace, 'pace'))).toEqual(round(lines.map((p) => p.expected! / p.target!)));
    expect(round(reference(en.pace, 'pace'))).toEqual(Array(3).fill(round([13 / 19])[0]));
    expect(en.pace.text.line).toBe('Calls 73.7% (target 100%), pace for today 68.4% · meetings 70% (target 100%), pace for today 68.4% · revenue 30% (target 100%), pace for today 68.4%.');
  });

  it('a team that logged nothing in the weeks shown still gets its weeks, at zero; without KPIs there is no trend', () => {
    const review = weeklyReview();
    const weeks = trendWeeks().map((week) => ({ week, byMember: new Map() }));
    const empty = weeklyTrendChart(buildWeeklyTrend({ metrics: trendMetrics(review), targets: TEAM_TARGETS, members: MEMBERS, calendar: CALENDAR, weeks }), 'en')!;
    expect(values(empty, 1)).toEqual(Array(8).fill(0));
    expect(weeklyTrendChart(weeklyTrend({ ...review, kpis: [] }), 'en')).toBeNull();
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
