import type { TopLevelSpec } from 'vega-lite';
import type { ChartModel, ChartPanel } from './model.js';
import { textWidth } from './text-metrics.js';
import { formatChartLabel } from './text.js';
import { formatPercent } from '../../i18n/index.js';

/** The family name of the vendored font (assets/fonts), which every text of a chart is set in. */
export const CHART_FONT_FAMILY = 'Noto Sans JP';

/** The vega expression function that formats axis values as the bot does (registered in `render.ts`). */
export const VALUE_EXPRESSION = 'kpiValue';

/** The vega expression function that breaks a long axis label onto two lines (registered in `render.ts`). */
export const WRAP_EXPRESSION = 'kpiWrap';

/** Strong blue for the numbers themselves, a light one for what they are compared with. */
const COLORS = { actual: '#2f6db5', comparison: '#a9c2e0', target: '#4a4a4a', pace: '#d98c1f' } as const;
const TEXT = '#1d1c1d';
const MUTED = '#616061';

/** A single plot fills the width; several sit two to a row. */
const SIZE = { single: { width: 560, height: 220 }, multiple: { width: 270, height: 130 } } as const;

type Json = Record<string, unknown>;

interface Row extends Json {
  readonly cat: string;
  readonly order: number;
}

/** Whether every category has the same value: a reference drawn as one rule across the plot. */
function constantValue(values: readonly (number | null)[]): number | null {
  const first = values[0];
  return first !== null && first !== undefined && values.every((v) => v === first) ? first : null;
}

/** The colour of every series and reference name of a chart, for one shared legend. */
function colorScale(chart: ChartModel): { domain: string[]; range: string[] } {
  const seen = new Map<string, string>();
  for (const p of chart.panels) {
    for (const s of p.series) if (!seen.has(s.name)) seen.set(s.name, COLORS[s.role]);
    for (const r of p.references) if (!seen.has(r.name)) seen.set(r.name, COLORS[r.role]);
  }
  return { domain: [...seen.keys()], range: [...seen.values()] };
}

