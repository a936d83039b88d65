import { describe, expect, it } from 'vitest';
import type { PeriodKind } from '../../src/domain/periods.js';
import { reversePlan } from '../../src/domain/planning.js';
import {
  MAX_TREE_DEPTH,
  SEED_EXAMPLE_TREE,
  buildTree,
  deriveFunnelTree,
  evaluateTree,
  type KpiTreeNode,
  type MetricTarget,
  type TreeDefinition,
} from '../../src/domain/tree.js';
import { BUILT_INS } from '../harness/metrics.js';

type MetricKey = string;
const FUNNEL = ['calls', 'connects', 'meetings', 'wins'];

const def = (metric: MetricKey, value: number, parent: MetricKey | null, period: PeriodKind = 'month'): TreeDefinition => ({ metric, value, period, parent });
const target = (metric: MetricKey, value: number, period: PeriodKind = 'month'): MetricTarget => ({ metric, value, period });

/** A tree as nested metric names, to compare shapes at a glance. */
const shape = (n: KpiTreeNode): unknown => (n.children.length ? { [n.metric]: n.children.map(shape) } : n.metric);
const find = (n: KpiTreeNode, metric: MetricKey): KpiTreeNode | undefined =>
  n.metric === metric ? n : n.children.map((c) => find(c, metric)).find(Boolean);

const SEED_DEFINITIONS: TreeDefinition[] = [
  def('mrr', 10_000_000, null),
  def('wins', 50, 'mrr'),
  def('meetings', 100, 'wins'),
  def('meeting_rate', 0.2, 'meetings'),
  def('calls', 500, 'wins'),
  def('expansion_revenue', 3_000_000, 'mrr'),
  def('expansion_rate', 0.1, 'expansion_revenue'),
  def('churn_rate', 0.05, 'expansion_rate'),
];

describe('SEED_EXAMPLE_TREE', () => {
  it('is seed 000’s tree: KGI MRR, KPI 1 new customers from meetings and calls, KPI 2 growth from existing customers', () => {
    expect(shape(SEED_EXAMPLE_TREE)).toEqual({
      mrr: [{ wins: [{ meetings: ['meeting_rate'] }, 'calls'] }, { expansion_revenue: [{ expansion_rate: ['churn_rate'] }] }],
    });
    expect(SEED_EXAMPLE_TREE.target).toEqual({ value: 10_000_000, period: 'month' });
    expect(find(SEED_EXAMPLE_TREE, 'expansion_revenue')!.target).toEqual({ value: 3_000_000, period: 'month' });
    expect(find(SEED_EXAMPLE_TREE, 'churn_rate')!.target).toEqual({ value: 0.05, period: 'month' });
  });

  it('MRR is a snapshot, not bookings added up; the growth from existing customers is an amount of its own', () => {
    expect(BUILT_INS.def('mrr')).toMatchObject({ kind: 'snapshot', unit: 'currency' });
    expect(BUILT_INS.def('expansion_revenue')).toMatchObject({ kind: 'flow', unit: 'currency' });
    expect(BUILT_INS.def('expansion_rate').formula).toEqual({ numerator: ['upsells', 'cross_sells'], denominator: 'customers', denominatorAt: 'start' });
  });

  it('its numbers agree: 500 calls at the 20% meeting rate of KPI 1-1-1 are KPI 1-1’s 100 meetings', () => {
    const calls = find(SEED_EXAMPLE_TREE, 'calls')!.target!.value;
    expect(calls * find(SEED_EXAMPLE_TREE, 'meeting_rate')!.target!.value).toBe(find(SEED_EXAMPLE_TREE, 'meetings')!.target!.value);
    // The seed gives no deal size: a plan from it takes the wins and meetings, and the calls follow.
    const plan = reversePlan({ revenue: 50 * 200_000, avgDealSize: 200_000, winRate: 0.5, meetingRate: 0.2, workdays: 19 });
    if (!plan.ok) throw new Error(plan.problem.code);
    expect([plan.value.wins, plan.value.meetings, plan.value.calls]).toEqual([50, 100, 500]);
  });

  it('is what buildTree makes of its definitions', () => {
    expect(buildTree(SEED_DEFINITIONS)).toEqual({ ok: true, value: SEED_EXAMPLE_TREE });
  });
});

