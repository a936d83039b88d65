import { check, standingOf } from './authority.js';
import type { CommandContext } from './context.js';
import { buildDefinition, reviseDefinition, type MetricDraft, type MetricProblem } from '../domain/metric-drafts.js';
import { dayInZone } from '../domain/days.js';
import type { MetricCatalog } from '../domain/metric-catalog.js';
import { metricNames, type MetricDef, type Unit } from '../domain/metrics.js';
import { formatList, formatNumber, messages, type Locale } from '../i18n/index.js';
import { bilingualName, metricLabel } from '../reports/amounts.js';
import { context, header, section, type KnownBlock, type Message } from '../reports/blocks.js';
import { formatFormula, formulaBody } from '../reports/formulas.js';
import { textMessage } from '../reports/receipts.js';
import { choiceOf, choicesOf, textOf, type FormValues } from '../reports/views/form.js';
import { metricModal } from '../reports/views/metric-modal.js';

/**
 * `/kpi metric`: the workspace's own KPI definitions (seed 003: 「新たな指標を加えたり、既存の指標の
 * 定義を見直したり」). Managers add flows, snapshots and rates with a stated formula, revise them, and
 * retire the ones they no longer use, keeping their history.
 */

/** A definition problem in the reader's language. */
export function explainMetricProblem(p: MetricProblem, locale: Locale, catalog: MetricCatalog): string {
  const t = messages(locale).metricProblems;
  const name = (d: MetricDef) => metricLabel(d, locale);
  const list = (defs: readonly MetricDef[]) => formatList(defs.map((d) => bilingualName(d, locale)), locale);
  switch (p.code) {
    case 'nameTaken':
      return t.nameTaken({ name: p.name, metric: name(p.metric) });
    case 'unknownOperand':
      return t.unknownOperand({ word: p.word, suggestions: list(p.suggestions) });
    case 'operandIsRate':
      return t.operandIsRate({ metric: name(p.metric) });
    case 'startNeedsSnapshot':
      return t.startNeedsSnapshot({ metric: name(p.metric) });
    case 'loggedAsPercent':
      return t.loggedAsPercent;
    case 'notFound':
      return t.notFound({ name: p.name, suggestions: list(p.suggestions) });
    case 'kindFixed':
      return t.kindFixed({ metric: name(p.metric) });
    case 'formulaOnCount':
      return t.formulaOnCount({ metric: name(p.metric) });
    case 'usedBy':
      return t.usedBy({ metric: name(p.metric), rates: formatList(p.users.map(name), locale) });
    case 'sameFormula':
      return t.sameFormula({ metric: name(p.metric), formula: formulaBody(p.metric, catalog, locale) });
  }
}

/** One definition as a line of the list: name (other language), unit and kind, formula, key and names typed. */
export function definitionLine(def: MetricDef, catalog: MetricCatalog, locale: Locale): string {
  const t = messages(locale).metricList;
  const what = def.kind === 'rate' ? formatFormula(def, catalog, locale) : bilingualName(def, locale);
  const unit = t.units[def.unit] + (def.unit === 'score' && def.outOf ? ` / ${formatNumber(def.outOf, locale)}` : '');
  const kind = def.kind === 'rate' ? '' : ` · ${t.kinds[def.kind]}`;
  const lower = def.better === 'lower' ? ` · ${t.lowerIsBetter}` : '';
  const own = def.builtIn ? '' : ` · ${t.custom}`;
  const typed = metricNames(def).filter((n) => n !== def.label.en && n !== def.label.ja).slice(0, 6);
  return `• *${what}*  (${unit}${kind}${lower}${own})  \`${def.key}\`${typed.length > 1 ? `  ${t.alsoTyped({ names: typed.slice(1).join(', ') })}` : ''}`;
}

/** `/kpi metric`: every definition of the workspace, counts and snapshots first, then the rates with their formulas. */
export function renderMetricList(catalog: MetricCatalog, locale: Locale): Message {
  const t = messages(locale).metricList;
  const groups: [string, MetricDef[]][] = [
    [t.flows, catalog.all.filter((d) => d.kind === 'flow')],
    [t.snapshots, catalog.all.filter((d) => d.kind === 'snapshot')],
    [t.rates, catalog.all.filter((d) => d.kind === 'rate')],
  ];
  const blocks: KnownBlock[] = [header(t.title)];
  const text: string[] = [t.title];
  for (const [title, defs] of groups) {
    if (defs.length === 0) continue;
    const lines = defs.map((d) => definitionLine(d, catalog, locale));
    text.push(title, ...lines);
    // A section holds 3,000 characters: a long group is split over several.
    for (let i = 0; i < lines.length; i += 10) blocks.push(section(`${i === 0 ? `*${title}*\n` : ''}${lines.slice(i, i + 10).join('\n')}`));
  }
  if (catalog.retired.length) {
    const line = t.retired({ metrics: formatList(catalog.retired.map((d) => metricLabel(d, locale)), locale) });
    blocks.push(context(line));
    text.push(line);
  }
  blocks.push(context(t.how));
  text.push(t.how);
  return { text: text.join('\n'), blocks: blocks.slice(0, 50) };
}

