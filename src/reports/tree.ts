import { context, header, section, type KnownBlock, type Message } from './blocks.js';
import { formatValue, progressBar } from './amounts.js';
import { calendarFor } from './status.js';
import type { Day } from '../domain/days.js';
import { isDerivedMetric, metricLabel, type MetricKey } from '../domain/metrics.js';
import { periodOf, type PeriodKind } from '../domain/periods.js';
import { convertsWithWorkdays, periodTarget } from '../domain/progress.js';
import { derivedValue, sumTotals, type Totals } from '../domain/rates.js';
import { buildTree, deriveFunnelTree, evaluateTree, type EvaluatedTreeNode, type KpiTreeNode, type MetricTarget, type TreeProblem } from '../domain/tree.js';
import { formatPercent, messages, type Locale } from '../i18n/index.js';
import type { Member, Store, Target, Team } from '../store/index.js';

/** A team's totals over a range: each member's period values added up (a team's pipeline is its members' together). */
export async function teamTotals(store: Store, team: Team, from: Day, to: Day): Promise<Totals> {
  const byMember = await store.totals.memberTotals(team.id, from, to);
  return sumTotals(byMember.values());
}

/** A team-level target: the team's own, or its members' added up. */
export interface TeamTarget extends MetricTarget {
  readonly source: 'team' | 'members';
}

/** A team's members, each member's targets in force, and the team-level targets they add up to. */
export interface TeamTargets {
  readonly members: readonly Member[];
  readonly byPerson: ReadonlyMap<string, readonly Target[]>;
  readonly targets: TeamTarget[];
}

/** Reads a team's members and targets in force on `asOf`, and works out its team-level targets. */
export async function loadTeamTargets(store: Store, team: Team, asOf: Day): Promise<TeamTargets> {
  const members = await store.teams.members(team.id);
  const [own, byPerson] = await Promise.all([
    store.targets.of(team.workspace, 'team', String(team.id), asOf),
    store.targets.inForce(team.workspace, 'person', members.map((m) => m.userId), asOf),
  ]);
  return { members, byPerson, targets: teamLevelTargets(team, asOf, own, byPerson) };
}

/**
 * The team-level targets a derived tree hangs from: the team's own targets, and for metrics without
 * one, its members' targets added up over a month (a rate when every member shares it).
 */
function teamLevelTargets(team: Team, asOf: Day, own: readonly Target[], byPerson: ReadonlyMap<string, readonly Target[]>): TeamTarget[] {
  const out = new Map<MetricKey, TeamTarget>(own.map((t) => [t.metric, { metric: t.metric, value: t.value, period: t.period, source: 'team' }]));
  const month = periodOf(asOf, 'month');
  const calendar = calendarFor(team);
  const pooled = new Map<MetricKey, number[]>();
  for (const targets of byPerson.values()) {
    for (const t of targets) {
      const value = periodTarget(t.metric, t.value, t.period, month, calendar);
      if (value !== null) pooled.set(t.metric, [...(pooled.get(t.metric) ?? []), value]);
    }
  }
  for (const [metric, values] of pooled) {
    if (out.has(metric)) continue;
    if (convertsWithWorkdays(metric)) out.set(metric, { metric, value: values.reduce((a, b) => a + b, 0), period: 'month', source: 'members' });
    else if (values.every((v) => v === values[0])) out.set(metric, { metric, value: values[0]!, period: 'month', source: 'members' });
  }
  return [...out.values()];
}

export type TreeModel =
  | { readonly kind: 'tree'; readonly root: EvaluatedTreeNode; readonly derived: boolean }
  | { readonly kind: 'none' }
  | { readonly kind: 'invalid'; readonly problem: TreeProblem };

