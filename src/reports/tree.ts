import { context, header, section, type KnownBlock, type Message } from './blocks.js';
import { formatFigure, formatQuantity, metricHeading, metricLabel, progressBar } from './amounts.js';
import { calendarFor, type KpiTarget } from './status.js';
import type { Day } from '../domain/days.js';
import type { MetricCatalog } from '../domain/metric-catalog.js';
import type { MetricDef } from '../domain/metrics.js';
import { periodOf, type PeriodKind } from '../domain/periods.js';
import { elapsedWorkdays, forecast, isPaced, remainingWorkdays, totalWorkdays } from '../domain/progress.js';
import { periodTarget } from '../domain/targets.js';
import type { KpiOwnership } from '../domain/team-kpis.js';
import { teamRate, type TeamMember } from '../domain/team-rates.js';
import type { Totals } from '../domain/rates.js';
import { buildTree, deriveFunnelTree, evaluateTree, kgiGap, SEED_EXAMPLE_TREE, type EvaluatedTreeNode, type KgiStanding, type KpiTreeNode, type TreeProblem } from '../domain/tree.js';
import { formatPercent, messages, type Locale } from '../i18n/index.js';
import type { Member, Store, Target, Team } from '../store/index.js';

/** A team-level KPI: the team's own target, or its members' added up, with how many active members carry one. */
export interface TeamTarget extends KpiTarget, KpiOwnership {}

/** A team's members, each member's targets in force, and the team-level targets they add up to. */
export interface TeamTargets {
  readonly members: readonly Member[];
  readonly byPerson: ReadonlyMap<string, readonly Target[]>;
  readonly targets: TeamTarget[];
}

/** Reads a team's members and targets in force on `asOf`, and works out its team-level targets. */
export async function loadTeamTargets(store: Store, team: Team, asOf: Day, catalog: MetricCatalog): Promise<TeamTargets> {
  const [members, { own, byPerson }] = await Promise.all([store.teams.members(team.id), store.targets.ofKpiTeam(team.workspace, team.id, asOf)]);
  const active = new Set(members.filter((m) => m.isActive).map((m) => m.userId));
  return { members, byPerson, targets: teamLevelTargets(team, asOf, own, byPerson, active, catalog) };
}

/**
 * The team-level targets: the team's own, and for metrics without one its members' added up (counts
 * and snapshots add; a rate only when every member who carries it shares one value). Each says how
 * many of the `active` members carry a target on it: whether it is several people's work.
 */
function teamLevelTargets(
  team: Team,
  asOf: Day,
  own: readonly Target[],
  byPerson: ReadonlyMap<string, readonly Target[]>,
  active: ReadonlySet<string>,
  catalog: MetricCatalog,
): TeamTarget[] {
  const carriers = new Map<string, number>();
  for (const [userId, targets] of byPerson) if (active.has(userId)) for (const t of targets) carriers.set(t.metric, (carriers.get(t.metric) ?? 0) + 1);
  const out = new Map<string, TeamTarget>(own.map((t) => [t.metric, { metric: t.metric, schedules: [t.schedule], source: 'team', carriers: carriers.get(t.metric) ?? 0 }]));
  const pooled = new Map<string, Target[]>();
  for (const targets of byPerson.values()) for (const t of targets) pooled.set(t.metric, [...(pooled.get(t.metric) ?? []), t]);
  const month = periodOf(asOf, 'month');
  const calendar = calendarFor(team);
  for (const [metric, targets] of pooled) {
    const def = catalog.get(metric);
    if (out.has(metric) || !def || def.retired) continue;
    const schedules = targets.map((t) => t.schedule);
    if (def.kind === 'rate' && periodTarget(def, schedules, month, asOf, calendar).value === null) continue;
    out.set(metric, { metric, schedules, source: 'members', carriers: carriers.get(metric) ?? 0 });
  }
  return [...out.values()];
}

export type TreeModel =
  | { readonly kind: 'tree'; readonly root: EvaluatedTreeNode; readonly derived: boolean; readonly kgi?: KgiStanding | null }
  | { readonly kind: 'none' }
  | { readonly kind: 'invalid'; readonly problem: TreeProblem };

/**
 * Whose numbers a team's values add up, and each one's over ranges: its members; for a client
 * engagement, everyone who logged for it, over whom its rates are read whatever their role.
 */