/** The caller may define the workspace's metrics: a team's manager or an admin. */
async function refusal(ctx: CommandContext): Promise<Message | null> {
  const standing = await standingOf(ctx);
  return check(ctx, standing, 'defineMetrics', standing.team);
}

/** What a definition says once saved: its line, and for a rate how it is read. */
function saved(def: MetricDef, catalog: MetricCatalog, locale: Locale, verb: 'added' | 'changed'): Message {
  const t = messages(locale).metricSaved;
  const line = definitionLine(def, catalog, locale);
  const lead = verb === 'added' ? t.added({ metric: metricLabel(def, locale) }) : t.changed({ metric: metricLabel(def, locale) });
  const how = def.kind === 'rate' ? t.rateHow : def.kind === 'snapshot' ? t.snapshotHow({ example: `/kpi log ${def.label[locale]} 120` }) : t.flowHow({ example: `/kpi log ${def.label[locale]} 3` });
  return { text: [lead, line, how].join('\n'), blocks: [section(`${lead}\n${line}`), context(how)] };
}

/** `/kpi metric add …` and `/kpi metric rate …`: a new definition of the workspace. */
export async function addMetric(ctx: CommandContext, draft: MetricDraft): Promise<Message> {
  const refused = await refusal(ctx);
  if (refused) return refused;
  const locale = ctx.caller.locale;
  const catalog = await ctx.store.metrics.catalog(ctx.caller.teamId);
  const built = buildDefinition(draft, catalog);
  if (!built.ok) return textMessage(explainMetricProblem(built.problem, locale, catalog), rightForm(locale));
  await ctx.store.metrics.add(ctx.caller.teamId, built.def, ctx.caller.userId, ctx.clock());
  return saved(built.def, await ctx.store.metrics.catalog(ctx.caller.teamId), locale, 'added');
}

/** The metric a name points at, or the problem of not finding it. */
function found(name: string, catalog: MetricCatalog): { ok: true; def: MetricDef } | { ok: false; problem: MetricProblem } {
  const def = catalog.resolve(name);
  return def ? { ok: true, def } : { ok: false, problem: { code: 'notFound', name, suggestions: catalog.suggest(name) } };
}

/** `/kpi metric edit <name> …`: a revised definition; every surface reads the new one from now on. */
export async function editMetric(ctx: CommandContext, draft: MetricDraft): Promise<Message> {
  const refused = await refusal(ctx);
  if (refused) return refused;
  const locale = ctx.caller.locale;
  const catalog = await ctx.store.metrics.catalog(ctx.caller.teamId);
  const target = found(draft.name, catalog);
  if (!target.ok) return textMessage(explainMetricProblem(target.problem, locale, catalog), rightForm(locale));
  const revised = reviseDefinition(target.def, draft, catalog);
  if (!revised.ok) return textMessage(explainMetricProblem(revised.problem, locale, catalog), rightForm(locale));
  await ctx.store.metrics.update(ctx.caller.teamId, target.def.key, revised.def, ctx.caller.userId, ctx.clock());
  const message = saved(revised.def, await ctx.store.metrics.catalog(ctx.caller.teamId), locale, 'changed');
  if (!revised.def.formula || JSON.stringify(revised.def.formula) === JSON.stringify(target.def.formula)) return message;
  const note = messages(locale).metricSaved.formulaChanged;
  return { text: `${message.text}\n${note}`, blocks: [...message.blocks, context(note)] };
}

/**
 * `/kpi metric retire <name>`: the metric keeps its history (exports, past reports) but takes no new
 * logs or targets, and its targets end today. A metric a rate is made of stays until the rate goes.
 * `restore` brings one back.
 */
export async function retireMetric(ctx: CommandContext, name: string, retire: boolean): Promise<Message> {
  const refused = await refusal(ctx);
  if (refused) return refused;
  const locale = ctx.caller.locale;
  const t = messages(locale).metricSaved;
  const catalog = await ctx.store.metrics.catalog(ctx.caller.teamId);
  const target = found(name, catalog);
  if (!target.ok) return textMessage(explainMetricProblem(target.problem, locale, catalog), rightForm(locale));
  const def = target.def;
  if (retire) {
    const users = catalog.usersOf(def.key);
    if (users.length) return textMessage(explainMetricProblem({ code: 'usedBy', metric: def, users }, locale, catalog));
  }
  const team = await ctx.store.teams.ofPerson(ctx.caller.teamId, ctx.caller.userId);
  const today = dayInZone(ctx.clock(), team?.settings.timezone ?? ctx.caller.zone);
  await ctx.store.metrics.setRetired(ctx.caller.teamId, def.key, retire, ctx.caller.userId, ctx.clock(), today);
  if (!retire) return textMessage(t.restored({ metric: metricLabel(def, locale) }));
  const history = await ctx.store.metrics.hasHistory(ctx.caller.teamId, def.key);
  return textMessage(history ? t.retiredWithHistory({ metric: metricLabel(def, locale) }) : t.retired({ metric: metricLabel(def, locale) }));
}

