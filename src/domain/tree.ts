import { metricBetter, type MetricKey } from './metrics.js';
import type { PeriodKind } from './periods.js';
import { attainment } from './progress.js';

/**
 * The KPI tree (KPIツリー, DOMAIN.md): the KGI at the root, decomposed into the KPIs that move it,
 * down to daily activity. A team defines one, or the bot derives one along the sales funnel.
 */

export interface TreeTarget {
  readonly value: number;
  readonly period: PeriodKind;
}

export interface KpiTreeNode {
  readonly metric: MetricKey;
  readonly target: TreeTarget | null;
  readonly children: readonly KpiTreeNode[];
}

/** One node as a team defines it: its target and the metric it sits under (null for the KGI). */
export interface TreeDefinition {
  readonly metric: MetricKey;
  readonly value: number;
  readonly period: PeriodKind;
  readonly parent: MetricKey | null;
}

/** Levels from the KGI down, the KGI being level 1: deeper trees stop being readable. */
export const MAX_TREE_DEPTH = 5;

export type TreeProblem =
  | { readonly code: 'noRoot' }
  | { readonly code: 'twoRoots'; readonly metrics: readonly MetricKey[] }
  | { readonly code: 'duplicateMetric'; readonly metric: MetricKey }
  | { readonly code: 'unknownParent'; readonly metric: MetricKey; readonly parent: MetricKey }
  | { readonly code: 'cycle'; readonly metrics: readonly MetricKey[] }
  | { readonly code: 'tooDeep'; readonly metric: MetricKey; readonly depth: number; readonly max: number };

export type TreeResult = { readonly ok: true; readonly value: KpiTreeNode } | { readonly ok: false; readonly problem: TreeProblem };

interface DraftNode {
  metric: MetricKey;
  target: TreeTarget | null;
  children: DraftNode[];
}

const draft = (metric: MetricKey, target: TreeTarget | null): DraftNode => ({ metric, target, children: [] });

/** The metrics of the first loop met walking up from each node, in walking order; null when there is none. */
function findCycle(parentOf: ReadonlyMap<MetricKey, MetricKey | null>): MetricKey[] | null {
  for (const start of parentOf.keys()) {
    const path: MetricKey[] = [];
    for (let at: MetricKey | null = start; at !== null; at = parentOf.get(at) ?? null) {
      const seen = path.indexOf(at);
      if (seen >= 0) return path.slice(seen);
      path.push(at);
    }
  }
  return null;
}

/** Levels from the root down to a node, the root being 1 (the parents are known to form no loop). */
function depthOf(metric: MetricKey, parentOf: ReadonlyMap<MetricKey, MetricKey | null>): number {
  let depth = 1;
  for (let at = parentOf.get(metric) ?? null; at !== null; at = parentOf.get(at) ?? null) depth += 1;
  return depth;
}

/** The first thing that keeps definitions from forming one tree, or null. */
function treeProblem(definitions: readonly TreeDefinition[]): TreeProblem | null {
  const parentOf = new Map<MetricKey, MetricKey | null>();
  for (const d of definitions) {
    if (parentOf.has(d.metric)) return { code: 'duplicateMetric', metric: d.metric };
    parentOf.set(d.metric, d.parent);
  }
  for (const d of definitions) {
    if (d.parent !== null && !parentOf.has(d.parent)) return { code: 'unknownParent', metric: d.metric, parent: d.parent };
  }
  const cycle = findCycle(parentOf);
  if (cycle) return { code: 'cycle', metrics: cycle };
  const roots = definitions.filter((d) => d.parent === null).map((d) => d.metric);
  if (roots.length === 0) return { code: 'noRoot' };
  if (roots.length > 1) return { code: 'twoRoots', metrics: roots };
  for (const d of definitions) {
    const depth = depthOf(d.metric, parentOf);
    if (depth > MAX_TREE_DEPTH) return { code: 'tooDeep', metric: d.metric, depth, max: MAX_TREE_DEPTH };
  }
  return null;
}

/**
 * A team's tree from its definitions: the one node without a parent is the KGI; children keep the
 * definitions' order. A problem instead when there is no root, more than one, a parent that is not
 * defined, a metric twice, a loop, or more than `MAX_TREE_DEPTH` levels.
 * `buildTree([{ metric: "revenue", value: 1e7, period: "month", parent: null }, { metric: "wins", value: 50, period: "month", parent: "revenue" }])`
 * → revenue with wins under it.
 */
export function buildTree(definitions: readonly TreeDefinition[]): TreeResult {
  const problem = treeProblem(definitions);
  if (problem) return { ok: false, problem };
  const nodes = new Map(definitions.map((d) => [d.metric, draft(d.metric, { value: d.value, period: d.period })] as const));
  let root: DraftNode | null = null;
  for (const d of definitions) {
    const node = nodes.get(d.metric)!;
    if (d.parent === null) root = node;
    else nodes.get(d.parent)!.children.push(node);
  }
  return { ok: true, value: root! };
}

