import type { ActionsBlock, Button, ContextBlock, DividerBlock, HeaderBlock, KnownBlock, SectionBlock } from '@slack/types';

export type { KnownBlock } from '@slack/types';

/** A message as Slack takes it: Block Kit for the eye, `text` for notifications and screen readers. */
export interface Message {
  readonly text: string;
  readonly blocks: readonly KnownBlock[];
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
