import { context, header, section, type KnownBlock, type Message } from './blocks.js';
import { metricHeading } from './amounts.js';
import { formulaBody } from './formulas.js';
import type { MetricCatalog } from '../domain/metric-catalog.js';
import { inputsOf, type MetricDef } from '../domain/metrics.js';
import { messages, type Locale } from '../i18n/index.js';

/**
 * The metrics a team's KPIs rest on, each once, in reading order: every KPI, then what a rate is
 * worked out from, so a definitions page names every number the reports show.
 */
export function definedMetrics(kpis: readonly MetricDef[], catalog: MetricCatalog): MetricDef[] {
  const out = new Map<string, MetricDef>();
  for (const def of kpis) {
    out.set(def.key, def);
    for (const key of def.formula ? inputsOf(def) : []) {
      const input = catalog.get(key);
      if (input) out.set(key, input);
    }
  }
  return [...out.values()];
}

/** One metric as a definitions page says it: its unit, how it is measured (a rate with its formula) and the words agreed for it. */
export function definitionLine(def: MetricDef, catalog: MetricCatalog, agreed: ReadonlyMap<string, string>, locale: Locale): string {
  const c = messages(locale).clients;
  const how = def.kind === 'rate' ? c.measured.rate({ formula: formulaBody(def, catalog, locale) }) : c.measured[def.kind];
  return c.definitionLine({ name: metricHeading(def, locale), unit: c.units[def.unit], how, agreed: agreed.get(def.key) ?? null });
}

/** `/kpi definitions`: every KPI of a team with its unit, how it is measured, its formula and its agreed definition. */
export function renderDefinitions(teamName: string, metrics: readonly MetricDef[], catalog: MetricCatalog, agreed: ReadonlyMap<string, string>, locale: Locale): Message {
  const c = messages(locale).clients;
  const title = c.definitionsPageTitle({ team: teamName });
  if (metrics.length === 0) return { text: `${title}\n${c.definitionsPageEmpty}`, blocks: [header(title), section(c.definitionsPageEmpty)] };
  const lines = metrics.map((m) => definitionLine(m, catalog, agreed, locale));
  const blocks: KnownBlock[] = [header(title)];
  for (let i = 0; i < lines.length; i += 12) blocks.push(section(lines.slice(i, i + 12).join('\n')));
  blocks.push(context(c.definitionsPageHint));
  return { text: [title, ...lines, c.definitionsPageHint].join('\n'), blocks };
}