/** The team's KGI → KPI tree (its own, else derived from its targets), with the team's actuals on every node. */
export async function loadTeamTree(store: Store, team: Team, asOf: Day): Promise<TreeModel> {
  const nodes = await store.trees.nodes(team.id);
  let tree: KpiTreeNode | null;
  if (nodes.length > 0) {
    const built = buildTree(nodes.map((n) => ({ metric: n.metric, value: n.value, period: n.period, parent: n.parent })));
    if (!built.ok) return { kind: 'invalid', problem: built.problem };
    tree = built.value;
  } else {
    tree = deriveFunnelTree((await loadTeamTargets(store, team, asOf)).targets);
  }
  if (!tree) return { kind: 'none' };
  const totalsByKind = new Map<PeriodKind, Totals>();
  const kinds = new Set<PeriodKind>();
  const collect = (n: KpiTreeNode, inherited: PeriodKind) => {
    const k = n.target?.period ?? inherited;
    kinds.add(k);
    n.children.forEach((c) => collect(c, k));
  };
  collect(tree, 'month');
  for (const kind of kinds) totalsByKind.set(kind, await teamTotals(store, team, periodOf(asOf, kind).start, asOf));
  const actualOf = (metric: MetricKey, kind: PeriodKind): number | null => {
    const totals = totalsByKind.get(kind) ?? {};
    return isDerivedMetric(metric) ? derivedValue(metric, totals) : (totals[metric] ?? 0);
  };
  return { kind: 'tree', root: evaluateTree(tree, actualOf), derived: nodes.length === 0 };
}

function nodeLine(n: EvaluatedTreeNode, depth: number, locale: Locale): string {
  const indent = '\u2003'.repeat(depth * 2);
  const bullet = depth === 0 ? '🎯' : depth === 1 ? '•' : '◦';
  const name = depth === 0 ? `*KGI ${metricLabel(n.metric, locale)}*` : `*${metricLabel(n.metric, locale)}*`;
  const actual = n.actual === null ? '–' : formatValue(n.metric, n.actual, locale);
  const target = n.target ? ` / ${formatValue(n.metric, n.target.value, locale)}` : '';
  const share = n.attainment === null ? '' : ` (${formatPercent(n.attainment, locale)}) ${progressBar(n.attainment, 8)}`;
  return `${indent}${bullet} ${name} ${actual}${target}${share}`;
}

function flatten(n: EvaluatedTreeNode, depth: number, locale: Locale): string[] {
  return [nodeLine(n, depth, locale), ...n.children.flatMap((c) => flatten(c, depth + 1, locale))];
}

/** Explains why a stored tree cannot be drawn. */
export function treeProblemText(problem: TreeProblem, locale: Locale): string {
  const p = messages(locale).treeProblems;
  const name = (m: MetricKey) => metricLabel(m, locale);
  switch (problem.code) {
    case 'noRoot':
      return p.noRoot;
    case 'twoRoots':
      return p.twoRoots({ metrics: problem.metrics.map(name).join(messages(locale).separators.names) });
    case 'unknownParent':
      return p.unknownParent({ metric: name(problem.metric), parent: name(problem.parent) });
    case 'cycle':
      return p.cycle({ metric: problem.metrics.map(name).join(messages(locale).separators.names) });
    case 'duplicateMetric':
      return p.duplicateMetric({ metric: name(problem.metric) });
    case 'tooDeep':
      return p.tooDeep({ max: problem.max });
  }
}

/** `/kpi tree`: the tree drawn with attainment on every node. */
export function renderTree(model: TreeModel, team: Team, locale: Locale): Message {
  const t = messages(locale);
  const title = t.treeTitle({ team: team.name });
  if (model.kind === 'none') return { text: `${title}\n${t.treeNone}`, blocks: [header(title), section(t.treeNone)] };
  if (model.kind === 'invalid') {
    const why = treeProblemText(model.problem, locale);
    return { text: `${title}\n${why}`, blocks: [header(title), section(why)] };
  }
  const lines = flatten(model.root, 0, locale);
  const blocks: KnownBlock[] = [header(title)];
  // Sections hold 3,000 characters; a deep tree is split over several.
  for (let i = 0; i < lines.length; i += 15) blocks.push(section(lines.slice(i, i + 15).join('\n')));
  if (model.derived) blocks.push(context(t.treeDerived));
  return { text: [title, ...lines, ...(model.derived ? [t.treeDerived] : [])].join('\n'), blocks };
}
