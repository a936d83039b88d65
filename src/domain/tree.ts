import type { MetricCatalog } from './metric-catalog.js';
import type { MetricDef } from './metrics.js';
import type { PeriodKind } from './periods.js';
import { attainment } from './progress.js';

type MetricKey = string;

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
 * A tree along the team's funnel for a team that defined none: revenue, then the funnel from its end
 * back to its start (wins → meetings → connects → calls), with only the metrics that have targets. A
 * missing level is skipped (revenue → meetings when wins has no target); the rate that converts the
 * level below into a count sits under that count (the win rate under wins). The first target of a
 * metric counts. Null when no level has a target.
 * `deriveFunnelTree([revenue 1e7/month, meetings 100/month, win_rate 0.2/month], ["calls", "meetings", "wins"], catalog)`
 * → revenue with meetings under it.
 */
export function deriveFunnelTree(targets: readonly MetricTarget[], funnel: readonly string[], catalog: MetricCatalog): KpiTreeNode | null {
  const targetOf = (metric: MetricKey): TreeTarget | null => {
    const t = targets.find((x) => x.metric === metric);
    return t ? { value: t.value, period: t.period } : null;
  };
  const levels = ['revenue', ...[...funnel].reverse()].filter((m, i, all) => all.indexOf(m) === i && targetOf(m) !== null);
  let root: DraftNode | null = null;
  let parent: DraftNode | null = null;
  levels.forEach((metric, i) => {
    const node = draft(metric, targetOf(metric));
    if (parent) parent.children.push(node);
    else root = node;
    const below = levels[i + 1];
    const rate = below === undefined ? null : metric === 'revenue' ? catalog.get('avg_deal_size') : catalog.rateOf(metric, below);
    if (rate && !rate.retired && targetOf(rate.key)) node.children.push(draft(rate.key, targetOf(rate.key)));
    parent = node;
  });
  return root;
}

/** A tree node with where it stands: the actual for its period and the attainment against its target. */
export interface EvaluatedTreeNode {
  readonly metric: MetricDef;
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
  catalog: MetricCatalog,
  actualOf: (metric: MetricDef, period: PeriodKind) => number | null,
  defaultPeriod: PeriodKind = 'month',
): EvaluatedTreeNode {
  const period = tree.target?.period ?? defaultPeriod;
  const def = catalog.def(tree.metric);
  const actual = actualOf(def, period);
  return {
    metric: def,
    target: tree.target,
    period,
    actual,
    attainment: actual !== null && tree.target ? attainment(actual, tree.target.value, def.better) : null,
    children: tree.children.map((child) => evaluateTree(child, catalog, actualOf, period)),
  };
}

/** Where a team stands against its KGI: the target, the actual so far, the forecast for its period, and the workdays left. */
export interface KgiStanding {
  readonly target: number;
  readonly actual: number | null;
  /** Where the period ends at the current pace; null for a KGI that is not paced (a snapshot, a rate) or before the first workday. */
  readonly forecast: number | null;
  readonly remainingWorkdays: number;
}

/**
 * The KGI gap (seed 004: 「1億円→1.2億円…ギャップ:2000万円」): how far the forecast (else the actual so far)
 * lands from the target, and what each workday left would take to close it; a distance of 0 once
 * the forecast reaches the target. Null without an actual or a forecast to compare.
 * `kgiGap({ target: 12e6, actual: 5e6, forecast: 10e6, remainingWorkdays: 10 })` → distance 2,000,000, 200,000 a workday.
 */
export function kgiGap(s: KgiStanding): { readonly distance: number; readonly perWorkday: number | null; readonly from: 'forecast' | 'actual' } | null {
  const basis = s.forecast ?? s.actual;
  if (basis === null) return null;
  const distance = Math.max(0, s.target - basis);
  // What the remaining workdays need is measured from the actual: the forecast already counts them.
  const open = s.actual === null ? distance : Math.max(0, s.target - s.actual);
  return { distance, perWorkday: distance > 0 && s.remainingWorkdays > 0 ? open / s.remainingWorkdays : null, from: s.forecast === null ? 'actual' : 'forecast' };
}

const leaf = (metric: MetricKey, value: number, children: readonly KpiTreeNode[] = []): KpiTreeNode => ({
  metric,
  target: { value, period: 'month' },
  children,
});

/**
 * Seed 000's example tree, all monthly, as the article lays it out. KGI: MRR ¥10,000,000. KPI 1:
 * 50 new customers (wins), from KPI 1-1: 100 meetings at KPI 1-1-1: a 20% meeting rate of calls, and
 * KPI 1-2: 500 calls (100 meetings ÷ 20%). KPI 2: +¥3,000,000 a month from existing customers
 * (expansion revenue), from KPI 2-1: upsells and cross-sells at 10% of the customers, with KPI 2-1-1:
 * churn within 5% a month.
 */
export const SEED_EXAMPLE_TREE: KpiTreeNode = leaf('mrr', 10_000_000, [
  leaf('wins', 50, [leaf('meetings', 100, [leaf('meeting_rate', 0.2)]), leaf('calls', 500)]),
  leaf('expansion_revenue', 3_000_000, [leaf('expansion_rate', 0.1, [leaf('churn_rate', 0.05)])]),
]);

/** A tree as the definitions `buildTree` takes, parents before children: how a team adopts the example. */
export function treeDefinitions(tree: KpiTreeNode, parent: MetricKey | null = null): TreeDefinition[] {
  return [
    { metric: tree.metric, value: tree.target?.value ?? 0, period: tree.target?.period ?? 'month', parent },
    ...tree.children.flatMap((c) => treeDefinitions(c, tree.metric)),
  ];
}
