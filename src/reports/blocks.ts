import type { ActionsBlock, Button, ContextBlock, DividerBlock, HeaderBlock, KnownBlock, SectionBlock } from '@slack/types';

import type { ChartModel } from './charts/model.js';
import type { DataVisualizationBlock } from './charts/slack.js';

export type { KnownBlock } from '@slack/types';

/** A block of a message: Block Kit's, or Slack's native chart block, which @slack/types does not type yet. */
export type SlackBlock = KnownBlock | DataVisualizationBlock;

/** A chart to draw in a message before the block at index `at` (after the last one when `at` is past them). */
export interface PlacedChart {
  readonly at: number;
  readonly chart: ChartModel;
}

/** A message as Slack takes it: Block Kit for the eye, `text` for notifications and screen readers. */
export interface Message {
  readonly text: string;
  readonly blocks: readonly SlackBlock[];
  /** Charts drawn natively or as uploaded images when the message is posted (`scheduler/chart-poster.ts`). */
  readonly charts?: readonly PlacedChart[];
}

/** Block Kit's own limits, which every payload the bot builds stays inside. */
export const LIMITS = {
  blocksPerMessage: 50,
  blocksPerView: 100,
  sectionText: 3000,
  headerText: 150,
  fieldsPerSection: 10,
  fieldText: 2000,
  contextElements: 10,
  messageText: 40_000,
} as const;

/** Cuts text to a length, marking the cut, so a long note never breaks a message. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export const header = (text: string): HeaderBlock => ({
  type: 'header',
  text: { type: 'plain_text', text: clip(text, LIMITS.headerText), emoji: true },
});

export const section = (markdown: string): SectionBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text: clip(markdown, LIMITS.sectionText) },
});

const fields = (items: readonly string[]): SectionBlock => ({
  type: 'section',
  fields: items.slice(0, LIMITS.fieldsPerSection).map((text) => ({ type: 'mrkdwn', text: clip(text, LIMITS.fieldText) })),
});

/** As many sections of fields as the items need, each within Block Kit's fields per section. */
export function fieldSections(items: readonly string[]): SectionBlock[] {
  const out: SectionBlock[] = [];
  for (let i = 0; i < items.length; i += LIMITS.fieldsPerSection) out.push(fields(items.slice(i, i + LIMITS.fieldsPerSection)));
  return out;
}

export const context = (...markdown: readonly string[]): ContextBlock => ({
  type: 'context',
  elements: markdown.slice(0, LIMITS.contextElements).map((text) => ({ type: 'mrkdwn', text: clip(text, LIMITS.sectionText) })),
});

export const divider = (): DividerBlock => ({ type: 'divider' });

export const button = (text: string, actionId: string, value?: string, style?: 'primary'): Button => ({
  type: 'button',
  text: { type: 'plain_text', text: clip(text, 75), emoji: true },
  action_id: actionId,
  ...(value !== undefined ? { value } : {}),
  ...(style ? { style } : {}),
});

export const actions = (...elements: readonly Button[]): ActionsBlock => ({ type: 'actions', elements: [...elements] });

/** Slack mrkdwn and plain text both read `*bold*` sensibly; this strips it for the terminal. */
export function plain(markdown: string): string {
  return markdown.replace(/(^|[\s(「])\*([^*\n]+)\*/gu, '$1$2');
}