describe('buildTree', () => {
  it('keeps the definitions’ order among siblings, whatever order parents come in', () => {
    const result = buildTree([def('meetings', 100, 'wins'), def('connects', 500, 'wins'), def('wins', 50, 'revenue'), def('revenue', 1e7, null)]);
    expect(result.ok && shape(result.value)).toEqual({ revenue: [{ wins: ['meetings', 'connects'] }] });
  });

  it('a single KGI with no KPIs is a tree', () => {
    expect(buildTree([def('revenue', 1e7, null)])).toEqual({ ok: true, value: { metric: 'revenue', target: { value: 1e7, period: 'month' }, children: [] } });
  });

  it('no definitions at all have no root', () => {
    expect(buildTree([])).toEqual({ ok: false, problem: { code: 'noRoot' } });
  });

  it('two nodes without a parent are two roots', () => {
    expect(buildTree([def('revenue', 1e7, null), def('wins', 50, null)])).toEqual({ ok: false, problem: { code: 'twoRoots', metrics: ['revenue', 'wins'] } });
  });

  it('a parent that is not defined is a problem', () => {
    expect(buildTree([def('revenue', 1e7, null), def('meetings', 100, 'wins')])).toEqual({
      ok: false,
      problem: { code: 'unknownParent', metric: 'meetings', parent: 'wins' },
    });
  });

  it('a metric defined twice is a problem', () => {
    expect(buildTree([def('revenue', 1e7, null), def('wins', 50, 'revenue'), def('wins', 60, 'revenue')])).toEqual({
      ok: false,
      problem: { code: 'duplicateMetric', metric: 'wins' },
    });
  });

  it('a loop is a problem, even beside a proper root', () => {
    expect(buildTree([def('revenue', 1e7, null), def('wins', 50, 'meetings'), def('meetings', 100, 'wins')])).toEqual({
      ok: false,
      problem: { code: 'cycle', metrics: ['wins', 'meetings'] },
    });
  });

  it('a node that is its own parent is a loop', () => {
    expect(buildTree([def('revenue', 1e7, 'revenue')])).toEqual({ ok: false, problem: { code: 'cycle', metrics: ['revenue'] } });
  });

  it('allows five levels and refuses a sixth', () => {
    const chain: MetricKey[] = ['revenue', 'wins', 'meetings', 'calls', 'connects', 'connect_rate'];
    const defs = chain.map((m, i) => def(m, 1, i === 0 ? null : chain[i - 1]!));
    expect(MAX_TREE_DEPTH).toBe(5);
    expect(buildTree(defs.slice(0, 5)).ok).toBe(true);
    expect(buildTree(defs)).toEqual({ ok: false, problem: { code: 'tooDeep', metric: 'connect_rate', depth: 6, max: 5 } });
  });
});