/** One plot as vega-lite layers: bars or a line per series, labels, references, funnel steps. */
function panelSpec(chart: ChartModel, panel: ChartPanel, size: { width: number; height: number }, showLegend: boolean): Json {
  const { locale, categories } = chart;
  const color = { ...colorScale(chart) };
  const grouped = panel.series.length > 1;
  const last = categories.length - 1;
  const rows: Row[] = panel.series.flatMap((s) =>
    s.values.flatMap((value, order) =>
      value === null ? [] : [{ cat: categories[order]!, order, key: s.name, value, label: panel.labels === 'all' || order === last ? formatChartLabel(value, panel.unit, locale) : '' }],
    ),
  );
  const band = Math.floor(size.width / Math.max(1, categories.length)) - 2;
  // When one label needs two lines, every label of the axis takes two, so they read alike.
  const split = categories.some((c) => textWidth(c, 11) > band);
  const x = {
    field: 'cat',
    type: 'nominal',
    sort: categories,
    title: null,
    axis: { labelAngle: 0, labelExpr: `${WRAP_EXPRESSION}(datum.label, ${band}, 11, ${split})`, labelLimit: 0, labelFontSize: 11, labelLineHeight: 13, ticks: false, domainColor: '#bbbbbb' },
  };
  const y = {
    field: 'value',
    type: 'quantitative',
    title: null,
    axis: { labelExpr: `${VALUE_EXPRESSION}(datum.value, '${panel.unit}', '${locale}')`, tickCount: 4, gridColor: '#ececec', domain: false, ticks: false, labelFontSize: 10 },
  };
  const legend = showLegend ? { orient: 'top', title: null, labelFontSize: 11, symbolType: 'square', symbolSize: 90, offset: 4, direction: 'horizontal' } : null;
  const colorEncoding = { field: 'key', type: 'nominal', scale: color, legend };
  const offset = grouped ? { xOffset: { field: 'key', type: 'nominal', sort: panel.series.map((s) => s.name) } } : {};
  const layers: Json[] = [];
  if (panel.mark === 'bar') {
    layers.push({ data: { values: rows }, mark: { type: 'bar', cornerRadiusEnd: 2, width: { band: grouped ? 0.9 : 0.62 } }, encoding: { x, y, color: colorEncoding, ...offset } });
  } else {
    layers.push({ data: { values: rows }, mark: { type: 'line', point: { size: 36 }, strokeWidth: 2.5 }, encoding: { x, y, color: colorEncoding } });
  }
  for (const ref of panel.references) {
    const constant = constantValue(ref.values);
    const refRows = ref.values.flatMap((value, order) => (value === null ? [] : [{ cat: categories[order]!, order, key: ref.name, value }]));
    if (refRows.length === 0) continue;
    const stroke = { color: colorEncoding, strokeDash: { value: ref.role === 'target' ? [6, 4] : [2, 3] } };
    if (constant !== null) {
      layers.push({ data: { values: [{ key: ref.name, value: constant }] }, mark: { type: 'rule', strokeWidth: 2 }, encoding: { y, ...stroke } });
    } else if (panel.mark === 'bar') {
      layers.push({ data: { values: refRows }, mark: { type: 'tick', thickness: 2.5, bandSize: 0.7 * (size.width / Math.max(1, categories.length)) }, encoding: { x, y, ...stroke } });
    } else {
      layers.push({ data: { values: refRows }, mark: { type: 'line', strokeWidth: 2 }, encoding: { x, y, ...stroke } });
    }
  }
  // Labels last, over the reference lines they may cross.
  layers.push({
    data: { values: rows },
    mark: { type: 'text', dy: -7, fontSize: 11, color: TEXT },
    encoding: { x, y, text: { field: 'label' }, ...offset },
  });
  const steps = (panel.steps ?? []).flatMap((step, i) =>
    step === null || step.value === null ? [] : [{ cat: categories[i + 1]!, order: i + 1, step: `→ ${formatPercent(step.value, locale)}`, value: panel.series[0]?.values[i + 1] ?? 0 }],
  );
  if (steps.length) {
    layers.push({ data: { values: steps }, mark: { type: 'text', dy: -23, fontSize: 11, color: MUTED }, encoding: { x, y, text: { field: 'step' } } });
  }
  return {
    ...(panel.title ? { title: { text: panel.title, fontSize: 12, anchor: 'start', color: TEXT, offset: 6 } } : {}),
    width: size.width,
    height: size.height,
    layer: layers,
    // Each plot its own y (metrics differ in unit); one legend for the chart.
    resolve: { scale: { y: 'shared' } },
  };
}

/**
 * The vega-lite spec of a chart: one plot, or several two to a row, sharing a legend; text in the
 * vendored font, numbers formatted by `kpiValue` as the bot formats them.
 */
export function chartSpec(chart: ChartModel): TopLevelSpec {
  const many = chart.panels.length > 1;
  const size = many ? SIZE.multiple : SIZE.single;
  const keys = colorScale(chart).domain.length;
  // Every plot declares the same legend, which vega-lite merges into one for the chart.
  const panels = chart.panels.map((p) => panelSpec(chart, p, size, keys > 1));
  const body: Json = many ? { concat: panels, columns: 2, spacing: { row: 18, column: 28 }, resolve: { scale: { y: 'independent' } } } : panels[0]!;
  const spec: Json = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    background: 'white',
    padding: { left: 12, right: 16, top: 12, bottom: 10 },
    title: { text: chart.title, anchor: 'start', fontSize: 16, fontWeight: 'normal', color: TEXT, offset: 10 },
    config: {
      font: CHART_FONT_FAMILY,
      view: { stroke: null },
      axis: { labelColor: MUTED, labelFont: CHART_FONT_FAMILY, titleFont: CHART_FONT_FAMILY },
      legend: { labelColor: TEXT, labelFont: CHART_FONT_FAMILY },
      title: { font: CHART_FONT_FAMILY },
      text: { font: CHART_FONT_FAMILY },
    },
    ...body,
  };
  return spec as unknown as TopLevelSpec;
}
