import type { CommandName } from './parse.js';
import { context, header, section, type KnownBlock, type Message } from '../reports/blocks.js';
import { bilingualName, metricLabel } from '../reports/amounts.js';
import { formatFormula } from '../reports/formulas.js';
import type { MetricCatalog } from '../domain/metric-catalog.js';
import { messages, type HelpEntry, type Locale } from '../i18n/index.js';

/** The order commands are listed in help. */
const HELP_ORDER = ['overview', 'log', 'edit', 'undo', 'status', 'targets', 'target', 'template', 'team', 'settings', 'tree', 'metric', 'plan', '1on1', 'export', 'morning-dm', 'reminder', 'off', 'client', 'decision', 'definitions', 'diagnose', 'help'] as const;

function entryLine(e: HelpEntry): string {
  return `\`${e.usage}\`  ${e.summary}`;
}

/** `/kpi help rates`: every rate of the workspace with its formula, the team's funnel, and over whom team rates are read. */
export function renderRatesHelp(locale: Locale, catalog: MetricCatalog, funnel: readonly string[]): Message {
  const t = messages(locale).helpRates;
  const lines = catalog.rates.map((d) => `• ${formatFormula(d, catalog, locale)}`);
  const funnelText = t.funnel({ funnel: funnel.flatMap((k) => catalog.get(k) ?? []).map((d) => metricLabel(d, locale)).join(' → ') });
  const blocks: KnownBlock[] = [header(t.title), section(t.intro)];
  for (let i = 0; i < lines.length; i += 15) blocks.push(section(lines.slice(i, i + 15).join('\n')));
  blocks.push(section(funnelText), context(t.roles));
  return { text: [t.title, t.intro, ...lines, funnelText, t.roles].join('\n'), blocks };
}

/** `/kpi help`: every command with a line each; `/kpi help log`: one command in full. */
export function renderHelp(locale: Locale, topic: CommandName | null, catalog: MetricCatalog, unknownWord?: string): Message {
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
    const metrics = `*${t.helpMetricsTitle}*\n${catalog.logged.map((m) => bilingualName(m, locale)).join(t.itemSeparator)}`;
    blocks.push(section(metrics.slice(0, 3000)), context(t.helpNumbers));
    textParts.push(metrics, t.helpNumbers);
  }
  return { text: textParts.join('\n'), blocks };
}
