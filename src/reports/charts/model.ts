import { describeChart } from './text.js';
import type { Locale } from '../../i18n/index.js';

/**
 * A chart as plain data: what it shows, in the reader's language, with its text alternative built
 * from the same numbers. Renderers turn it into a vega-lite spec and a PNG (`render.ts`) or into
 * Slack's native chart block (`slack.ts`); neither decides anything about the numbers.
 */

/** What the numbers are, for formatting them the way the rest of the bot does. */
export type ChartUnit =
  /** Counted things: `1,234`. */
  | 'count'
  /** Yen: `¥1,200,000` / `120万円`. */
  | 'currency'
  /** A rate as a fraction: 0.205 is `20.5%`. */
  | 'ratio'
  /** A share of a target as a fraction: 0.95 is `95%` of it. */
  | 'share';

/** One named series, a value per category (null where there is none, such as a rate of nothing). */
export interface ChartSeries {
  readonly name: string;
  /** `actual` is drawn strong; `comparison` (a baseline, a team median) drawn lighter beside it. */
  readonly role: 'actual' | 'comparison';
  readonly values: readonly (number | null)[];
}

/** A line to measure against: the target, or the pace for today; a value per category. */
export interface ChartReference {
  readonly name: string;
  readonly role: 'target' | 'pace';
  readonly values: readonly (number | null)[];
}

/** A funnel's conversion between two neighbouring bars, named by the rate it is. */
export interface ChartStep {
  readonly name: string;
  /** Null when the stage had too few to say (the report says so in words). */
  readonly value: number | null;
}

/** One plot: its series and references over the chart's categories, in one unit. */
export interface ChartPanel {
  /** The panel's name when a chart has several (a metric's name); null for a single plot. */
  readonly title: string | null;
  readonly unit: ChartUnit;
  readonly mark: 'bar' | 'line';
  readonly series: readonly ChartSeries[];
  readonly references: readonly ChartReference[];
  /** A funnel's conversion from each category to the next (one fewer than the categories); null between bars no stage joins. */
  readonly steps?: readonly (ChartStep | null)[];
  /** Label every value on the plot, or only the last category's (a long trend). */
  readonly labels: 'all' | 'last';
}

/** The charts the issue asks for; each has its builder in `from-*.ts`. */
export type ChartKind = 'trend' | 'funnel' | 'period' | 'stages' | 'pace';

/** Who a chart may be shown to (DOMAIN.md rule 5): team totals go anywhere, a person's numbers only to them and their manager. */
export type ChartAudience = 'team' | 'person';

/** A chart's text alternative: the image's alt text, and the line shown under every chart. */
export interface ChartText {
  readonly alt: string;
  readonly line: string;
}

export interface ChartModel {
  readonly kind: ChartKind;
  readonly audience: ChartAudience;
  readonly locale: Locale;
  readonly title: string;
  /** The x axis, in order: weeks, funnel steps, KPI names, stages. */
  readonly categories: readonly string[];
  readonly panels: readonly ChartPanel[];
  readonly text: ChartText;
}

/** A chart from its content, with the text alternative worked out from the same numbers. */
export function makeChart(content: Omit<ChartModel, 'text'>): ChartModel {
  for (const panel of content.panels) {
    for (const line of [...panel.series, ...panel.references]) {
      if (line.values.length !== content.categories.length) throw new Error(`chart ${content.kind}: ${line.name} has ${line.values.length} values for ${content.categories.length} categories`);
    }
  }
  return { ...content, text: describeChart(content) };
}

/** Whether a chart has anything to draw: some value in some series. */
export function hasValues(chart: Pick<ChartModel, 'panels'>): boolean {
  return chart.panels.some((p) => p.series.some((s) => s.values.some((v) => v !== null)));
}