/** `/kpi metric edit <name> definition <text>`: what the metric counts, in the words agreed with the team or the client ("none" clears it). */
export async function defineMetric(ctx: CommandContext, name: string, text: string | null): Promise<Message> {
  const refused = await refusal(ctx);
  if (refused) return refused;
  const locale = ctx.caller.locale;
  const catalog = await ctx.store.metrics.catalog(ctx.caller.teamId);
  const target = found(name, catalog);
  if (!target.ok) return textMessage(explainMetricProblem(target.problem, locale, catalog), rightForm(locale));
  await ctx.store.metrics.define(ctx.caller.teamId, target.def.key, text, ctx.caller.userId, ctx.clock());
  const c = messages(locale).clients;
  const label = metricLabel(target.def, locale);
  return textMessage(text === null ? c.definitionCleared({ name: label }) : c.definitionSaved({ name: label, text }));
}

/** `/kpi metric` with no definition typed: the list, or the form to define one. */
export async function openMetricForm(ctx: CommandContext): Promise<Message | null> {
  const refused = await refusal(ctx);
  if (refused) return refused;
  const catalog = await ctx.store.metrics.catalog(ctx.caller.teamId);
  if (!ctx.triggerId) return renderMetricList(catalog, ctx.caller.locale);
  await ctx.chat.openView(ctx.triggerId, metricModal(ctx.caller.locale, catalog));
  return null;
}

function rightForm(locale: Locale): string {
  const help = messages(locale).help.metric;
  return messages(locale).rightForm({ usage: help.usage, example: help.examples[0]! });
}

/** The field of the metric form a definition problem belongs under. */
function formBlock(p: MetricProblem, draft: MetricDraft): string {
  switch (p.code) {
    case 'nameTaken':
      return (draft.aliases ?? []).includes(p.name) ? 'aliases' : p.name === draft.name ? 'name' : 'otherName';
    case 'unknownOperand':
    case 'operandIsRate':
      return draft.formula?.denominator === ('word' in p ? p.word : p.metric.key) ? 'denominator' : 'numerator';
    case 'startNeedsSnapshot':
      return 'denominatorAt';
    case 'loggedAsPercent':
      return 'unit';
    default:
      return 'name';
  }
}

/**
 * The metric form's submission: read into the same draft `/kpi metric add` builds, checked the same
 * way, every problem under its own field; saved only when there is none.
 */
export async function submitMetricForm(ctx: CommandContext, values: FormValues): Promise<{ ok: true; message: Message } | { ok: false; errors: Record<string, string> }> {
  const locale = ctx.caller.locale;
  const f = messages(locale).metricForm;
  const name = textOf(values, 'name').normalize('NFKC');
  const other = textOf(values, 'otherName').normalize('NFKC');
  const kind = choiceOf(values, 'kind') ?? 'flow';
  const numerator = choicesOf(values, 'numerator');
  const denominator = choiceOf(values, 'denominator');
  const at = choiceOf(values, 'denominatorAt');
  // Re-checked on every submission: the form may come from someone who lost the right since it opened.
  const refused = await refusal(ctx);
  if (refused) return { ok: false, errors: { name: refused.text } };
  const errors: Record<string, string> = {};
  if (kind === 'rate' && (numerator.length === 0 || !denominator)) errors[numerator.length === 0 ? 'numerator' : 'denominator'] = f.needFormula;
  if (kind !== 'rate' && (numerator.length > 0 || denominator)) errors[numerator.length > 0 ? 'numerator' : 'denominator'] = f.formulaOnlyForRates;
  if (Object.keys(errors).length) return { ok: false, errors };
  const ascii = /^[\x20-\x7e]+$/u.test(name);
  const unit = choiceOf(values, 'unit') as Unit | null;
  const draft: MetricDraft = {
    name,
    kind: kind === 'rate' ? null : (kind as 'flow' | 'snapshot'),
    unit,
    outOf: unit === 'score' ? 5 : null,
    aliases: textOf(values, 'aliases') ? textOf(values, 'aliases').split(/[,、，]/u).map((a) => a.trim()).filter(Boolean) : null,
    en: other ? (ascii ? name : other) : null,
    ja: other ? (ascii ? other : name) : null,
    dailyMax: null,
    better: choicesOf(values, 'lower').includes('lower') ? 'lower' : null,
    counter: null,
    formula: kind === 'rate' ? { numerator, denominator: denominator!, at: at === 'start' || at === 'end' ? at : null } : null,
  };
  const catalog = await ctx.store.metrics.catalog(ctx.caller.teamId);
  const built = buildDefinition(draft, catalog);
  if (!built.ok) return { ok: false, errors: { [formBlock(built.problem, draft)]: explainMetricProblem(built.problem, locale, catalog) } };
  await ctx.store.metrics.add(ctx.caller.teamId, built.def, ctx.caller.userId, ctx.clock());
  return { ok: true, message: saved(built.def, await ctx.store.metrics.catalog(ctx.caller.teamId), locale, 'added') };
}