describe('deriveFunnelTree', () => {
  it('lays the team’s funnel out from revenue down, each rate under the count it converts into', () => {
    const tree = deriveFunnelTree(
      [
      target('calls', 50, 'day'),
      target('connect_rate', 0.3),
      target('meeting_rate', 0.2),
      target('revenue', 1e7),
      target('win_rate', 0.5),
      target('meetings', 100),
      target('avg_deal_size', 140_000),
      target('wins', 50),
      target('connects', 500),
      target('connect_meeting_rate', 0.25),
      ],
      FUNNEL,
      BUILT_INS,
    );
    expect(shape(tree!)).toEqual({
      revenue: ['avg_deal_size', { wins: ['win_rate', { meetings: ['connect_meeting_rate', { connects: ['connect_rate', 'calls'] }] }] }],
    });
    expect(find(tree!, 'calls')!.target).toEqual({ value: 50, period: 'day' });
  });

  it('skips a level without a target: revenue → meetings when wins has none', () => {
    expect(shape(deriveFunnelTree([target('revenue', 1e7), target('meetings', 100), target('calls', 500), target('meeting_rate', 0.2)], FUNNEL, BUILT_INS)!)).toEqual({
      revenue: [{ meetings: ['meeting_rate', 'calls'] }],
    });
  });

  it('places a rate only between the two counts of its formula', () => {
    // The win rate converts meetings into wins; without a wins target it has nowhere to hang.
    expect(shape(deriveFunnelTree([target('revenue', 1e7), target('win_rate', 0.5), target('meetings', 100)], FUNNEL, BUILT_INS)!)).toEqual({
      revenue: ['meetings'],
    });
  });

  it('roots the tree at the highest level that has a target', () => {
    expect(shape(deriveFunnelTree([target('calls', 50, 'day'), target('meetings', 50)], FUNNEL, BUILT_INS)!)).toEqual({ meetings: ['calls'] });
  });

  it('follows the team’s own funnel', () => {
    expect(shape(deriveFunnelTree([target('wins', 10), target('leads', 200), target('meetings', 40)], ['leads', 'meetings', 'wins'], BUILT_INS)!)).toEqual({
      wins: [{ meetings: ['leads'] }],
    });
  });

  it('leaves out metrics off the funnel and has nothing to show without funnel targets', () => {
    expect(shape(deriveFunnelTree([target('wins', 10), target('csat', 4.5), target('visits', 10, 'week')], FUNNEL, BUILT_INS)!)).toBe('wins');
    expect(deriveFunnelTree([target('csat', 4.5)], FUNNEL, BUILT_INS)).toBeNull();
    expect(deriveFunnelTree([], FUNNEL, BUILT_INS)).toBeNull();
  });

  it('takes the first target when a metric has two', () => {
    expect(deriveFunnelTree([target('calls', 50, 'day'), target('calls', 1000)], FUNNEL, BUILT_INS)!.target).toEqual({ value: 50, period: 'day' });
  });
});

describe('evaluateTree', () => {
  const actuals: Partial<Record<MetricKey, number>> = {
    mrr: 8_000_000,
    wins: 40,
    meetings: 100,
    meeting_rate: 0.25,
    calls: 400,
    expansion_revenue: 3_600_000,
    expansion_rate: 0.12,
    churn_rate: 0.08,
  };
  const evaluated = evaluateTree(SEED_EXAMPLE_TREE, BUILT_INS, (metric) => actuals[metric.key] ?? null);

  it('puts the actual and the attainment on every node', () => {
    const flat = (n: ReturnType<typeof evaluateTree>): [MetricKey, number | null, number | null][] => [
      [n.metric.key, n.actual, n.attainment],
      ...n.children.flatMap(flat),
    ];
    expect(flat(evaluated)).toEqual([
      ['mrr', 8_000_000, 0.8],
      ['wins', 40, 0.8],
      ['meetings', 100, 1],
      ['meeting_rate', 0.25, 1.25],
      ['calls', 400, 0.8],
      ['expansion_revenue', 3_600_000, 1.2],
      ['expansion_rate', 0.12, 1.2],
      // Churn is lower-is-better: 8% against a 5% ceiling is 5 ÷ 8.
      ['churn_rate', 0.08, 0.625],
    ]);
  });

  it('asks for each node’s actual over its own target’s period', () => {
    const asked: string[] = [];
    const tree = deriveFunnelTree([target('meetings', 50), target('calls', 50, 'day')], FUNNEL, BUILT_INS)!;
    evaluateTree(tree, BUILT_INS, (metric, period) => {
      asked.push(`${metric.key}/${period}`);
      return null;
    });
    expect(asked).toEqual(['meetings/month', 'calls/day']);
  });

  it('a node without a target takes its parent’s period and has no attainment', () => {
    const tree: KpiTreeNode = { metric: 'revenue', target: { value: 1e7, period: 'quarter' }, children: [{ metric: 'wins', target: null, children: [] }] };
    const result = evaluateTree(tree, BUILT_INS, () => 12);
    expect(result.children[0]).toEqual({ metric: BUILT_INS.def('wins'), target: null, period: 'quarter', actual: 12, attainment: null, children: [] });
  });

  it('an unknown actual has no attainment', () => {
    const result = evaluateTree(SEED_EXAMPLE_TREE, BUILT_INS, () => null);
    expect(result).toMatchObject({ actual: null, attainment: null });
  });
});