/** A target for a metric, as `deriveFunnelTree` takes them. */
export interface MetricTarget {
  readonly metric: MetricKey;
  readonly value: number;
  readonly period: PeriodKind;
}

/**
 * The funnel from the KGI down, each count with the rates that convert the level below into it:
 * average deal size turns wins into revenue, the win rate meetings into wins, the meeting rate
 * calls into meetings, the connect rate calls into connects.
 */
const FUNNEL: readonly { readonly count: MetricKey; readonly rates: readonly MetricKey[] }[] = [
  { count: 'revenue', rates: ['avg_deal_size'] },
  { count: 'wins', rates: ['win_rate'] },
  { count: 'meetings', rates: ['meeting_rate'] },
  { count: 'calls', rates: [] },
  { count: 'connects', rates: ['connect_rate'] },
];

/** Metrics `deriveFunnelTree` places; targets for others are left to be shown beside the tree. */
export const FUNNEL_TREE_METRICS: readonly MetricKey[] = FUNNEL.flatMap((level) => [level.count, ...level.rates]);

/**
 * A tree along the funnel for a team that defined none: revenue → wins → meetings → calls → connects,
 * with only the metrics that have targets. A missing level is skipped (revenue → meetings when wins
 * has no target); a rate sits under the count it converts into, or where that count would be.
 * The first target of a metric counts. Null when no funnel metric has a target.
 * `deriveFunnelTree([revenue 1e7/month, meetings 100/month, win_rate 0.5/month])`
 * → revenue with win_rate and meetings under it.
 */
export function deriveFunnelTree(targets: readonly MetricTarget[]): KpiTreeNode | null {
  const targetOf = (metric: MetricKey): TreeTarget | null => {
    const t = targets.find((x) => x.metric === metric);
    return t ? { value: t.value, period: t.period } : null;
  };
  let root: DraftNode | null = null;
  // Where the next node hangs: the deepest count placed so far (or a rate standing in for the top).
  let parent: DraftNode | null = null;
  for (const level of FUNNEL) {
    const countTarget = targetOf(level.count);
    const count = countTarget ? draft(level.count, countTarget) : null;
    const rates = level.rates.flatMap((rate) => {
      const rateTarget = targetOf(rate);
      return rateTarget ? [draft(rate, rateTarget)] : [];
    });
    for (const node of count ? [count, ...rates] : rates) {
      const under: DraftNode | null = node === count ? parent : (count ?? parent);
      if (under) under.children.push(node);
      else root = parent = node;
    }
    if (count) parent = count;
  }
  return root;
}

/** A tree node with where it stands: the actual for its period and the attainment against its target. */
export interface EvaluatedTreeNode {
  readonly metric: MetricKey;
  readonly target: TreeTarget | null;
  /** The node's target period, else its parent's, else the default. */
  readonly period: PeriodKind;
  readonly actual: number | null;
  readonly attainment: number | null;
  readonly children: readonly EvaluatedTreeNode[];
}

/**
 * The same tree with the actual and the attainment on every node; `actualOf` answers the metric's
 * value for the current period of a kind (null when unknown). A node without a target takes its
 * parent's period, the root `defaultPeriod`.
 * `evaluateTree(SEED_EXAMPLE_TREE, (m) => (m === "wins" ? 40 : null))` → wins with attainment 0.8.
 */
export function evaluateTree(
  tree: KpiTreeNode,
  actualOf: (metric: MetricKey, period: PeriodKind) => number | null,
  defaultPeriod: PeriodKind = 'month',
): EvaluatedTreeNode {
  const period = tree.target?.period ?? defaultPeriod;
  const actual = actualOf(tree.metric, period);
  return {
    metric: tree.metric,
    target: tree.target,
    period,
    actual,
    attainment: actual !== null && tree.target ? attainment(actual, tree.target.value, metricBetter(tree.metric)) : null,
    children: tree.children.map((child) => evaluateTree(child, actualOf, period)),
  };
}

const leaf = (metric: MetricKey, value: number, children: readonly KpiTreeNode[] = []): KpiTreeNode => ({
  metric,
  target: { value, period: 'month' },
  children,
});

/**
 * DOMAIN.md's example tree (seed 000), all monthly: KGI revenue (MRR) ¥10,000,000; new customers:
 * wins 50 from meetings 100 (meeting rate 20% of calls) and 500 effective calls; existing customers:
 * upsell rate 10% with churn rate at most 5%. The seed's "+¥3,000,000 from existing customers"
 * has no metric of its own and is carried by its rates; ¥7,000,000 from 50 new wins is ¥140,000 a deal.
 */
export const SEED_EXAMPLE_TREE: KpiTreeNode = leaf('revenue', 10_000_000, [
  leaf('wins', 50, [leaf('meetings', 100, [leaf('meeting_rate', 0.2)]), leaf('connects', 500)]),
  leaf('upsell_rate', 0.1, [leaf('churn_rate', 0.05)]),
]);
