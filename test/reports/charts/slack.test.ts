import { describe, expect, it } from 'vitest';
import { knownCharts } from './known.js';
import { blockKitProblems } from '../../harness/block-kit.js';
import type { Locale } from '../../../src/i18n/index.js';
import { section, type Message } from '../../../src/reports/blocks.js';
import { makeChart } from '../../../src/reports/charts/model.js';
import { chartBlocks, dataVisualizationBlock, messageWithCharts } from '../../../src/reports/charts/slack.js';

const LOCALES: readonly Locale[] = ['en', 'ja'];

/** Words that blame, per language (DOMAIN.md rule 2; the same list as test/reports/phrasing.test.ts). */
const BLAME: Record<Locale, RegExp> = {
  en: /\b(fail(s|ed|ure|ing)?|poor(ly)?|behind|worst|lazy|bad(ly)?|underperform\w*|disappoint\w*|shortfall|lagging|slacking)\b/iu,
  ja: /(未達|失敗|ダメ|駄目|最下位|怠慢|不足|遅れ|サボ|怠け|低迷|ワースト)/u,
};

describe('Slack’s native chart block', () => {
  for (const locale of LOCALES) {
    for (const [kind, chart] of Object.entries(knownCharts(locale))) {
      it(`draws the ${kind} chart in ${locale} within the block’s limits, beside its text line`, () => {
        const block = dataVisualizationBlock(chart);
        expect(block).not.toBeNull();
        const blocks = chartBlocks(chart, { native: block! });
        expect(blockKitProblems({ text: chart.title, blocks }, 'message')).toEqual([]);
        expect(blockKitProblems({ text: chart.title, blocks }, 'home')).toEqual(['block 0 (data_visualization): chart blocks belong in messages']);
      });
    }
  }

  it('plots the numbers of a single plot as they are, rates and shares in percent, with the target as a series', () => {
    const { funnel, pace } = knownCharts('en');
    // Labels within Slack's 20 characters.
    const categories = ['calls', 'connects', 'meetings (inside sa…', 'meetings (field sal…', 'wins'];
    expect(dataVisualizationBlock(funnel)).toEqual({
      type: 'data_visualization',
      title: 'The funnel of the week of Mon 16 Nov',
      chart: {
        type: 'bar',
        series: [{ name: 'last week', data: categories.map((label, i) => ({ label, value: [359, 90, 24, 8, 5][i] })) }],
        axis_config: { categories },
      },
    });
    const native = dataVisualizationBlock(pace)!;
    expect(native.chart.series.map((s) => s.name)).toEqual(['so far', 'pace for today', 'target']);
    expect(native.chart.series[0]!.data.map((d) => d.value)).toEqual([73.7, 70, 30]);
    expect(native.chart.series[2]!.data.map((d) => d.value)).toEqual([100, 100, 100]);
    expect(native.chart.axis_config.y_label).toBe('% of target');
  });

  it('turns a trend of several KPIs into one line chart: each KPI as a share of its week’s target', () => {
    const { trend } = knownCharts('ja');
    const native = dataVisualizationBlock(trend)!;
    expect(native.chart.type).toBe('line');
    expect(native.chart.series.map((s) => s.name)).toEqual(['商談', '架電', '目標']);
    const calls = trend.panels[1]!;
    const shares = calls.series[0]!.values.map((v, i) => Math.round((v! / calls.references[0]!.values[i]!) * 1000) / 10);
    expect(native.chart.series[1]!.data.map((d) => d.value)).toEqual(shares);
    expect(native.chart.axis_config.categories).toEqual(trend.categories);
  });

  it('has no native form when the series that carries the numbers misses a value', () => {
    const chart = makeChart({ kind: 'stages', audience: 'person', locale: 'en', title: 'Stage rates', categories: ['connect rate', 'win rate'], panels: [{ title: null, unit: 'ratio', mark: 'bar', labels: 'all', series: [{ name: 'this period', role: 'actual', values: [0.25, null] }], references: [] }] });
    expect(dataVisualizationBlock(chart)).toBeNull();
  });

  it('is checked by the test harness the way Slack’s reference states its limits', () => {
    const bad = {
      type: 'data_visualization',
      title: 'x'.repeat(51),
      chart: { type: 'bar', series: [{ name: 'a', data: [{ label: 'Mon', value: 1 }] }, { name: 'a', data: [{ label: 'Tue', value: 'two' }] }], axis_config: { categories: ['Mon', 'Mon'] } },
    };
    expect(blockKitProblems({ text: 'x', blocks: [bad] }, 'message')).toEqual([
      'block 0 (data_visualization): chart title of 51 characters (1 to 50)',
      'block 0 (data_visualization): categories are not unique',
      'block 0 (data_visualization): series names are not unique',
      'block 0 (data_visualization): series 0 needs one point per category',
      'block 0 (data_visualization): series 1 needs one point per category',
      'block 0 (data_visualization): series 1 point 0 value is not a number',
    ]);
    expect(blockKitProblems({ text: 'x', blocks: [{ type: 'image', slack_file: { id: 'F1' }, alt_text: '' }] }, 'message')).toEqual(['block 0 (image): alt_text of 1 to 2,000 characters']);
  });

  it('keeps titles, categories and series names within Slack’s lengths, and categories unique', () => {
    const long = 'a metric with a name far longer than twenty characters';
    const chart = makeChart({
      kind: 'pace',
      audience: 'person',
      locale: 'en',
      title: `${long} ${long}`,
      categories: [`${long} one`, `${long} two`],
      panels: [{ title: null, unit: 'share', mark: 'bar', labels: 'all', series: [{ name: long, role: 'actual', values: [0.5, 0.6] }], references: [] }],
    });
    const block = dataVisualizationBlock(chart)!;
    expect(blockKitProblems({ text: 'x', blocks: [block] }, 'message')).toEqual([]);
    expect(new Set(block.chart.axis_config.categories).size).toBe(2);
  });
});

