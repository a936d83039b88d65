import type { ChartModel } from './model.js';
import type { Message, SlackBlock } from '../blocks.js';
import { messages } from '../../i18n/index.js';

/** A chart and where it goes in a message: after the last block `after` matches, at the end when none does. */
export interface ChartPlacement {
  readonly chart: ChartModel;
  readonly after: (block: SlackBlock) => boolean;
}

/** A section whose text starts with `prefix` (a section's bold title, `*Funnel*`). */
export const sectionStarting =
  (prefix: string) =>
  (block: SlackBlock): boolean =>
    block.type === 'section' && block.text?.text.startsWith(prefix) === true;

/** A section of fields (the KPI cells of a review). */
export const fieldsSection = (block: SlackBlock): boolean => block.type === 'section' && (block.fields?.length ?? 0) > 0;

/** The chart's words for the plain text: `Chart: <title>.` in the reader's language, then its numbers. */
const chartText = (chart: ChartModel): string => `${messages(chart.locale).charts.altLead({ title: chart.title })}\n${chart.text.line}`;

/**
 * The message with its charts placed: each is drawn where it goes when the message is posted (the
 * native chart block or its uploaded PNG, `ChartPoster`), and its title and numbers join the plain
 * text, which the terminal, `--dry-run`, notifications and screen readers read.
 */
export function withCharts<M extends Message>(message: M, placements: readonly ChartPlacement[]): M {
  if (placements.length === 0) return message;
  const at = (after: ChartPlacement['after']) => {
    const i = message.blocks.findLastIndex(after);
    return i === -1 ? message.blocks.length : i + 1;
  };
  return {
    ...message,
    text: [message.text, ...placements.map((p) => chartText(p.chart))].join('\n'),
    charts: [...(message.charts ?? []), ...placements.map((p) => ({ at: at(p.after), chart: p.chart }))],
  };
}
