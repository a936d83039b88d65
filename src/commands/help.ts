import type { CommandName } from './parse.js';
import { context, header, section, type KnownBlock, type Message } from '../reports/blocks.js';
import { bilingualName } from '../reports/amounts.js';
import { LOGGED_METRICS } from '../domain/metrics.js';
import { messages, type HelpEntry, type Locale } from '../i18n/index.js';

/** The order commands are listed in help. */
const HELP_ORDER = ['overview', 'log', 'undo', 'status', 'targets', 'target', 'template', 'team', 'settings', 'tree', 'plan', '1on1', 'export', 'morning-dm', 'help'] as const;

function entryLine(e: HelpEntry): string {
  return `\`${e.usage}\`  ${e.summary}`;
}

/** `/kpi help`: every command with a line each; `/kpi help log`: one command in full. */
export function renderHelp(locale: Locale, topic: CommandName | null, unknownWord?: string): Message {
  const t = messages(locale);
  if (topic === null) {
    const lines = HELP_ORDER.map((name) => entryLine(t.help[name]));
    const lead = unknownWord ? t.helpUnknownTopic({ word: unknownWord }) : t.helpIntro;
    return {
      text: [t.helpTitle, lead, ...lines].join('\n'),
      blocks: [header(t.helpTitle), section(lead), section(lines.join('\n')), context(t.helpMore)],
    };
  }
  const e = t.help[topic];
  const body = [`*\`${e.usage}\`*`, e.summary, ...e.details].join('\n');
  const examples = `*${t.helpExamples}*\n${e.examples.map((x) => `\`${x}\``).join('\n')}`;
  const blocks: KnownBlock[] = [section(body), section(examples)];
  const textParts = [body, examples];
  if (topic === 'log') {
    const metrics = `*${t.helpMetricsTitle}*\n${LOGGED_METRICS.map((m) => bilingualName(m, locale)).join(t.itemSeparator)}`;
    blocks.push(section(metrics), context(t.helpNumbers));
    textParts.push(metrics, t.helpNumbers);
  }
  return { text: textParts.join('\n'), blocks };
}