describe('charts in a message', () => {
  const { funnel, trend } = knownCharts('en');
  const base: Message = { text: 'Weekly review', blocks: [section('one'), section('two')], charts: [{ at: 1, chart: trend }, { at: 2, chart: funnel }] };

  it('puts each chart where it was placed, as an image of its file with the text alternative, and its numbers as a line', () => {
    const out = messageWithCharts(base, (c) => ({ fileId: c === trend ? 'FTREND' : 'FFUNNEL' }));
    expect(out.blocks.map((b) => b.type)).toEqual(['section', 'image', 'context', 'section', 'image', 'context']);
    expect(out.blocks[1]).toEqual({ type: 'image', slack_file: { id: 'FTREND' }, alt_text: trend.text.alt });
    expect(out.blocks[5]).toEqual({ type: 'context', elements: [{ type: 'plain_text', text: funnel.text.line, emoji: false }] });
    expect(out.charts).toBeUndefined();
    expect(blockKitProblems(out, 'message')).toEqual([]);
  });

  it('leaves charts out rather than pass 50 blocks: the text still says their numbers', () => {
    const full: Message = { ...base, blocks: Array.from({ length: 47 }, (_, i) => section(`line ${i}`)) };
    const out = messageWithCharts(full, (c) => ({ native: dataVisualizationBlock(c)! }));
    expect(out.blocks).toHaveLength(49);
    expect(out.blocks.filter((b) => b.type === 'data_visualization')).toHaveLength(1);
    expect(blockKitProblems(out, 'message')).toEqual([]);
  });

  it('words titles and text alternatives without blame, in both languages', () => {
    for (const locale of LOCALES) {
      for (const chart of Object.values(knownCharts(locale))) {
        for (const text of [chart.title, chart.text.alt, chart.text.line, ...chart.panels.flatMap((p) => [...p.series, ...p.references].map((s) => s.name))]) {
          expect(text).not.toMatch(BLAME[locale]);
        }
      }
    }
  });
});