export async function teamRanges(store: Store, team: Team, ranges: readonly { from: Day; to: Day }[]): Promise<{ members: TeamMember[]; ranges: Map<string, Totals>[] }> {
  if (!team.engagement) {
    const [members, read] = await Promise.all([store.teams.members(team.id), store.totals.memberRanges(team.id, ranges)]);
    return { members, ranges: read };
  }
  const read = await Promise.all(ranges.map((r) => store.engagements.memberTotals(team.id, r.from, r.to)));
  const people = new Set(read.flatMap((m) => [...m.keys()]));
  return { members: [...people].map((userId) => ({ userId, salesRole: null })), ranges: read };
}

/** A team's value of a metric over its members' totals: a rate over the people whose role works it, a count over everyone. */
export function teamValue(def: MetricDef, members: readonly TeamMember[], byMember: ReadonlyMap<string, Totals>): number | null {
  return teamRate(def, members, byMember).value;
}

/**
 * The team's KGI → KPI tree (its own, else derived from its targets along its funnel), with the
 * team's actuals on every node. A caller that reads the team's targets as of the same day anyway
 * hands them over (`read`), so they are read once.
 */
export async function loadTeamTree(store: Store, team: Team, asOf: Day, read?: Promise<TeamTargets>): Promise<TreeModel> {
  const [nodes, catalog] = await Promise.all([store.trees.nodes(team.id), store.metrics.catalog(team.workspace)]);
  let tree: KpiTreeNode | null;
  if (nodes.length > 0) {
    const built = buildTree(nodes.map((n) => ({ metric: n.metric, value: n.value, period: n.period, parent: n.parent })));
    if (!built.ok) return { kind: 'invalid', problem: built.problem };
    tree = built.value;
  } else {
    const { targets } = await (read ?? loadTeamTargets(store, team, asOf, catalog));
    const calendar = calendarFor(team);
    const month = periodOf(asOf, 'month');
    const monthly = targets.flatMap((t) => {
      const def = catalog.get(t.metric);
      const value = def ? periodTarget(def, t.schedules, month, asOf, calendar).value : null;
      return value === null ? [] : [{ metric: t.metric, value, period: 'month' as const }];
    });
    tree = deriveFunnelTree(monthly, team.settings.funnel, catalog);
  }
  if (!tree) return { kind: 'none' };
  const root = await evaluateForTeam(store, team, tree, asOf, catalog);
  return { kind: 'tree', root, derived: nodes.length === 0, kgi: kgiStanding(root, asOf, calendarFor(team)) };
}

/** Where the team stands against its KGI as of a day: its period's actual, and the forecast when the KGI is paced (a flow). */
export function kgiStanding(root: EvaluatedTreeNode, asOf: Day, calendar: ReturnType<typeof calendarFor>): KgiStanding | null {
  if (!root.target || root.metric.better !== 'higher') return null;
  const period = periodOf(asOf, root.period);
  const total = totalWorkdays(period, calendar);
  const paced = isPaced(root.metric) && root.actual !== null && total > 1;
  return {
    target: root.target.value,
    actual: root.actual,
    forecast: paced ? forecast(root.actual!, elapsedWorkdays(period, asOf, calendar), total) : null,
    remainingWorkdays: remainingWorkdays(period, asOf, calendar),
  };
}

/**
 * The KGI's line: target, forecast and the distance to the goal (「1億円→1.2億円…ギャップ:2000万円」), with
 * what each workday left takes; reached or on course when there is no distance. Null without a reading.
 */
export function kgiLine(root: EvaluatedTreeNode, standing: KgiStanding, locale: Locale): string | null {
  const c = messages(locale).cycle;
  const gap = kgiGap(standing);
  if (!gap) return null;
  const paced = isPaced(root.metric);
  const q = (n: number) => formatQuantity(root.metric, paced ? Math.round(n) : n, locale);
  const target = q(standing.target);
  if (gap.distance === 0) {
    return gap.from === 'forecast' && (standing.actual ?? 0) < standing.target ? c.kgiOnCourse({ target, forecast: q(standing.forecast!) }) : c.kgiReached({ target, actual: q(standing.actual!) });
  }
  const perDay = gap.perWorkday === null ? null : q(paced ? Math.ceil(gap.perWorkday) : gap.perWorkday);
  return gap.from === 'forecast'
    ? c.kgiGap({ target, forecast: q(standing.forecast!), distance: q(gap.distance), perDay })
    : c.kgiSoFar({ target, actual: q(standing.actual!), distance: q(gap.distance), perDay });
}

/** A tree with the team's actual on every node, each for the current period of its node's kind. */
async function evaluateForTeam(store: Store, team: Team, tree: KpiTreeNode, asOf: Day, catalog: MetricCatalog): Promise<EvaluatedTreeNode> {
  const kinds = new Set<PeriodKind>();
  const collect = (n: KpiTreeNode, inherited: PeriodKind) => {
    const k = n.target?.period ?? inherited;
    kinds.add(k);
    n.children.forEach((c) => collect(c, k));
  };
  collect(tree, 'month');
  const order = [...kinds];
  const { members, ranges } = await teamRanges(store, team, order.map((k) => ({ from: periodOf(asOf, k).start, to: asOf })));
  const byKind = new Map(order.map((k, i) => [k, ranges[i]!] as const));
  return evaluateTree(tree, catalog, (def, kind) => teamValue(def, members, byKind.get(kind) ?? new Map()));
}

/** Seed 000's example tree with the team's actuals, for `/kpi tree example`. */
export async function loadExampleTree(store: Store, team: Team, asOf: Day): Promise<TreeModel> {
  const catalog = await store.metrics.catalog(team.workspace);
  return { kind: 'tree', root: await evaluateForTeam(store, team, SEED_EXAMPLE_TREE, asOf, catalog), derived: false };
}

/** Metrics of the example tree a workspace has retired or never had. */
export function exampleMetricsMissing(catalog: MetricCatalog): string[] {
  const keys: string[] = [];
  const walk = (n: KpiTreeNode) => {
    const def = catalog.get(n.metric);
    if (!def || def.retired) keys.push(n.metric);
    n.children.forEach(walk);
  };
  walk(SEED_EXAMPLE_TREE);
  return keys;
}

/** One node: its name (upper-case first, the KGI marked), its actual against its target with the unit, its attainment and a bar. */
function nodeLine(n: EvaluatedTreeNode, depth: number, locale: Locale): string {
  const indent = '\u2003'.repeat(depth * 2);
  const bullet = depth === 0 ? '🎯' : depth === 1 ? '•' : '◦';
  const name = depth === 0 ? `*KGI ${metricLabel(n.metric, locale)}*` : `*${metricHeading(n.metric, locale)}*`;
  const figure = n.actual === null && n.target ? `– / ${formatQuantity(n.metric, n.target.value, locale)}` : formatFigure(n.metric, n.actual, n.target?.value ?? null, locale);
  const share = n.attainment === null ? '' : ` (${formatPercent(n.attainment, locale)}) ${progressBar(n.attainment, 8)}`;
  return `${indent}${bullet} ${name} ${figure}${share}`;
}

/** The tree's lines, the KGI first and each level indented under its parent. */
export function treeLines(root: EvaluatedTreeNode, locale: Locale): string[] {
  return flatten(root, 0, locale);
}

function flatten(n: EvaluatedTreeNode, depth: number, locale: Locale): string[] {
  return [nodeLine(n, depth, locale), ...n.children.flatMap((c) => flatten(c, depth + 1, locale))];
}

/** Explains why a stored tree cannot be drawn. */
export function treeProblemText(problem: TreeProblem, locale: Locale, catalog: MetricCatalog): string {
  const p = messages(locale).treeProblems;
  const name = (m: string) => {
    const def = catalog.get(m);
    return def ? metricLabel(def, locale) : m;
  };
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
export function renderTree(model: TreeModel, team: Team, locale: Locale, catalog: MetricCatalog, example = false): Message {
  const t = messages(locale);
  const title = example ? t.treeExampleTitle : t.treeTitle({ team: team.name });
  if (model.kind === 'none') return { text: `${title}\n${t.treeNone}`, blocks: [header(title), section(t.treeNone)] };
  if (model.kind === 'invalid') {
    const why = treeProblemText(model.problem, locale, catalog);
    return { text: `${title}\n${why}`, blocks: [header(title), section(why)] };
  }
  const lines = flatten(model.root, 0, locale);
  const kgi = model.kgi ? kgiLine(model.root, model.kgi, locale) : null;
  const blocks: KnownBlock[] = [header(title), ...(kgi ? [section(`*${kgi}*`)] : [])];
  // Sections hold 3,000 characters; a deep tree is split over several.
  for (let i = 0; i < lines.length; i += 15) blocks.push(section(lines.slice(i, i + 15).join('\n')));
  const note = example ? t.treeExampleNote : model.derived ? t.treeDerived : null;
  if (note) blocks.push(context(note));
  return { text: [title, ...(kgi ? [kgi] : []), ...lines, ...(note ? [note] : [])].join('\n'), blocks };
}
